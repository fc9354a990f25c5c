package org.stemcheck.io.fuzz;

import static org.stemcheck.io.fuzz.RiffBytes.ascii;
import static org.stemcheck.io.fuzz.RiffBytes.comm;
import static org.stemcheck.io.fuzz.RiffBytes.fmt;
import static org.stemcheck.io.fuzz.RiffBytes.samples;
import static org.stemcheck.io.fuzz.RiffBytes.ssnd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.stemcheck.io.testing.FlacWriter;
import org.stemcheck.io.testing.Heads;

/**
 * The seed corpora of the fuzz tests, made here (never copied from real files) and committed under
 * {@code src/test/resources/org/stemcheck/io/fuzz/<TestClass>Inputs/<method>/}, where Jazzer
 * replays them in the normal test run and starts from them when fuzzing.
 *
 * <p>Regenerate after changing a seed: {@code ./mvnw -o -q -pl stem-io test-compile} then run
 * {@code java -cp stem-io/target/test-classes:stem-io/target/classes org.stemcheck.io.fuzz.FuzzSeeds
 * stem-io/src/test/resources}. {@link FuzzSeedsTest} fails while the committed seeds differ.
 */
final class FuzzSeeds {

    /** File names of generated seeds start with this; crash inputs Jazzer finds keep their own names. */
    static final String PREFIX = "seed-";

    private FuzzSeeds() {
    }

    /** Seeds of {@link WavFuzzTest}: one small valid file per WAV flavour and a few known-odd layouts. */
    static Map<String, byte[]> wav() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("pcm16-stereo-48k.wav", simple(RiffBytes.riff(), 1, 2, 48000, 16, 6));
        m.put("pcm8-unsigned-mono.wav", simple(RiffBytes.riff(), 1, 1, 8000, 8, 7));
        m.put("pcm24-stereo.wav", simple(RiffBytes.riff(), 1, 2, 44100, 24, 5));
        m.put("pcm32-mono.wav", simple(RiffBytes.riff(), 1, 1, 96000, 32, 4));
        m.put("float32-stereo.wav", simple(RiffBytes.riff(), 3, 2, 48000, 32, 4));
        m.put("float64-mono.wav", simple(RiffBytes.riff(), 3, 1, 48000, 64, 3));
        m.put("alaw-mono.wav", simple(RiffBytes.riff(), 6, 1, 8000, 8, 8));
        m.put("mulaw-mono.wav", simple(RiffBytes.riff(), 7, 1, 8000, 8, 8));
        m.put("rifx-pcm16-mono.wav", simple(RiffBytes.rifx(), 1, 1, 48000, 16, 6));
        m.put("extensible-24in32-stereo.wav", RiffBytes.riff()
                .chunk("fmt ", RiffBytes.fmtExtensible(1, 2, 48000, 32, 24, 0x3))
                .chunk("data", samples(4, 2, 4)).build());
        m.put("extensible-float32-mono.wav", RiffBytes.riff()
                .chunk("fmt ", RiffBytes.fmtExtensible(3, 1, 48000, 32, 32, 0x4))
                .chunk("data", samples(4, 1, 4)).build());
        m.put("rf64-pcm16-stereo.wav", rf64("RF64"));
        m.put("bw64-pcm16-stereo.wav", rf64("BW64"));
        m.put("bwf-pcm24-with-metadata.wav", withMetadata());
        m.put("truncated-data.wav", RiffBytes.riff()
                .chunk("fmt ", fmt(1, 2, 48000, 16, false))
                .chunk("data", 4000, samples(5, 2, 2), false).build());
        m.put("odd-chunk-without-pad.wav", RiffBytes.riff()
                .chunk("fmt ", fmt(1, 1, 48000, 16, false))
                .chunk("junk", 3, new byte[] {1, 2, 3}, false)
                .chunk("data", samples(4, 1, 2)).build());
        m.put("odd-data-size.wav", RiffBytes.riff()
                .chunk("fmt ", fmt(1, 1, 48000, 16, false))
                .chunk("data", samples(7, 1, 1)).build());
        return m;
    }

    /** Seeds of {@link AiffFuzzTest}: small valid AIFF and AIFF-C files. */
    static Map<String, byte[]> aiff() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("aiff-pcm16-stereo-44k1.aiff", aiff(2, 16, 44100, 6, 0, null));
        m.put("aiff-pcm8-mono.aiff", aiff(1, 8, 8000, 7, 0, null));
        m.put("aiff-pcm24-mono-48k.aiff", aiff(1, 24, 48000, 5, 0, null));
        m.put("aiff-pcm12-in-16-mono.aiff", aiff(1, 12, 22050, 4, 0, null));
        m.put("aiff-ssnd-offset.aiff", aiff(1, 16, 48000, 4, 6, null));
        m.put("aifc-none-pcm16-stereo.aifc", aiff(2, 16, 48000, 4, 0, "NONE"));
        m.put("aifc-sowt-pcm16-mono.aifc", aiff(1, 16, 48000, 4, 0, "sowt"));
        m.put("aifc-fl32-mono.aifc", aiff(1, 32, 48000, 4, 0, "fl32"));
        m.put("aifc-fl64-mono.aifc", aiff(1, 64, 48000, 3, 0, "fl64"));
        m.put("aiff-with-markers-and-name.aiff", aiffWithMarkers());
        return m;
    }

    /** Seeds of {@link MetadataFuzzTest}: a selector byte, then a chunk payload. */
    static Map<String, byte[]> metadata() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("bext-v1.bin", MetadataFuzzTest.input(MetadataFuzzTest.BEXT, false, false, bext(1, 1_728_000L, "")));
        m.put("bext-v2-history-after-data.bin", MetadataFuzzTest.input(MetadataFuzzTest.BEXT, false, true,
                bext(2, 48_000L, "A=PCM,F=48000,W=24,M=stereo,T=stemcheck\r\n")));
        m.put("bext-rifx.bin", MetadataFuzzTest.input(MetadataFuzzTest.BEXT, true, false, bext(0, 0L, "")));
        m.put("ixml.bin", MetadataFuzzTest.input(MetadataFuzzTest.IXML, false, false, ascii(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><BWFXML><IXML_VERSION>2.10</IXML_VERSION>"
                        + "<PROJECT>demo</PROJECT><SPEED><TIMECODE_RATE>25/1</TIMECODE_RATE></SPEED>"
                        + "<TRACK_LIST><TRACK_COUNT>1</TRACK_COUNT><TRACK><CHANNEL_INDEX>1</CHANNEL_INDEX>"
                        + "<NAME>Bass</NAME></TRACK></TRACK_LIST></BWFXML>")));
        m.put("ixml-after-data.bin", MetadataFuzzTest.input(MetadataFuzzTest.IXML, false, true,
                ascii("<BWFXML><NOTE>&amp; &#233;</NOTE></BWFXML>")));
        m.put("list-info.bin", MetadataFuzzTest.input(MetadataFuzzTest.LIST, false, false, listInfo()));
        m.put("list-adtl.bin", MetadataFuzzTest.input(MetadataFuzzTest.LIST, false, true, listAdtl()));
        m.put("cue-two-points.bin", MetadataFuzzTest.input(MetadataFuzzTest.CUE, false, false, cue(false)));
        m.put("cue-rifx.bin", MetadataFuzzTest.input(MetadataFuzzTest.CUE, true, true, cue(true)));
        return m;
    }

    /**
     * Seeds of {@link FlacFuzzTest}: small FLAC files from our own encoder, each a few hundred
     * samples, covering the subframe types, stereo codings, depths and metadata the reader parses.
     */
    static Map<String, byte[]> flac() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        FlacWriter w = FlacWriter.defaults().blockSize(192);
        m.put("pcm16-stereo-lpc.flac", w.subframe(FlacWriter.Subframe.LPC).lpcOrder(4).encode(44100, 16, tone(2, 400, 16)));
        m.put("pcm24-mono-fixed.flac", w.subframe(FlacWriter.Subframe.FIXED).encode(48000, 24, tone(1, 400, 24)));
        m.put("pcm8-verbatim.flac", w.subframe(FlacWriter.Subframe.VERBATIM).encode(8000, 8, tone(1, 300, 8)));
        m.put("pcm32-left-side.flac", w.stereo(FlacWriter.Stereo.LEFT_SIDE).subframe(FlacWriter.Subframe.FIXED)
                .encode(96000, 32, tone(2, 200, 32)));
        m.put("pcm16-mid-side-wasted.flac", w.stereo(FlacWriter.Stereo.MID_SIDE).encode(44100, 16, padded(2, 400, 16)));
        m.put("pcm16-side-right-escaped.flac", w.stereo(FlacWriter.Stereo.SIDE_RIGHT).escapeAll(true).fiveBitRice(true)
                .encode(22050, 16, tone(2, 300, 16)));
        m.put("pcm20-variable-blocks.flac", FlacWriter.defaults().variableBlockSizes(100, 16, 300)
                .encode(88200, 20, tone(1, 600, 20)));
        m.put("pcm12-8ch.flac", w.blockSize(64).encode(32000, 12, tone(8, 128, 12)));
        m.put("pcm4-odd-rate-no-header-codes.flac", w.headerCodes(false).encode(35467, 4, tone(1, 300, 4)));
        m.put("pcm16-unknown-total-no-md5.flac", w.totalKnown(false).md5(false).encode(44100, 16, tone(1, 400, 16)));
        m.put("pcm24-bwf-metadata.flac", w.comment("TIME_REFERENCE", "172800000")
                .comment("WAVEFORMATEXTENSIBLE_CHANNEL_MASK", "0x0003").padding(8)
                .riffBext(bext(1, 172_800_000L, ""), 2, 48000, 24).encode(48000, 24, tone(2, 200, 24)));
        m.put("pcm16-id3-in-front.flac", w.id3Tag(20).encode(44100, 16, tone(1, 200, 16)));
        byte[] whole = w.encode(44100, 16, tone(2, 500, 16));
        m.put("pcm16-cut-inside-a-frame.flac", java.util.Arrays.copyOf(whole, whole.length - 100));
        return m;
    }

    /** A sine of {@code frames} samples per channel at half scale, channel c at a higher pitch. */
    private static int[][] tone(int channels, int frames, int bits) {
        int[][] x = new int[channels][frames];
        double amplitude = 0.5 * ((1L << (bits - 1)) - 1);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                x[c][i] = (int) Math.round(amplitude * Math.sin(2 * Math.PI * (0.01 + 0.003 * c) * i));
            }
        }
        return x;
    }

    /** {@link #tone} with its two lowest bits zero: wasted bits. */
    private static int[][] padded(int channels, int frames, int bits) {
        int[][] x = tone(channels, frames, bits);
        for (int[] channel : x) {
            for (int i = 0; i < frames; i++) {
                channel[i] &= ~3;
            }
        }
        return x;
    }

    /** One whole MPEG-1 layer III frame: 32 kbit/s at 48 kHz is 144 * 32000 / 48000 = 96 bytes (ISO/IEC 11172-3). */
    private static byte[] mp3Frame() {
        return Heads.mpegFrames(new byte[] {(byte) 0xFF, (byte) 0xFB, 0x14, 0x64}, 96, 1);
    }

    /** One whole AAC-LC ADTS frame of 64 bytes (7-byte header, no CRC), 44.1 kHz stereo (ISO/IEC 13818-7). */
    private static byte[] adtsFrame() {
        int len = 64;
        byte[] header = {(byte) 0xFF, (byte) 0xF1, (byte) (1 << 6 | 4 << 2), (byte) (2 << 6 | (len >> 11) & 0x3),
            (byte) (len >> 3), (byte) ((len & 0x7) << 5 | 0x1F), (byte) 0xFC};
        return Heads.mpegFrames(header, len, 1);
    }

    /** Seeds of {@link SniffFuzzTest}: a signed length byte, then the head of a file. */
    static Map<String, byte[]> sniff() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        Map<String, byte[]> heads = new LinkedHashMap<>();
        heads.put("wav", head(wav().get("pcm16-stereo-48k.wav")));
        heads.put("rifx", head(wav().get("rifx-pcm16-mono.wav")));
        heads.put("rf64", head(wav().get("rf64-pcm16-stereo.wav")));
        heads.put("bw64", head(wav().get("bw64-pcm16-stereo.wav")));
        heads.put("aiff", head(aiff().get("aiff-pcm16-stereo-44k1.aiff")));
        heads.put("aifc", head(aiff().get("aifc-sowt-pcm16-mono.aifc")));
        // Whole, minimal files: the sniffer wants complete headers (a full STREAMINFO, a whole MPEG frame).
        heads.put("flac", Heads.flac());
        heads.put("ogg", Heads.ogg());
        heads.put("m4a", Heads.ftyp("M4A "));
        heads.put("mp3-id3", Heads.concat(Heads.id3(0), mp3Frame()));
        heads.put("mp3-frame", mp3Frame());
        heads.put("aac-adts", adtsFrame());
        heads.put("text", "Title: not audio\n".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> h : heads.entrySet()) {
            m.put(h.getKey() + ".bin", SniffFuzzTest.input(h.getValue().length, h.getValue()));
        }
        m.put("wav-cut-to-8-bytes.bin", SniffFuzzTest.input(8, heads.get("wav")));
        m.put("negative-length.bin", SniffFuzzTest.input(-3, heads.get("aiff")));
        return m;
    }

    /** Writes every seed under {@code resources} (the test resources root); {@code args[0]} names it. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "stem-io/src/test/resources");
        write(root, WavFuzzTest.class, "openAndStream", wav());
        write(root, AiffFuzzTest.class, "openAndStream", aiff());
        write(root, MetadataFuzzTest.class, "chunkPayload", metadata());
        write(root, SniffFuzzTest.class, "sniff", sniff());
        write(root, FlacFuzzTest.class, "openAndStream", flac());
        write(root, AdmFuzzTest.class, "admPayload", adm());
    }

    /** Seeds of {@link AdmFuzzTest}: a selector byte, then a chna or axml payload (5.1 DirectSpeakers). */
    static Map<String, byte[]> adm() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("chna-51.bin", AdmFuzzTest.input(AdmFuzzTest.CHNA, false,
                org.stemcheck.io.adm.AdmBytes.chna(6, org.stemcheck.io.adm.AdmBytes.fiveOneIds())));
        m.put("axml-51-after-data.bin", AdmFuzzTest.input(AdmFuzzTest.AXML, true,
                org.stemcheck.io.adm.AdmBytes.axml().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return m;
    }

    /** The directory Jazzer reads a fuzz test's inputs from, under the test resources root. */
    static Path inputsDir(Path resources, Class<?> test, String method) {
        return resources.resolve(test.getPackageName().replace('.', '/'))
                .resolve(test.getSimpleName() + "Inputs").resolve(method);
    }

    private static void write(Path root, Class<?> test, String method, Map<String, byte[]> seeds) throws IOException {
        Path dir = inputsDir(root, test, method);
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
            Files.write(dir.resolve(PREFIX + e.getKey()), e.getValue());
        }
    }

    // ---- builders ----------------------------------------------------------------------------

    private static byte[] simple(RiffBytes riff, int tag, int channels, int rate, int bits, int frames) {
        return riff.chunk("fmt ", fmt(tag, channels, rate, bits, riff.bigEndian()))
                .chunk("data", samples(frames, channels, bits / 8)).build();
    }

    private static byte[] rf64(String magic) {
        byte[] data = samples(5, 2, 2);
        RiffBytes f = RiffBytes.rf64(magic);
        long riffSize = 4 + (8 + 40) + (8 + 16) + (8 + data.length);
        f.chunk("ds64", RiffBytes.ds64(riffSize, data.length, 5, new String[] {"junk"}, new long[] {0}));
        f.chunk("fmt ", fmt(1, 2, 48000, 16, false));
        f.chunk("data", 0xFFFFFFFFL, data, true);
        return f.build();
    }

    private static byte[] withMetadata() {
        return RiffBytes.riff()
                .chunk("bext", bext(1, 172_800_000L, ""))
                .chunk("fmt ", fmt(1, 2, 48000, 24, false))
                .chunk("LIST", listInfo())
                .chunk("data", samples(3, 2, 3))
                .chunk("cue ", cue(false))
                .chunk("iXML", ascii("<BWFXML><PROJECT>p</PROJECT></BWFXML>"))
                .build();
    }

    /** A bext payload (EBU Tech 3285 v2 section 2.3): 602 fixed bytes, then the coding history. */
    static byte[] bext(int version, long timeReference, String history) {
        byte[] b = new byte[602 + history.length()];
        System.arraycopy(ascii("Bass, take 3"), 0, b, 0, 12);
        System.arraycopy(ascii("stemcheck"), 0, b, 256, 9);
        System.arraycopy(ascii("2026-11-25"), 0, b, 320, 10);
        System.arraycopy(ascii("01:02:03"), 0, b, 330, 8);
        for (int i = 0; i < 8; i++) {
            b[338 + i] = (byte) (timeReference >>> (8 * i));
        }
        b[346] = (byte) version;
        if (version >= 1) {
            b[348] = 0x06; // a UMID starts with its universal label
        }
        if (version >= 2) {
            int[] loudness = {-2300, 700, -100, -1800, -2000}; // 1/100 LU units
            for (int i = 0; i < loudness.length; i++) {
                b[412 + 2 * i] = (byte) loudness[i];
                b[413 + 2 * i] = (byte) (loudness[i] >> 8);
            }
        }
        System.arraycopy(ascii(history), 0, b, 602, history.length());
        return b;
    }

    private static byte[] listInfo() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        RiffBytes.ascii(b, "INFO");
        sub(b, "INAM", ascii("Bass\0"), false);
        sub(b, "ISFT", ascii("stemcheck\0"), false);
        return b.toByteArray();
    }

    private static byte[] listAdtl() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        RiffBytes.ascii(b, "adtl");
        sub(b, "labl", new byte[] {1, 0, 0, 0, 'V', '1', 0}, false);
        sub(b, "note", new byte[] {2, 0, 0, 0, 'n', 0}, false);
        return b.toByteArray();
    }

    /** A cue chunk with two points (RIFF spec "Cue Points Chunk"): id, position, fccChunk, starts, offset. */
    private static byte[] cue(boolean be) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        RiffBytes.put(b, 2, 4, be);
        for (int id = 1; id <= 2; id++) {
            RiffBytes.put(b, id, 4, be);
            RiffBytes.put(b, 0, 4, be);
            RiffBytes.ascii(b, "data");
            RiffBytes.put(b, 0, 4, be);
            RiffBytes.put(b, 0, 4, be);
            RiffBytes.put(b, id * 3L, 4, be);
        }
        return b.toByteArray();
    }

    private static void sub(ByteArrayOutputStream b, String id, byte[] payload, boolean be) {
        RiffBytes.ascii(b, id);
        RiffBytes.put(b, payload.length, 4, be);
        b.writeBytes(payload);
        if ((payload.length & 1) != 0) {
            b.write(0);
        }
    }

    private static byte[] aiff(int channels, int bits, double rate, int frames, int offset, String compression) {
        RiffBytes f = RiffBytes.form(compression == null ? "AIFF" : "AIFC");
        if (compression != null) {
            f.chunk("FVER", new byte[] {(byte) 0xA2, (byte) 0x80, 0x51, 0x40}); // AIFC version 1 timestamp
        }
        String name = compression == null ? null
                : compression.equals("fl32") || compression.equals("fl64") ? "IEEE float" : "not compressed";
        f.chunk("COMM", comm(channels, frames, bits, rate, compression, name));
        f.chunk("SSND", ssnd(offset, samples(frames, channels, (bits + 7) / 8)));
        return f.build();
    }

    private static byte[] aiffWithMarkers() {
        ByteArrayOutputStream mark = new ByteArrayOutputStream();
        RiffBytes.put(mark, 1, 2, true);
        RiffBytes.put(mark, 1, 2, true);
        RiffBytes.put(mark, 2, 4, true);
        mark.write(3);
        mark.writeBytes(ascii("one"));
        return RiffBytes.form("AIFF")
                .chunk("NAME", ascii("Bass"))
                .chunk("COMM", comm(1, 4, 16, 48000, null, null))
                .chunk("MARK", mark.toByteArray())
                .chunk("SSND", ssnd(0, samples(4, 1, 2)))
                .chunk("ANNO", ascii("made by stemcheck"))
                .build();
    }

    private static byte[] head(byte[] file) {
        return java.util.Arrays.copyOf(file, Math.min(file.length, 64));
    }
}
