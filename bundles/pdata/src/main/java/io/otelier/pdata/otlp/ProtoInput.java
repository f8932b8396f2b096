package io.otelier.pdata.otlp;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The wire primitives of protobuf over one byte array: the subset of protobuf-java's {@code CodedInputStream}
 * the decoders use, with the same names, values and refusals, as a final class over an array, a position and the
 * current message's limit.
 *
 * <p>Why not {@code CodedInputStream}: it is an abstract class with several implementations, so with the C1-only
 * JIT of the launcher its calls stay virtual and are not inlined, and even with C2 each nested message costs a
 * limit recomputation on two fields. Here entering a message is a length read and two int assignments, and the
 * one-byte varints (almost every tag and length in OTLP) are read inline.
 */
final class ProtoInput {

    /** Malformed input, with what is wrong in a few words; the reader adds the field path and the offset. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String problem) {
            super(problem);
        }
    }

    static final String TRUNCATED =
            "truncated: the input ends inside a field, or a length runs past the end of its message";

    /** Nesting accepted for groups being skipped, as for messages. */
    private static final int MAX_GROUP_DEPTH = ProtoReader.MAX_DEPTH;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] buf;
    private final int start;
    private int pos;
    /** The end of the message being read (absolute index into {@link #buf}). */
    private int limit;

    ProtoInput(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.start = offset;
        this.pos = offset;
        this.limit = offset + length;
    }

    /** The input array, for readers that look at a field's bytes in place. */
    byte[] buffer() {
        return buf;
    }

    /** The absolute index of the next byte in {@link #buffer()}. */
    int position() {
        return pos;
    }

    /** The absolute index in {@link #buffer()} where the current message ends. */
    int limit() {
        return limit;
    }

    /** Moves on to {@code position}, which the caller has checked lies within the current message. */
    void skipTo(int position) {
        pos = position;
    }

    int getTotalBytesRead() {
        return pos - start;
    }

    int getBytesUntilLimit() {
        return limit - pos;
    }

    /** Reads the next tag, or returns 0 at the end of the current message; field number 0 is refused. */
    int readTag() throws IOException {
        if (pos == limit) {
            return 0;
        }
        int tag = readRawVarint32();
        if (tag >>> 3 == 0) {
            throw new Malformed("invalid tag (field number 0)");
        }
        return tag;
    }

    /** Makes the next {@code length} bytes the current message; returns the limit to give back to popLimit. */
    int pushLimit(int length) throws IOException {
        checkLength(length);
        int old = limit;
        limit = pos + length;
        return old;
    }

    void popLimit(int oldLimit) {
        limit = oldLimit;
    }

    /**
     * A varint read as protobuf reads an int32: up to ten bytes, the low 32 bits kept. One and two bytes (tags,
     * lengths below 16 KiB) are read without the general loop.
     */
    int readRawVarint32() throws IOException {
        int at = pos;
        if (at < limit) {
            int b0 = buf[at];
            if (b0 >= 0) {
                pos = at + 1;
                return b0;
            }
            if (at + 1 < limit) {
                int b1 = buf[at + 1];
                if (b1 >= 0) {
                    pos = at + 2;
                    return b0 & 0x7F | b1 << 7;
                }
            }
        }
        return (int) readRawVarint64();
    }

    long readRawVarint64() throws IOException {
        int at = pos;
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= limit) {
                throw new Malformed(TRUNCATED);
            }
            byte b = buf[at++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                pos = at;
                return value;
            }
        }
        throw new Malformed("malformed varint");
    }

    long readRawLittleEndian64() throws IOException {
        int at = pos;
        if (limit - at < 8) {
            throw new Malformed(TRUNCATED);
        }
        pos = at + 8;
        return littleEndian64(buf, at);
    }

    /** The eight bytes at {@code at} as a little-endian long (the caller checked they are there). */
    static long littleEndian64(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    int readRawLittleEndian32() throws IOException {
        int at = pos;
        if (limit - at < 4) {
            throw new Malformed(TRUNCATED);
        }
        pos = at + 4;
        return (int) INTS.get(buf, at);
    }

    long readFixed64() throws IOException {
        return readRawLittleEndian64();
    }

    long readSFixed64() throws IOException {
        return readRawLittleEndian64();
    }

    int readFixed32() throws IOException {
        return readRawLittleEndian32();
    }

    double readDouble() throws IOException {
        return Double.longBitsToDouble(readRawLittleEndian64());
    }

    int readEnum() throws IOException {
        return readRawVarint32();
    }

    int readInt32() throws IOException {
        return readRawVarint32();
    }

    int readUInt32() throws IOException {
        return readRawVarint32();
    }

    int readSInt32() throws IOException {
        int n = readRawVarint32();
        return (n >>> 1) ^ -(n & 1);
    }

    long readInt64() throws IOException {
        return readRawVarint64();
    }

    boolean readBool() throws IOException {
        return readRawVarint64() != 0;
    }

    /** A length prefix whose bytes lie within the current message. */
    int readLength() throws IOException {
        int length = readRawVarint32();
        checkLength(length);
        return length;
    }

    /** Refuses a length that is negative or runs past the current message. */
    private void checkLength(int length) throws Malformed {
        if (length < 0) {
            throw new Malformed("a length is negative");
        }
        if (length > limit - pos) {
            throw new Malformed(TRUNCATED);
        }
    }

    /** A string field; malformed UTF-8 becomes U+FFFD, as with protobuf's (non-validating) readString. */
    String readString() throws IOException {
        int length = readLength();
        if (length == 0) {
            return "";
        }
        String value = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return value;
    }

    byte[] readByteArray() throws IOException {
        int length = readLength();
        byte[] value = java.util.Arrays.copyOfRange(buf, pos, pos + length);
        pos += length;
        return value;
    }

    void skipRawBytes(int length) throws IOException {
        checkLength(length);
        pos += length;
    }

    /**
     * Skips the field whose tag was just read; false for an end-group tag (which ends the group being skipped).
     * Wire types 6 and 7 do not exist and are refused.
     */
    boolean skipField(int tag) throws IOException {
        return skipField(tag, 0);
    }

    private boolean skipField(int tag, int groupDepth) throws IOException {
        switch (tag & 7) {
            case ProtoReader.VARINT -> readRawVarint64();
            case ProtoReader.FIXED64 -> skipRawBytes(8);
            case ProtoReader.LEN -> skipRawBytes(readRawVarint32());
            case 3 -> skipGroup(tag, groupDepth + 1);
            case 4 -> {
                return false;
            }
            case ProtoReader.FIXED32 -> skipRawBytes(4);
            default -> throw new Malformed("invalid wire type");
        }
        return true;
    }

    /** Skips a (deprecated) group up to its end-group tag, which must carry the same field number. */
    private void skipGroup(int startTag, int groupDepth) throws IOException {
        if (groupDepth >= MAX_GROUP_DEPTH) {
            throw new Malformed("groups nested deeper than " + MAX_GROUP_DEPTH);
        }
        int tag;
        do {
            tag = readTag();
        } while (tag != 0 && skipField(tag, groupDepth));
        if (tag != (startTag & ~7 | 4)) {
            throw new Malformed("unterminated or mismatched group");
        }
    }
}
