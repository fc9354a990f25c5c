#!/usr/bin/env python3
"""Makes a lossy copy of an LMMS delivery: every stem AND the mix encoded separately with a lossy
codec (AAC 256 kbit/s by default, as MUSDB18 ships its stems and mixture) and decoded back to WAV,
with a truth.json adapted from the source's.

    python3 lossy.py SRC OUTDIR [--codec aac|mp3|opus|vorbis] [--bitrate 256k] [--cutoff HZ]
                     [--sample-format float|s24] [--name lossy]
    python3 lossy.py --root SRCROOT OUTROOT [--only SONG]... [same options]

SRC is one delivery folder holding truth.json (scripts/lmms/native.py or delivery.py made it). With
--root, every SRCROOT/<song>/<variant> folder is copied to OUTROOT/<song>/<name><suffix>: `native`
-> `lossy`, `native-removed` -> `lossy-removed`, `native-gain` -> `lossy-gain`, `native-late` ->
`lossy-late` (an exact corpus's `clean` -> `lossy`, `gain` -> `lossy-gain`, ...), and OUTROOT/READY
lists the songs done. Files under SRC are only read.

How a file goes through the codec (ffmpeg, one process per file and direction, one thread):
* the copy keeps its source's levels, a float mix over full scale included, as a float encoder
  and decoder would: ffmpeg 5.1's `aac` encoder, however, distorts what comes near or over full
  scale (a decaying 440 Hz tone at amplitude 1.2 decodes with -18.7 dB of error and 0.3 dB of
  level lost, at 2.0 -11.9 dB and 0.7 dB, at 1.0 -28.3 dB and 0.04 dB, against -29.4 dB and
  0.006 dB at 0.89), and LMMS writes mixes up to +8.6 dBFS. So a song with a file over
  --peak-dbfs (-1 dBFS; any variant's) has every file multiplied by one factor that puts its
  loudest sample peak there before the codec, and divided by it after decoding; the codec's noise
  follows each band's level, so the result is what the codec does to the file at its own level.
  `--peak-dbfs none` feeds the encoder the files as they are;
* encoded from that float WAV (nothing clipped before the codec), AAC into .m4a (ffmpeg's native `aac`), MP3 with `libmp3lame` (LAME tag), Opus with
  `libopus` at 48 kHz (.opus), Vorbis with `libvorbis` (.ogg);
* decoded by ffmpeg to 32-bit float at the source's rate, as a MUSDB reader does (stempeg and
  musdb call ffmpeg): ffmpeg drops the codec's priming samples itself (the edit list of .m4a, the
  LAME tag's delay, Ogg's pre-skip);
* the padding after the end (ffmpeg 5.1 keeps AAC's last frame whole: up to 1023 frames) is cut
  so that every file has its source's length exactly; a decoded file shorter than its source is
  an error;
* the alignment is checked: each audible file's lag against its source (cross-correlation of the
  channel sums within +/- MAX_LAG) must equal the mix's, else the copy would add an offset of its
  own and the script fails. A lag common to every file (libopus through ffmpeg 5.1 leaves the
  decoded audio 3 samples early at 48 kHz) is taken back on every file, so the copy keeps the
  source's timeline (a faulted stem's 240 samples stay 240);
* written as 32-bit float WAV (default; what a decoder hands over) or 24-bit PCM (--sample-format
  s24: clipped at full scale, as a 24-bit export of a mix over full scale is).
The decoded files are cached in $STEMCHECK_LOSSY_CACHE (default /tmp/stemcheck-lossy-cache), keyed
by the source file's content and the options, and hard-linked into OUTDIR: an innocent stem is
bit-identical across the variants of a song, as its source was.

truth.json is the source's, with the same expectations and innocent files, and:
* `mix.null` naming only the mix is allowed on every variant, the clean one too: the codec's
  noise is in every file, and the stems null no deeper than it (-21 to -35 dB on the exact
  corpus's clean songs through AAC 256k);
* `lossy`: codec, bitrate, cut-off, encoder, sample format, the lag taken back, the frames cut
  at the end per file, each file's coding error against its source (dB), the raw null of the
  lossy set and of its source;
* `mix.null_db` and the `mix.null` allowance give the lossy set's raw null;
* the render conditions (DC, true peak, sample peak, channels out of phase) are measured again on
  the decoded files and added (a codec's overshoot can raise a true peak over the allowance's
  -2 dBTP);
* a `*-removed` variant is expected to report `set.missing-stem` under the source's rule (the
  removed stem stands NATIVE_REMOVED_MARGIN_DB above the clean set's raw null), measured again
  against the lossy clean set (the removed stem's source is taken from the song's `native` or
  `clean` folder and sent through the same codec); where the decision changes, truth.json says so
  in `lossy.removed`.
No allowance is added for `content.lossy-transcode`: when every file went through one codec, every
file shares its cut-off, and a stem is transcoded "while another file has content above its wall"
only where its own source did (the demos' Ogg Vorbis drum samples, allowed by the source already).
Needs ffmpeg with the codec and numpy; see docs/lmms-corpus.md ("Every file through a lossy codec").
"""
import argparse
import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import delivery as D  # noqa: E402
import render as R  # noqa: E402

CACHE = os.environ.get("STEMCHECK_LOSSY_CACHE", os.path.join(tempfile.gettempdir(), "stemcheck-lossy-cache"))
# Bump when the way a file is coded changes, so that the cache does not hand out old copies.
VERSION = 2
CODECS = {
    # codec: (ffmpeg encoder, container extension, encoding rate or None for the source's)
    "aac": ("aac", "m4a", None),
    "mp3": ("libmp3lame", "mp3", None),
    "opus": ("libopus", "opus", 48000),
    "vorbis": ("libvorbis", "ogg", None),
}
# Lags searched when checking the alignment of a decoded file against its source (samples).
MAX_LAG = 2048
# A file quieter than this (peak) is not checked for its lag: there is nothing to correlate.
AUDIBLE_PEAK = 1e-5


def ffmpeg_version():
    p = subprocess.run(["ffmpeg", "-version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return p.stdout.splitlines()[0] if p.returncode == 0 and p.stdout else "unknown"


def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def lag(decoded, source):
    """The lag (samples) at which `decoded` best matches `source`: positive when it is later."""
    n = min(len(decoded), len(source))
    a, b = decoded[:n].sum(axis=1), source[:n].sum(axis=1)
    size = 1 << int(np.ceil(np.log2(n + MAX_LAG)))
    xc = np.fft.irfft(np.fft.rfft(a, size) * np.conj(np.fft.rfft(b, size)), size)
    lags = np.concatenate([np.arange(0, MAX_LAG + 1), np.arange(-MAX_LAG, 0)])
    vals = np.concatenate([xc[:MAX_LAG + 1], xc[-MAX_LAG:]])
    return int(lags[int(np.argmax(vals))])


def code(src, opts):
    """(rate, decoded float64 frames x channels, untrimmed length): `src` through the codec and back."""
    encoder, ext, enc_rate = CODECS[opts.codec]
    rate, x = R.read_wav(src)
    x = x * opts.scale
    with tempfile.TemporaryDirectory(prefix="stemcheck-lossy-") as tmp:
        if opts.scale != 1.0:
            scaled = os.path.join(tmp, "scaled.wav")
            R.write_wav_float(scaled, rate, x)
            src = scaled
        coded = os.path.join(tmp, "coded." + ext)
        cmd = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-threads", "1", "-i", src, "-map_metadata", "-1",
               "-c:a", encoder, "-b:a", opts.bitrate]
        if enc_rate:
            cmd += ["-ar", str(enc_rate)]
        if opts.cutoff:
            cmd += ["-cutoff", str(opts.cutoff)]
        subprocess.run(cmd + [coded], check=True)
        p = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-threads", "1", "-i", coded,
                            "-f", "f32le", "-c:a", "pcm_f32le", "-ar", str(rate), "-ac", str(x.shape[1]), "-"],
                           stdout=subprocess.PIPE, check=True)
    y = np.frombuffer(p.stdout, dtype="<f4").astype(np.float64).reshape(-1, x.shape[1])
    return rate, x, y


def write(path, rate, x, sample_format):
    if sample_format == "float":
        R.write_wav_float(path, rate, x)
        return
    v = np.clip(np.round(x * (1 << 23)), -(1 << 23), (1 << 23) - 1).astype("<i4")
    frames, ch = v.shape
    b = v.reshape(-1, 1).view(np.uint8)[:, :3].tobytes()
    fmt = (1).to_bytes(2, "little") + ch.to_bytes(2, "little") + rate.to_bytes(4, "little") \
        + (rate * ch * 3).to_bytes(4, "little") + (ch * 3).to_bytes(2, "little") + (24).to_bytes(2, "little")
    riff = b"WAVE" + b"fmt " + len(fmt).to_bytes(4, "little") + fmt + b"data" + len(b).to_bytes(4, "little") + b \
        + (b"\0" if len(b) & 1 else b"")
    with open(path + ".tmp", "wb") as f:
        f.write(b"RIFF" + len(riff).to_bytes(4, "little") + riff)
    os.replace(path + ".tmp", path)


def cache_key(src, opts):
    scale = "" if opts.scale == 1.0 else f" x{opts.scale!r}"
    return os.path.join(CACHE, hashlib.sha256(
        f"v{VERSION} {opts.codec} {opts.bitrate} {opts.cutoff} {opts.sample_format}{scale}\n{digest(src)}".encode()
    ).hexdigest()[:24])


def decode(src, opts):
    """Sends one source WAV through the codec and back (cached, untrimmed); returns its lag, lengths."""
    key = cache_key(src, opts)
    if os.path.exists(key + ".raw.json"):
        with open(key + ".raw.json") as f:
            return json.load(f)
    os.makedirs(CACHE, exist_ok=True)
    rate, x, y = code(src, opts)
    audible = len(x) > 0 and float(np.max(np.abs(x))) >= AUDIBLE_PEAK
    info = {"frames": len(x), "decoded_frames": len(y), "lag": lag(y, x) if audible else None}
    write(key + ".raw.wav", rate, y, "float")
    with open(key + ".raw.json.tmp", "w") as f:
        json.dump(info, f)
    os.replace(key + ".raw.json.tmp", key + ".raw.json")
    return info


def finish(src, opts, shift):
    """The delivered copy of `src`: its raw decode shifted back by `shift` samples and cut to the
    source's length (cached); returns (path, info, decoded samples)."""
    key = cache_key(src, opts)
    out, meta = key + ".wav", key + ".json"
    if os.path.exists(out) and os.path.exists(meta):
        with open(meta) as f:
            info = json.load(f)
        if info.get("shift") == shift:
            return out, info, R.read_wav(out)[1]
    with open(key + ".raw.json") as f:
        info = json.load(f)
    rate, y = R.read_wav(key + ".raw.wav")
    frames = info["frames"]
    if shift > 0:      # decoded late: drop its first samples
        y = y[shift:]
    elif shift < 0:    # decoded early: put the samples back in front
        y = np.vstack([np.zeros((-shift, y.shape[1])), y])
    if len(y) < frames:
        raise RuntimeError(f"{src}: decoded {len(y)} frames (after a lag of {shift}), fewer than its {frames}")
    info["trimmed_frames"] = len(y) - frames
    y = y[:frames]
    x = R.read_wav(src)[1]
    y = y / opts.scale       # back to the source's level
    write(out, rate, y, opts.sample_format)
    y = R.read_wav(out)[1]
    ref = float(np.sum(x ** 2))
    info["error_db"] = round(R.db(float(np.sum((y - x) ** 2)) / ref), 2) if ref > 0 else None
    info["shift"] = shift
    with open(meta, "w") as f:
        json.dump(info, f)
    return out, info, y


def peak_scale(paths, peak_dbfs):
    """The one factor for every file of a song that puts the loudest sample peak among `paths` at
    `peak_dbfs` when it is above it (1 otherwise, and for `peak_dbfs` None)."""
    if peak_dbfs is None:
        return 1.0
    seen, peak = set(), 0.0
    for p in paths:
        st = os.stat(p)
        if (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        peak = max(peak, float(np.max(np.abs(R.read_wav(p)[1]))))
    target = 10 ** (peak_dbfs / 20)
    return target / peak if peak > target else 1.0


def removed_source(src, truth):
    """The source file of a *-removed variant's removed stem, from the song's `native` or `clean` folder."""
    removed = (truth.get("fault") or {}).get("removed_file")
    if removed:
        for sibling in ("native", "clean"):
            p = os.path.join(os.path.dirname(os.path.abspath(src)), sibling, removed)
            if os.path.exists(p):
                return p
    return None


def wavs_of(folder):
    return [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.lower().endswith(".wav")]


def variant_name(source_variant, name):
    suffix = source_variant
    if suffix.startswith("native"):
        suffix = suffix[len("native"):]
    elif suffix == "clean":
        suffix = ""
    else:
        suffix = "-" + suffix
    return name + (suffix if not suffix or suffix.startswith("-") else "-" + suffix)


def make(src, outdir, opts, log=print):
    with open(os.path.join(src, "truth.json")) as f:
        truth = json.load(f)
    mix_file = truth["mix"]["file"]
    wavs = sorted(f for f in os.listdir(src) if f.lower().endswith(".wav"))
    if mix_file not in wavs:
        raise RuntimeError(f"{src}: the mix {mix_file} is not there")
    files = {f: os.path.join(src, f) for f in wavs}
    # The removed stem's source, to measure the lossy clean set's null (a *-removed variant).
    removed = (truth.get("fault") or {}).get("removed_file")
    removed_src = removed_source(src, truth)
    if opts.scale is None:
        opts = copy.copy(opts)
        opts.scale = peak_scale(list(files.values()) + ([removed_src] if removed_src else []), opts.peak_dbfs)
    coded = dict(files)
    if removed_src:
        coded[removed] = removed_src
    raw = {name: decode(path, opts) for name, path in coded.items()}
    mix_lag = raw[mix_file]["lag"] or 0
    for name, info in raw.items():
        if info["lag"] is not None and info["lag"] != mix_lag:
            raise RuntimeError(f"{name}: decoded {info['lag']} samples off its source, the mix {mix_lag}: "
                               f"the codec would move it against the others")
    done = {name: finish(path, opts, mix_lag) for name, path in coded.items()}

    os.makedirs(outdir, exist_ok=True)
    for f in os.listdir(outdir):
        if f.endswith(".wav") or f == "truth.json":
            os.remove(os.path.join(outdir, f))
    for name in files:
        try:
            os.link(done[name][0], os.path.join(outdir, name))
        except OSError:
            shutil.copyfile(done[name][0], os.path.join(outdir, name))

    # The raw null of the lossy set (and of its source): mix - sum of the stems delivered.
    def null(get, names):
        mix = get(mix_file)
        total = np.zeros_like(mix)
        for n in names:
            total += R.fit_length(get(n), len(mix))
        return R.db(float(np.sum((mix - total) ** 2)) / float(np.sum(mix ** 2)))

    stems = [n for n in files if n != mix_file]
    decoded = {n: d[2] for n, d in done.items()}
    null_db = null(decoded.get, stems)
    source_null_db = null(lambda n: R.read_wav(coded[n])[1], stems)
    new = copy.deepcopy(truth)
    new["variant"] = variant_name(truth["variant"], opts.name)
    new["source_variant"] = truth["variant"]
    label = {"aac": "AAC", "mp3": "MP3", "opus": "Opus", "vorbis": "Vorbis"}[opts.codec]
    fmt = "32-bit float" if opts.sample_format == "float" else "24-bit"
    new["description"] = (truth.get("description", "") + f"; then every file (the {len(stems)} stems and the mix) "
                          f"encoded separately with {label} {opts.bitrate} and decoded back to {fmt} WAV")
    lossy = {
        "codec": opts.codec, "encoder": CODECS[opts.codec][0], "bitrate": opts.bitrate, "cutoff_hz": opts.cutoff,
        "sample_format": opts.sample_format, "ffmpeg": ffmpeg_version(), "lag_taken_back_samples": mix_lag,
        "encoded_at_db": round(20 * np.log10(opts.scale), 3),
        "trimmed_frames": {n: done[n][1]["trimmed_frames"] for n in files},
        "error_db": {n: done[n][1]["error_db"] for n in files},
        "null_db": round(null_db, 2), "source_null_db": round(source_null_db, 2),
    }
    # As in the source, a *-removed variant's mix.null_db is the clean set's (every stem delivered).
    clean_db = null(decoded.get, stems + [removed]) if removed and removed_src else None
    shown = null_db if not removed else clean_db
    new["mix"]["null_db"] = None if shown is None else round(shown, 2)
    # The codec leaves its noise in every file: the stems null no deeper than it, and mix.null saying
    # so on the mix is right on every variant (an exact corpus allows it only on faulted ones).
    nulls = [a for a in new["allowed"] if a["code"] == "mix.null" and a.get("file") == mix_file]
    if not nulls:
        nulls = [{"code": "mix.null", "file": mix_file}]
        new["allowed"].insert(0, nulls[0])
    for a in nulls:
        a["why"] = f"the lossy copy leaves {null_db:.1f} dB" + (f" (the source: {a['why']})" if a.get("why") else "")
    if removed:
        lossy["removed"] = {"clean_null_db": None if clean_db is None else round(clean_db, 2)}
        if clean_db is not None:
            import native as N
            share = (truth.get("fault") or {}).get("share_of_mix_db")
            expect = bool(share is not None and share > clean_db + N.NATIVE_REMOVED_MARGIN_DB)
            was = any(e["code"] == "set.missing-stem" for e in truth["expected"])
            lossy["removed"].update({"share_of_mix_db": share, "expected_in_source": was, "expected": expect})
            if expect != was:
                new["expected"] = [e for e in new["expected"] if e["code"] != "set.missing-stem"]
                new["allowed"] = [a for a in new["allowed"] if a["code"] != "set.missing-stem"]
                if expect:
                    new["expected"].append({"code": "set.missing-stem", "codes": ["set.missing-stem", "mix.missing-fx"],
                                            "file": None, "removed_file": removed})
                else:
                    new["allowed"].append({"code": "set.missing-stem", "file": mix_file,
                                           "why": f"the removed stem ({share:.1f} dB) does not stand out of the lossy"
                                                  f" clean residual ({clean_db:.1f} dB)"})
                lossy["removed"]["changed"] = True
    seen = {(a["code"], a.get("file")) for a in new["allowed"]}
    for name in files:
        for a in D.render_conditions(name, decoded[name]):
            if (a["code"], a["file"]) not in seen:
                a["why"] += f" (after {label})"
                new["allowed"].append(a)
                seen.add((a["code"], a["file"]))
    new["lossy"] = lossy
    new.setdefault("render", {})["format"] = f"WAV {fmt} (decoded {label} {opts.bitrate})"
    with open(os.path.join(outdir, "truth.json"), "w") as f:
        json.dump(new, f, indent=2, default=float)
        f.write("\n")
    worst = max((v for v in lossy["error_db"].values() if v is not None), default=float("nan"))
    log(f"{outdir}: {new['variant']}: {len(stems)} stems, raw null {source_null_db:.1f} -> {null_db:.1f} dB, "
        f"coding error up to {worst:.1f} dB, lag taken back {mix_lag}, encoded at {lossy['encoded_at_db']:+.2f} dB")
    return new


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", help="a delivery folder with truth.json (with --root: a corpus root)")
    ap.add_argument("out", help="the copy's folder (with --root: the copy's root)")
    ap.add_argument("--root", action="store_true", help="copy every <song>/<variant> of the root SRC")
    ap.add_argument("--only", action="append", default=[], metavar="SONG", help="with --root: only these songs")
    ap.add_argument("--codec", choices=sorted(CODECS), default="aac")
    ap.add_argument("--bitrate", default="256k", help="ffmpeg -b:a (default 256k, as MUSDB18)")
    ap.add_argument("--cutoff", type=int, default=0, help="ffmpeg -cutoff in Hz (default: the encoder's own)")
    ap.add_argument("--sample-format", choices=("float", "s24"), default="float")
    ap.add_argument("--name", default="lossy", help="the copies' variant name (default lossy: lossy, lossy-removed, ...)")
    ap.add_argument("--peak-dbfs", default="-1",
                    help="into the encoder, every file of a song scaled alike so that none peaks above this, and"
                         " back after decoding (default -1; 'none': the files as they are)")
    a = ap.parse_args(argv)
    a.peak_dbfs = None if a.peak_dbfs == "none" else float(a.peak_dbfs)
    a.scale = None
    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    if not a.root:
        make(a.src, a.out, a, log)
        return 0
    songs, failed = [], []
    for song in sorted(os.listdir(a.src)):
        d = os.path.join(a.src, song)
        if not os.path.isdir(d) or (a.only and song not in a.only):
            continue
        variants = sorted(v for v in os.listdir(d) if os.path.exists(os.path.join(d, v, "truth.json")))
        ok = bool(variants)
        # One factor for the whole song, so that an innocent stem stays bit-identical across its variants.
        per_song = copy.copy(a)
        per_song.scale = peak_scale([p for v in variants for p in wavs_of(os.path.join(d, v))], a.peak_dbfs)
        for v in variants:
            with open(os.path.join(d, v, "truth.json")) as f:
                name = variant_name(json.load(f)["variant"], a.name)
            try:
                make(os.path.join(d, v), os.path.join(a.out, song, name), per_song, log)
            except (RuntimeError, subprocess.CalledProcessError) as e:
                log(f"{song}/{v}: not copied: {e}")
                shutil.rmtree(os.path.join(a.out, song, name), ignore_errors=True)
                ok = False
        (songs if ok else failed).append(song)
    os.makedirs(a.out, exist_ok=True)
    ready = os.path.join(a.out, "READY")
    if a.only and os.path.exists(ready):     # a partial run adds to the songs done before
        with open(ready) as f:
            songs = sorted(({line.strip() for line in f} - {""} - set(failed)) | set(songs))
    with open(ready, "w") as f:
        f.write("".join(s + "\n" for s in songs))
    log(f"READY: {len(songs)} songs in {a.out}" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
