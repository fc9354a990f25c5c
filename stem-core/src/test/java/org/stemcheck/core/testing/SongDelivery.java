package org.stemcheck.core.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.stemcheck.core.testing.Songs.Song;
import org.stemcheck.io.WavWriter;

/**
 * One delivery of a {@link Song}, with faults made the way a DAW user makes them: what is
 * delivered and what went into the mix are kept apart, so a stem can be changed after the mix was
 * printed ({@link #stem}), processed in the mix only ({@link #inMix}), left out ({@link #drop}), or
 * the whole mix put through a bus chain ({@link #mixBus}). {@link #write} writes the files in the
 * song's own format, stamped at 01:00:00:00.
 */
public final class SongDelivery {

    private final Song song;
    private final Map<String, double[][]> delivered;
    private final Map<String, double[][]> inMix;
    private final Map<String, Integer> bits = new HashMap<>();
    private final Map<String, Double> truncateTo = new HashMap<>();
    private UnaryOperator<double[][]> mixBus = UnaryOperator.identity();
    private UnaryOperator<double[][]> mixChange = UnaryOperator.identity();
    private boolean floatMix;
    private Long lossySeed;

    private SongDelivery(Song song) {
        this.song = song;
        this.delivered = new LinkedHashMap<>(song.stems());
        this.inMix = new LinkedHashMap<>(song.stems());
    }

    /** The song as it should be delivered: every stem, the mix their exact sum. */
    public static SongDelivery clean(Song song) {
        return new SongDelivery(song);
    }

    /** The stem {@code label} as delivered is {@code change} of what went into the mix. */
    public SongDelivery stem(String label, UnaryOperator<double[][]> change) {
        delivered.put(label, change.apply(delivered.get(label)));
        return this;
    }

    /** The stem {@code label} went into the mix through {@code processing}; it is delivered without it. */
    public SongDelivery inMix(String label, UnaryOperator<double[][]> processing) {
        inMix.put(label, processing.apply(inMix.get(label)));
        return this;
    }

    /** The stem {@code label} is not delivered. */
    public SongDelivery drop(String label) {
        delivered.remove(label);
        return this;
    }

    /** The mix is the stems' sum through {@code bus}. */
    public SongDelivery mixBus(UnaryOperator<double[][]> bus) {
        mixBus = bus;
        return this;
    }

    /** The mix file is {@code change} of the printed mix (after the bus). */
    public SongDelivery mix(UnaryOperator<double[][]> change) {
        mixChange = change;
        return this;
    }

    /** The mix is written as 32-bit float (room above full scale). */
    public SongDelivery floatMix() {
        floatMix = true;
        return this;
    }

    /** Every stem (effects included) is delivered through {@code chain}; the mix stays. */
    public SongDelivery everyStem(UnaryOperator<double[][]> chain) {
        delivered.replaceAll((k, v) -> chain.apply(v));
        return this;
    }

    /**
     * Every file (each delivered stem and the mix) is written through a lossy codec made in code
     * ({@link Signals#lossy(double[][], double, double, long)}): one cut-off, drawn from
     * {@code seed}, and each file's own noise: a delivery whose files were all AAC-coded and
     * decoded back, as MUSDB18's are.
     */
    public SongDelivery lossy(long seed) {
        lossySeed = seed;
        return this;
    }

    /** The stem {@code label} is written at {@code b} bits (PCM). */
    public SongDelivery bits(String label, int b) {
        bits.put(label, b);
        return this;
    }

    /** The stem {@code label}'s file is cut to {@code fraction} of its audio bytes after writing (header unchanged). */
    public SongDelivery truncated(String label, double fraction) {
        truncateTo.put(label, fraction);
        return this;
    }

    /** Writes the delivery into {@code dir} (created); returns {@code dir}. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, double[][]> e : delivered.entrySet()) {
            Path p = dir.resolve(song.file(e.getKey()));
            write(p, e.getValue(), bits.getOrDefault(e.getKey(), song.bits()));
            Double cut = truncateTo.get(e.getKey());
            if (cut != null) {
                try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                    long header = f.length() - (long) e.getValue()[0].length * e.getValue().length
                            * bytesPerSample(bits.getOrDefault(e.getKey(), song.bits()));
                    f.setLength(header + (long) ((f.length() - header) * cut));
                }
            }
        }
        List<double[][]> parts = new ArrayList<>(inMix.values());
        write(dir.resolve(song.mixFile()), mixChange.apply(mixBus.apply(BusChain.sum(parts))),
                floatMix ? 32 : song.bits());
        return dir;
    }

    private static int bytesPerSample(int bits) {
        return bits / 8;
    }

    private void write(Path p, double[][] x, int b) throws IOException {
        if (lossySeed != null) {
            x = Signals.lossy(x, song.rate(), Signals.codecCutoffHz(lossySeed),
                    lossySeed * 31 + p.getFileName().toString().hashCode());
        }
        WavWriter w = b == 32 ? WavWriter.float32() : WavWriter.pcm(b);
        w.withTimeReference(3600L * song.rate()).write(p, song.rate(), x);
    }
}
