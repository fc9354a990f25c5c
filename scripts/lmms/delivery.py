#!/usr/bin/env python3
"""Renders one LMMS demo project into one stem delivery with one known fault, and its truth.json.

    python3 delivery.py PROJECT VARIANT OUTDIR [--excerpt START:BARS|auto:BARS]

Stems are `<Title>_<Track>_<bpm>bpm.wav` (32-bit float, 44.1 kHz, stereo; the bpm part keeps
the default `music` spec's naming pattern satisfied, so a naming warning never pollutes the
evaluation), the mix is `<Title>_Mix_<bpm>bpm.wav`. Each stem is one song track rendered in its
own LMMS process with every other track muted, the mix the whole song (render.py), so a clean
delivery nulls to about -150 dB. A faulted variant changes the project the way a DAW user would
before exporting one stem (or the mix) and keeps every other file bit-identical to the clean one.

Variants (VARIANTS below): clean, gain (one track's volume +3 dB in its stem), pan (one track's
pan moved by 50 in its stem), fx (one track's effect chain and FX channel switched off in its
stem), offset (one track's clips moved 2 ticks later in its stem), removed (one stem file left
out; the mix keeps it), limiter (a lookahead limiter on the master for the mix only), x2 (the mix
rendered with 2x oversampling, the stems with none).

truth.json: {"project", "variant", "description", "expected": [{"code", "file", ...}],
"allowed": [...], "innocent_files": [...], "mix": {"file", "latency_samples", "null_db"}, ...}.
An expectation's "codes" lists the codes that count as finding it; "measurement", "value" and
"tolerance" (when present) give the number the finding must carry. "allowed" lists findings that
are neither expected nor false (a consequence of the fault that names no innocent stem).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lmms_project as lp  # noqa: E402
import render as R  # noqa: E402

VARIANTS = ("clean", "gain", "pan", "fx", "offset", "removed", "limiter", "x2")

GAIN_FAULT_DB = 3.0          # the fader error of the gain variant
GAIN_TOLERANCE_DB = 0.5      # a mix.gain finding within this of the truth counts as exact
PAN_FAULT = 50               # pan units (-100..100) the pan variant moves one track by
SHIFT_TICKS = 2              # the offset variant's displacement, in LMMS ticks (1/48 beat)
OFFSET_TOLERANCE_SAMPLES = 1.0   # a mix.offset finding within this of the truth counts as exact
SILENT_PEAK = 1e-7           # a solo render below this peak (-140 dBFS) is not delivered as a stem
# The demos' float renders peak up to several dB above full scale. Every file of a song (stems and
# mix alike) is multiplied by one factor that puts the clean mix's sample peak here, so no level
# finding is owed to the demo itself; one gain on every file changes no null.
MIX_PEAK_DBFS = -3.0
LIMITER_DRIVE_DB = 6.0       # how far the limiter variant drives the (scaled) mix into its ceiling
LIMITER_CEILING_DB = -1.0
# Conditions of the renders themselves, not of the injected fault, that the level checks rightly
# report (FINDINGS.md: level.dc-offset above -50 dBFS, level.true-peak above -1 dBTP,
# level.clipping at or beyond full scale). Each delivered file is measured here, with a margin so
# that a measurement a little different from stemcheck's still counts, and what it shows is
# "allowed" in truth.json: neither expected nor a false finding.
DC_ALLOW_DBFS = -56.0        # the checker's -50 dBFS limit less a 6 dB margin
TRUE_PEAK_ALLOW_DBTP = -2.0  # the checker's -1 dBTP ceiling less a 1 dB margin
CLIP_ALLOW_DBFS = -0.5       # a sample peak this close to full scale may be reported as clipping
# A render whose channels are anti-correlated overall (a stereo widener on a synth: LMMS
# Oglsdl-PpTrip's Supernova, -0.58) is out of phase in fact, as content.out-of-phase says (it
# reports sustained negative correlation over a tenth of the time; -0.2 overall is well inside that).
ANTI_CORRELATED_ALLOW = -0.2
REVERB_WORDS = ("reverb", "plate", "delay", "echo", "verb", "chorus", "flang")


def copy_root(root):
    return ET.fromstring(ET.tostring(root))


def title_of(project_path):
    base = os.path.basename(project_path).split(".")[0]
    return "".join(w[:1].upper() + w[1:] for w in re.findall(r"[A-Za-z0-9]+", base))[:40]


def lmms_version():
    try:
        p = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "lmms"], stdout=subprocess.PIPE, text=True)
        return p.stdout.strip() or None
    except OSError:
        return None


def place(src_wav, frames, dest, scale=1.0):
    """Writes the render times `scale`, padded (with the silence LMMS stops rendering at) or cut
    to `frames`, through a cache of such files, hard-linked into the delivery to save disk."""
    padded = src_wav[:-4] + f".{frames}.{scale!r}.wav"
    if not os.path.exists(padded):
        rate, x = R.read_wav(src_wav)
        R.write_wav_float(padded, rate, scale * R.fit_length(x, frames))
    if os.path.exists(dest):
        os.remove(dest)
    try:
        os.link(padded, dest)
    except OSError:
        shutil.copyfile(padded, dest)


def true_peak_dbfs(x):
    """Peak of the 4x band-limited interpolation (FFT zero-padding), in dBFS: BS.1770-4's idea."""
    n = len(x)
    spec = np.fft.rfft(x, axis=0)
    up = np.fft.irfft(spec, 4 * n, axis=0) * 4
    return 20 * np.log10(max(float(np.max(np.abs(up))), float(np.max(np.abs(x))), 1e-12))


def render_conditions(name, x):
    """Allowed findings for what the file itself holds (DC, peaks near or over full scale)."""
    out = []
    dc = max(abs(float(np.mean(x[:, k]))) for k in range(x.shape[1]))
    if dc > 0 and 20 * np.log10(dc) > DC_ALLOW_DBFS:
        out.append({"code": "level.dc-offset", "file": name, "why": f"the render has DC at {20 * np.log10(dc):.1f} dBFS"})
    peak = 20 * np.log10(max(float(np.max(np.abs(x))), 1e-12))
    if peak > TRUE_PEAK_ALLOW_DBTP - 4.0:
        tp = true_peak_dbfs(x)
        if tp > TRUE_PEAK_ALLOW_DBTP:
            out.append({"code": "level.true-peak", "file": name, "why": f"true peak about {tp:.2f} dBTP"})
    if peak > CLIP_ALLOW_DBFS:
        out.append({"code": "level.clipping", "file": name, "why": f"sample peak {peak:.2f} dBFS"})
    if x.shape[1] == 2:
        l, r = x[:, 0], x[:, 1]
        denom = float(np.sqrt(np.sum(l * l) * np.sum(r * r)))
        corr = float(np.sum(l * r)) / denom if denom > 0 else 0.0
        if corr < ANTI_CORRELATED_ALLOW:
            out.append({"code": "content.out-of-phase", "file": name,
                        "why": f"the render's channels correlate at {corr:.2f} overall"})
    return out


def gain_db(faulted, clean):
    """Least-squares gain of `faulted` over `clean`, in dB (the fault's true size)."""
    n = min(len(faulted), len(clean))
    a, b = faulted[:n].ravel(), clean[:n].ravel()
    return 20 * np.log10(abs(float(a @ b) / float(b @ b)))


def lag_samples(late, early, max_lag):
    """The lag (in samples) at which `late` best matches `early`: positive when `late` is later."""
    n = min(len(late), len(early))
    a, b = late[:n].mean(axis=1), early[:n].mean(axis=1)
    size = 1 << int(np.ceil(np.log2(2 * n)))
    xc = np.fft.irfft(np.fft.rfft(a, size) * np.conj(np.fft.rfft(b, size)), size)
    lags = np.concatenate([np.arange(0, max_lag + 1), np.arange(-max_lag, 0)])
    vals = np.concatenate([xc[:max_lag + 1], xc[-max_lag:]])
    return int(lags[int(np.argmax(vals))])


class Song:
    """The clean renders of one (excerpted) project, and the choice of the tracks to fault."""

    def __init__(self, project, excerpt, log, drop_instruments=(), no_master_fx=False):
        self.project, self.log = project, log
        self.root = lp.load(project)
        self.dropped = lp.drop_instruments(self.root, drop_instruments) if drop_instruments else []
        self.master_effects_removed = lp.drop_master_effects(self.root) if no_master_fx else []
        self.excerpt = None
        if excerpt:
            s, n = excerpt.split(":")
            s = R.best_window(self.root, int(n)) if s == "auto" else int(s)
            lp.excerpt(self.root, s, int(n))
            self.excerpt = {"start_bar": s, "bars": int(n)}
        self.title = title_of(project)
        self.bpm = lp.bpm(self.root)
        self.mix_wav = R.render(self.root, 1, log)
        self.rate, self.mix = R.read_wav(self.mix_wav)
        self.frames = len(self.mix)
        names = lp.stem_names(self.root)
        self.stems = {}    # song-track index -> (label, cached wav, samples)
        for i, _ in lp.stem_tracks(self.root):
            r = copy_root(self.root)
            lp.solo(r, i)
            wav = R.render(r, 1, log)
            x = R.fit_length(R.read_wav(wav)[1], self.frames)
            if np.max(np.abs(x)) < SILENT_PEAK:
                continue
            self.stems[i] = (names[i], wav, x)
        self.null_db = R.null_depth_db(self.mix, [x for _, _, x in self.stems.values()])
        energy = {i: float(np.sum(x ** 2)) for i, (_, _, x) in self.stems.items()}
        self.by_energy = sorted(energy, key=energy.get, reverse=True)
        self.scale = 10 ** (MIX_PEAK_DBFS / 20) / float(np.max(np.abs(self.mix)))
        # LMMS 1.2 applies the master volume (head/@mastervol, %) after the master FX chain:
        # Socceroos (41 %) rendered with a -1 dB limiter peaks at -8.74 dBFS = -1 dB - 7.74 dB.
        # So does the master FX channel's own fader (fxchannel num=0 @volume): FinalStep's 1.6.
        master = self.root.find("song/fxmixer/fxchannel[@num='0']")
        fader = float(master.get("volume", "1")) if master is not None else 1.0
        self.master_db = 20 * np.log10(float(self.root.find("head").get("mastervol", "100")) / 100.0 * fader)

    def file(self, label):
        return f"{self.title}_{label}_{self.bpm:.0f}bpm.wav"

    def track(self, i):
        return lp.song_tracks(self.root)[i]

    def plain_instruments(self):
        """Loudest first: instrument tracks with no effect after their fader, whose volume can
        rise 3 dB within LMMS's 200 %, so a volume change is a pure gain."""
        out = []
        for i in self.by_energy:
            s = self.track(i).find("instrumenttrack")
            if s is None or lp.effects_of(self.root, i):
                continue
            if float(s.get("vol", "100")) * 10 ** (GAIN_FAULT_DB / 20) > 200:
                continue
            out.append(i)
        return out

    def fx_tracks(self):
        """Loudest first: tracks whose effects include a time effect (reverb, delay, chorus ...)."""
        return [i for i in self.by_energy
                if any(w in e.lower() for e in lp.effects_of(self.root, i) for w in REVERB_WORDS)]

    def energy_share_db(self, i):
        x = self.stems[i][2]
        return R.db(float(np.sum(x ** 2)) / float(np.sum(self.mix ** 2)))


def build(project, variant, outdir, excerpt, log=print, drop_instruments=(), no_master_fx=False):
    if variant not in VARIANTS:
        raise SystemExit(f"unknown variant {variant!r}: one of {', '.join(VARIANTS)}")
    song = Song(project, excerpt, log, drop_instruments, no_master_fx)
    files = {i: song.file(label) for i, (label, _, _) in song.stems.items()}
    mix_file = f"{song.title}_Mix_{song.bpm:.0f}bpm.wav"
    stem_wavs = {i: wav for i, (_, wav, _) in song.stems.items()}
    mix_wav = song.mix_wav
    expected, allowed, fault = [], [], {}
    latency = 0
    mix_scale = song.scale
    description = ""

    def faulted_stem(i, edit):
        r = copy_root(song.root)
        edit(r)
        lp.solo(r, i)
        return R.render(r, 1, log)

    if variant == "clean":
        description = "every track rendered alone, the mix rendered whole: nothing is wrong"
    elif variant == "gain":
        cands = song.plain_instruments()
        if not cands:
            return None
        i = cands[0]
        old, new = lp.change_volume_db(copy_root(song.root), i, GAIN_FAULT_DB)
        stem_wavs[i] = faulted_stem(i, lambda r: lp.change_volume_db(r, i, GAIN_FAULT_DB))
        measured = gain_db(R.read_wav(stem_wavs[i])[1], song.stems[i][2])
        description = f"track {song.stems[i][0]!r} exported with its volume {old:g} % -> {new:.1f} % (+{GAIN_FAULT_DB} dB)"
        fault = {"track": song.track(i).get("name"), "volume_percent": [old, new], "measured_gain_db": measured}
        expected.append({"code": "mix.gain", "codes": ["mix.gain"], "file": files[i], "value_db": round(measured, 3),
                         "measurement": "gain_db", "value": round(measured, 3), "tolerance": GAIN_TOLERANCE_DB})
    elif variant == "pan":
        cands = [i for i in song.by_energy if song.track(i).find("instrumenttrack") is not None]
        if not cands:
            return None
        i = cands[0]
        old = float(song.track(i).find("instrumenttrack").get("pan", "0"))
        new = old + PAN_FAULT if old <= 100 - PAN_FAULT else old - PAN_FAULT
        stem_wavs[i] = faulted_stem(i, lambda r: lp.set_pan(r, i, new))
        x, c = R.read_wav(stem_wavs[i])[1], song.stems[i][2]
        ch_db = [round(gain_db(x[:, k:k + 1], c[:, k:k + 1]), 3) for k in range(2)]
        description = f"track {song.stems[i][0]!r} exported with its pan {old:g} -> {new:g}"
        fault = {"track": song.track(i).get("name"), "pan": [old, new], "measured_channel_gain_db": ch_db}
        # No finding code names a pan error; a level or channel-balance error on this stem counts.
        expected.append({"code": "mix.gain", "codes": ["mix.gain", "mix.bus-processing"], "file": files[i],
                         "channel_gain_db": ch_db})
    elif variant == "fx":
        cands = song.fx_tracks()
        if not cands:
            return None
        i = cands[0]
        effects = lp.effects_of(song.root, i)
        stem_wavs[i] = faulted_stem(i, lambda r: lp.bypass_effects(r, i))
        dry = R.fit_length(R.read_wav(stem_wavs[i])[1], song.frames)
        diff_db = R.db(float(np.sum((dry - song.stems[i][2]) ** 2)) / float(np.sum(song.mix ** 2)))
        description = f"track {song.stems[i][0]!r} exported with its effects off ({', '.join(effects)})"
        fault = {"track": song.track(i).get("name"), "effects": effects, "difference_vs_mix_db": diff_db}
        expected.append({"code": "mix.bus-processing", "codes": ["mix.bus-processing", "mix.missing-fx"],
                         "file": files[i], "file_or_none": True})
    elif variant == "offset":
        i = song.by_energy[0]
        stem_wavs[i] = faulted_stem(i, lambda r: lp.shift_track(r, i, SHIFT_TICKS))
        samples_per_tick = song.rate * 60.0 / (song.bpm * lp.TICKS_PER_BEAT)
        lag = lag_samples(R.read_wav(stem_wavs[i])[1], song.stems[i][2], int(4 * SHIFT_TICKS * samples_per_tick))
        description = f"track {song.stems[i][0]!r} exported with its clips {SHIFT_TICKS} ticks later"
        fault = {"track": song.track(i).get("name"), "ticks": SHIFT_TICKS, "samples_per_tick": samples_per_tick,
                 "measured_lag_samples": lag}
        expected.append({"code": "mix.offset", "codes": ["mix.offset"], "file": files[i],
                         "measurement": "offset_samples", "value": lag, "tolerance": OFFSET_TOLERANCE_SAMPLES})
    elif variant == "removed":
        i = song.by_energy[1] if len(song.by_energy) > 1 else song.by_energy[0]
        description = f"stem {files[i]} left out of the delivery; the mix still has it"
        fault = {"track": song.track(i).get("name"), "removed_file": files[i],
                 "share_of_mix_db": song.energy_share_db(i)}
        expected.append({"code": "set.missing-stem", "codes": ["set.missing-stem"], "file": None,
                         "removed_file": files[i]})
        del stem_wavs[i]
        del files[i]
    elif variant == "limiter":
        # The limiter sees LMMS's unscaled master: its input gain folds in the song's scale, so it
        # drives the delivered (scaled) mix LIMITER_DRIVE_DB into the ceiling; the limited mix is
        # delivered at the limiter's level, louder than the stems by about the drive.
        # The limiter sits before the master volume, so its input gain also undoes that volume,
        # and the delivered mix is divided by it: the ceiling lands at LIMITER_CEILING_DB.
        drive = 20 * np.log10(song.scale) + song.master_db + LIMITER_DRIVE_DB
        r = copy_root(song.root)
        lp.add_master_limiter(r, gain_db=round(drive, 3), limit_db=LIMITER_CEILING_DB)
        mix_wav = R.render(r, 1, log)
        mix_scale = 10 ** (-song.master_db / 20)
        limited = R.read_wav(mix_wav)[1]
        latency = lag_samples(limited, song.mix, 4096)
        peak = mix_scale * float(np.max(np.abs(limited)))
        description = (f"the mix printed through a lookahead limiter on the master ({LIMITER_DRIVE_DB:+.0f} dB into "
                       f"{LIMITER_CEILING_DB:g} dB), the stems without it")
        fault = {"effect": "LADSPA fast_lookahead_limiter_1913 on the master FX channel",
                 "input_gain_db_in_lmms": round(drive, 3), "drive_db": LIMITER_DRIVE_DB,
                 "ceiling_db": LIMITER_CEILING_DB, "release_ms": 100.0,
                 "master_volume_db": round(float(song.master_db), 3),
                 "latency_samples": latency, "mix_peak_dbfs": 20 * np.log10(peak)}
        expected.append({"code": "mix.reference", "codes": ["mix.reference", "mix.null"], "file": mix_file,
                         "report_key": "reference.mixbus_processing", "value": True})
        allowed.append({"code": "mix.null", "file": mix_file})
    elif variant == "x2":
        mix_wav = R.render(song.root, 2, log)
        description = "the mix rendered with 2x oversampling, the stems with none"
        fault = {"oversampling": {"mix": 2, "stems": 1}}
        allowed.append({"code": "mix.null", "file": mix_file})

    os.makedirs(outdir, exist_ok=True)
    for f in os.listdir(outdir):
        if f.endswith(".wav") or f == "truth.json":
            os.remove(os.path.join(outdir, f))
    for i, wav in stem_wavs.items():
        place(wav, song.frames, os.path.join(outdir, files[i]), song.scale)
    place(mix_wav, song.frames, os.path.join(outdir, mix_file), mix_scale)
    delivered_mix = R.read_wav(os.path.join(outdir, mix_file))[1]
    if latency > 0:     # the null depth is of the aligned mix: the latency is reported on its own
        delivered_mix = np.vstack([delivered_mix[latency:], np.zeros((latency, delivered_mix.shape[1]))])
    delivered = [R.read_wav(os.path.join(outdir, files[i]))[1] for i in stem_wavs]
    if variant != "clean" and not any(a["code"] == "mix.null" for a in allowed):
        # A fault leaves a residual: saying that the stems do not null, naming only the mix, is right.
        allowed.append({"code": "mix.null", "file": mix_file})
    if song.excerpt:
        # LMMS stops rendering at the song's last clip, so an excerpt cuts the tails that ring past
        # its end, in the mix and in every stem alike: level.cut-tail says what is there.
        for name in list(files[i] for i in stem_wavs) + [mix_file]:
            allowed.append({"code": "level.cut-tail", "file": name,
                            "why": "an excerpt: LMMS stops rendering at the last clip's end"})
    # Each file is one LMMS track, and a song's tracks are often single drums (Kick, Clap, HiHat):
    # set.multitracks reads that from the names, rightly; it is not the injected fault.
    allowed.append({"code": "set.multitracks", "file": None,
                    "why": "one file per LMMS track: single drums are multitracks by name"})
    for name, x in [(files[i], y) for i, y in zip(stem_wavs, delivered)] + [(mix_file, delivered_mix)]:
        allowed.extend(render_conditions(name, x))
    faulted_files = {e.get("file") for e in expected}
    truth = {
        "project": os.path.basename(project),
        "title": song.title,
        "variant": variant,
        "description": description,
        "expected": expected,
        "allowed": allowed,
        "innocent_files": sorted(f for f in files.values() if f not in faulted_files),
        "stems": {files[i]: song.track(i).get("name") for i in stem_wavs},
        "mix": {"file": mix_file, "latency_samples": latency,
                "null_db": round(R.null_depth_db(delivered_mix, delivered), 2)},
        "clean_null_db": round(song.null_db, 2),
        "fault": fault,
        "render": {"lmms": lmms_version(), "rate": song.rate, "frames": song.frames, "bpm": song.bpm,
                   "excerpt": song.excerpt, "tracks_left_out": song.dropped,
                   "master_effects_removed": song.master_effects_removed, "seed": int(os.environ.get("STEMCHECK_LMMS_SEED", "1")),
                   "scale_db": round(20 * np.log10(song.scale), 3),
                   "format": "WAV IEEE float 32-bit"},
    }
    with open(os.path.join(outdir, "truth.json"), "w") as f:
        json.dump(truth, f, indent=2, default=float)
        f.write("\n")
    log(f"{outdir}: {variant}: {description}; null {truth['mix']['null_db']} dB")
    return truth


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("project")
    ap.add_argument("variant", choices=VARIANTS)
    ap.add_argument("outdir")
    ap.add_argument("--excerpt", default="auto:24", help="START:BARS or auto:BARS (default auto:24); 'none' for all")
    ap.add_argument("--drop-instrument", action="append", default=[], metavar="PLUGIN",
                    help="leave out (mix and stems) the tracks this instrument plug-in plays, e.g. zynaddsubfx")
    ap.add_argument("--no-master-fx", action="store_true", help="switch the master FX chain off first")
    a = ap.parse_args(argv)
    t = build(a.project, a.variant, a.outdir, None if a.excerpt == "none" else a.excerpt,
              log=lambda m: print(m, file=sys.stderr), drop_instruments=a.drop_instrument,
              no_master_fx=a.no_master_fx)
    if t is None:
        print(f"{a.project}: no track fits variant {a.variant}; nothing written", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
