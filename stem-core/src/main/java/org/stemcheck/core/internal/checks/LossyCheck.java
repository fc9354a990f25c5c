package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.file.StemFile.ReadError;
import org.stemcheck.io.FileKind;

/** {@code format.lossy}: MP3, AAC/M4A, Ogg by content, or a lossy codec inside a WAV. */
final class LossyCheck extends BaseCheck {

    LossyCheck() {
        super("format.lossy", "no file is a lossy codec (MP3, AAC/M4A, Ogg/Opus), whatever its name");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.files(Role.UNREADABLE)) {
            ReadError e = f.error().orElseThrow();
            if (e.lossy() && org.stemcheck.core.internal.delivery.Roles.isMixName(f.name())) {
                // A reference mix as an MP3 is common as a listening copy; it cannot be the reference
                // the stems are compared with (this reader does not decode it, and its codec noise
                // would be the residual).
                out.add(Finding.error(id(), f.name() + " is " + what(f, e)
                                + ": a lossy codec, so the stems cannot be compared with it as the reference mix"
                                + " (the codec removed audio that cannot be restored)")
                        .withFiles(f.name())
                        .withFix("add the mix as 24-bit WAV bounced from the session with the stems (converting this"
                                + " file to WAV does not restore it); keep the lossy copy out of the delivery folder"));
            } else if (e.lossy()) {
                out.add(Finding.error(id(), f.name() + " is " + what(f, e)
                                + ": a lossy codec, not a PCM stem (the codec removed audio that cannot be restored)")
                        .withFiles(f.name())
                        .withFix("export " + f.displayLabel()
                                + " again as 24-bit WAV from the session; converting this file to WAV does not restore it"));
            }
        }
        return out;
    }

    private static String what(StemFile f, ReadError e) {
        String codec = e.detected().map(FileKind::displayName).orElse("lossy");
        boolean inWav = f.container().map(c -> c.equals("wav") || c.equals("rf64") || c.equals("bw64")).orElse(false);
        if (inWav) {
            return codec + " audio in a WAV wrapper";
        }
        String ext = org.stemcheck.core.internal.delivery.Sources.extension(f.name());
        boolean disguised = !ext.isEmpty() && e.detected().map(k -> !matchesExtension(k, ext)).orElse(false);
        return "an " + codec + " file" + (disguised ? " named ." + ext : "");
    }

    private static boolean matchesExtension(FileKind k, String ext) {
        switch (k) {
            case MP3:
                return ext.equals("mp3") || ext.equals("mp2");
            case AAC:
                return ext.equals("aac");
            case MP4:
                return ext.equals("m4a") || ext.equals("mp4");
            case OGG:
                return ext.equals("ogg") || ext.equals("oga") || ext.equals("opus");
            default:
                return false;
        }
    }
}
