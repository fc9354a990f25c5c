package org.stemcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.stemcheck.io.WavWriter;

/**
 * Writes the small demo delivery the README's first command checks: a 6-second song in four
 * stems and a mixdown, made here in code (no recordings are shipped), with faults a recipient
 * would hate: the bass stem 12 ms late and 3 dB hot (made after mixing), the drums' inter-sample
 * peaks over the true-peak ceiling, the vocals exported at 16 bits, a percussion
 * stem that came out silent, and an MP3 passed off as a WAV. The song fades out over its last second,
 * so every stem ends with its tail.
 */
final class DemoDelivery {

    static final int RATE = 48_000;
    /** 01:00:00:00 at 48 kHz, the usual start of a session. */
    static final long ONE_HOUR = 3600L * RATE;

    /**
     * The mix's master fader: the stems together peak near 1.6, so the mix is their sum at half
     * level (-6 dB), under full scale; a clipped mix would not be the stems' sum, and the null test
     * would report the clipping. The null test reads this gain as common to every stem (mix-bus gain).
     */
    static final double MASTER = 0.5;

    /** The bass line's notes, Hz: E1, G1, C2, D2 (equal temperament, A4 = 440 Hz). */
    private static final double[] BASS_NOTES = {41.20, 49.00, 65.41, 73.42};

    private DemoDelivery() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        int frames = 6 * RATE;
        Random rnd = new Random(101);
        Random pick = new Random(102);
        double[] drums = new double[frames];
        double[] bass = new double[frames];
        double[] keys = new double[frames];
        double[] vox = new double[frames];
        double beat = 60.0 / 100 * RATE; // 100 bpm
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE;
            double sinceBeat = (i % beat) / RATE;
            drums[i] = 0.5 * Math.exp(-sinceBeat * 30) * (rnd.nextDouble() * 2 - 1)
                    + 0.4 * Math.exp(-sinceBeat * 12) * Math.sin(2 * Math.PI * 55 * sinceBeat);
            // A plucked bass line, a note a beat (E1 G1 C2 D2), four harmonics: its own pitches
            // (not the kick's 55 Hz) and note changes, so the null test can tell it apart and time it.
            double note = BASS_NOTES[(int) (i / beat) % BASS_NOTES.length];
            double pluck = 0.6 + 0.4 * Math.exp(-sinceBeat * 4);
            double b = 0;
            for (int h = 1; h <= 4; h++) {
                b += Math.sin(2 * Math.PI * note * h * sinceBeat) / h;
            }
            // The finger's attack: a short click of noise on each note, as a real bass has.
            bass[i] = 0.12 * b * pluck + 0.2 * Math.exp(-sinceBeat * 80) * (pick.nextDouble() * 2 - 1);
            keys[i] = 0.08 * (Math.sin(2 * Math.PI * 261.63 * t) + Math.sin(2 * Math.PI * 311.13 * t)
                    + Math.sin(2 * Math.PI * 392.0 * t));
            vox[i] = 0.2 * Math.sin(2 * Math.PI * (440 + 6 * Math.sin(2 * Math.PI * 5 * t)) * t)
                    * (0.5 + 0.5 * Math.sin(2 * Math.PI * 0.5 * t));
            double fade = Math.min(1, Math.max(0, (frames - 1 - i) / (double) RATE));
            drums[i] *= fade;
            bass[i] *= fade;
            keys[i] *= fade;
            vox[i] *= fade;
        }
        // The mix is the sum of the stems as intended; the bass fault below is made after mixing.
        double[] mix = new double[frames];
        for (int i = 0; i < frames; i++) {
            mix[i] = MASTER * (drums[i] + bass[i] + keys[i] + vox[i]);
        }
        WavWriter w = WavWriter.pcm(24).withTimeReference(ONE_HOUR);
        w.write(dir.resolve("Demo_Drums_100bpm.wav"), RATE, drums, drums);
        w.write(dir.resolve("Demo_Keys_100bpm.wav"), RATE, keys, keys);
        // Fault: the vocals exported at 16 bits, below the 24 the recipient asked for.
        WavWriter.pcm(16).withTimeReference(ONE_HOUR).write(dir.resolve("Demo_Vocals_100bpm.wav"), RATE, vox, vox);
        w.write(dir.resolve("mixdown.wav"), RATE, mix, mix);
        // Fault: the bass printed 12 ms late and 3 dB hot.
        int late = (int) Math.round(0.012 * RATE);
        double hot = Math.pow(10, 3 / 20.0);
        double[] badBass = new double[frames];
        for (int i = late; i < frames; i++) {
            badBass[i] = bass[i - late] * hot;
        }
        w.write(dir.resolve("Demo_Bass_100bpm.wav"), RATE, badBass, badBass);
        // Fault: the percussion bounce came out silent (its tracks were muted at export).
        double[] none = new double[frames];
        w.write(dir.resolve("Demo_Perc_100bpm.wav"), RATE, none, none);
        // Fault: an MP3 renamed to .wav (an ID3 tag and one silent MPEG-1 layer III frame header).
        byte[] fakeMp3 = new byte[512];
        byte[] id3 = "ID3".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id3, 0, fakeMp3, 0, 3);
        fakeMp3[3] = 4;
        fakeMp3[10] = (byte) 0xFF;
        fakeMp3[11] = (byte) 0xFB;
        fakeMp3[12] = (byte) 0x90;
        Files.write(dir.resolve("Demo_Pads_100bpm.wav"), fakeMp3);
        return dir;
    }
}
