package org.stemcheck.core;

/**
 * How far a run has come, for a progress display: handed to the listener given to
 * {@link StemSet#onProgress} as files are read.
 *
 * @param delivery    the delivery as given (its folder)
 * @param stage       what the run is doing
 * @param files       the files to read (readable audio)
 * @param filesDone   those read to their end
 * @param seconds     the audio of those files, seconds (a file counts with its own length)
 * @param secondsDone the audio read so far, seconds
 */
public record Progress(String delivery, Stage stage, int files, int filesDone, double seconds, double secondsDone) {

    /** What a run is doing. */
    public enum Stage {
        /** Reading every file once: the per-file measurements (and the first comparison with the mix). */
        READING,
        /** Comparing the stems with the mix once more, to diagnose what does not null. */
        COMPARING,
        /** Judging: the checks run; the report follows. */
        CHECKING
    }

    /**
     * The share of the reading done.
     *
     * @return 0..1; 1 once every file was read (and when there was nothing to read)
     */
    public double fraction() {
        return seconds > 0 ? Math.min(1.0, secondsDone / seconds) : filesDone >= files ? 1.0 : 0.0;
    }
}
