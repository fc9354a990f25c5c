#!/usr/bin/env python3
"""Renders one LMMS demo project the way a user exports stems: `lmms rendertracks` for the stems and
`lmms render` for the mix, in two plain LMMS processes, and writes a stem delivery and its truth.json.

    python3 native.py PROJECT VARIANT OUTDIR [--excerpt START:BARS|auto:BARS|none]

Unlike delivery.py (one process per track, every other track muted, a fixed seed: stems that null
to -150 dB), nothing here is made exact: LMMS seeds its noise from the clock, `rendertracks`
renders the tracks one after another in one process, and the master effects stay on. So the stems
of most songs do not sum to the mix, for reasons no stem is to blame for. These deliveries test
the other half of issue 18: on a set that does not null, the report must say so (on the mix) and
blame no stem.

Variants: `native` (every track that sounds, as LMMS wrote it; every stem innocent) and
`native-removed` (the same with the second loudest stem left out; `set.missing-stem` is expected
where that stem stands out of the residual the clean delivery leaves by NATIVE_REMOVED_MARGIN_DB,
otherwise nothing is expected and the finding is allowed), and two faults made in code on the
native files: `native-gain` (the stem that is most of its own part of the mix, +3 dB: `mix.gain`
within 0.5 dB expected) and `native-late` (the same stem 240 samples late: `mix.offset` within a
sample); a song none of whose stems correlates at 0.7 with its own part has neither.

Files are `<Title>_<Track>_<bpm>bpm.wav` and `<Title>_Mix_<bpm>bpm.wav` (32-bit float, 44.1 kHz,
stereo, `-x 1`), unscaled: what LMMS wrote, so a mix over full scale stays over it (and
`level.clipping`/`level.true-peak` on it are allowed, measured like delivery.py's render conditions).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import delivery as D  # noqa: E402
import lmms_project as lp  # noqa: E402
import render as R  # noqa: E402

VARIANTS = ("native", "native-removed", "native-gain", "native-late")
# The faults made in code on a native delivery (as LmmsCodeFaultsTest does on the exact one): the
# stem most of whose part of the mix it is, 3 dB hot or 240 samples (5.4 ms) late. Only a stem
# whose correlation with its own part (the mix less the other stems) is at least FAULT_MIN_OWN can
# carry a fault that is that stem's to find; a song without one has no such variant (exit 3).
FAULT_GAIN_DB = 3.0
FAULT_LATE_SAMPLES = 240
FAULT_MIN_OWN = 0.7
# A removed stem is expected to be found only where its power stands this far above what the clean
# native delivery already leaves unexplained (its raw residual against the mix): below that, the
# missing part hides in a residual the stems never explained, and naming no culprit is right.
NATIVE_REMOVED_MARGIN_DB = 6.0


def rendered(root, log):
    """(mix wav, {track file name: wav}) of the project, rendered natively, cached by its XML."""
    import hashlib
    import xml.etree.ElementTree as ET
    xml = ET.tostring(root, encoding="unicode")
    key = hashlib.sha256(f"native\n{xml}".encode()).hexdigest()[:24]
    out = os.path.join(R.CACHE, "native-" + key)
    if os.path.exists(os.path.join(out, "DONE")):
        return os.path.join(out, "mix.wav"), {f: os.path.join(out, "tracks", f)
                                              for f in sorted(os.listdir(os.path.join(out, "tracks")))}
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "tracks"))
    with tempfile.TemporaryDirectory(prefix="lmms-native-") as tmp:
        proj = os.path.join(tmp, "p.mmp")
        lp.save(root, proj)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=tmp)
        env.pop("LD_PRELOAD", None)
        common = ["-f", "wav", "-a", "-x", "1", "-i", "sincfastest", "-s", "44100"]
        for what, target in (("render", os.path.join(out, "mix.wav")), ("rendertracks", os.path.join(out, "tracks") + "/")):
            t0 = time.time()
            for attempt in range(1, R.RENDER_ATTEMPTS + 1):
                p = subprocess.run(["nice", "-n", "10", "lmms", "--allowroot", what, proj] + common + ["-o", target],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=R.RENDER_TIMEOUT_S)
                ok = os.path.exists(target) if what == "render" else bool(os.listdir(target))
                if p.returncode == 0 and ok:
                    break
                if attempt == R.RENDER_ATTEMPTS:
                    raise RuntimeError(f"lmms {what} failed ({p.returncode}): {p.stdout[-2000:].decode(errors='replace')}")
            log(f"lmms {what} in {time.time() - t0:.1f} s")
    open(os.path.join(out, "DONE"), "w").close()
    return rendered(root, log)


def label_of(track_file):
    """`3_Open HiHat 02.wav` (rendertracks' name) -> `OpenHiHat02`."""
    name = re.sub(r"^\d+_", "", os.path.splitext(track_file)[0])
    return "".join(w[:1].upper() + w[1:] for w in re.findall(r"[A-Za-z0-9]+", name))[:40] or "Track"


def build(project, variant, outdir, excerpt, log=print):
    root = lp.load(project)
    ex = None
    if excerpt:
        s, n = excerpt.split(":")
        s = R.best_window(root, int(n)) if s == "auto" else int(s)
        lp.excerpt(root, s, int(n))
        ex = {"start_bar": s, "bars": int(n)}
    title, bpm = D.title_of(project), lp.bpm(root)
    mix_wav, tracks = rendered(root, log)
    rate, mix = R.read_wav(mix_wav)
    stems = {}
    for f, wav in tracks.items():
        x = R.read_wav(wav)[1]
        if np.max(np.abs(x)) < D.SILENT_PEAK:
            continue
        label, k = label_of(f), 1
        name = f"{title}_{label}_{bpm:.0f}bpm.wav"
        while name in stems:     # two tracks of one name (LMMS's "Default preset"): number them
            k += 1
            name = f"{title}_{label}{k}_{bpm:.0f}bpm.wav"
        stems[name] = (wav, x)
    mix_file = f"{title}_Mix_{bpm:.0f}bpm.wav"
    frames = len(mix)

    def padded(x):
        return R.fit_length(x, frames)

    raw = mix - sum(padded(x) for _, x in stems.values())
    null_db = R.db(float(np.sum(raw ** 2)) / float(np.sum(mix ** 2)))
    expected, allowed, fault = [], [], {}
    description = "stems by lmms rendertracks, the mix by lmms render, as LMMS writes them"
    if variant == "native-removed":
        energy = {n: float(np.sum(x ** 2)) for n, (_, x) in stems.items()}
        order = sorted(energy, key=energy.get, reverse=True)
        gone = order[1] if len(order) > 1 else order[0]
        share = R.db(energy[gone] / float(np.sum(mix ** 2)))
        description += f"; {gone} left out of the delivery (the mix has it)"
        fault = {"removed_file": gone, "share_of_mix_db": round(share, 2)}
        if share > null_db + NATIVE_REMOVED_MARGIN_DB:
            expected.append({"code": "set.missing-stem", "codes": ["set.missing-stem", "mix.missing-fx"],
                             "file": None, "removed_file": gone})
        else:
            allowed.append({"code": "set.missing-stem", "file": mix_file,
                            "why": f"the removed stem ({share:.1f} dB) does not stand out of the clean residual ({null_db:.1f} dB)"})
        del stems[gone]
    if variant in ("native-gain", "native-late"):
        total = sum(padded(x) for _, x in stems.values())
        best, score = None, 0.0
        for n, (_, x) in stems.items():
            y = padded(x)
            own = mix - (total - y)
            den = float(np.sqrt(np.sum(y * y) * np.sum(own * own)))
            c = float(np.sum(y * own)) / den if den > 0 else 0.0
            if c >= FAULT_MIN_OWN and float(np.sum(y * y)) * c > score:
                best, score = n, float(np.sum(y * y)) * c
        if best is None:
            return None
        wav, x = stems[best]
        if variant == "native-gain":
            x = x * 10 ** (FAULT_GAIN_DB / 20)
            expected.append({"code": "mix.gain", "codes": ["mix.gain"], "file": best, "measurement": "gain_db",
                             "value": FAULT_GAIN_DB, "tolerance": D.GAIN_TOLERANCE_DB})
            description += f"; {best} exported {FAULT_GAIN_DB:+.0f} dB hot"
        else:
            x = np.vstack([np.zeros((FAULT_LATE_SAMPLES, x.shape[1])), x[:-FAULT_LATE_SAMPLES]])
            expected.append({"code": "mix.offset", "codes": ["mix.offset"], "file": best, "measurement": "offset_samples",
                             "value": FAULT_LATE_SAMPLES, "tolerance": D.OFFSET_TOLERANCE_SAMPLES})
            description += f"; {best} exported {FAULT_LATE_SAMPLES} samples late"
        fault = {"file": best, "variant": variant}
        stems[best] = (None, x)
    # The stems of a native render need not null: saying so, on the mix only, is right.
    allowed.append({"code": "mix.null", "file": mix_file, "why": f"native renders leave {null_db:.1f} dB"})
    allowed.append({"code": "set.multitracks", "file": None, "why": "one file per LMMS track"})
    if ex:
        for name in list(stems) + [mix_file]:
            allowed.append({"code": "level.cut-tail", "file": name, "why": "an excerpt"})
    os.makedirs(outdir, exist_ok=True)
    for f in os.listdir(outdir):
        if f.endswith(".wav") or f == "truth.json":
            os.remove(os.path.join(outdir, f))
    for name, (wav, x) in stems.items():
        if wav is None:      # a stem faulted in code
            R.write_wav_float(os.path.join(outdir, name), rate, x)
        else:
            os.link(wav, os.path.join(outdir, name))
        allowed.extend(D.render_conditions(name, x))
        if "Ogg" in name.split("_")[-2]:
            # LMMS names a sample track after its sample; the demos' drum samples ship as Ogg
            # Vorbis, so such a stem did go through a lossy codec, as content.lossy-transcode says.
            allowed.append({"code": "content.lossy-transcode", "file": name, "why": "the track plays an Ogg Vorbis sample"})
        if len(x) != frames:
            # rendertracks stops each track at its own end: stems of other lengths are what LMMS
            # wrote, and format.length says so rightly.
            allowed.append({"code": "format.length", "file": name,
                            "why": f"rendertracks wrote {len(x)} frames, the mix {frames}"})
    os.link(mix_wav, os.path.join(outdir, mix_file))
    allowed.extend(D.render_conditions(mix_file, mix))
    truth = {
        "project": os.path.basename(project), "title": title, "variant": variant,
        "description": description, "expected": expected, "allowed": allowed,
        "innocent_files": sorted(n for n in stems if n != fault.get("file")), "stems": {n: n for n in stems},
        "mix": {"file": mix_file, "latency_samples": 0, "null_db": round(null_db, 2)},
        "fault": fault,
        "render": {"lmms": D.lmms_version(), "rate": rate, "frames": frames, "bpm": bpm, "excerpt": ex,
                   "native": True, "format": "WAV IEEE float 32-bit", "stem_lengths": sorted({len(x) for _, x in stems.values()})},
    }
    with open(os.path.join(outdir, "truth.json"), "w") as f:
        json.dump(truth, f, indent=2, default=float)
        f.write("\n")
    log(f"{outdir}: {variant}: {len(stems)} stems, raw null {null_db:.1f} dB")
    return truth


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("project")
    ap.add_argument("variant", choices=VARIANTS)
    ap.add_argument("outdir")
    ap.add_argument("--excerpt", default="auto:24", help="START:BARS or auto:BARS (default auto:24); 'none' for all")
    a = ap.parse_args(argv)
    t = build(a.project, a.variant, a.outdir, None if a.excerpt == "none" else a.excerpt,
              log=lambda m: print(m, file=sys.stderr))
    if t is None:
        print(f"{a.project}: no stem is its own part of the mix; no {a.variant} variant", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
