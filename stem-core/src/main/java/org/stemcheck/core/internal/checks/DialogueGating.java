package org.stemcheck.core.internal.checks;

import java.util.List;

import org.stemcheck.dsp.LoudnessResult;
import org.stemcheck.dsp.LoudnessTimeline;

/**
 * Dialogue-gated loudness of a mix, from the mix's and the dialogue stems' BS.1770 meters: the
 * mix's integrated loudness over the 400 ms gating blocks in which dialogue is active.
 *
 * <p>The blocks are BS.1770-4's (400 ms, every 100 ms: the momentary points of each file's
 * {@link LoudnessTimeline}, which start at the file's first sample, so block {@code i} of the mix
 * and of a stem cover the same time whatever their rates). A block has dialogue when a dialogue
 * stem's own block loudness passes the gates BS.1770-4 applies to that stem: above the absolute
 * gate (-70 LUFS) and above its relative gate (10 LU below its absolute-gated loudness). Those
 * gates are what BS.1770 itself uses to leave silence and low-level passages out of a programme's
 * loudness; applied to the dialogue stem they leave out its pauses, breaths and room tone, and keep
 * the lines. Dolby's Dialogue Intelligence, which Netflix's meters use, detects speech in the mix
 * with a proprietary classifier instead; a DME delivery gives us the dialogue itself.
 *
 * <p>The mix blocks kept are then gated as BS.1770 gates a programme, by the absolute gate only
 * (the dialogue gate takes the place of the relative one): the result is the power mean of those
 * blocks, {@code -0.691 + 10 log10(mean z)}.
 */
final class DialogueGating {

    /** BS.1770-4: blocks at or below -70 LUFS do not count. */
    static final double ABSOLUTE_GATE_LUFS = -70.0;
    /** BS.1770-4: the loudness offset, -0.691 dB, of {@code L = -0.691 + 10 log10(z)}. */
    private static final double OFFSET_LUFS = -0.691;

    /**
     * What was measured.
     *
     * @param lufs          the mix's loudness over the blocks with dialogue; -infinity when none
     *                      passes the absolute gate
     * @param dialogueBlocks blocks with dialogue
     * @param blocks        the mix's gating blocks
     */
    record Result(double lufs, int dialogueBlocks, int blocks) {
        /** The share of the programme that had dialogue, 0 to 1. */
        double share() {
            return blocks == 0 ? 0 : (double) dialogueBlocks / blocks;
        }
    }

    private DialogueGating() {
    }

    /**
     * Measures.
     *
     * @param mix      the mix's loudness result
     * @param dialogue the dialogue stems' results (a block has dialogue when any of them is active)
     */
    static Result of(LoudnessResult mix, List<LoudnessResult> dialogue) {
        LoudnessTimeline m = mix.timeline();
        int blocks = 0;
        int active = 0;
        double sum = 0;
        int kept = 0;
        for (int i = 0; i < m.size(); i++) {
            double l = m.momentaryLufs(i);
            if (Double.isNaN(l)) {
                continue; // before 400 ms: no block
            }
            blocks++;
            if (!speaks(dialogue, i)) {
                continue;
            }
            active++;
            if (l > ABSOLUTE_GATE_LUFS) {
                sum += Math.pow(10, (l - OFFSET_LUFS) / 10);
                kept++;
            }
        }
        double lufs = kept == 0 ? Double.NEGATIVE_INFINITY : OFFSET_LUFS + 10 * Math.log10(sum / kept);
        return new Result(lufs, active, blocks);
    }

    private static boolean speaks(List<LoudnessResult> dialogue, int i) {
        for (LoudnessResult d : dialogue) {
            double gate = Math.max(ABSOLUTE_GATE_LUFS, d.relativeGateLufs());
            LoudnessTimeline t = d.timeline();
            if (i < t.size() && t.momentaryLufs(i) > gate) {
                return true; // NaN compares false: a stem silent to its meter (gate -inf or NaN) never speaks
            }
        }
        return false;
    }
}
