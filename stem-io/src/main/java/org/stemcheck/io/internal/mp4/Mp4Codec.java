package org.stemcheck.io.internal.mp4;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFileException.Kind;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.internal.Bytes;
import org.stemcheck.io.spi.ByteInput;

/**
 * Names the audio codec of an ISO base media file (M4A, MP4, MOV) so that the refusal says what
 * it is: AAC is lossy, Apple Lossless is lossless but not read. Walks only the boxes on the way
 * to the first sound track's sample description (ISO/IEC 14496-12: {@code moov/trak/mdia} with
 * a {@code hdlr} of type {@code soun}, then {@code minf/stbl/stsd}), reading 16 bytes at a time
 * and skipping everything else; no box is read past its parent or the file, and at most
 * {@link #MAX_BOXES} boxes are looked at, so a crafted file costs little.
 */
public final class Mp4Codec {

    /** Boxes looked at before giving up: real files have a few dozen on this path. */
    static final int MAX_BOXES = 10_000;
    /** A box header: 32-bit size and type; size 1 adds a 64-bit size (ISO/IEC 14496-12, 4.2). */
    private static final int HEADER = 8;
    private static final int LARGE_HEADER = 16;

    /** Codecs with a name people know, by sample entry type. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("mp4a", "AAC"), Map.entry(".mp3", "MP3"), Map.entry("ac-3", "AC-3"),
            Map.entry("ec-3", "E-AC-3"), Map.entry("ac-4", "AC-4"), Map.entry("Opus", "Opus"),
            Map.entry("samr", "AMR"), Map.entry("sawb", "AMR-WB"), Map.entry("dtsc", "DTS"),
            Map.entry("dtsh", "DTS-HD"), Map.entry("dtsl", "DTS-HD Master Audio"), Map.entry("mha1", "MPEG-H"),
            Map.entry("mhm1", "MPEG-H"), Map.entry("alac", "Apple Lossless (ALAC)"), Map.entry("fLaC", "FLAC"));
    /** Uncompressed PCM sample entries (QuickTime File Format; ISO/IEC 23003-5 for ipcm/fpcm). */
    private static final Set<String> PCM = Set.of("lpcm", "sowt", "twos", "in24", "in32", "fl32", "fl64", "raw ",
            "ipcm", "fpcm");

    private final ByteInput in;
    private int boxes;
    private String handler;
    private String codec;
    private long codecOffset = -1;

    private Mp4Codec(ByteInput in) {
        this.in = in;
    }

    /**
     * Why an MP4 file is not read, naming its codec where the header gives it.
     *
     * @param in   the file from its start
     * @param name the file's name, for the message
     * @return the refusal: {@code LOSSY} for a lossy or unknown codec (and when no sound track is
     *         found), {@code UNSUPPORTED} for Apple Lossless, FLAC or PCM in MP4
     */
    public static AudioFileException refusal(ByteInput in, String name) {
        Mp4Codec walk = new Mp4Codec(in);
        try {
            walk.boxes(0, in.size().orElse(Long.MAX_VALUE), 0);
        } catch (IOException e) {
            // a broken or cut file: say what was found, if anything
        }
        return walk.refusal(name);
    }

    private AudioFileException refusal(String name) {
        String c = codec;
        if (c == null) {
            return AudioFileException.recognised(Kind.LOSSY, name, FileKind.MP4,
                    "an MP4/M4A file: a lossy format, not a PCM stem (no sound track found in its header)");
        }
        String quoted = "'" + c + "'";
        if (c.equals("alac")) {
            return at(Kind.UNSUPPORTED, name, "Apple Lossless (ALAC) in an M4A container is not read; export WAV or FLAC"
                    + " (sample entry " + quoted + ")");
        }
        if (c.equals("fLaC")) {
            return at(Kind.UNSUPPORTED, name, "FLAC in an MP4 container is not read; export WAV or a native .flac file"
                    + " (sample entry " + quoted + ")");
        }
        if (PCM.contains(c)) {
            return at(Kind.UNSUPPORTED, name, "uncompressed PCM (" + quoted + ") in an MP4/MOV container is not read; "
                    + "export WAV or FLAC");
        }
        String known = NAMES.get(c);
        return at(Kind.LOSSY, name, known != null
                ? "an MP4/M4A file holding " + known + " (" + quoted + "): a lossy codec, not a PCM stem"
                : "an MP4/M4A file holding " + quoted + " audio, a codec stemcheck does not know: not a PCM stem");
    }

    private AudioFileException at(Kind kind, String name, String detail) {
        return AudioFileException.recognisedAt(kind, name, codecOffset, "stsd", FileKind.MP4, detail);
    }

    /** Walks the boxes in {@code [from, to)} at {@code depth}: 0 file, 1 moov, 2 trak, 3 mdia, 4 minf, 5 stbl. */
    private void boxes(long from, long to, int depth) throws IOException {
        long at = from;
        byte[] h = new byte[LARGE_HEADER];
        while (at + HEADER <= to && codec == null) {
            if (++boxes > MAX_BOXES) {
                return;
            }
            skipTo(at);
            if (in.readUpTo(h, 0, HEADER) < HEADER) {
                return;
            }
            long size = Bytes.u32be(h, 0);
            String type = Bytes.fourCc(h, 4);
            int header = HEADER;
            if (size == 1) {
                if (in.readUpTo(h, HEADER, HEADER) < HEADER) {
                    return;
                }
                size = Bytes.u32be(h, 8) << 32 | Bytes.u32be(h, 12);
                header = LARGE_HEADER;
            } else if (size == 0) {
                size = to - at; // to the end of the enclosing box or file
            }
            if (size < header) {
                return;
            }
            long body = at + header;
            // A box that runs past its parent or the file (a cut file) is read as far as it goes,
            // as it is from a stream, whose size is not known.
            long end = size > to - at ? to : at + size;
            String trackHandler = handler;
            if (wanted(depth, type)) {
                if (type.equals("trak")) {
                    handler = null;
                }
                boxes(body, end, depth + 1);
                if (type.equals("trak") && !"soun".equals(handler)) {
                    codec = null; // a video or text track's sample description
                    codecOffset = -1;
                }
                if (type.equals("trak")) {
                    handler = trackHandler;
                }
            } else if (depth == 3 && type.equals("hdlr")) {
                handler(body, end);
            } else if (depth == 5 && type.equals("stsd")) {
                sampleEntry(body, end);
            }
            at = end;
        }
    }

    private static boolean wanted(int depth, String type) {
        switch (depth) {
            case 0: return type.equals("moov");
            case 1: return type.equals("trak");
            case 2: return type.equals("mdia");
            case 3: return type.equals("minf");
            case 4: return type.equals("stbl");
            default: return false;
        }
    }

    /** {@code hdlr}: version and flags, pre_defined, then the handler type (ISO/IEC 14496-12, 8.4.3). */
    private void handler(long body, long end) throws IOException {
        byte[] b = new byte[12];
        if (end - body >= 12 && in.readUpTo(b, 0, 12) == 12) {
            handler = Bytes.fourCc(b, 8);
        }
    }

    /** {@code stsd}: version and flags, an entry count, then the first sample entry's size and type (ISO/IEC 14496-12, 8.5.2). */
    private void sampleEntry(long body, long end) throws IOException {
        byte[] b = new byte[16];
        if (end - body >= 16 && in.readUpTo(b, 0, 16) == 16 && Bytes.u32be(b, 4) > 0) {
            codec = Bytes.fourCc(b, 12);
            codecOffset = body + 8;
        }
    }

    /** Moves forward to {@code position} (seeking where the input can). */
    private void skipTo(long position) throws IOException {
        long here = in.position();
        if (position < here) {
            if (!in.canSeek()) {
                throw new IOException("an MP4 box walk cannot go back in a stream");
            }
            in.seek(position);
        } else if (position > here) {
            OptionalLong size = in.size();
            if (size.isPresent() && position > size.getAsLong()) {
                throw new IOException("past the end");
            }
            if (in.canSeek()) {
                in.seek(position);
            } else if (in.skip(position - here) < position - here) {
                throw new IOException("the stream ends first");
            }
        }
    }
}
