import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.stemcheck.io.WavWriter;

/**
 * Writes a large delivery for memory tests: STEMS stereo stems (default 20) of 32-bit float at
 * 96 kHz, or at RATE and BITS (16, 24 or 32 for PCM; "float"), and the mix that is their exact
 * sum, streaming (a few blocks of memory whatever the length).
 *
 * <pre>java -cp stem-cli/target/stemcheck.jar scripts/HiresDelivery.java DIR [STEMS] [SECONDS] [RATE] [BITS]</pre>
 */
public final class HiresDelivery {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int stems = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 96_000;
        String bits = args.length > 4 ? args[4] : "float";
        long frames = Math.round(seconds * rate);
        Files.createDirectories(dir);
        List<WavWriter.Output> out = new ArrayList<>();
        WavWriter w = bits.equals("float") ? WavWriter.float32() : WavWriter.pcm(Integer.parseInt(bits));
        for (int s = 0; s < stems; s++) {
            out.add(w.open(dir.resolve(String.format("Hires_Stem%02d_120bpm.wav", s + 1)), rate, 2));
        }
        WavWriter.Output mix = w.open(dir.resolve("mixdown.wav"), rate, 2);
        Random rnd = new Random(42);
        double[] hz = new double[stems];
        double[] gate = new double[stems];
        for (int s = 0; s < stems; s++) {
            hz[s] = 55 * Math.pow(2, s / 4.0);
            gate[s] = 0.25 + 0.1 * (s % 7);
        }
        int block = 8192;
        double[][] b = new double[2][block];
        double[][] m = new double[2][block];
        double level = 0.9 / stems;
        for (long done = 0; done < frames; done += block) {
            int n = (int) Math.min(block, frames - done);
            for (double[] c : m) {
                java.util.Arrays.fill(c, 0);
            }
            for (int s = 0; s < stems; s++) {
                for (int i = 0; i < n; i++) {
                    double t = (double) (done + i) / rate;
                    boolean on = (t * (1 + s % 3)) % 1.0 < gate[s];
                    double x = on ? level * (0.6 * Math.sin(2 * Math.PI * hz[s] * t) + 0.4 * rnd.nextGaussian() / 3) : 0;
                    b[0][i] = x;
                    b[1][i] = x * (0.3 + 0.7 * ((s * 37) % 10) / 10.0);
                    m[0][i] += b[0][i];
                    m[1][i] += b[1][i];
                }
                out.get(s).write(b, 0, n);
            }
            mix.write(m, 0, n);
        }
        for (WavWriter.Output o : out) {
            o.close();
        }
        mix.close();
        System.out.printf("%d stems + mixdown.wav, %.0f s at %d Hz %s, in %s%n", stems, seconds, rate, bits, dir);
    }
}
