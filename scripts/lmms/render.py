#!/usr/bin/env python3
"""Renders LMMS projects exactly: one LMMS process per render, the fixed-seed shim preloaded,
32-bit float WAV, and a cache keyed by the project XML and the render options, so that variants
of one song share the renders they have in common (bit-identical innocent stems).

    python3 render.py null song.mmpz [--excerpt START:BARS]   # renders stems + mix, prints null depth

Needs Debian's lmms (1.2.2) and gcc; only the standard library and numpy.
"""
import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lmms_project as lp  # noqa: E402

CACHE = os.environ.get("STEMCHECK_LMMS_CACHE", os.path.join(tempfile.gettempdir(), "stemcheck-lmms-cache"))
SHIM_SRC = os.path.join(HERE, "fixed_seed.c")
# A render that takes longer than this is stopped: LMMS can hang on a plug-in that fails to load.
RENDER_TIMEOUT_S = 900
# LMMS 1.2.2 now and then dies with SIGSEGV in a headless render (seen on StrictProduction's
# tracks); the same render in a new process goes through. A render is tried this many times.
RENDER_ATTEMPTS = 3


def shim():
    """Builds fixed_seed.so into the cache (once per source change) and returns its path."""
    with open(SHIM_SRC, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    so = os.path.join(CACHE, f"fixed_seed-{digest}.so")
    if not os.path.exists(so):
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run(["gcc", "-shared", "-fPIC", "-O2", "-o", so + ".tmp", SHIM_SRC, "-ldl"], check=True)
        os.replace(so + ".tmp", so)
    return so


def render(root, oversampling=1, log=None):
    """Renders the project (an lmms-project element) to a cached float WAV; returns its path."""
    xml = ET.tostring(root, encoding="unicode")
    tag = "noshim" if os.environ.get("STEMCHECK_LMMS_NO_SHIM") == "1" else ""
    key = hashlib.sha256(f"x{oversampling}{tag}\n{xml}".encode()).hexdigest()[:24]
    out = os.path.join(CACHE, key + ".wav")
    if os.path.exists(out):
        return out
    os.makedirs(CACHE, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lmms-render-") as tmp:
        proj = os.path.join(tmp, "p.mmp")
        lp.save(root, proj)
        env = dict(os.environ, STEMCHECK_LMMS_SEED=os.environ.get("STEMCHECK_LMMS_SEED", "1"),
                   QT_QPA_PLATFORM="offscreen", HOME=tmp)
        if os.environ.get("STEMCHECK_LMMS_NO_SHIM") != "1":    # =1 only to show what the shim is for
            env["LD_PRELOAD"] = shim()
        # HOME=tmp: a fresh ~/.lmmsrc.xml for every render, so no user setting leaks in.
        cmd = ["nice", "-n", "10", "lmms", "--allowroot", "render", proj, "-f", "wav", "-a",
               "-x", str(oversampling), "-i", "sincfastest", "-s", "44100", "-o", os.path.join(tmp, "o.wav")]
        t0 = time.time()
        for attempt in range(1, RENDER_ATTEMPTS + 1):
            p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=RENDER_TIMEOUT_S)
            if p.returncode == 0 and os.path.exists(os.path.join(tmp, "o.wav")):
                break
            if attempt == RENDER_ATTEMPTS:
                raise RuntimeError(f"lmms failed {attempt} times ({p.returncode}): "
                                   f"{p.stdout[-2000:].decode(errors='replace')}")
            if log:
                log(f"lmms exited with {p.returncode}; rendering again")
        os.replace(os.path.join(tmp, "o.wav"), out + ".tmp")
        os.replace(out + ".tmp", out)
        if log:
            log(f"rendered {key} in {time.time() - t0:.1f} s")
    return out


def read_wav(path):
    """(rate, float64 array frames x channels) of a PCM 16/24/32 or float 32 WAV."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError(f"{path}: not RIFF/WAVE")
    pos, fmt, body = 12, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        chunk = data[pos + 8:pos + 8 + size]
        if cid == b"fmt ":
            fmt = chunk
        elif cid == b"data":
            body = chunk
        pos += 8 + size + (size & 1)
    tag, ch, rate = int.from_bytes(fmt[0:2], "little"), int.from_bytes(fmt[2:4], "little"), int.from_bytes(fmt[4:8], "little")
    bits = int.from_bytes(fmt[14:16], "little")
    if tag == 0xFFFE:
        tag = int.from_bytes(fmt[24:26], "little")
    if tag == 3 and bits == 32:
        x = np.frombuffer(body, dtype="<f4").astype(np.float64)
    elif tag == 1 and bits == 16:
        x = np.frombuffer(body, dtype="<i2") / 32768.0
    elif tag == 1 and bits == 24:
        b = np.frombuffer(body, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        x = np.where(v >= 1 << 23, v - (1 << 24), v) / float(1 << 23)
    elif tag == 1 and bits == 32:
        x = np.frombuffer(body, dtype="<i4") / float(1 << 31)
    else:
        raise ValueError(f"{path}: format tag {tag}, {bits} bits not read here")
    return rate, x[: len(x) // ch * ch].reshape(-1, ch)


def write_wav_float(path, rate, x):
    """Writes IEEE float 32-bit WAV (WAVE_FORMAT_IEEE_FLOAT with a fact chunk)."""
    x = np.ascontiguousarray(x, dtype="<f4")
    frames, ch = x.shape
    body = x.tobytes()
    fmt = (3).to_bytes(2, "little") + ch.to_bytes(2, "little") + rate.to_bytes(4, "little") \
        + (rate * ch * 4).to_bytes(4, "little") + (ch * 4).to_bytes(2, "little") + (32).to_bytes(2, "little") \
        + (0).to_bytes(2, "little")
    fact = frames.to_bytes(4, "little")
    riff = b"WAVE" + b"fmt " + len(fmt).to_bytes(4, "little") + fmt + b"fact" + (4).to_bytes(4, "little") + fact \
        + b"data" + len(body).to_bytes(4, "little") + body
    with open(path + ".tmp", "wb") as f:
        f.write(b"RIFF" + len(riff).to_bytes(4, "little") + riff)
    os.replace(path + ".tmp", path)


def fit_length(x, frames):
    if len(x) >= frames:
        return x[:frames]
    return np.vstack([x, np.zeros((frames - len(x), x.shape[1]))])


def db(power_ratio):
    return 10 * np.log10(power_ratio) if power_ratio > 0 else float("-inf")


def null_depth_db(mix, stems):
    """Residual energy of mix - sum(stems) against the mix's energy, in dB."""
    total = np.zeros_like(mix)
    for s in stems:
        total += fit_length(s, len(mix))
    return db(np.sum((mix - total) ** 2) / np.sum(mix ** 2))


def best_window(root, bars):
    """The start bar of the `bars`-bar window in which the most stem tracks have clips."""
    per_bar = 4 * lp.TICKS_PER_BEAT
    end_bar = max(1, lp.song_end_ticks(root) // per_bar)
    best, best_count = 0, -1
    for start in range(0, max(1, end_bar - bars + 1), 4):
        lo, hi = start * per_bar, (start + bars) * per_bar
        count = 0
        for _, t in lp.stem_tracks(root):
            if any(c.tag in lp.CLIP_TAGS and c.get("pos") is not None
                   and lo <= int(c.get("pos")) and int(c.get("pos")) + int(c.get("len", "0")) <= hi
                   for c in t):
                count += 1
        if count > best_count:
            best, best_count = start, count
    return best


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["null"])
    ap.add_argument("project")
    ap.add_argument("--excerpt", metavar="START:BARS", help="START 'auto' picks the busiest window")
    ap.add_argument("-x", type=int, default=1)
    ap.add_argument("--drop-instrument", action="append", default=[])
    ap.add_argument("--no-master-fx", action="store_true")
    a = ap.parse_args(argv)
    root = lp.load(a.project)
    if a.drop_instrument:
        print("dropped:", lp.drop_instruments(root, a.drop_instrument))
    if a.no_master_fx:
        print("master effects off:", lp.drop_master_effects(root))
    if a.excerpt:
        s, n = a.excerpt.split(":")
        s = best_window(root, int(n)) if s == "auto" else int(s)
        lp.excerpt(root, s, int(n))
        print(f"excerpt: bars {s}..{s + int(n)}")
    t0 = time.time()
    rate, mix = read_wav(render(root, a.x))
    again = read_wav(render_uncached(root, a.x))[1]
    print(f"mix: {len(mix) / rate:.1f} s; a second process renders it "
          f"{'bit-identically' if again.shape == mix.shape and np.array_equal(again, mix) else 'DIFFERENTLY'}")
    stems = []
    for i, t in lp.stem_tracks(root):
        r = ET.fromstring(ET.tostring(root))
        lp.solo(r, i)
        _, s = read_wav(render(r, a.x))
        stems.append(s)
        extra = "" if len(s) <= len(mix) else f" ({len(s) - len(mix)} frames longer than the mix)"
        print(f"  stem {i} {t.get('name')!r}: {len(s)} frames{extra}")
    print(f"null depth: {null_depth_db(mix, stems):.1f} dB ({len(stems)} stems, {time.time() - t0:.0f} s)")
    return 0


def render_uncached(root, oversampling=1):
    """Renders again in a new process, bypassing the cache (to show determinism)."""
    r = ET.fromstring(ET.tostring(root))
    r.set("stemcheck-nocache", str(time.time()))    # an attribute LMMS ignores: a new cache key
    return render(r, oversampling)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
