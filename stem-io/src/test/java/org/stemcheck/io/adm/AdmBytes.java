package org.stemcheck.io.adm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** ADM chunks made in code for tests: a BS.2088 chna table and a BS.2076 axml document (5.1, DirectSpeakers). */
public final class AdmBytes {

    private AdmBytes() {
    }

    /** A chna chunk: numTracks, numUIDs, then 40-byte audio IDs (BS.2088-1 Tables 9 and 10). */
    public static byte[] chna(int declaredUids, String[][] ids) {
        ByteBuffer b = ByteBuffer.allocate(4 + 40 * ids.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) ids.length).putShort((short) declaredUids);
        for (int i = 0; i < ids.length; i++) {
            b.putShort((short) Integer.parseInt(ids[i][0]));
            b.put(fixed(ids[i][1], 12)).put(fixed(ids[i][2], 14)).put(fixed(ids[i][3], 11)).put((byte) 0);
        }
        return b.array();
    }

    private static byte[] fixed(String s, int len) {
        return Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), len);
    }

    public static final String[] NAMES = {"RoomCentricLeft", "RoomCentricRight", "RoomCentricCenter", "RoomCentricLFE",
            "RoomCentricLeftSurround", "RoomCentricRightSurround"};

    public static String axml() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ebuCoreMain"
                + " xmlns=\"urn:ebu:metadata-schema:ebuCore_2014\"><coreMetadata><format><audioFormatExtended>\n");
        for (int i = 0; i < NAMES.length; i++) {
            x.append(String.format("<audioChannelFormat audioChannelFormatID=\"AC_0001000%d\""
                    + " audioChannelFormatName=\"%s\" typeLabel=\"0001\"><audioBlockFormat/></audioChannelFormat>\n",
                    i + 1, NAMES[i]));
        }
        return x.append("</audioFormatExtended></format></coreMetadata></ebuCoreMain>").toString();
    }

    public static String[][] fiveOneIds() {
        String[][] ids = new String[6][];
        for (int i = 0; i < 6; i++) {
            ids[i] = new String[] {String.valueOf(i + 1), String.format("ATU_0000000%d", i + 1),
                    String.format("AT_0001000%d_01", i + 1), "AP_00010003"};
        }
        return ids;
    }

}
