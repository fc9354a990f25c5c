package org.stemcheck.io.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.assertj.core.api.SoftAssertions;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.SampleEncoding;

/**
 * Sample-value keys of {@code expected}. Integer assertions are compared with our normalised
 * samples times {@link Decoded#intScale}, exactly; float assertions with the float value.
 */
final class SampleChecks {

    private static final Set<String> VALUE_KEYS = Set.of("first_8_frames", "samples", "samples_signed", "first_sample",
            "first_samples", "sample_pattern", "sum_of_all_samples", "samples_int32", "as_24bit", "low_4_bits_zero",
            "low_3_bits_zero", "max", "min", "data[0,0]", "equals");
    private static final Pattern CYCLE = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern REPEAT = Pattern.compile("(-?[0-9.]+)\\s*x(\\d+)");

    private final CorpusEntry e;
    private final AudioFormat f;
    private final Decoded d;
    private final SoftAssertions soft;
    private final double scale;

    SampleChecks(CorpusEntry e, AudioFormat f, Decoded d, SoftAssertions soft) {
        this.e = e;
        this.f = f;
        this.d = d;
        this.soft = soft;
        this.scale = Decoded.intScale(f);
    }

    static boolean isValueKey(String key) {
        return VALUE_KEYS.contains(key);
    }

    boolean check(String key, JsonNode v) {
        switch (key) {
            case "first_8_frames":
            case "as_24bit":
                for (int n = 0; n < v.size(); n++) {
                    for (int c = 0; c < v.get(n).size(); c++) {
                        value(key + "[" + n + "][" + c + "]", d.sample(c, n), v.get(n).get(c));
                    }
                }
                return true;
            case "samples":
            case "samples_signed":
            case "first_samples":
                for (int i = 0; i < v.size(); i++) {
                    value(key + "[" + i + "]", d.interleaved(i), v.get(i));
                }
                return true;
            case "first_sample":
                value(key, d.interleaved(0), v);
                return true;
            case "sum_of_all_samples":
                long sum = 0;
                for (int c = 0; c < f.channels(); c++) {
                    for (int n = 0; n < d.frames(); n++) {
                        sum += Math.round(d.sample(c, n) * scale);
                    }
                }
                soft.assertThat(sum).as("%s: %s", e, key).isEqualTo(v.asLong());
                return true;
            case "sample_pattern":
                pattern(v.asText());
                return true;
            case "samples_int32":
                int32Halving(v);
                return true;
            case "low_4_bits_zero":
            case "low_3_bits_zero":
                int bits = key.charAt(4) - '0';
                soft.assertThat(allInts().stream().allMatch(x -> (x & ((1 << bits) - 1)) == 0)).as("%s: %s", e, key)
                        .isEqualTo(v.asBoolean());
                return true;
            case "max":
                soft.assertThat(allInts().stream().mapToLong(Long::longValue).max().orElseThrow()).as("%s: max", e)
                        .isEqualTo(v.asLong());
                return true;
            case "min":
                soft.assertThat(allInts().stream().mapToLong(Long::longValue).min().orElseThrow()).as("%s: min", e)
                        .isEqualTo(v.asLong());
                return true;
            case "data[0,0]":
                soft.assertThat(raw(d.sample(0, 0))).as("%s: data[0,0]", e).isEqualTo(v.asLong());
                return true;
            case "equals":
                twin(v.asText().split(" ")[0]);
                return true;
            default:
                return false;
        }
    }

    private void value(String what, double actual, JsonNode want) {
        if (f.isFloat()) {
            soft.assertThat(actual).as("%s: %s", e, what).isEqualTo(want.asDouble());
        } else {
            soft.assertThat(actual * scale).as("%s: %s", e, what).isEqualTo(want.asDouble());
        }
    }

    /** The wavefile gem's square wave: every channel repeats an 8-frame cycle. */
    private void pattern(String text) {
        Matcher m = CYCLE.matcher(text);
        soft.assertThat(m.find()).as("%s: sample_pattern has a cycle", e).isTrue();
        List<Double> cycle = new ArrayList<>();
        for (String token : m.group(1).split(",")) {
            Matcher r = REPEAT.matcher(token.trim());
            if (r.matches()) {
                for (int i = 0; i < Integer.parseInt(r.group(2)); i++) {
                    cycle.add(Double.parseDouble(r.group(1)));
                }
            } else {
                cycle.add(Double.parseDouble(token.trim()));
            }
        }
        boolean unsigned = text.contains("unsigned 8-bit");
        int mismatches = 0;
        for (int c = 0; c < f.channels(); c++) {
            for (int n = 0; n < d.frames(); n++) {
                double want = cycle.get(n % cycle.size()) - (unsigned ? 128 : 0);
                double got = f.isFloat() ? d.sample(c, n) : d.sample(c, n) * scale;
                if (got != want) {
                    mismatches++;
                }
            }
        }
        soft.assertThat(cycle).as("%s: cycle", e).hasSize(8);
        soft.assertThat(mismatches).as("%s: samples off the square-wave pattern", e).isZero();
    }

    /** scipy's 20-bit file: +/-0x7ffff000 halved every two samples, as 32-bit left-justified values. */
    private void int32Halving(JsonNode v) {
        soft.assertThat(v.get(0).asText()).as("%s: samples_int32 pattern", e).isEqualTo("+0x7ffff000");
        for (int k = 0; k < d.frames(); k++) {
            long want = (k % 2 == 0 ? 1 : -1) * (0x7ffff000L >> (k / 2));
            soft.assertThat(d.sample(0, k) * 0x1p31).as("%s: samples_int32[%d]", e, k).isEqualTo((double) want);
        }
    }

    /** The container integer as numpy gives it (unsigned for 8-bit). */
    private long raw(double sample) {
        long v = Math.round(sample * scale);
        return f.encoding() == SampleEncoding.PCM_UNSIGNED ? v + 128 : v;
    }

    private List<Long> allInts() {
        List<Long> all = new ArrayList<>();
        for (int c = 0; c < f.channels(); c++) {
            for (int n = 0; n < d.frames(); n++) {
                all.add(raw(d.sample(c, n)));
            }
        }
        return all;
    }

    /** Same rate and samples as a twin file in the same folder. */
    private void twin(String name) {
        try {
            Decoded other = Decoded.read(AudioFiles.open(e.path().resolveSibling(name)));
            soft.assertThat(d.frames()).as("%s: frames equal %s", e, name).isEqualTo(other.frames());
            for (int c = 0; c < f.channels(); c++) {
                for (int n = 0; n < Math.min(d.frames(), other.frames()); n++) {
                    if (d.sample(c, n) != other.sample(c, n)) {
                        soft.fail("%s: sample [%d][%d] differs from %s", e, c, n, name);
                        return;
                    }
                }
            }
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
