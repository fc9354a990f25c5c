package org.stemcheck.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void peakIsTheLargestHeapBeforeACollectionOrAtExit() {
        List<String> log = List.of(
                "[0.013s][info][gc] Using G1",
                "[0.512s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 23M->5M(256M) 3.100ms",
                "[0.912s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 41M->6M(256M) 2.000ms",
                "[1.100s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 20480K [0x0, 0x1)",
                "[1.100s][info][gc,heap,exit]  Metaspace       used 90000K, committed 91000K, reserved 1114112K");

        assertThat(GcLog.peakUsedMiB(log)).hasValue(41.0);
    }

    @Test
    void withoutACollectionThePeakIsTheHeapInUseAtExit() {
        List<String> log = List.of(
                "[0.100s][info][gc,heap,exit] Heap",
                "[0.100s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 1536K [0x00000000f0000000, 0x0)",
                "[0.100s][info][gc,heap,exit]  Metaspace       used 52K, committed 128K, reserved 1114112K");

        assertThat(GcLog.peakUsedMiB(log)).hasValue(1.5);
    }

    @Test
    void aLogWithoutHeapFiguresGivesNothing() {
        assertThat(GcLog.peakUsedMiB(List.of("[0.013s][info][gc] Using G1"))).isEmpty();
    }
}
