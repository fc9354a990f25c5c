package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.file.StemFile.ReadError;
import org.stemcheck.core.internal.delivery.Sources;

/** {@code format.unreadable}: a file meant as audio that cannot be parsed (empty, not audio, corrupt). */
final class UnreadableCheck extends BaseCheck {

    UnreadableCheck() {
        super("format.unreadable", "every audio file can be read (not empty, not another kind of file, header intact)");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : ctx.files(Role.UNREADABLE)) {
            ReadError e = f.error().orElseThrow();
            if (e.message().startsWith(Sources.NOT_A_FILE)) {
                String what = e.message().substring(Sources.NOT_A_FILE.length());
                out.add(Finding.error(id(), f.name() + " " + what)
                        .withFiles(f.name())
                        .withFix(what.startsWith(Sources.LOCKED_FOLDER)
                                ? "let the folder be read (its permissions) or deliver its files without it"
                                : "put the audio file itself in the delivery, as a plain file"));
            } else if (!e.lossy()) {
                out.add(Finding.error(id(), f.name() + " cannot be read as audio: " + reason(e))
                        .withFiles(f.name())
                        .withFix(fix(e)));
            }
        }
        return out;
    }

    private static String reason(ReadError e) {
        switch (e.kind()) {
            case EMPTY:
                return "the file is empty (0 bytes)";
            case NOT_AUDIO:
                return "it holds no audio (no WAV, AIFF or FLAC header): another kind of file with an audio name";
            default:
                return oneLine(e.message());
        }
    }

    private static String fix(ReadError e) {
        switch (e.kind()) {
            case EMPTY:
                return "the export or the upload failed: export the stem again and re-send it";
            case NOT_AUDIO:
                return "send the audio file itself, exported as WAV from the session";
            case UNSUPPORTED:
                return "export it again as 24-bit PCM WAV (or FLAC)";
            default:
                return "the header is damaged: export the stem again from the session and re-send it";
        }
    }

    static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
