package io.otelier.testkit;

import java.io.ByteArrayOutputStream;

/** Protobuf bytes for tests of code that must pass received bytes on unchanged. */
public final class ProtoBytes {

    private ProtoBytes() {
    }

    /**
     * The same {@code Export*ServiceRequest} with each top-level field's length written one varint byte longer
     * than needed: the same data to any reader, but not the bytes an encoder writes, so only a sender that passes
     * the received bytes on sends these.
     */
    public static byte[] padTopLevelLengths(byte[] canonical) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < canonical.length) {
            out.write(canonical[pos++]); // the tag of field 1, length-delimited: one byte
            int length = 0;
            int shift = 0;
            int b;
            do {
                b = canonical[pos++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            for (int rest = length; ; rest >>>= 7) {
                out.write(rest & 0x7F | 0x80);
                if (rest >>> 7 == 0) {
                    break;
                }
            }
            out.write(0);
            out.write(canonical, pos, length);
            pos += length;
        }
        return out.toByteArray();
    }
}
