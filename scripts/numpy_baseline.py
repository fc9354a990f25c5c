#!/usr/bin/python3
"""The numpy/soundfile pass a QC script would make over a stem delivery, as a baseline for
stemcheck (scripts/benchmark.sh times it).

Reads every WAV file of a folder block by block, all files in lockstep, and computes per file the
sample peak, DC offset and RMS, and the null test: the sum of the stems minus the reference mix
(residual RMS and peak relative to the mix). Mixes are the files named *mix* or *printmaster*;
the reference is --mix or the mix with the shortest name; every other file is a stem.

Needs Debian's python3-numpy and python3-soundfile (run it with /usr/bin/python3).
Usage: /usr/bin/python3 scripts/numpy_baseline.py DIR [--mix FILE] [--block FRAMES]
"""
import argparse
import math
import os
import re
import sys

import numpy as np
import soundfile as sf

MIX_NAME = re.compile(r"mix|printmaster", re.IGNORECASE)


def db(x):
    return 20 * math.log10(x) if x > 0 else float("-inf")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--mix", help="the reference mix (file name in DIR)")
    ap.add_argument("--block", type=int, default=65536, help="frames per read (default 65536)")
    args = ap.parse_args()

    names = sorted(n for n in os.listdir(args.dir) if n.lower().endswith(".wav"))
    mixes = [n for n in names if MIX_NAME.search(n)]
    reference = args.mix or (min(mixes, key=len) if mixes else None)
    stems = [n for n in names if n not in mixes]
    files = {n: sf.SoundFile(os.path.join(args.dir, n)) for n in names}
    stats = {n: {"peak": 0.0, "sum": 0.0, "sumsq": 0.0, "frames": 0} for n in names}
    null = {"res_sq": 0.0, "res_peak": 0.0, "mix_sq": 0.0}
    try:
        while True:
            blocks = {n: f.read(args.block, dtype="float64", always_2d=True) for n, f in files.items()}
            if all(len(b) == 0 for b in blocks.values()):
                break
            for n, b in blocks.items():
                if len(b):
                    s = stats[n]
                    s["peak"] = max(s["peak"], float(np.max(np.abs(b))))
                    s["sum"] += float(b.sum())
                    s["sumsq"] += float(np.einsum("ij,ij->", b, b))
                    s["frames"] += b.shape[0]
            if reference and stems:
                mix = blocks[reference]
                residual = -mix
                for n in stems:
                    b = blocks[n]
                    k = min(len(b), len(residual))
                    residual[:k] += b[:k, : residual.shape[1]]
                null["res_sq"] += float(np.einsum("ij,ij->", residual, residual))
                null["mix_sq"] += float(np.einsum("ij,ij->", mix, mix))
                if residual.size:
                    null["res_peak"] = max(null["res_peak"], float(np.max(np.abs(residual))))
    finally:
        for f in files.values():
            f.close()

    for n in names:
        s = stats[n]
        count = max(1, s["frames"] * files[n].channels)
        print("%-40s peak %7.2f dBFS  DC %+.2e  RMS %7.2f dBFS" % (
            n, db(s["peak"]), s["sum"] / count, db(math.sqrt(s["sumsq"] / count))))
    if reference and stems:
        rel = math.sqrt(null["res_sq"] / null["mix_sq"]) if null["mix_sq"] > 0 else float("nan")
        print("null test: %d stems vs %s: residual %.1f dB relative to the mix, residual peak %.2f dBFS" % (
            len(stems), reference, db(rel), db(null["res_peak"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
