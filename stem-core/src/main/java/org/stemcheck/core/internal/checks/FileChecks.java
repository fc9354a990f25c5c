package org.stemcheck.core.internal.checks;

import java.util.List;

import org.stemcheck.core.Check;

/** The built-in checks on the files (every check but the mix checks), in the order their findings are reported within a severity. */
public final class FileChecks {

    private static final List<Check> ALL = List.of(
            new EmptyCheck(),
            new UnreadableCheck(),
            new TruncatedCheck(),
            new HeaderWarningsCheck(),
            new NonFiniteCheck(),
            new LossyCheck(),
            new SampleRateCheck(),
            new BitDepthCheck(),
            new ChannelsCheck(),
            new AdmCheck(),
            new LengthCheck(),
            new TimecodeCheck(),
            new NamingPatternCheck(),
            new NamingInconsistentCheck(),
            new MultitracksCheck(),
            new DuplicateCheck(),
            new ClippingCheck(),
            new TruePeakCheck(),
            new LoudnessCheck(),
            new DcOffsetCheck(),
            new SilentCheck(),
            new CutTailCheck(),
            new LossyTranscodeCheck(),
            new FakeHiresCheck(),
            new PaddedBitsCheck(),
            new OutOfPhaseCheck(),
            new DualMonoCheck(),
            new LayoutContentCheck(),
            new LabelMismatchCheck(),
            new MixbusProcessingCheck(),
            new SwappedChannelsCheck());

    private FileChecks() {
    }

    /** Every file check; they are stateless, so one instance each serves every run. */
    public static List<Check> all() {
        return ALL;
    }
}
