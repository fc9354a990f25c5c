#!/usr/bin/env python3
"""Cut every delivery of a corpus into a short excerpt, as issue 18's MUSDB-style (7 s) and NI
Stems (6 s) sets were: ROOT/<song>/<variant>/*.wav -> OUT/<song>/<variant>/*.wav (32-bit float),
SECONDS long from 40 % into the delivery's shortest file, one start for every file (LMMS renders
files of different lengths; a start per file would displace them), truth.json copied unchanged.

An excerpt cuts every file, so `level.cut-tail`, `level.silent` and `set.multitracks` findings
are true of it; docs/accuracy.md counts only the diagnosis's findings (`mix.*`,
`set.missing-stem`, `level.mixbus-processing`) as false. A stem left out that is silent in the
excerpt cannot be found.

    python3 scripts/lmms/excerpt.py ROOT OUT [SECONDS=7] [VARIANTS=a,b,...]
    python3 scripts/lmms-evaluate.py OUT --jar stem-cli/target/stemcheck.jar --json OUT.json
"""
import json
import os
import sys

import soundfile as sf


def main():
    root, out = sys.argv[1], sys.argv[2]
    secs = float(sys.argv[3]) if len(sys.argv) > 3 else 7.0
    variants = sys.argv[4].split(',') if len(sys.argv) > 4 else None
    for song in sorted(os.listdir(root)):
        d = os.path.join(root, song)
        if not os.path.isdir(d):
            continue
        for v in sorted(os.listdir(d)):
            vd = os.path.join(d, v)
            if variants and v not in variants or not os.path.exists(os.path.join(vd, 'truth.json')):
                continue
            od = os.path.join(out, song, v)
            os.makedirs(od, exist_ok=True)
            wavs = [f for f in sorted(os.listdir(vd)) if f.endswith('.wav')]
            shortest = min(sf.info(os.path.join(vd, f)).frames for f in wavs)
            for f in wavs:
                x, sr = sf.read(os.path.join(vd, f), dtype='float32', always_2d=True)
                a = int(0.4 * shortest)
                sf.write(os.path.join(od, f), x[a:min(len(x), a + int(secs * sr))], sr, subtype='FLOAT')
            with open(os.path.join(vd, 'truth.json')) as t, open(os.path.join(od, 'truth.json'), 'w') as o:
                json.dump(json.load(t), o, indent=1)
            print(od, flush=True)


if __name__ == '__main__':
    main()
