package org.stemcheck.io.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers that claim absurd sizes (a 32-bit data size of 0xFFFFFFFF, a ds64 data size of
 * 2^63 - 1) over 1000 bytes of real audio parse as truncated files, by path and as one-shot
 * streams, in a JVM limited to 32 MiB of heap: nothing is allocated by the claimed size.
 */
class HugeHeaderTest {

    /** 250 stereo 16-bit frames of audio follow each header. */
    private static final int AUDIO_BYTES = 1000;

    @Test
    void claimedSizesOf4GiBAnd2To63ParseAsTruncatedInA32MiBHeap(@TempDir Path dir) throws Exception {
        Path riff = dir.resolve("riff-ffffffff.wav");
        Files.write(riff, riffWithDataSize(0xFFFFFFFFL));
        Path rf64 = dir.resolve("rf64-2to63.wav");
        Files.write(rf64, rf64WithDs64DataSize(Long.MAX_VALUE));

        ChildJvm.Result r = ChildJvm.run(HugeHeaderMain.class, "32m", 120, riff.toString(), rf64.toString());

        assertThat(r.exitCode()).as(r.output()).isZero();
        long riffDeclared = 0xFFFFFFFFL / 4;
        long rf64Declared = Long.MAX_VALUE / 4;
        assertThat(r.output())
                .contains("riff-ffffffff.wav/path: declared=" + riffDeclared + " frames=250 delivered=250 truncation="
                        + riffDeclared + ">250")
                .contains("riff-ffffffff.wav/stream: declared=" + riffDeclared + " frames=250 delivered=250 truncation="
                        + riffDeclared + ">250")
                .contains("rf64-2to63.wav/path: declared=" + rf64Declared + " frames=250 delivered=250 truncation="
                        + rf64Declared + ">250")
                .contains("rf64-2to63.wav/stream: declared=" + rf64Declared + " frames=250 delivered=250 truncation="
                        + rf64Declared + ">250")
                .contains("maxHeapMiB=");
    }

    static byte[] riffWithDataSize(long dataSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ascii(out, "RIFF");
        out.writeBytes(le(0xFFFFFFFFL, 4));
        ascii(out, "WAVE");
        fmt(out);
        ascii(out, "data");
        out.writeBytes(le(dataSize, 4));
        out.writeBytes(audio());
        return out.toByteArray();
    }

    static byte[] rf64WithDs64DataSize(long dataSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ascii(out, "RF64");
        out.writeBytes(le(0xFFFFFFFFL, 4));
        ascii(out, "WAVE");
        ascii(out, "ds64");
        out.writeBytes(le(28, 4));
        out.writeBytes(le(Long.MAX_VALUE, 8)); // riff size
        out.writeBytes(le(dataSize, 8));
        out.writeBytes(le(dataSize / 4, 8)); // sample count
        out.writeBytes(le(0, 4)); // no table entries
        fmt(out);
        ascii(out, "data");
        out.writeBytes(le(0xFFFFFFFFL, 4));
        out.writeBytes(audio());
        return out.toByteArray();
    }

    private static void fmt(ByteArrayOutputStream out) {
        ascii(out, "fmt ");
        out.writeBytes(le(16, 4));
        out.writeBytes(le(1, 2)); // PCM
        out.writeBytes(le(2, 2));
        out.writeBytes(le(48000, 4));
        out.writeBytes(le(48000 * 4, 4));
        out.writeBytes(le(4, 2));
        out.writeBytes(le(16, 2));
    }

    private static byte[] audio() {
        ByteBuffer b = ByteBuffer.allocate(AUDIO_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < AUDIO_BYTES / 2; i++) {
            b.putShort((short) (i * 37));
        }
        return b.array();
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] le(long v, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
