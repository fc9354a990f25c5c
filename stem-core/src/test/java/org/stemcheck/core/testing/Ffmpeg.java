package org.stemcheck.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.stemcheck.io.WavWriter;

/**
 * Sends files through a real lossy codec with the {@code ffmpeg} on the path, as
 * {@code scripts/lmms/lossy.py} does for the LMMS corpus: encoded (AAC into .m4a by default),
 * decoded to 32-bit float WAV at the source's rate (ffmpeg drops the codec's priming), cut to the
 * source's length (the end padding of AAC's last frame). Tests that use it are skipped, with a
 * message, where ffmpeg or its encoder is missing.
 */
public final class Ffmpeg {

    /** One encode or decode of a few seconds of audio takes well under a second; a minute means a hang. */
    private static final long RUN_TIMEOUT_S = 60;

    private Ffmpeg() {
    }

    /** Skips the calling test with a message unless {@code ffmpeg} runs and has {@code encoder}. */
    public static void require(String encoder) {
        String encoders = run(List.of("ffmpeg", "-hide_banner", "-encoders"));
        Assumptions.assumeTrue(encoders != null,
                "ffmpeg not found on the path: skipped (apt-get install -y ffmpeg to run this conformance test)");
        Assumptions.assumeTrue(encoders.contains(" " + encoder + " "),
                () -> "ffmpeg has no " + encoder + " encoder: skipped");
    }

    /**
     * Every {@code .wav} of {@code dir} through {@code encoder} at {@code bitrate} and back, in place.
     *
     * @param container the extension of the coded file ({@code m4a} for AAC, {@code mp3}, ...)
     */
    public static void roundTrip(Path dir, String encoder, String bitrate, String container) throws IOException {
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".wav")).sorted().toList();
        }
        for (Path p : files) {
            double[][] source = Dev101.read(p);
            int rate = (int) Math.round(org.stemcheck.io.AudioFiles.open(p).format().sampleRate());
            Path coded = dir.resolve("coded." + container);
            Path decoded = dir.resolve("decoded.wav.tmp");
            check(run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-threads", "1", "-i", p.toString(),
                    "-map_metadata", "-1", "-c:a", encoder, "-b:a", bitrate, coded.toString())), "encode " + p);
            check(run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-threads", "1", "-i", coded.toString(),
                    "-map_metadata", "-1", "-c:a", "pcm_f32le", "-ar", Integer.toString(rate), "-f", "wav",
                    decoded.toString())), "decode " + coded);
            double[][] y = Dev101.read(decoded);
            int frames = source[0].length;
            if (y[0].length < frames) {
                throw new IOException(p + ": decoded " + y[0].length + " frames, fewer than its " + frames);
            }
            double[][] cut = new double[y.length][];
            for (int c = 0; c < y.length; c++) {
                cut[c] = java.util.Arrays.copyOf(y[c], frames);
            }
            Files.delete(p);
            WavWriter.float32().write(p, rate, cut);
            Files.delete(coded);
            Files.delete(decoded);
        }
    }

    private static void check(String out, String what) throws IOException {
        if (out == null) {
            throw new IOException("ffmpeg failed to " + what);
        }
    }

    /** Runs a command; its output, or null when it could not run or did not exit 0. */
    private static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, java.nio.charset.StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
