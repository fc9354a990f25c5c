package org.stemcheck.io.internal.flac;

import static org.stemcheck.io.AudioFileException.Kind.CORRUPT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;
import org.stemcheck.io.spi.AudioSource;
import org.stemcheck.io.spi.ByteInput;

/**
 * Opens one FLAC file: the head ({@link MetadataBlocks}), a check of the first frame's header, and
 * for a file the count of samples in its whole frames ({@link TailScan}).
 */
final class FlacParser {

    /**
     * The speaker masks of FLAC's channel orders for 3 to 8 independent channels (RFC 9639 section
     * 9.1.3), as WAVE_FORMAT_EXTENSIBLE bits: 3 L R C; 4 FL FR BL BR; 5 FL FR FC BL BR;
     * 6 FL FR FC LFE BL BR; 7 FL FR FC LFE BC SL SR; 8 FL FR FC LFE BL BR SL SR. One and two
     * channels declare none (0), as a plain PCM WAV does.
     */
    private static final long[] DEFAULT_MASKS = {0, 0, 0, 0x7, 0x33, 0x37, 0x3F, 0x70F, 0x63F};

    private final AudioSource source;
    private final String name;

    FlacParser(AudioSource source) {
        this.source = source;
        this.name = source.name();
    }

    AudioFile parse() throws IOException {
        ByteInput raw = source.open();
        boolean handedOver = false;
        try {
            MetadataBlocks.Head head = MetadataBlocks.read(raw, name);
            StreamInfo info = head.info();
            List<String> warnings = new ArrayList<>(head.meta().warnings());
            if (!info.hasMd5()) {
                warnings.add("STREAMINFO holds no MD5 signature (all zero): the decoded audio cannot be verified");
            }
            long mask = head.channelMask() != 0 ? head.channelMask() : DEFAULT_MASKS[info.channels()];
            AudioFormat format = new AudioFormat(FileKind.FLAC, SampleEncoding.PCM_SIGNED, info.sampleRate(),
                    info.channels(), (info.bits() + 7) / 8 * 8, info.bits(), mask, 0, false);
            BitReader bits = new BitReader(raw);
            FrameDecoder decoder = new FrameDecoder(bits, info, name);
            FrameHeader first = firstHeader(decoder, head.audioOffset());
            if (!source.repeatable()) {
                long total = info.totalSamples();
                FlacFile f = new FlacFile(source, format, info, head.audioOffset(), total, total,
                        head.meta().snapshot(), warnings, decoder);
                handedOver = true;
                return f;
            }
            OptionalLong size = raw.size();
            long fileSize = size.orElseThrow(() -> new IOException(name + ": a file source without a size"));
            TailScan.Result scan = new TailScan(source, info, head.audioOffset(), fileSize).scan(first);
            warnings.addAll(scan.warnings());
            long frames = scan.samples();
            long declared = info.totalKnown() ? info.totalSamples() : frames;
            if (frames > declared) {
                warnings.add(String.format(Locale.ROOT,
                        "the frames hold %d samples per channel, STREAMINFO declares %d; the rest is ignored",
                        frames, declared));
                frames = declared;
            }
            return new FlacFile(source, format, info, head.audioOffset(), frames, declared, head.meta().snapshot(),
                    warnings, null);
        } finally {
            if (!handedOver) {
                raw.close();
            }
        }
    }

    /**
     * The first frame's header, checked against STREAMINFO; null when the file ends before a whole
     * header (no audio at all, or a file cut inside it).
     *
     * @throws AudioFileException when the bytes after the metadata are no frame, or a frame this reader refuses
     */
    private FrameHeader firstHeader(FrameDecoder decoder, long audioOffset) throws IOException {
        try {
            return decoder.peekHeader();
        } catch (InputEnded e) {
            return null;
        } catch (NotAFrame e) {
            throw AudioFileException.recognisedAt(CORRUPT, name, audioOffset, null, FileKind.FLAC,
                    "FLAC: where the first frame should start after the metadata, " + e.getMessage());
        }
    }
}
