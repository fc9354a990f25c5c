package org.stemcheck.io.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.Checksum;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.Metadata;
import org.stemcheck.io.SampleStream;

/**
 * The property every parser fuzz test checks on its bytes: opening them ends with an
 * {@link AudioFile} or an {@code IOException} (an {@code AudioFileException} for bad content),
 * never with another exception, an {@code Error} or a hang; and an opened file streams
 * consistently.
 *
 * <p>The bytes are opened twice, from a file ({@link AudioFiles#open(Path)}) and from a stream
 * ({@link AudioFiles#open(java.io.InputStream, String)}). A file opened from a path must stream
 * exactly {@link AudioFile#frames()} frames without error. A file opened from a stream delivers
 * its frames or stops with an {@code IOException} where the bytes run out. Where both open, they
 * must agree: same format, same declared frames, the same samples, and the same metadata once the
 * stream has been read to its end. Integer samples are finite and in [-1, 1).
 */
final class ParserProperty {

    /**
     * Inputs longer than this are skipped. libFuzzer's {@code -max_len} keeps inputs to a few KiB
     * with our small seeds; this guard keeps a hand-passed larger {@code -max_len} from letting
     * one input run for seconds.
     */
    static final int MAX_INPUT_BYTES = 1 << 20;

    /** Samples (all channels) per read: bounds the harness's own buffers whatever the header says. */
    private static final int BLOCK_SAMPLES = 1 << 14;

    private static Path scratch;

    private ParserProperty() {
    }

    /** What {@link #check(byte[])} opened; either file may be {@code null} when it did not open. */
    record Outcome(AudioFile fromPath, AudioFile fromStream, boolean streamEnded) {

        /** The stream's metadata after it was read to its end, else the path's, else null. */
        Metadata metadata() {
            if (fromStream != null && streamEnded) {
                return fromStream.metadata();
            }
            return fromPath == null ? null : fromPath.metadata();
        }
    }

    /** Checks the property on {@code data}; throws {@link AssertionError} (or what escaped) on a bug. */
    static Outcome check(byte[] data) {
        AudioFile fromPath = openFromPath(data);
        if (fromPath != null && fromPath.format().kind() == FileKind.FLAC) {
            return checkFlac(fromPath, data);
        }
        Streamed pathSamples = null;
        if (fromPath != null) {
            checkHeader(fromPath);
            try {
                pathSamples = Streamed.read(fromPath);
            } catch (IOException e) {
                throw new AssertionError("opened from a path but failed while streaming: " + fromPath, e);
            }
            assertThat(pathSamples.frames).as("frames streamed from a path").isEqualTo(fromPath.frames());
        }
        AudioFile fromStream = openFromStream(data);
        if (fromStream == null) {
            assertThat(fromPath).as("opens from a path but not from a stream").isNull();
            return new Outcome(null, null, false);
        }
        checkHeader(fromStream);
        Streamed streamed = Streamed.readUntilError(fromStream);
        if (streamed.ended) {
            assertThat(streamed.frames).as("frames streamed from a stream").isEqualTo(fromStream.frames());
        } else if (fromStream.format().kind() == FileKind.FLAC) {
            // A FLAC path open can fail where the stream opens (a damaged frame found at open); the
            // stream then fails at that frame, or after its last one when the MD5 does not match.
            assertThat(streamed.error).as("a FLAC stream fails with an AudioFileException").isInstanceOf(AudioFileException.class);
            if (fromStream.declaredFrames() > 0) {
                // (A STREAMINFO total of 0 declares nothing: such a stream has no frame count until it ends.)
                assertThat(streamed.frames).as("a FLAC stream failed past its frames").isLessThanOrEqualTo(fromStream.frames());
            }
        } else {
            assertThat(streamed.frames).as("a stream failed before its last frame").isLessThan(fromStream.frames());
        }
        if (fromPath != null) {
            assertThat(fromStream.format()).as("format, stream vs path").isEqualTo(fromPath.format());
            assertThat(fromStream.declaredFrames()).as("declared frames, stream vs path")
                    .isEqualTo(fromPath.declaredFrames());
            assertThat(streamed.frames).as("frames, stream vs path").isEqualTo(fromPath.frames());
            // A one-shot stream that runs out of bytes ends quietly and reports the shortfall as a truncation.
            assertThat(streamed.ended).as("a stream of a file that opens from a path ends without an error").isTrue();
            assertThat(fromStream.truncation()).as("truncation, stream vs path").isEqualTo(fromPath.truncation());
            assertThat(streamed.hash).as("samples, stream vs path").isEqualTo(pathSamples.hash);
            if (streamed.ended) {
                assertThat(fromStream.metadata()).as("metadata, stream vs path").isEqualTo(fromPath.metadata());
            }
        }
        return new Outcome(fromPath, fromStream, streamed.ended);
    }

    /**
     * FLAC frames carry no length, so a file's frames are counted at open from its tail and a
     * damaged frame (CRC-16, a broken subframe) or a wrong MD5 shows only while streaming: there a
     * stream may fail, with an {@link AudioFileException}, from a path too. What must still hold:
     * both opens see the same samples up to where either stops; a stream that fails was failed by
     * the path too (the path may fail where a one-shot stream ends quietly: it knows how much
     * audio to expect); and where both end cleanly they agree on everything, checksum included.
     */
    private static Outcome checkFlac(AudioFile fromPath, byte[] data) {
        checkHeader(fromPath);
        Streamed path = Streamed.readUntilError(fromPath);
        if (path.ended) {
            assertThat(path.frames).as("frames streamed from a path").isEqualTo(fromPath.frames());
        } else {
            assertThat(path.error).as("a FLAC file fails while streaming with an AudioFileException")
                    .isInstanceOf(AudioFileException.class);
            assertThat(path.frames).as("frames before a FLAC path stream failed").isLessThanOrEqualTo(fromPath.frames());
        }
        AudioFile fromStream = openFromStream(data);
        assertThat(fromStream).as("a FLAC that opens from a path opens from a stream").isNotNull();
        checkHeader(fromStream);
        Streamed streamed = Streamed.readUntilError(fromStream);
        if (!streamed.ended) {
            assertThat(streamed.error).as("a FLAC stream fails with an AudioFileException").isInstanceOf(AudioFileException.class);
            assertThat(path.ended).as("a FLAC stream failed (%s) where its path did not", streamed.error).isFalse();
        } else {
            assertThat(streamed.frames).as("frames streamed from a stream").isEqualTo(fromStream.frames());
        }
        assertThat(fromStream.format()).as("format, stream vs path").isEqualTo(fromPath.format());
        assertThat(fromStream.metadata()).as("metadata, stream vs path").isEqualTo(fromPath.metadata());
        assertThat(streamed.frames).as("frames, stream vs path").isEqualTo(path.frames);
        assertThat(streamed.hash).as("samples, stream vs path").isEqualTo(path.hash);
        if (path.ended && streamed.ended) {
            assertThat(fromStream.declaredFrames()).as("declared frames, stream vs path").isEqualTo(fromPath.declaredFrames());
            assertThat(fromStream.truncation()).as("truncation, stream vs path").isEqualTo(fromPath.truncation());
            assertThat(fromStream.checksum()).as("checksum, stream vs path").isEqualTo(fromPath.checksum());
            fromPath.checksum().ifPresent(c -> assertThat(c.status()).as("a file read to its end without error")
                    .isNotEqualTo(Checksum.Status.MISMATCHED));
        }
        return new Outcome(fromPath, fromStream, streamed.ended);
    }

    private static AudioFile openFromPath(byte[] data) {
        Path file = writeScratch(data);
        try {
            return AudioFiles.open(file);
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank();
            return null;
        }
    }

    private static AudioFile openFromStream(byte[] data) {
        try {
            return AudioFiles.open(new ByteArrayInputStream(data), "fuzz-input");
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank();
            return null;
        }
    }

    private static void checkHeader(AudioFile f) {
        assertThat(f.format()).isNotNull();
        assertThat(f.frames()).isBetween(0L, f.declaredFrames());
        assertThat(f.durationSeconds()).isFinite().isGreaterThanOrEqualTo(0.0);
        assertThat(f.metadata()).isNotNull();
        assertThat(f.warnings()).isNotNull().doesNotContainNull();
    }

    private static synchronized Path writeScratch(byte[] data) {
        try {
            if (scratch == null) {
                scratch = Files.createTempFile("stemcheck-fuzz", ".bin");
                scratch.toFile().deleteOnExit();
            }
            return Files.write(scratch, data);
        } catch (IOException e) {
            throw new UncheckedIOException("the fuzz harness cannot write its scratch file", e);
        }
    }

    /** Frames delivered by one stream, a hash of their sample bits, and whether it ended normally (else why not). */
    private static final class Streamed {
        long frames;
        long hash = 17;
        boolean ended;
        IOException error;

        static Streamed read(AudioFile f) throws IOException {
            Streamed s = new Streamed();
            try (SampleStream in = f.openStream()) {
                s.drain(f, in);
            }
            return s;
        }

        static Streamed readUntilError(AudioFile f) {
            Streamed s = new Streamed();
            try (SampleStream in = f.openStream()) {
                s.drain(f, in);
            } catch (IOException e) {
                s.ended = false;
                s.error = e;
            }
            return s;
        }

        private void drain(AudioFile f, SampleStream in) throws IOException {
            int channels = f.format().channels();
            boolean integer = !f.format().isFloat();
            int block = Math.max(1, BLOCK_SAMPLES / channels);
            double[][] dst = new double[channels][block];
            for (int n; (n = in.read(dst, 0, block)) > 0; ) {
                assertThat(n).isLessThanOrEqualTo(block);
                frames += n;
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < channels; c++) {
                        double v = dst[c][i];
                        if (integer && !(v >= -1.0 && v < 1.0)) {
                            throw new AssertionError("integer sample out of [-1, 1): " + v + " in " + f);
                        }
                        hash = 31 * hash + Double.doubleToRawLongBits(v);
                    }
                }
            }
            assertThat(in.position()).isEqualTo(frames);
            ended = true;
        }
    }
}
