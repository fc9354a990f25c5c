package org.stemcheck.bench.harness;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@link GenerateDelivery} writes: stereo 24-bit stems at one rate and the mixes that are
 * their exact sums before rounding. Levels below are relative: {@link #gain()} scales them.
 *
 * @param name    "song", "song-faulty" or "film"
 * @param frames  length of every file
 * @param rate    sample rate in Hz
 * @param stems   the stems, each a fresh voice per generation
 * @param mixes   the mixes, each naming the stems it sums
 */
record Delivery(String name, long frames, int rate, List<Stem> stems, List<Mix> mixes) {

    /** Bits per sample of every file. */
    static final int BITS = 24;
    static final int CHANNELS = 2;

    /**
     * A stem file and its sound.
     *
     * @param delivered     whether the file is written (a stem left out of a faulty delivery is
     *                      still in the mixes)
     * @param deliveredGain the gain of the file against the stem's part of the mixes (1: as mixed)
     */
    record Stem(String file, Supplier<Voice> voice, boolean delivered, double deliveredGain) {

        Stem(String file, Supplier<Voice> voice) {
            this(file, voice, true, 1.0);
        }
    }

    /** A mix file and the stems (file names) it sums. */
    record Mix(String file, List<String> stems) {
    }

    /** The largest sum of stem bounds in any mix after {@link #gain()}: the mixes peak below -0.4 dBFS. */
    static final double HEADROOM = 0.95;

    Delivery {
        Objects.requireNonNull(name, "name must not be null");
        stems = List.copyOf(stems);
        mixes = List.copyOf(mixes);
        if (frames < 1 || rate < 1) {
            throw new IllegalArgumentException("frames and rate must be positive: " + frames + ", " + rate);
        }
    }

    /**
     * The gain applied to every stem so that no mix can clip: {@link #HEADROOM} over the largest
     * sum of the stems' bounds in one mix. Stems stay exact parts of their mixes.
     */
    double gain() {
        double worst = 0;
        for (Mix m : mixes) {
            double bound = 0;
            for (Stem s : stems) {
                if (m.stems().contains(s.file())) {
                    bound += s.voice().get().bound();
                }
            }
            worst = Math.max(worst, bound);
        }
        return worst == 0 ? 1 : HEADROOM / worst;
    }

    /** Programme length in seconds. */
    double seconds() {
        return (double) frames / rate;
    }

    /** Every file name written, stems first. */
    List<String> files() {
        return java.util.stream.Stream.concat(stems.stream().filter(Stem::delivered).map(Stem::file),
                mixes.stream().map(Mix::file)).toList();
    }

    /** Bytes of one file. */
    long fileBytes() {
        return StreamingWavWriter.fileBytes(frames, CHANNELS, BITS);
    }

    /** Bytes of the whole delivery. */
    long totalBytes() {
        return fileBytes() * files().size();
    }

    /**
     * A delivery of the given kind and length: {@code song} (7 stems, 2 mixes), {@code song-faulty}
     * (the song with its bass delivered 3 dB hot and its FX stem missing, both in the mixes as
     * intended: one faulty stem and one missing, the faulty case) or {@code film} (7 stems, a
     * printmaster).
     */
    static Delivery of(String kind, double seconds) {
        int rate = 48_000;
        long frames = Math.round(seconds * rate);
        switch (kind) {
            case "song":
                return song(frames, rate);
            case "song-faulty":
                return faulty(song(frames, rate));
            case "film":
                return film(frames, rate);
            default:
                throw new IllegalArgumentException("kind must be song, song-faulty or film: " + kind);
        }
    }

    /** The default length of a kind: 4 minutes for a song, 2 hours for a film. */
    static double defaultSeconds(String kind) {
        return "film".equals(kind) ? 2 * 3600 : 4 * 60;
    }

    private static Delivery song(long frames, int rate) {
        long beat = rate / 2; // 120 bpm
        long phrase = 8 * 4 * beat; // 8 bars of 4/4
        List<Stem> stems = List.of(
                new Stem("Song_Drums_120bpm.wav", () -> Voices.sum(
                        Voices.hits(beat, 0, 0.08, 55, 0.10, rate, 11),
                        Voices.hits(beat / 2, beat / 4, 0.02, 4000, 0.04, rate, 12))),
                new Stem("Song_Bass_120bpm.wav", () -> Voices.gate(
                        Voices.tone(new double[] {55, 110}, 0.05, 0.5, rate), phrase, 0.9, 0, rate, 21)),
                new Stem("Song_Guitars_120bpm.wav", () -> Voices.gate(Voices.sum(
                        Voices.bandNoise(300, 3000, 0.03, rate, 31),
                        Voices.tone(new double[] {196, 246.94, 293.66}, 0.02, 0.3, rate)), phrase, 0.7, 1, rate, 32)),
                new Stem("Song_Keys_120bpm.wav", () -> Voices.tone(new double[] {261.63, 329.63, 392}, 0.02, 0.6, rate)),
                new Stem("Song_Vocals_120bpm.wav", () -> Voices.gate(Voices.sum(
                        Voices.tone(new double[] {440, 880, 1320}, 0.03, 0.5, rate),
                        Voices.bandNoise(2000, 8000, 0.005, rate, 51)), beat * 4, 0.6, 8, rate, 52)),
                new Stem("Song_BackingVocals_120bpm.wav", () -> Voices.gate(
                        Voices.tone(new double[] {554.37, 659.25}, 0.02, 0.5, rate), beat * 8, 0.4, 8, rate, 61)),
                new Stem("Song_FX_120bpm.wav", () -> Voices.gate(
                        Voices.bandNoise(2000, 12000, 0.01, rate, 71), beat * 2, 0.3, 2, rate, 72)));
        List<String> all = stems.stream().map(Stem::file).toList();
        List<String> instrumental = all.stream().filter(f -> !f.contains("Vocals")).toList();
        return new Delivery("song", frames, rate, stems,
                List.of(new Mix("mixdown.wav", all), new Mix("mixdown_instrumental.wav", instrumental)));
    }

    /** The bass 3 dB hot as delivered (+3 dB: the example of one faulty stem). */
    static final double FAULTY_BASS_DB = 3.0;

    /** {@code song} with the bass {@link #FAULTY_BASS_DB} hot and the FX stem not delivered. */
    private static Delivery faulty(Delivery song) {
        List<Stem> stems = song.stems().stream().map(s -> s.file().contains("_Bass_")
                ? new Stem(s.file(), s.voice(), true, Math.pow(10, FAULTY_BASS_DB / 20))
                : s.file().contains("_FX_") ? new Stem(s.file(), s.voice(), false, 1.0) : s).toList();
        return new Delivery("song-faulty", song.frames(), song.rate(), stems, song.mixes());
    }

    private static Delivery film(long frames, int rate) {
        long second = rate;
        List<Stem> stems = List.of(
                new Stem("Film_DX.wav", () -> Voices.gate(Voices.sum(
                        Voices.bandNoise(200, 3400, 0.05, rate, 101),
                        Voices.tone(new double[] {120, 240, 360}, 0.02, 0.5, rate)), 3 * second, 0.5, 1, rate, 102)),
                new Stem("Film_MX.wav", () -> Voices.gate(
                        Voices.tone(new double[] {220, 277.18, 329.63, 440}, 0.02, 0.4, rate), 40 * second, 0.6, 0, rate, 201)),
                new Stem("Film_FX.wav", () -> Voices.gate(Voices.sum(
                        Voices.hits(7 * second / 3, second, 0.15, 40, 0.10, rate, 301),
                        Voices.bandNoise(50, 10000, 0.02, rate, 302)), 10 * second, 0.5, 0, rate, 303)),
                new Stem("Film_BG.wav", () -> Voices.bandNoise(20, 16000, 0.02, rate, 401)),
                new Stem("Film_Foley.wav", () -> Voices.gate(
                        Voices.hits(second / 2, 0, 0.03, 300, 0.05, rate, 501), 5 * second, 0.4, 2, rate, 502)),
                new Stem("Film_Walla.wav", () -> Voices.gate(
                        Voices.bandNoise(300, 4000, 0.02, rate, 601), 20 * second, 0.3, 0, rate, 602)),
                new Stem("Film_LFE.wav", () -> Voices.gate(
                        Voices.tone(new double[] {30, 45}, 0.04, 0.5, rate), 15 * second, 0.3, 0, rate, 701)));
        return new Delivery("film", frames, rate, stems,
                List.of(new Mix("printmaster.wav", stems.stream().map(Stem::file).toList())));
    }
}
