package io.otelier.pdata.otlp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-made protobuf bytes for the decoder tests: fields of every wire type, well-formed or not. */
final class Wire {

    private Wire() {
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
        return out.toByteArray();
    }

    static byte[] tag(int field, int wireType) {
        return varint((long) field << 3 | wireType);
    }

    /** A length-delimited field: a nested message, a string, bytes or packed scalars. */
    static byte[] len(int field, byte[]... body) {
        byte[] content = concat(body);
        return concat(tag(field, 2), varint(content.length), content);
    }

    static byte[] string(int field, String value) {
        return len(field, value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] varintField(int field, long value) {
        return concat(tag(field, 0), varint(value));
    }

    static byte[] fixed64Field(int field, long value) {
        return concat(tag(field, 1), fixed64(value));
    }

    static byte[] doubleField(int field, double value) {
        return fixed64Field(field, Double.doubleToRawLongBits(value));
    }

    static byte[] fixed32Field(int field, int value) {
        return concat(tag(field, 5), fixed32(value));
    }

    static byte[] fixed64(long value) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    static byte[] fixed32(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** An unknown field of each wire type, a group with content included. */
    static byte[] unknownFields(int field) {
        return concat(varintField(field, 300), fixed64Field(field + 1, -1), string(field + 2, "ignored"),
                tag(field + 3, 3), varintField(1, 7), string(2, "in a group"), tag(field + 3, 4),
                fixed32Field(field + 4, 42));
    }
}
