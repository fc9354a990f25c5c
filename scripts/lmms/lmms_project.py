#!/usr/bin/env python3
"""Reads, edits and writes LMMS 1.2 projects: the edits a DAW user makes by mistake before exporting.

An .mmpz file is a 4-byte big-endian length followed by zlib-compressed XML (Qt's qCompress,
which LMMS's DataFile uses); an .mmp file is the XML itself. LMMS opens both, so edited
projects are written as plain .mmp.

Song-level tracks (`song/trackcontainer/track`) carry `type`: 0 instrument, 1 beat/bassline,
2 sample, 5 automation, 6 hidden automation (LMMS 1.2's Track::TrackTypes). A *stem* here is
one song-level track of type 0, 1 or 2 that plays something; automation tracks stay as they are.
Positions are in ticks: 192 ticks to a 4/4 bar, 48 to a beat (LMMS's DefaultTicksPerBar).

    python3 lmms_project.py tracks song.mmpz
    python3 lmms_project.py edit song.mmpz out.mmp --solo 3 --volume-db 3:3.0 --shift 3:2 ...

Only the standard library: this runs where PyPI is not reachable.
"""
import argparse
import math
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

TICKS_PER_BEAT = 48            # LMMS 1.2: DefaultTicksPerBar 192 / 4
STEM_TYPES = ("0", "1", "2")   # instrument, beat/bassline, sample
CLIP_TAGS = ("pattern", "bbtco", "sampletco")


def load(path):
    """The project's root element (`lmms-project`)."""
    with open(path, "rb") as f:
        data = f.read()
    if not data.lstrip().startswith(b"<"):
        (length,) = struct.unpack(">I", data[:4])
        data = zlib.decompress(data[4:])
        if len(data) != length:
            raise ValueError(f"{path}: header says {length} bytes, zlib gave {len(data)}")
    return ET.fromstring(data)


def save(root, path):
    xml = ET.tostring(root, encoding="unicode")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?>\n<!DOCTYPE lmms-project>\n' + xml)


def bpm(root):
    return float(root.find("head").get("bpm", "120"))


def song_tracks(root):
    return root.find("song/trackcontainer").findall("track")


def _plays(track):
    """True when the track has a clip with content (notes, a sample, or a beat/bassline block)."""
    for clip in track:
        if clip.tag == "pattern" and clip.find("note") is not None:
            return True
        if clip.tag == "bbtco" and int(clip.get("len", "0")) > 0:
            return True
        if clip.tag == "sampletco" and clip.get("src"):
            return True
    return False


def stem_tracks(root):
    """[(index into song_tracks, track element)] of the unmuted tracks that become stems."""
    return [(i, t) for i, t in enumerate(song_tracks(root))
            if t.get("type") in STEM_TYPES and t.get("muted", "0") != "1" and _plays(t)]


def stem_names(root):
    """A file-name-safe, unique label per stem track: letters and digits only, CamelCase."""
    names, seen = {}, {}
    for i, t in stem_tracks(root):
        words = re.findall(r"[A-Za-z0-9]+", t.get("name", "") or "")
        words = [w for w in words if w.lower() not in ("ds", "wav", "ogg", "sf2", "xpf")]
        label = "".join(w[:1].upper() + w[1:] for w in words)[:24] or f"Track{i}"
        # Words the checker reads as a mix or an FX return would change the file's role.
        if label.lower() in ("mix", "master", "mixdown", "ref", "reference"):
            label = "Trk" + label
        if label[0].isdigit():
            label = "T" + label
        seen[label] = seen.get(label, 0) + 1
        names[i] = label if seen[label] == 1 else f"{label}{seen[label]}"
    # A label that recurs gets its first use numbered too, so no name hides another.
    for i, label in list(names.items()):
        if seen.get(label, 0) > 1:
            names[i] = label + "1"
    return names


def song_end_ticks(root):
    end = 0
    for t in song_tracks(root):
        for clip in t:
            if clip.tag in CLIP_TAGS + ("automationpattern",) and clip.get("pos") is not None:
                end = max(end, int(clip.get("pos")) + int(clip.get("len", "0") or 0))
    return end


def excerpt(root, start_bar, bars):
    """Keeps bars [start_bar, start_bar + bars) of the song and moves them to bar 0.

    Clips that start before the window or end after it are dropped (a clip cut in the middle
    would need its notes cut too). The point is a song short enough to render every track."""
    lo, hi = start_bar * 4 * TICKS_PER_BEAT, (start_bar + bars) * 4 * TICKS_PER_BEAT
    for t in song_tracks(root):
        for clip in list(t):
            if clip.tag in CLIP_TAGS + ("automationpattern",) and clip.get("pos") is not None:
                pos, length = int(clip.get("pos")), int(clip.get("len", "0") or 0)
                if pos < lo or pos + length > hi:
                    if clip.tag == "automationpattern" and pos <= lo < pos + length:
                        continue    # an automation clip spanning the start keeps its place
                    t.remove(clip)
                else:
                    clip.set("pos", str(pos - lo))
    # timeline loop markers are irrelevant to render; nothing else holds song positions


def instrument_of(track):
    e = track.find("instrumenttrack/instrument")
    return e.get("name") if e is not None else None


def drop_instruments(root, names):
    """Mutes (for good: in the mix too) the song tracks played by these instrument plug-ins.

    ZynAddSubFX runs in a separate process in LMMS 1.2 and its output is not repeatable from one
    render to the next, so songs keep their other tracks and lose those."""
    dropped = []
    for t in song_tracks(root):
        if t.get("type") == "0" and instrument_of(t) in names and t.get("muted", "0") != "1":
            t.set("muted", "1")
            dropped.append(t.get("name"))
    return dropped


def drop_master_effects(root):
    """Switches the master FX channel's effect chain off (a master limiter or compressor makes
    the stems' sum differ from the mix by design; the limiter variant adds one back)."""
    chain = root.find("song/fxmixer/fxchannel[@num='0']/fxchain")
    names = []
    if chain is not None and chain.get("enabled", "0") == "1":
        names = [_effect_name(e) for e in chain.findall("effect")]
        for e in list(chain.findall("effect")):
            chain.remove(e)
        chain.set("numofeffects", "0")
    return names


def solo(root, keep):
    """Mutes every stem track but song track `keep` (and clears solo flags)."""
    for i, t in enumerate(song_tracks(root)):
        t.set("solo", "0")
        if t.get("type") in STEM_TYPES and i != keep:
            t.set("muted", "1")


def _track_settings(track):
    for tag in ("instrumenttrack", "sampletrack"):
        e = track.find(tag)
        if e is not None:
            return e
    raise ValueError(f"track {track.get('name')!r} (type {track.get('type')}) has no volume or pan")


def change_volume_db(root, index, db):
    """Multiplies the track's volume (a linear percentage in LMMS) by 10^(db/20)."""
    s = _track_settings(song_tracks(root)[index])
    old = float(s.get("vol", "100"))
    new = old * 10 ** (db / 20.0)
    if new > 200.0:     # LMMS's volume knob stops at 200 %
        raise ValueError(f"volume {old} % + {db} dB = {new:.1f} % exceeds LMMS's 200 %")
    s.set("vol", f"{new:.6f}")
    return old, new


def set_pan(root, index, pan):
    s = _track_settings(song_tracks(root)[index])
    old = float(s.get("pan", "0"))
    s.set("pan", str(pan))
    return old


def pan_gains_db(pan):
    """Left and right gains LMMS 1.2 applies for a pan in -100..100 (panningToVolumeVector)."""
    pf = pan / 100.0
    left, right = (1.0 - abs(pf), 1.0) if pf >= 0 else (1.0, 1.0 - abs(pf))
    return [20 * math.log10(left) if left > 0 else None, 20 * math.log10(right) if right > 0 else None]


def fx_channel_of(root, index):
    s = song_tracks(root)[index].find("instrumenttrack")
    return int(s.get("fxch", "0")) if s is not None else 0


def _effect_name(e):
    plugin = e.find("key/attribute[@name='plugin']")
    return e.get("name") + (":" + plugin.get("value") if plugin is not None else "")


def effects_of(root, index):
    """Names of the enabled effects the track's sound passes through before the master: its own
    chain and that of its FX channel (when not the master)."""
    t = song_tracks(root)[index]
    chains = t.findall("instrumenttrack/fxchain")
    ch = fx_channel_of(root, index)
    if ch:
        chains += root.findall(f"song/fxmixer/fxchannel[@num='{ch}']/fxchain")
    return [_effect_name(e) for c in chains if c.get("enabled", "0") == "1"
            for e in c.findall("effect") if e.get("on", "1") == "1"]


def bypass_effects(root, index):
    """The track as printed with its effects switched off: its own effect chain and, when the
    track is routed to an FX channel, that channel's chain (the send/FX channel muted in
    effect: the dry signal still reaches the master)."""
    t = song_tracks(root)[index]
    chains = t.findall("instrumenttrack/fxchain")
    ch = fx_channel_of(root, index)
    if ch:
        chains += root.findall(f"song/fxmixer/fxchannel[@num='{ch}']/fxchain")
    for c in chains:
        c.set("enabled", "0")
    return len(chains)


def shift_track(root, index, ticks):
    """Moves every clip of the track by `ticks` (positive: later)."""
    for clip in song_tracks(root)[index]:
        if clip.tag in CLIP_TAGS and clip.get("pos") is not None:
            clip.set("pos", str(int(clip.get("pos")) + ticks))


# LMMS 1.2's Debian package ships Steve Harris's LADSPA set; fast_lookahead_limiter_1913 is its
# "Fast Lookahead limiter" (a stereo plug-in: one instance, control ports 0 input gain in dB,
# 1 limit in dB, 2 release, which LMMS stores in ms as a time knob). The demo EsoXLB-CPU uses it
# on its master with exactly this XML. Its lookahead delays the mix; LMMS 1.2 does not
# compensate plug-in latency, so the limited mix is late by that delay (measured per render).
LIMITER_KEY = {"file": "fast_lookahead_limiter_1913", "plugin": "fastLookaheadLimiter"}


def add_master_limiter(root, gain_db=6.0, limit_db=-1.0, release_ms=100.0):
    """Puts the Fast Lookahead Limiter last on the master FX channel (channel 0)."""
    master = root.find("song/fxmixer/fxchannel[@num='0']")
    chain = master.find("fxchain")
    if chain is None:
        chain = ET.SubElement(master, "fxchain")
    chain.set("enabled", "1")
    effect = ET.SubElement(chain, "effect", {"on": "1", "wet": "1", "autoquit": "1", "gate": "0",
                                             "autoquit_numerator": "4", "autoquit_denominator": "4",
                                             "syncmode": "0", "name": "ladspaeffect"})
    controls = ET.SubElement(effect, "ladspacontrols", {"ports": "3"})
    ET.SubElement(controls, "port00", {"data": str(gain_db)})
    ET.SubElement(controls, "port01", {"data": str(limit_db)})
    ET.SubElement(controls, "port02", {"data": str(release_ms), "syncmode": "0",
                                       "data_numerator": "4", "data_denominator": "4"})
    key = ET.SubElement(effect, "key")
    for k, v in LIMITER_KEY.items():
        ET.SubElement(key, "attribute", {"name": k, "value": v})
    chain.set("numofeffects", str(len(chain.findall("effect"))))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("tracks", help="lists the stem tracks")
    p.add_argument("project")
    p = sub.add_parser("edit", help="writes an edited copy")
    p.add_argument("project")
    p.add_argument("out")
    p.add_argument("--excerpt", metavar="START:BARS")
    p.add_argument("--solo", type=int, metavar="INDEX")
    p.add_argument("--volume-db", metavar="INDEX:DB")
    p.add_argument("--pan", metavar="INDEX:PAN")
    p.add_argument("--bypass-fx", type=int, metavar="INDEX")
    p.add_argument("--shift", metavar="INDEX:TICKS")
    p.add_argument("--master-limiter", action="store_true")
    a = ap.parse_args(argv)
    root = load(a.project)
    if a.cmd == "tracks":
        names = stem_names(root)
        print(f"bpm {bpm(root)}, {song_end_ticks(root)} ticks")
        for i, t in stem_tracks(root):
            print(i, t.get("type"), names[i], repr(t.get("name")), effects_of(root, i))
        return 0
    if a.excerpt:
        s, n = map(int, a.excerpt.split(":"))
        excerpt(root, s, n)
    if a.volume_db:
        i, db = a.volume_db.split(":")
        change_volume_db(root, int(i), float(db))
    if a.pan:
        i, pan = a.pan.split(":")
        set_pan(root, int(i), float(pan))
    if a.bypass_fx is not None:
        bypass_effects(root, a.bypass_fx)
    if a.shift:
        i, ticks = a.shift.split(":")
        shift_track(root, int(i), int(ticks))
    if a.master_limiter:
        add_master_limiter(root)
    if a.solo is not None:
        solo(root, a.solo)
    save(root, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
