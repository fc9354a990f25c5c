package org.stemcheck.examples;

import java.util.List;

import org.stemcheck.core.Report;
import org.stemcheck.core.Stem;
import org.stemcheck.core.StemSet;

/**
 * A host application (a DAW plug-in, a render service) checks stems it holds in memory, without
 * writing files: each stem is a name and planar samples. Here the Bass was rendered at 44.1 kHz
 * while the rest is at 48 kHz.
 */
public final class EmbedInMemory {

    private EmbedInMemory() {
    }

    public static void main(String[] args) {
        List<Stem> stems = List.of(
                Stem.ofSamples("Song_Drums_120bpm", 48_000, ExampleDelivery.tone(110, 48_000)),
                Stem.ofSamples("Song_Bass_120bpm", 44_100, ExampleDelivery.tone(55, 44_100)),
                Stem.ofSamples("Song_Keys_120bpm", 48_000, ExampleDelivery.tone(220, 48_000)),
                Stem.ofSamples("Song_Vocals_120bpm", 48_000, ExampleDelivery.tone(330, 48_000)),
                Stem.ofSamples("Song_Pads_120bpm", 48_000, ExampleDelivery.tone(440, 48_000)));

        Report report = StemSet.of(stems).run();

        report.findings().forEach(System.out::println);
        System.out.println(report.passed() ? "PASSED" : "FAILED");
    }
}
