package org.stemcheck.core.internal.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.spec.Format;
import org.stemcheck.core.spec.Levels;
import org.stemcheck.core.spec.Loudness;
import org.stemcheck.core.spec.Mix;
import org.stemcheck.core.spec.Names;
import org.stemcheck.core.spec.Stems;
import org.stemcheck.core.spec.Timing;

/**
 * The presets shipped as resources ({@code org/stemcheck/core/specs/NAME.json}), read once, in
 * this order; a preset may extend only one listed before it. Where each number comes from (the
 * resources' {@code "standard"} says the same):
 *
 * <ul>
 *   <li>{@code music}, {@code film}: stemcheck's own defaults (the constants of {@link DeliverySpec},
 *       each with its source); no loudness target, since stems are not loudness-normalised.</li>
 *   <li>{@code ebu-r128}: EBU R 128 v4.0 (August 2020): Target Level -23.0 LUFS; the tolerance of
 *       programme loudness in production is +-1.0 LU (v4.0 separated it from the +-0.2 LU of QC
 *       measurements; v3.0 of 2014 had +-0.5 LU); Maximum Permitted True Peak Level -1 dBTP.
 *       Source: tech.ebu.ch/publications/r128 (version history), EBU Tech 3343 for production practice.</li>
 *   <li>{@code atsc-a85}: ATSC A/85:2013 (Recommended Practice, 12 March 2013): target loudness
 *       -24 LKFS, +-2 dB; true peak -2 dBTP.</li>
 *   <li>{@code netflix}: the printmaster at -27 LKFS dialogue-gated, true peak -2 dBTP: Netflix
 *       Partner Help Center, "Loudness and True Peaks: How to Measure and When to Flag" (print
 *       master -27 LKFS average dialog-gated level; the meter set-up's true-peak threshold -2;
 *       QC partners flag beyond +-3 LU, "no changes to ... Netflix Sound Mix Specifications &amp;
 *       Best Practices v1.4 thresholds"); +-2 LU is v1.4's tolerance as quoted by others (we could
 *       not read v1.4 first-hand). Netflix measures dialogue with Dolby's speech detector under
 *       BS.1770-1; we take the dialogue stem's active blocks (docs/film.md).</li>
 *   <li>{@code spotify}: Spotify for Artists, "Loudness normalization": tracks are played at
 *       -14 dB LUFS (ITU 1770); "target the loudness level of your master at -14dB integrated LUFS
 *       and keep it below -1dB TP". No tolerance is published: +-1.0 LU chosen, the EBU R 128
 *       production tolerance, since Spotify turns louder masters down anyway.</li>
 *   <li>{@code apple-music}: Apple Music's Sound Check normalises to -16 LUFS (as reported since
 *       Apple's 2022 change, e.g. Production Expert; Apple publishes no figure we could confirm), in
 *       line with AES TD1008's -16 LUFS for music; -1 dBTP as for the other services. No tolerance
 *       published: +-1.0 LU chosen as for Spotify.</li>
 *   <li>{@code aes-streaming}: AES TD1004.1.15-10 (2015): a stream's target loudness must not
 *       exceed -16 LUFS nor be lower than -20 LUFS, true peak at most -1.0 dBTP; AES TD1008 (2021)
 *       keeps -18 LUFS for speech-anchored content: -18 +-2 LUFS covers exactly that range.</li>
 * </ul>
 *
 * <p>No preset for YouTube or Amazon Music: neither publishes a loudness figure we could find
 * first-hand (the -14 LUFS, and Amazon's -2 dBTP, are third-party measurements and advice).
 * A spec file states them in three lines ({@code docs/specs.md}).
 */
public final class Presets {

    /** The preset names, in the order {@code stemcheck specs} lists them. */
    private static final List<String> NAMES = List.of("music", "film", "ebu-r128", "atsc-a85", "netflix", "spotify",
            "apple-music", "aes-streaming");

    private static final String FOLDER = "/org/stemcheck/core/specs/";

    private Presets() {
    }

    /** Read on first use; immutable after. */
    private static final class Holder {
        static final Map<String, DeliverySpec> ALL = loadAll();
    }

    /** Every preset's name, in order. */
    public static List<String> names() {
        return NAMES;
    }

    /** Every preset, in order. */
    public static List<DeliverySpec> all() {
        return List.copyOf(Holder.ALL.values());
    }

    /** The preset of this name, if there is one. */
    public static Optional<DeliverySpec> find(String name) {
        return Optional.ofNullable(Holder.ALL.get(name));
    }

    /** A preset this library ships. */
    public static DeliverySpec get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("no preset " + name));
    }

    /** The JSON text of a preset resource, as shipped. */
    public static String text(String name) {
        try (InputStream in = Presets.class.getResourceAsStream(FOLDER + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("the preset resource " + FOLDER + name + ".json is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, DeliverySpec> loadAll() {
        Map<String, DeliverySpec> out = new LinkedHashMap<>();
        for (String name : NAMES) {
            try {
                Json.Obj top = SpecReader.top(SpecFiles.parse(text(name)));
                DeliverySpec base = SpecReader.extendsOf(top).map(e -> {
                    DeliverySpec b = out.get(e.value());
                    if (b == null) {
                        throw new SpecError("extends", e, "a preset extends only a preset listed before it");
                    }
                    return b;
                }).orElse(root());
                out.put(name, SpecReader.apply(top, base, name));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the preset " + name + ".json is broken: " + e.getMessage(), e);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * What a preset without {@code "extends"} starts from: the constants of {@link DeliverySpec}
     * with music's stem count and effect labels. {@code music.json} states all of it again, so that
     * it reads as the reference of every key.
     */
    static DeliverySpec root() {
        return new DeliverySpec("music", "", "",
                new Format(DeliverySpec.COMMON_RATES, DeliverySpec.DELIVERY_BITS, true, OptionalInt.empty(), Map.of()),
                new Names("<Title>_<Stem>_<bpm>bpm", DeliverySpec.MUSIC_PATTERN),
                // 5 to 12 stems: a band's stems (drums, bass, keys, guitars, vocals, FX) to a big production's
                new Stems(List.of(), 5, 12, Set.of("FX", "Reverb", "Verb", "Delay", "Returns", "Return", "Reverbs",
                        "Delays")),
                new Timing(DeliverySpec.LENGTH_TOLERANCE_S, DeliverySpec.TIMECODE_TOLERANCE_S, false),
                new Levels(DeliverySpec.TRUE_PEAK_CEILING_DBTP, DeliverySpec.SAMPLE_PEAK_CEILING_DBFS,
                        DeliverySpec.MAX_DC_OFFSET_DBFS, DeliverySpec.SILENT_PEAK_DBFS, DeliverySpec.CLIP_RUN_SAMPLES),
                Loudness.NONE, Mix.DEFAULT);
    }
}
