package io.otelier.pdata.otlp;

import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads one protobuf message from a byte array with {@link ProtoInput}, and remembers where it is (the
 * chain of fields and list indexes from the top) so that any failure names the field path and the byte offset.
 * Keeping that path costs a few array stores per message; the path is turned into text only on failure.
 *
 * <p>Nested messages are read by {@link #enter} (length prefix, limit, new frame) and {@link #leave}; a message
 * body is a loop over {@link #readTag()} until it returns 0 at the limit.
 */
final class ProtoReader {

    /** Deepest message nesting accepted: protobuf-java's default recursion limit. */
    static final int MAX_DEPTH = 100;

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LEN = 2;
    static final int FIXED32 = 5;

    /** The body of a decode: reads the top-level message. */
    interface Body {
        void read(ProtoReader reader) throws IOException, OtlpDecodeException;
    }

    final ProtoInput in;
    private final String messageName;
    // one frame per message being read, the top-level message at 0; sized for the deepest nesting accepted
    private final String[][] frameNames = new String[MAX_DEPTH][];
    private final int[] frameIndex = new int[MAX_DEPTH];
    private final int[] frameField = new int[MAX_DEPTH];
    private int depth;
    // repeated scalars of the message being read (bucket counts, bounds), reused from message to message
    private long[] longs = new long[32];
    private int longCount;
    private double[] doubles = new double[32];
    private int doubleCount;

    private ProtoReader(ProtoInput in, String messageName, String[] rootFields) {
        this.in = in;
        this.messageName = messageName;
        frameNames[0] = rootFields;
        frameIndex[0] = -1;
    }

    /**
     * Decodes {@code len} bytes at {@code off} as the message {@code messageName} whose field names are
     * {@code rootFields}; every failure, whatever its kind, comes out as an {@link OtlpDecodeException}.
     */
    static void decode(byte[] bytes, int off, int len, String messageName, String[] rootFields, Body body)
            throws OtlpDecodeException {
        // every length is bounded by the real input: a length prefix alone never allocates more than was sent
        ProtoReader reader = new ProtoReader(new ProtoInput(bytes, off, len), messageName, rootFields);
        try {
            body.read(reader);
        } catch (ProtoInput.Malformed e) {
            throw reader.error(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw reader.error(e.toString(), e);
        } catch (StackOverflowError e) {
            throw reader.error("nesting too deep", e);
        }
    }

    /** The next tag of the current message, or 0 at its end. */
    int readTag() throws IOException {
        frameField[depth] = 0;
        int tag = in.readTag();
        frameField[depth] = tag >>> 3;
        return tag;
    }

    /**
     * Starts reading the length-delimited message of the current field; {@code fields} names its fields,
     * {@code index} is its position in a repeated field (or -1). Returns the limit to hand to {@link #leave}.
     */
    int enter(String[] fields, int index) throws IOException, OtlpDecodeException {
        int oldLimit = in.pushLimit(in.readRawVarint32());
        int next = depth + 1;
        if (next >= MAX_DEPTH) {
            throw error("messages nested deeper than " + MAX_DEPTH, null);
        }
        depth = next;
        frameNames[next] = fields;
        frameIndex[next] = index;
        frameField[next] = 0;
        return oldLimit;
    }

    /** Ends the message started by {@link #enter}. */
    void leave(int oldLimit) {
        in.popLimit(oldLimit);
        depth--;
    }

    /**
     * Skips a field this decoder does not read. A field the message does know ({@code knownFields} has bit
     * {@code n} set for field number {@code n}) arriving with another wire type is an error, as in upstream's
     * decoder; unknown fields are skipped, as protobuf requires.
     */
    void skipField(int tag, long knownFields) throws IOException, OtlpDecodeException {
        int field = tag >>> 3;
        if (field < 64 && (knownFields >>> field & 1) != 0) {
            throw error("wrong wire type " + (tag & 7) + " for this field", null);
        }
        if (!in.skipField(tag)) {
            throw error("unexpected end-group tag", null);
        }
    }

    /** A bytes field holding a trace id: 16 bytes, or none for the empty id. */
    TraceId readTraceId() throws IOException, OtlpDecodeException {
        int length = in.readRawVarint32();
        if (length == TraceId.LENGTH) {
            // the id is big-endian; reading it as two little-endian longs avoids a byte array
            long high = Long.reverseBytes(in.readRawLittleEndian64());
            return TraceId.fromLongs(high, Long.reverseBytes(in.readRawLittleEndian64()));
        }
        if (length == 0) {
            return TraceId.EMPTY;
        }
        throw error("a trace id has 16 bytes, got " + length, null);
    }

    /** A bytes field holding a span id: 8 bytes, or none for the empty id. */
    SpanId readSpanId() throws IOException, OtlpDecodeException {
        int length = in.readRawVarint32();
        if (length == SpanId.LENGTH) {
            return SpanId.fromLong(Long.reverseBytes(in.readRawLittleEndian64()));
        }
        if (length == 0) {
            return SpanId.EMPTY;
        }
        throw error("a span id has 8 bytes, got " + length, null);
    }

    /**
     * A string field. Like upstream's decoder, which does not validate UTF-8, malformed sequences are accepted;
     * a Java string cannot carry them, so each becomes U+FFFD.
     */
    String readString() throws IOException {
        return in.readString();
    }

    /**
     * A string field that usually repeats from request to request (an attribute key, a span or metric name, a
     * unit): the same value as {@link #readString()}, preferably a shared instance from the {@link NameCache}.
     */
    String readName() throws IOException {
        int length = in.readLength();
        String name = NameCache.decode(in.buffer(), in.position(), length);
        in.skipRawBytes(length);
        return name;
    }

    /** A uint32 field as the unsigned value the model's setters take. */
    long readUInt32() throws IOException {
        return Integer.toUnsignedLong(in.readUInt32());
    }

    /** Forgets the repeated scalars gathered so far: call before reading a message that has some. */
    void clearScalars() {
        longCount = 0;
        doubleCount = 0;
    }

    /** One element of a repeated fixed64 field in its unpacked form. */
    void addFixed64() throws IOException {
        addLong(in.readRawLittleEndian64());
    }

    /** One element of a repeated varint field in its unpacked form. */
    void addVarint64() throws IOException {
        addLong(in.readRawVarint64());
    }

    /** A repeated fixed64 field in its packed form. */
    void addPackedFixed64() throws IOException, OtlpDecodeException {
        int count = packedCount("fixed64");
        ensureLongs(count);
        for (int i = 0; i < count; i++) {
            longs[longCount++] = in.readRawLittleEndian64();
        }
    }

    /** A repeated varint field in its packed form. */
    void addPackedVarint64() throws IOException {
        int length = in.readRawVarint32();
        int oldLimit = in.pushLimit(length);
        while (in.getBytesUntilLimit() > 0) {
            addLong(in.readRawVarint64());
        }
        in.popLimit(oldLimit);
    }

    /** One element of a repeated double field in its unpacked form. */
    void addDouble() throws IOException {
        ensureDoubles(1);
        doubles[doubleCount++] = in.readDouble();
    }

    /** A repeated double field in its packed form. */
    void addPackedDouble() throws IOException, OtlpDecodeException {
        int count = packedCount("double");
        ensureDoubles(count);
        for (int i = 0; i < count; i++) {
            doubles[doubleCount++] = Double.longBitsToDouble(in.readRawLittleEndian64());
        }
    }

    /** The repeated long scalars gathered since {@link #clearScalars()}, or null when there were none. */
    long[] longs() {
        return longCount == 0 ? null : Arrays.copyOf(longs, longCount);
    }

    /** The repeated double scalars gathered since {@link #clearScalars()}, or null when there were none. */
    double[] doubles() {
        return doubleCount == 0 ? null : Arrays.copyOf(doubles, doubleCount);
    }

    private void addLong(long value) {
        ensureLongs(1);
        longs[longCount++] = value;
    }

    /** Reads the length of a packed 8-byte field and checks it before anything is allocated for it. */
    private int packedCount(String type) throws IOException, OtlpDecodeException {
        int length = in.readRawVarint32();
        if (length < 0 || length % 8 != 0) {
            throw error("the packed " + type + " values have a length that is not a multiple of 8: " + length, null);
        }
        if (length > in.getBytesUntilLimit()) {
            throw error(ProtoInput.TRUNCATED, null);
        }
        return length / 8;
    }

    private void ensureLongs(int more) {
        if (longCount + more > longs.length) {
            longs = Arrays.copyOf(longs, Math.max(longs.length * 2, longCount + more));
        }
    }

    private void ensureDoubles(int more) {
        if (doubleCount + more > doubles.length) {
            doubles = Arrays.copyOf(doubles, Math.max(doubles.length * 2, doubleCount + more));
        }
    }

    /** A failure at the current position. */
    OtlpDecodeException error(String problem, Throwable cause) {
        String where = path();
        return new OtlpDecodeException("invalid OTLP " + messageName + ": " + problem
                + (where.isEmpty() ? "" : ", at " + where) + " (byte offset " + in.getTotalBytesRead() + ")", cause);
    }

    /** The field path from the top, e.g. {@code resource_spans[0].scope_spans[1].spans[3].trace_id}. */
    String path() {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i <= depth; i++) {
            int field = frameField[i];
            if (field == 0) {
                break;
            }
            if (path.length() > 0) {
                path.append('.');
            }
            String[] names = frameNames[i];
            path.append(field < names.length && names[field] != null ? names[field] : "field " + field);
            if (i < depth && frameIndex[i + 1] >= 0) {
                path.append('[').append(frameIndex[i + 1]).append(']');
            }
        }
        return path.toString();
    }

    /** Builds a field-name table indexed by field number from (number, name) pairs. */
    static String[] names(Object... numbersAndNames) {
        int max = 0;
        for (int i = 0; i < numbersAndNames.length; i += 2) {
            max = Math.max(max, (Integer) numbersAndNames[i]);
        }
        String[] names = new String[max + 1];
        for (int i = 0; i < numbersAndNames.length; i += 2) {
            names[(Integer) numbersAndNames[i]] = (String) numbersAndNames[i + 1];
        }
        return names;
    }

    /** The known-field mask for {@link #skipField}: bit n set for each field number n in the name table. */
    static long known(String[] names) {
        long mask = 0;
        for (int i = 1; i < Math.min(names.length, 64); i++) {
            if (names[i] != null) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    static int tag(int field, int wireType) {
        return field << 3 | wireType;
    }
}
