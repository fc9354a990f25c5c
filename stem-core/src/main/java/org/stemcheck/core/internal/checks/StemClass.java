package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.internal.delivery.Naming;

/**
 * What a stem's label promises, by the words in it. Only the classes with a clear acoustic
 * signature are named; everything else (keys, guitars, pads, FX, a "Bass Drum") is left alone.
 */
enum StemClass {
    BASS("a bass", Set.of("bass", "basses", "bassline", "sub", "subbass", "808")),
    DRUMS("drums", Set.of("drum", "drums", "perc", "percussion", "kit", "beat", "beats", "kick", "snare", "hats",
            "tops", "loops")),
    VOCALS("a vocal", Set.of("vocal", "vocals", "vox", "voc", "vocs", "voice", "voices", "bv", "bvs", "bgv", "bgvs",
            "backing", "choir", "adlib", "adlibs", "harmony", "harmonies", "lyrics", "singer"));

    private final String noun;
    private final Set<String> words;

    StemClass(String noun, Set<String> words) {
        this.noun = noun;
        this.words = words;
    }

    /** How a message names the class ("a bass", "drums"). */
    String noun() {
        return noun;
    }

    /** The one class the label's words point to; empty when none or more than one ("BassDrum"). */
    static Optional<StemClass> of(String label) {
        List<String> w = new ArrayList<>(Naming.words(label));
        w.add(Naming.normalised(label)); // "BVs" splits into "b" and "vs"; whole, it is a word
        Set<StemClass> found = EnumSet.noneOf(StemClass.class);
        for (StemClass c : values()) {
            if (w.stream().anyMatch(c.words::contains)) {
                found.add(c);
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }
}
