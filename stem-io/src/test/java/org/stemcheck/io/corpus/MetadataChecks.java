package org.stemcheck.io.corpus;

import static java.util.Map.entry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.assertj.core.api.SoftAssertions;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.CuePoint;
import org.stemcheck.io.IXml;
import org.stemcheck.io.Metadata;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Metadata keys of {@code expected}: bext, LIST/INFO, cue and labels, iXML, speaker masks. */
final class MetadataChecks {

    /** The peers' names for LIST/INFO fields, to their four-character ids (RIFF MCI spec, 1991, section 2-14). */
    private static final Map<String, String> INFO_IDS = Map.ofEntries(
            entry("artist", "IART"), entry("title", "INAM"), entry("product", "IPRD"), entry("track", "ITRK"),
            entry("creation_date", "ICRD"), entry("created_date", "ICRD"), entry("genre", "IGNR"),
            entry("comments", "ICMT"), entry("comment", "ICMT"), entry("software", "ISFT"), entry("engineer", "IENG"),
            entry("keywords", "IKEY"), entry("copyright", "ICOP"));

    /** Speaker position names (wavefile gem) in WAVE_FORMAT_EXTENSIBLE mask bit order (ksmedia.h SPEAKER_*). */
    private static final List<String> SPEAKERS = List.of("front_left", "front_right", "front_center", "low_frequency",
            "back_left", "back_right", "front_left_of_center", "front_right_of_center", "back_center", "side_left",
            "side_right", "top_center", "top_front_left", "top_front_center", "top_front_right", "top_back_left",
            "top_back_center", "top_back_right");

    /** wavinfo's names for Steinberg iXML attributes. */
    private static final Map<String, String> STEINBERG = Map.of("sample_format_size", "AudioSampleFormatSize",
            "media_company", "MediaCompany", "media_drop_frames", "MediaDropFrames", "media_duration", "MediaDuration");

    private MetadataChecks() {
    }

    static boolean check(String key, JsonNode v, AudioFile file, SoftAssertions soft) {
        Metadata m = file.metadata();
        String at = file.name() + ": " + key;
        switch (key) {
            case "bext_present":
                soft.assertThat(m.bext().isPresent()).as(at).isEqualTo(v.asBoolean());
                return true;
            case "bext_time_reference":
                soft.assertThat(m.timeReference()).as(at).contains(v.asLong());
                return true;
            case "bext_time_reference_words_low_high":
                soft.assertThat(m.timeReference()).as(at).contains(v.get(0).asLong() | v.get(1).asLong() << 32);
                return true;
            case "bext_originator":
                soft.assertThat(m.bext().map(b -> b.originator())).as(at).contains(v.asText());
                return true;
            case "list_info":
            case "info":
                checkInfo(m, v, soft, at);
                return true;
            case "software":
                soft.assertThat(m.info().get("ISFT")).as(at).isEqualTo(v.asText());
                return true;
            default:
                return cues(key, v, m, soft, at) || ixml(key, v, m, soft, at) || speakers(key, v, file, soft, at);
        }
    }

    private static void checkInfo(Metadata m, JsonNode v, SoftAssertions soft, String at) {
        for (Map.Entry<String, JsonNode> kv : v.properties()) {
            String id = kv.getKey().length() == 4 && kv.getKey().equals(kv.getKey().toUpperCase(java.util.Locale.ROOT))
                    ? kv.getKey() : INFO_IDS.get(kv.getKey());
            soft.assertThat(id).as("%s: INFO name %s is mapped", at, kv.getKey()).isNotNull();
            String want = kv.getValue().asText();
            String got = m.info().get(id);
            if (want.matches("\\(\\d+ bytes\\)")) {
                soft.assertThat(got).as("%s %s", at, id).isNotEmpty();
            } else if (want.contains(" - bytes are UTF-8")) {
                // The peer asserts latin-1 mojibake of UTF-8 bytes; we decode the UTF-8 correctly.
                String mojibake = want.substring(want.lastIndexOf("asserts \"") + 9, want.length() - 1);
                String fixed = new String(mojibake.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                soft.assertThat(got).as("%s %s", at, id).isEqualTo(fixed);
            } else {
                soft.assertThat(got).as("%s %s", at, id).isEqualTo(want);
            }
        }
    }

    private static boolean cues(String key, JsonNode v, Metadata m, SoftAssertions soft, String at) {
        List<CuePoint> cues = m.cues();
        switch (key) {
            case "cue_points":
                soft.assertThat(cues).as(at).hasSize(v.asInt());
                return true;
            case "cue_sample_offsets_hex":
                List<Long> want = new ArrayList<>();
                v.forEach(n -> want.add(Long.decode(n.asText())));
                soft.assertThat(cues).extracting(CuePoint::sampleOffset).as(at).containsExactlyElementsOf(want);
                return true;
            case "cues":
                List<List<Long>> pairs = new ArrayList<>();
                v.forEach(n -> pairs.add(List.of(n.get(0).asLong(), n.get(1).asLong())));
                soft.assertThat(cues).extracting(c -> List.of(c.id(), c.sampleOffset())).as(at)
                        .containsExactlyElementsOf(pairs);
                return true;
            case "cue_ids":
                List<Long> ids = new ArrayList<>();
                v.forEach(n -> ids.add(n.asLong()));
                soft.assertThat(cues).extracting(CuePoint::id).as(at).containsExactlyElementsOf(ids);
                return true;
            case "labels":
                Map<String, String> labels = new HashMap<>();
                cues.forEach(c -> labels.put(Long.toString(c.id()), c.label()));
                v.properties().forEach(kv -> soft.assertThat(labels.get(kv.getKey())).as("%s %s", at, kv.getKey())
                        .isEqualTo(kv.getValue().asText()));
                return true;
            case "first_cue_dwSampleOffset":
                soft.assertThat(cues).as(at).isNotEmpty();
                soft.assertThat(cues.isEmpty() ? -1 : cues.get(0).sampleOffset()).as(at).isEqualTo(v.asLong());
                return true;
            default:
                return false;
        }
    }

    private static boolean ixml(String key, JsonNode v, Metadata m, SoftAssertions soft, String at) {
        if (!key.equals("ixml") && !key.equals("ixml_steinberg")) {
            return false;
        }
        soft.assertThat(m.ixml()).as(at).isPresent();
        if (m.ixml().isEmpty()) {
            return true;
        }
        Document doc = IXml.parse(m.ixml().get());
        v.properties().forEach(kv -> {
            if (key.equals("ixml")) {
                NodeList n = doc.getElementsByTagName(kv.getKey().toUpperCase(java.util.Locale.ROOT));
                soft.assertThat(n.getLength()).as("%s %s", at, kv.getKey()).isPositive();
                if (n.getLength() > 0) {
                    soft.assertThat(n.item(0).getTextContent()).as("%s %s", at, kv.getKey()).isEqualTo(kv.getValue().asText());
                }
            } else {
                String value = steinbergAttr(doc, STEINBERG.get(kv.getKey()));
                JsonNode want = kv.getValue();
                Object expected = want.isBoolean() ? (want.asBoolean() ? "1" : "0") : want.asText();
                Object actual = want.isDouble() && value != null ? Double.toString(Double.parseDouble(value)) : value;
                soft.assertThat(actual).as("%s %s", at, kv.getKey()).isEqualTo(expected);
            }
        });
        return true;
    }

    private static String steinbergAttr(Document doc, String name) {
        NodeList attrs = doc.getElementsByTagName("ATTR");
        for (int i = 0; i < attrs.getLength(); i++) {
            Element a = (Element) attrs.item(i);
            if (name != null && name.equals(a.getElementsByTagName("NAME").item(0).getTextContent())) {
                return a.getElementsByTagName("VALUE").item(0).getTextContent();
            }
        }
        return null;
    }

    private static boolean speakers(String key, JsonNode v, AudioFile file, SoftAssertions soft, String at) {
        List<String> named = speakerNames(file.format().channelMask());
        int channels = file.format().channels();
        switch (key) {
            case "speaker_mapping":
            case "effective_speaker_mapping":
                List<String> effective = new ArrayList<>(named.subList(0, Math.min(channels, named.size())));
                while (effective.size() < channels) {
                    effective.add("undefined");
                }
                soft.assertThat(effective).as(at).containsExactlyElementsOf(strings(v));
                return true;
            case "native_speaker_mapping":
            case "speaker_mapping_written":
                if (v.isArray()) {
                    soft.assertThat(named).as(at).containsExactlyElementsOf(strings(v));
                } else {
                    soft.assertThat(named).as(at).hasSize(SPEAKERS.size());
                }
                return true;
            default:
                return false;
        }
    }

    private static List<String> speakerNames(long mask) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < SPEAKERS.size(); bit++) {
            if ((mask & (1L << bit)) != 0) {
                names.add(SPEAKERS.get(bit));
            }
        }
        return names;
    }

    private static List<String> strings(JsonNode v) {
        List<String> s = new ArrayList<>();
        v.forEach(n -> s.add(n.asText()));
        return s;
    }
}
