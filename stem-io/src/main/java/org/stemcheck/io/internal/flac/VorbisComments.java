package org.stemcheck.io.internal.flac;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.stemcheck.io.Bext;
import org.stemcheck.io.internal.MetadataBuilder;

/**
 * A VORBIS_COMMENT block (RFC 9639 section 8.6): a vendor string and {@code NAME=value} fields,
 * with little-endian lengths. Every field goes into {@code Metadata.info} under its upper-case
 * name (names are case-insensitive, section 8.6); two carry meaning for stems:
 *
 * <ul>
 *   <li>{@code WAVEFORMATEXTENSIBLE_CHANNEL_MASK} (section 8.6.2), the speaker mask of the WAV
 *       the file was made from, as {@code flac} writes it: {@code 0x0003};</li>
 *   <li>{@code TIME_REFERENCE}, the bext TimeReference as ffmpeg writes it when it converts a
 *       Broadcast Wave file ({@code time_reference=172800000}; ffmpeg also writes
 *       {@code originator_reference}, {@code umid} and {@code coding_history} from the bext
 *       chunk, under those names).</li>
 * </ul>
 */
final class VorbisComments {

    /** The bext-derived field names ffmpeg writes (libavformat's wav demuxer keys, kept by its FLAC muxer). */
    static final String TIME_REFERENCE = "TIME_REFERENCE";
    static final String ORIGINATOR_REFERENCE = "ORIGINATOR_REFERENCE";
    static final String UMID = "UMID";
    static final String CODING_HISTORY = "CODING_HISTORY";
    /** The channel mask field (RFC 9639 section 8.6.2). */
    static final String CHANNEL_MASK = "WAVEFORMATEXTENSIBLE_CHANNEL_MASK";
    /** A UMID is 64 bytes (SMPTE ST 330), 128 hex digits. */
    private static final int UMID_HEX = 128;
    /** The largest dwChannelMask: a 32-bit field (WAVEFORMATEXTENSIBLE). */
    private static final long MAX_MASK = 0xFFFF_FFFFL;

    private final Map<String, String> fields = new LinkedHashMap<>();

    private VorbisComments() {
    }

    /**
     * Parses a block's payload; fields that do not fit, or a count that claims more than the
     * block holds, end the parse with a warning (the fields before are kept).
     */
    static VorbisComments parse(byte[] b, MetadataBuilder meta) {
        VorbisComments c = new VorbisComments();
        int p = 0;
        if (b.length < 4) {
            meta.warn("VORBIS_COMMENT block of " + b.length + " bytes holds no vendor string; ignored");
            return c;
        }
        long vendor = u32le(b, 0);
        p = 4;
        if (vendor > b.length - p - 4L) {
            meta.warn("VORBIS_COMMENT vendor string runs past its block; the comments are ignored");
            return c;
        }
        p += (int) vendor;
        long count = u32le(b, p);
        p += 4;
        long read = 0;
        while (read < count && p + 4 <= b.length) {
            long len = u32le(b, p);
            p += 4;
            if (len > b.length - p) {
                break;
            }
            c.field(new String(b, p, (int) len, StandardCharsets.UTF_8), meta);
            p += (int) len;
            read++;
        }
        if (read < count) {
            meta.warn(String.format(Locale.ROOT,
                    "VORBIS_COMMENT block declares %d comments but holds %d; the rest are ignored", count, read));
        }
        return c;
    }

    private void field(String text, MetadataBuilder meta) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = text.substring(0, eq).toUpperCase(Locale.ROOT);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch < 0x20 || ch > 0x7D) {
                return; // not a field name (RFC 9639 section 8.6: printable ASCII 0x20-0x7D except '=')
            }
        }
        String value = text.substring(eq + 1);
        fields.putIfAbsent(name, value);
        meta.info(name, value);
    }

    /** The speaker mask, when a valid one is given. */
    Optional<Long> channelMask(MetadataBuilder meta) {
        String v = fields.get(CHANNEL_MASK);
        if (v == null) {
            return Optional.empty();
        }
        String hex = v.strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        try {
            long mask = Long.parseLong(hex, 16);
            if (mask >= 0 && mask <= MAX_MASK) {
                return Optional.of(mask);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        meta.warn(CHANNEL_MASK + " '" + v + "' is not a 32-bit hexadecimal mask; ignored");
        return Optional.empty();
    }

    /**
     * A bext made from the fields ffmpeg writes for one, when {@code TIME_REFERENCE} is there:
     * the TimeReference, and the originator reference, UMID and coding history where given. The
     * other bext fields become generic tags in ffmpeg's conversion ({@code DESCRIPTION},
     * {@code encoded_by}, {@code date}) and are not taken back. Version 1 when a UMID is given, else 0.
     */
    Optional<Bext> bext(MetadataBuilder meta) {
        String t = fields.get(TIME_REFERENCE);
        if (t == null) {
            return Optional.empty();
        }
        long timeReference;
        try {
            timeReference = Long.parseUnsignedLong(t.strip());
        } catch (NumberFormatException e) {
            meta.warn(TIME_REFERENCE + " '" + t + "' is not a sample count; ignored");
            return Optional.empty();
        }
        String umid = fields.getOrDefault(UMID, "").strip().toLowerCase(Locale.ROOT);
        if (umid.length() != UMID_HEX || !umid.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)
                || umid.chars().allMatch(ch -> ch == '0')) {
            umid = "";
        }
        return Optional.of(new Bext("", "", fields.getOrDefault(ORIGINATOR_REFERENCE, ""), "", "", timeReference,
                umid.isEmpty() ? 0 : 1, umid, Optional.empty(), fields.getOrDefault(CODING_HISTORY, "")));
    }

    private static long u32le(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }
}
