package org.stemcheck.core.internal.report;

import java.util.Locale;

import org.stemcheck.core.Severity;
import org.stemcheck.io.AudioFormat;

/** Names and words for formats, shared by the report writers and the checks' messages. */
public final class Formats {

    private Formats() {
    }

    /** {@code pcm}, {@code float}, {@code alaw} or {@code ulaw}. */
    public static String encodingName(AudioFormat f) {
        switch (f.encoding()) {
            case FLOAT:
                return "float";
            case ALAW:
                return "alaw";
            case ULAW:
                return "ulaw";
            default:
                return "pcm";
        }
    }

    /** {@code error}, {@code warning}, {@code info}. */
    public static String severityName(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** {@code 48 kHz}, {@code 44.1 kHz}, {@code 22.05 kHz}. */
    public static String rate(double hz) {
        double k = hz / 1000.0;
        String s = String.format(Locale.ROOT, "%.3f", k).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + " kHz";
    }

    /** {@code 24-bit}, {@code 32-bit float}, {@code 8-bit A-law}. */
    public static String depth(AudioFormat f) {
        switch (f.encoding()) {
            case FLOAT:
                return f.bitsPerSample() + "-bit float";
            case ALAW:
                return "8-bit A-law";
            case ULAW:
                return "8-bit mu-law";
            default:
                return f.validBits() + "-bit";
        }
    }

    /**
     * A file's speaker layout as reports show it: {@code mono} and {@code stereo} as before layouts
     * were read, else {@code 5.1 (L R C LFE Ls Rs)}.
     */
    public static String layout(org.stemcheck.core.file.StemFile f) {
        org.stemcheck.core.file.ChannelLayout l = f.layout().orElseThrow();
        boolean plain = l.channels() <= 2 && l.sameSpeakers(org.stemcheck.core.file.ChannelLayout.assumed(l.channels()));
        return plain ? channels(l.channels()) : l.describe();
    }

    /** {@code mono}, {@code stereo}, {@code 6 channels}. */
    public static String channels(int n) {
        return n == 1 ? "mono" : n == 2 ? "stereo" : n + " channels";
    }

    /** {@code 4.000 s}, {@code 1:02.500} past a minute. */
    public static String seconds(double s) {
        if (Math.abs(s) < 60) {
            return String.format(Locale.ROOT, "%.3f s", s);
        }
        long whole = (long) Math.floor(s / 60);
        return String.format(Locale.ROOT, "%d:%06.3f", whole, s - 60 * whole);
    }

    /** A place in a song to the second, {@code 3:07}, {@code 1:02:05} past an hour. */
    public static String minutes(double s) {
        long whole = Math.round(s);
        return whole >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }

    /** Seconds since midnight as a timecode, {@code 01:00:00.000}. */
    public static String clock(double s) {
        long ms = Math.round(s * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
