package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.ProtoReader.FIXED32;
import static io.otelier.pdata.otlp.ProtoReader.FIXED64;
import static io.otelier.pdata.otlp.ProtoReader.LEN;
import static io.otelier.pdata.otlp.ProtoReader.VARINT;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes protobuf fields into a byte array sized by the encoders' sizing pass: the subset of
 * {@link com.google.protobuf.CodedOutputStream} the encoders use, writing the same bytes. A final class with
 * small methods, where {@code CodedOutputStream} is an abstract class with several implementations: with the C1
 * JIT only (the launcher's default) its calls stay virtual and are not inlined, and they were most of the
 * exporter's CPU time at high load.
 *
 * <p>Writing past the end throws {@link ArrayIndexOutOfBoundsException}: only data that changed between the two
 * passes gets there, and {@link OtlpProto} reports it as such.
 */
final class ProtoWriter {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] buffer;
    private int position;

    ProtoWriter(byte[] buffer) {
        this.buffer = buffer;
    }

    int spaceLeft() {
        return buffer.length - position;
    }

    void writeTag(int field, int wireType) {
        writeUInt32NoTag(field << 3 | wireType);
    }

    /** A varint; the one-byte case (tags, most lengths and counts) is small enough for C1 to inline. */
    void writeUInt32NoTag(int value) {
        if ((value & ~0x7F) == 0) {
            buffer[position++] = (byte) value;
        } else {
            writeLongerUInt32(value);
        }
    }

    private void writeLongerUInt32(int value) {
        while ((value & ~0x7F) != 0) {
            buffer[position++] = (byte) (value & 0x7F | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    void writeUInt64NoTag(long value) {
        while ((value & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((int) value & 0x7F | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    void writeFixed64NoTag(long value) {
        LONGS.set(buffer, position, value);
        position += 8;
    }

    void writeDoubleNoTag(double value) {
        writeFixed64NoTag(Double.doubleToRawLongBits(value));
    }

    void write(byte value) {
        buffer[position++] = value;
    }

    void writeRawBytes(byte[] bytes) {
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    void writeUInt32(int field, int value) {
        writeTag(field, VARINT);
        writeUInt32NoTag(value);
    }

    /** An int32 or enum field: negative values take ten bytes, sign-extended, as protobuf writes them. */
    void writeEnum(int field, int value) {
        writeTag(field, VARINT);
        if (value >= 0) {
            writeUInt32NoTag(value);
        } else {
            writeUInt64NoTag(value);
        }
    }

    void writeInt64(int field, long value) {
        writeTag(field, VARINT);
        writeUInt64NoTag(value);
    }

    void writeSInt32(int field, int value) {
        writeTag(field, VARINT);
        writeUInt32NoTag(value << 1 ^ value >> 31);
    }

    void writeBool(int field, boolean value) {
        writeTag(field, VARINT);
        buffer[position++] = (byte) (value ? 1 : 0);
    }

    void writeFixed64(int field, long value) {
        writeTag(field, FIXED64);
        writeFixed64NoTag(value);
    }

    void writeSFixed64(int field, long value) {
        writeFixed64(field, value);
    }

    void writeDouble(int field, double value) {
        writeFixed64(field, Double.doubleToRawLongBits(value));
    }

    void writeFixed32(int field, int value) {
        writeTag(field, FIXED32);
        INTS.set(buffer, position, value);
        position += 4;
    }

    /**
     * A string field. {@link String#getBytes} writes protobuf's UTF-8 (an unpaired surrogate becomes '?', as in
     * protobuf-java's fallback) and, for the usual ASCII string, is one check and one array copy, where a
     * character loop costs a call per character under C1.
     */
    void writeString(int field, String value) {
        writeBytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A length-delimited field holding {@code bytes}: a string's UTF-8 converted already, or bytes. */
    void writeBytes(int field, byte[] bytes) {
        writeTag(field, LEN);
        writeUInt32NoTag(bytes.length);
        writeRawBytes(bytes);
    }
}
