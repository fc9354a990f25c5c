#!/usr/bin/env python3
"""Regenerates stem-io's FLAC corpus from real encoders: our own signals (made here, seeded) coded
by Debian's `flac` and `ffmpeg` with many settings, and the expected samples from `flac -d`.

    apt-get install -y flac ffmpeg && python3 scripts/flac-corpus.py

Writes stem-io/src/test/resources/org/stemcheck/io/flac/corpus/*.flac and expected.json there.
For every file expected.json holds what `flac -d` decodes it to (rate, channels, bits, frames and
the SHA-256 of the samples as signed little-endian integers of ceil(bits/8) bytes, interleaved:
RFC 9639 section 8.2's layout), its STREAMINFO MD5, and metadata the reader must find.
FlacCorpusTest decodes each file with our reader and compares. The script itself checks that
`flac -d` gives back exactly the samples that went in, and that the MD5 of that layout is the
one flac or ffmpeg stored, so the expectations do not rest on one tool alone.

The output of a run depends on the encoder versions (recorded in expected.json): regenerate
only to add files, and commit the files with the manifest.
"""
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "stem-io/src/test/resources/org/stemcheck/io/flac/corpus")
TMP = tempfile.mkdtemp(prefix="flac-corpus-")

# WAVE_FORMAT_EXTENSIBLE's PCM subformat GUID (mmreg.h).
PCM_GUID = bytes.fromhex("0100000000001000800000aa00389b71")


def signal(frames, channels, bits, seed, kind="music"):
    """Integer samples (frames, channels) of `bits` bits: a few partials, a decay and a little noise."""
    rng = np.random.default_rng(seed)
    t = np.arange(frames) / 48000.0
    full = (1 << (bits - 1)) - 1
    x = np.zeros((frames, channels))
    for c in range(channels):
        if kind == "music":
            f0 = 110.0 * (1 + c * 0.25)
            v = sum(np.sin(2 * np.pi * f0 * k * t + rng.uniform(0, 6)) / k for k in range(1, 6))
            v *= 0.45 * np.exp(-t * 1.5)
            v += rng.normal(0, 0.0005, frames)
        elif kind == "sparse":
            v = np.where((np.arange(frames) // 1000) % 7 == 0, 0.3 * np.sin(2 * np.pi * 50 * t), 0.0)
        else:
            v = rng.uniform(-0.9, 0.9, frames)
        x[:, c] = v
    return np.clip(np.round(x * full), -full - 1, full).astype(np.int64)


def wav(path, samples, bits, rate, mask=None, bext_time_reference=None):
    """A WAV: PCM for 8/16/24/32 bits without a mask, else WAVE_FORMAT_EXTENSIBLE (left-justified samples)."""
    frames, channels = samples.shape
    container = (bits + 7) // 8
    shifted = samples << (container * 8 - bits)
    if container == 1:
        data = (shifted + 128).astype("<u1").tobytes()
    elif container == 3:
        v = shifted.astype("<i4").reshape(-1).view(np.uint8).reshape(-1, 4)[:, :3]
        data = v.tobytes()
    else:
        data = shifted.astype("<i%d" % container).tobytes()
    align = container * channels
    extensible = mask is not None or bits % 8 != 0 or channels > 2
    if mask is None and channels > 2:
        # flac refuses a multichannel WAV without a mask; these are FLAC's own orders (RFC 9639 section 9.1.3).
        mask = {3: 0x7, 4: 0x33, 5: 0x37, 6: 0x3F, 7: 0x70F, 8: 0x63F}[channels]
    if extensible:
        fmt = struct.pack("<HHIIHHHHI", 0xFFFE, channels, rate, rate * align, align, container * 8, 22, bits,
                          mask or 0) + PCM_GUID
    else:
        fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * align, align, bits)
    chunks = b"fmt " + struct.pack("<I", len(fmt)) + fmt
    if bext_time_reference is not None:
        bext = bytearray(602)
        bext[0:12] = b"Bass, take 3"
        bext[256:265] = b"stemcheck"
        bext[320:330] = b"2026-11-25"
        bext[330:338] = b"01:02:03"
        bext[338:346] = struct.pack("<Q", bext_time_reference)
        bext[346] = 1
        chunks = b"bext" + struct.pack("<I", len(bext)) + bytes(bext) + chunks
    chunks += b"data" + struct.pack("<I", len(data)) + data + (b"\0" if len(data) % 2 else b"")
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks)


def read_wav(path):
    """Integer samples (frames, channels), bits (valid bits) and rate of a WAV that flac -d wrote."""
    b = open(path, "rb").read()
    p, fmt, data = 12, None, None
    while p + 8 <= len(b):
        cid, size = b[p:p + 4], struct.unpack("<I", b[p + 4:p + 8])[0]
        if cid == b"fmt ":
            fmt = b[p + 8:p + 8 + size]
        elif cid == b"data":
            data = b[p + 8:p + 8 + size]
        p += 8 + size + (size & 1)
    tag, channels, rate, _, align, container_bits = struct.unpack("<HHIIHH", fmt[:16])
    bits = struct.unpack("<H", fmt[18:20])[0] if tag == 0xFFFE else container_bits
    container = container_bits // 8
    raw = np.frombuffer(data, dtype=np.uint8).reshape(-1, container)
    if container == 1:
        v = raw[:, 0].astype(np.int64) - 128
    else:
        v = np.zeros(len(raw), dtype=np.int64)
        for k in range(container):
            v |= raw[:, k].astype(np.int64) << (8 * k)
        v = np.where(v >= 1 << (container * 8 - 1), v - (1 << (container * 8)), v)
    v = v >> (container * 8 - bits)
    return v.reshape(-1, channels), bits, rate


def canonical(samples, bits):
    """RFC 9639 section 8.2's layout: interleaved, signed little-endian, ceil(bits/8) bytes each."""
    n = (bits + 7) // 8
    u = samples.reshape(-1).astype(np.int64) & ((1 << (8 * n)) - 1)
    out = np.zeros((len(u), n), dtype=np.uint8)
    for k in range(n):
        out[:, k] = (u >> (8 * k)) & 0xFF
    return out.tobytes()


def run(*cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def metaflac(path, option):
    return subprocess.run(["metaflac", option, path], check=True, capture_output=True, text=True).stdout.strip()


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.endswith(".flac"):
            os.remove(os.path.join(OUT, name))
    entries = []

    def add(name, samples, bits, rate, encoder, args, mask=None, bext=None, expect=None):
        src = os.path.join(TMP, name + ".wav")
        wav(src, samples, bits, rate, mask=mask, bext_time_reference=bext)
        out = os.path.join(OUT, name + ".flac")
        if encoder == "flac":
            # flac reserves 8 KiB of PADDING by default: left out, to keep the corpus small (one file keeps it).
            padding = [] if "--keep-foreign-metadata" in args else ["--no-padding"]
            run("flac", "-s", "-f", *padding, *args, "-o", out, src)
        else:
            run("ffmpeg", "-v", "error", "-y", "-i", src, *args, "-c:a", "flac", out)
        dec = os.path.join(TMP, name + ".decoded.wav")
        run("flac", "-s", "-d", "-f", "-o", dec, out)
        got, got_bits, got_rate = read_wav(dec)
        if encoder == "flac" or bits <= 24:
            assert got_bits == bits and got_rate == rate, (name, got_bits, got_rate)
            assert np.array_equal(got, samples), name + ": flac -d does not give back the samples"
        pcm = canonical(got, got_bits)
        md5 = metaflac(out, "--show-md5sum")
        if md5 != "0" * 32:
            assert hashlib.md5(pcm).hexdigest() == md5, name + ": STREAMINFO MD5 is not the MD5 of the samples"
        entries.append({
            "file": name + ".flac",
            "encoder": encoder,
            "arguments": " ".join(args),
            "sample_rate": got_rate,
            "channels": got.shape[1],
            "bits": got_bits,
            "frames": got.shape[0],
            "streaminfo_md5": md5,
            "samples_sha256": hashlib.sha256(pcm).hexdigest(),
            **(expect or {}),
        })

    stereo16 = signal(3000, 2, 16, 1)
    for level in range(9):
        add("flac-level%d-16bit-stereo" % level, stereo16, 16, 44100, "flac", ["-%d" % level])
    for bits in (8, 12, 16, 20, 24, 32):
        add("flac-%dbit-stereo" % bits, signal(2500, 2, bits, bits), bits, 48000, "flac", ["-5"])
    for channels in (1, 3, 4, 5, 6, 7, 8):
        add("flac-%dch-24bit" % channels, signal(1200, channels, 24, 100 + channels), 24, 48000, "flac", ["-8"])
    add("flac-6ch-mask-060F", signal(1200, 6, 24, 7), 24, 48000, "flac", ["-5"], mask=0x60F,
        expect={"channel_mask": 0x60F})
    add("flac-lax-blocksize16", signal(1000, 2, 16, 2), 16, 44100, "flac", ["--lax", "-b", "16", "-l", "8"])
    add("flac-lax-blocksize4609-lpc32", signal(9218, 2, 24, 3), 24, 96000, "flac", ["--lax", "-b", "4609", "-l", "32", "-e"])
    add("flac-lax-blocksize65535", signal(70000, 1, 8, 4, "sparse"), 8, 8000, "flac", ["--lax", "-b", "65535"])
    add("flac-lax-partition-order15", signal(32768, 1, 16, 5, "sparse"), 16, 44100, "flac",
        ["--lax", "-b", "32768", "-r", "15,15"])
    add("flac-qlp-precision-search", signal(3000, 2, 16, 6), 16, 44100, "flac", ["-8", "-p"])
    add("flac-precision-5-tukey", signal(3000, 2, 16, 8), 16, 44100, "flac", ["-8", "-q", "5", "-A", "tukey(0.25)"])
    add("flac-no-mid-side", signal(3000, 2, 16, 9), 16, 44100, "flac", ["-5", "--no-mid-side"])
    add("flac-noise-verbatim", signal(1000, 2, 16, 10, "noise"), 16, 44100, "flac", ["-5"])
    add("flac-silence-constant", np.zeros((5000, 2), dtype=np.int64), 24, 48000, "flac", ["-5"])
    for rate in (8000, 11025, 35467, 39000, 88200, 134560, 192000, 384000, 705600):
        # Rates above 655350 Hz cannot be coded in a frame header: not streamable, so --lax.
        add("flac-rate-%d" % rate, signal(1500, 1, 16, rate), 16, rate, "flac", ["-5"] + (["--lax"] if rate > 655350 else []))
    add("flac-keep-foreign-metadata-bwf", signal(2000, 2, 24, 11), 24, 48000, "flac",
        ["-5", "--keep-foreign-metadata"], bext=172_800_000, expect={"time_reference": 172_800_000})
    add("ffmpeg-level0-16bit", stereo16, 16, 44100, "ffmpeg", ["-compression_level", "0"])
    add("ffmpeg-level12-24bit", signal(3000, 2, 24, 12), 24, 48000, "ffmpeg", ["-compression_level", "12"])
    add("ffmpeg-cholesky-mid-side", signal(3000, 2, 16, 13), 16, 44100, "ffmpeg",
        ["-lpc_type", "cholesky", "-ch_mode", "mid_side"])
    add("ffmpeg-bwf-time-reference", signal(2000, 2, 24, 14), 24, 48000, "ffmpeg", [], bext=1_728_000,
        expect={"time_reference": 1_728_000})

    versions = {
        "flac": subprocess.run(["flac", "--version"], capture_output=True, text=True).stdout.strip(),
        "ffmpeg": subprocess.run(["ffmpeg", "-version"], capture_output=True, text=True).stdout.splitlines()[0],
    }
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"generated_by": "scripts/flac-corpus.py", "encoders": versions, "files": entries}, f, indent=1)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(OUT, e["file"])) for e in entries)
    print("%d files, %d bytes, in %s" % (len(entries), total, OUT))


if __name__ == "__main__":
    sys.exit(main())
