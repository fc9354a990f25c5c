package org.stemcheck.io.internal.flac;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.spi.AudioSource;
import org.stemcheck.io.spi.ByteInput;

/**
 * Finds how many samples a FLAC file's whole frames hold, at open, without decoding the file:
 * FLAC frames carry no length, but each header says where its block starts (RFC 9639 section
 * 9.1.5), so the last frame that decodes whole, with a valid CRC-16, tells the end.
 *
 * <p>It looks for frame sync codes in the file's last bytes (STREAMINFO's maximum frame size, or
 * when that is unknown the largest frame the format allows at this block size and depth, plus
 * {@link #TRAILING_SLACK} for a tag after the audio), from the end backwards, and decodes the
 * first candidate whose header is valid for this stream; at most {@link #MAX_ATTEMPTS} candidates.
 * When that frame reaches STREAMINFO's total, the file is taken as whole (a stream that then ends
 * early throws where it does). Every other case is decoded from the first frame, without output:
 * slow, but exact, and rare: a cut file (the truncation is then measured, not guessed), a total
 * of 0 ("unknown"), a damaged last frame, a fixed-strategy stream whose block sizes vary (whose
 * positions only a walk can tell), or no whole frame in the tail.
 */
final class TailScan {

    /** Bytes allowed after the last frame (an ID3v1 tag is 128, an APEv2 footer 32 plus its items). */
    static final int TRAILING_SLACK = 1 << 16;
    /** Candidate frames decoded before falling back to the walk from the first frame. */
    static final int MAX_ATTEMPTS = 8;
    /** Bytes a frame header can take, and per subframe its 8-bit header and up to 33 bits of each sample (RFC 9639 section 9). */
    private static final int FRAME_OVERHEAD = FrameHeader.MAX_LENGTH + 2;

    /** What the scan found. */
    record Result(long samples, List<String> warnings) {
    }

    private final AudioSource source;
    private final StreamInfo info;
    private final String name;
    private final long audioOffset;
    private final long fileSize;

    TailScan(AudioSource source, StreamInfo info, long audioOffset, long fileSize) {
        this.source = source;
        this.info = info;
        this.name = source.name();
        this.audioOffset = audioOffset;
        this.fileSize = fileSize;
    }

    /** The largest frame the format allows for this stream: every subframe verbatim at one bit more than the depth. */
    static long maxFrameBytes(StreamInfo info) {
        long bitsPerChannel = 8 + 8 + (long) info.maxBlockSize() * (info.bits() + 1);
        return FRAME_OVERHEAD + (bitsPerChannel * info.channels() + 7) / 8;
    }

    /**
     * @param first the first frame's header, which fixes the blocking strategy
     * @throws AudioFileException when the walk from the first frame meets a damaged frame
     */
    Result scan(FrameHeader first) throws IOException {
        long audio = fileSize - audioOffset;
        if (audio <= 0 || first == null) {
            return new Result(0, List.of());
        }
        boolean fixedPositions = first.variable() || info.fixedBlockSize();
        if (info.totalKnown() && fixedPositions) {
            long bound = Math.min(maxFrameBytes(info), info.maxFrameSize() > 0 ? info.maxFrameSize() : Long.MAX_VALUE);
            int window = (int) Math.min(audio, bound + TRAILING_SLACK);
            Result r = fromTheEnd(first.variable(), window);
            if (r != null && r.samples() >= info.totalSamples()) {
                return r;
            }
        }
        return walk();
    }

    private Result fromTheEnd(boolean variable, int window) throws IOException {
        byte[] tail = new byte[window];
        long start = fileSize - window;
        try (ByteInput in = source.open()) {
            in.seek(start);
            in.readFully(tail, 0, window);
            int attempts = 0;
            for (int p = window - 2; p >= 0 && attempts < MAX_ATTEMPTS; p--) {
                if ((tail[p] & 0xFF) != 0xFF || (tail[p + 1] & 0xFE) != 0xF8) {
                    continue;
                }
                in.seek(start + p);
                BitReader bits = new BitReader(in);
                FrameHeader h;
                try {
                    h = FrameHeader.read(bits, true);
                } catch (NotAFrame | InputEnded e) {
                    continue;
                }
                if (h.variable() != variable) {
                    continue;
                }
                attempts++;
                long firstSample = variable ? h.number() : h.number() * info.maxBlockSize();
                FrameDecoder decoder = new FrameDecoder(bits, info, name);
                decoder.startAt(variable, variable ? 0 : h.number(), firstSample);
                try {
                    decoder.next();
                } catch (InputEnded | NotAFrame e) {
                    continue; // a frame cut by the end of the file, or no frame after all
                } catch (AudioFileException e) {
                    return null; // a damaged last frame: the walk finds where the damage is
                }
                long end = bits.position();
                return new Result(decoder.position(), trailing(end, decoder.position()));
            }
        }
        return null;
    }

    /** Every frame from the first: the exact answer where the tail does not give it. */
    private Result walk() throws IOException {
        try (ByteInput in = source.open()) {
            in.seek(audioOffset);
            BitReader bits = new BitReader(in);
            FrameDecoder decoder = new FrameDecoder(bits, info, name);
            // As far as a stream reads: to STREAMINFO's total, or to the end of the frames when it is unknown.
            long limit = info.totalKnown() ? info.totalSamples() : Long.MAX_VALUE;
            while (decoder.position() < limit) {
                long at = bits.position();
                try {
                    decoder.next();
                } catch (InputEnded | NotAFrame e) {
                    return new Result(decoder.position(), trailing(at, decoder.position()));
                }
            }
            return new Result(decoder.position(), List.of());
        }
    }

    /** What is said about the bytes after the last whole frame, which ends at byte {@code end} with sample {@code samples}. */
    private List<String> trailing(long end, long samples) {
        long left = fileSize - end;
        if (left <= 0) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT,
                "%d bytes after the last whole FLAC frame (at byte %d, after sample %d) are not a whole frame; ignored",
                left, end, samples));
    }
}
