package org.stemcheck.core.internal.checks;

import java.util.List;
import java.util.stream.Stream;

import org.stemcheck.core.Check;
import org.stemcheck.core.internal.nulltest.NullTestChecks;

/** The built-in checks, in the order their findings are reported within a severity. */
public final class BuiltInChecks {

    private static final List<Check> ALL = Stream.concat(Stream.of(
            new UnreadableCheck(),
            new TruncatedCheck(),
            new LossyCheck(),
            new SampleRateCheck(),
            new BitDepthCheck(),
            new ChannelsCheck(),
            new LengthCheck(),
            new TimecodeCheck(),
            new NamingPatternCheck(),
            new NamingInconsistentCheck(),
            new MultitracksCheck(),
            new DuplicateCheck(),
            new ClippingCheck(),
            new TruePeakCheck(),
            new DcOffsetCheck(),
            new SilentCheck(),
            new CutTailCheck(),
            new LossyTranscodeCheck(),
            new FakeHiresCheck(),
            new PaddedBitsCheck(),
            new OutOfPhaseCheck(),
            new DualMonoCheck(),
            new LabelMismatchCheck(),
            new MixbusProcessingCheck()),
            NullTestChecks.all().stream()).toList();

    private BuiltInChecks() {
    }

    /** Every built-in check; they are stateless, so one instance each serves every run. */
    public static List<Check> all() {
        return ALL;
    }
}
