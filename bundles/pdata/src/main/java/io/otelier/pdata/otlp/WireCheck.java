package io.otelier.pdata.otlp;

import java.util.Arrays;

/**
 * Decides whether received {@code Export*ServiceRequest} bytes may be kept as they are instead of being decoded
 * (see {@link io.otelier.pdata.internal.Received}), and counts what the root counts (resources, items, metrics)
 * on the way. One pass, no allocation.
 *
 * <p>Bytes pass only when decoding them cannot fail and gives a tree that means exactly what the bytes mean to
 * any protobuf reader: so everything our decoder would refuse, and everything it reads differently from plain
 * protobuf, fails the check and is decoded eagerly as before (errors included): unknown fields (dropped by the
 * decoder), the pre-0.19 {@code instrumentation_library_*} field 1000 (migrated), malformed UTF-8 (replaced),
 * enum numbers the model does not know (read as 0), all-zero ids (read as empty), attribute keys repeated in one
 * list (the model is a map), a singular message field repeated (protobuf merges, the decoder may replace), more
 * than one data member in a metric, and nesting deeper than {@link #MAX_DEPTH}. What differs only in bytes
 * (field order, packed or not, explicit defaults, longer varints) passes: every reader gets the same values.
 */
final class WireCheck {

    /** Well below the decoder's limit (100), so that bytes passing here never reach it. */
    static final int MAX_DEPTH = 64;
    /** Attribute lists longer than this are left to the decoder (the duplicate check is quadratic). */
    static final int MAX_CHECKED_KEYS = 128;

    // what a field holds
    private static final byte UNKNOWN = 0;
    private static final byte MESSAGE = 1;
    private static final byte STRING = 2;
    private static final byte BYTES = 3;
    private static final byte TRACE_ID = 4;
    private static final byte SPAN_ID = 5;
    private static final byte VARINT = 6;
    private static final byte ENUM = 7;
    private static final byte FIXED64 = 8;
    private static final byte FIXED32 = 9;
    private static final byte REPEATED_FIXED64 = 10;
    private static final byte REPEATED_VARINT = 11;
    private static final byte ATTRIBUTE = 12;

    // what a message field counts as
    private static final byte NO_ROLE = 0;
    private static final byte RESOURCE = 1;
    private static final byte ITEM = 2;
    private static final byte CONTAINER = 3;
    /** A member of Metric's data oneof: at most one per metric. */
    private static final byte DATA = 4;

    /** One message type: per field number, its kind, and for messages the type, role and whether it repeats. */
    static final class Schema {
        byte[] kinds = new byte[0];
        Schema[] types = new Schema[0];
        byte[] roles = new byte[0];
        boolean[] repeated = new boolean[0];
        int[] enumMax = new int[0];

        Schema field(int number, byte kind) {
            grow(number);
            kinds[number] = kind;
            return this;
        }

        Schema enumField(int number, int max) {
            field(number, ENUM);
            enumMax[number] = max;
            return this;
        }

        Schema message(int number, Schema type, boolean repeats, byte role) {
            field(number, MESSAGE);
            types[number] = type;
            repeated[number] = repeats;
            roles[number] = role;
            return this;
        }

        private void grow(int number) {
            if (number >= kinds.length) {
                kinds = Arrays.copyOf(kinds, number + 1);
                types = Arrays.copyOf(types, number + 1);
                roles = Arrays.copyOf(roles, number + 1);
                repeated = Arrays.copyOf(repeated, number + 1);
                enumMax = Arrays.copyOf(enumMax, number + 1);
            }
        }
    }

    private static final boolean ONE = false;
    private static final boolean MANY = true;

    static final Schema TRACES_REQUEST;
    static final Schema METRICS_REQUEST;
    static final Schema LOGS_REQUEST;
    /** The value of an attribute. */
    private static final Schema ANY_VALUE;

    static {
        Schema anyValue = new Schema();
        Schema keyValue = new Schema().field(1, STRING).message(2, anyValue, ONE, NO_ROLE);
        Schema values = new Schema().message(1, anyValue, MANY, NO_ROLE);
        Schema keyValues = new Schema().message(1, keyValue, MANY, NO_ROLE);
        anyValue.field(1, STRING).field(2, VARINT).field(3, VARINT).field(4, FIXED64)
                .message(5, values, ONE, NO_ROLE).message(6, keyValues, ONE, NO_ROLE).field(7, BYTES);
        ANY_VALUE = anyValue;
        Schema entityRef = new Schema().field(1, STRING).field(2, STRING).field(3, STRING).field(4, STRING);
        Schema resource = new Schema().field(1, ATTRIBUTE).field(2, VARINT).message(3, entityRef, MANY, NO_ROLE);
        Schema scope = new Schema().field(1, STRING).field(2, STRING).field(3, ATTRIBUTE).field(4, VARINT);

        Schema event = new Schema().field(1, FIXED64).field(2, STRING).field(3, ATTRIBUTE).field(4, VARINT);
        Schema link = new Schema().field(1, TRACE_ID).field(2, SPAN_ID).field(3, STRING).field(4, ATTRIBUTE)
                .field(5, VARINT).field(6, FIXED32);
        Schema status = new Schema().field(2, STRING).enumField(3, 2);
        Schema span = new Schema().field(1, TRACE_ID).field(2, SPAN_ID).field(3, STRING).field(4, SPAN_ID)
                .field(5, STRING).enumField(6, 5).field(7, FIXED64).field(8, FIXED64).field(9, ATTRIBUTE)
                .field(10, VARINT).message(11, event, MANY, NO_ROLE).field(12, VARINT)
                .message(13, link, MANY, NO_ROLE).field(14, VARINT).message(15, status, ONE, NO_ROLE)
                .field(16, FIXED32);
        Schema scopeSpans = new Schema().message(1, scope, ONE, NO_ROLE).message(2, span, MANY, ITEM)
                .field(3, STRING);
        Schema resourceSpans = new Schema().message(1, resource, ONE, NO_ROLE)
                .message(2, scopeSpans, MANY, NO_ROLE).field(3, STRING);
        TRACES_REQUEST = new Schema().message(1, resourceSpans, MANY, RESOURCE);

        Schema logRecord = new Schema().field(1, FIXED64).enumField(2, 24).field(3, STRING)
                .message(5, anyValue, ONE, NO_ROLE).field(6, ATTRIBUTE).field(7, VARINT).field(8, FIXED32)
                .field(9, TRACE_ID).field(10, SPAN_ID).field(11, FIXED64).field(12, STRING);
        Schema scopeLogs = new Schema().message(1, scope, ONE, NO_ROLE).message(2, logRecord, MANY, ITEM)
                .field(3, STRING);
        Schema resourceLogs = new Schema().message(1, resource, ONE, NO_ROLE)
                .message(2, scopeLogs, MANY, NO_ROLE).field(3, STRING);
        LOGS_REQUEST = new Schema().message(1, resourceLogs, MANY, RESOURCE);

        Schema exemplar = new Schema().field(2, FIXED64).field(3, FIXED64).field(4, SPAN_ID).field(5, TRACE_ID)
                .field(6, FIXED64).field(7, ATTRIBUTE);
        Schema numberPoint = new Schema().field(2, FIXED64).field(3, FIXED64).field(4, FIXED64)
                .message(5, exemplar, MANY, NO_ROLE).field(6, FIXED64).field(7, ATTRIBUTE).field(8, VARINT);
        Schema histogramPoint = new Schema().field(2, FIXED64).field(3, FIXED64).field(4, FIXED64)
                .field(5, FIXED64).field(6, REPEATED_FIXED64).field(7, REPEATED_FIXED64)
                .message(8, exemplar, MANY, NO_ROLE).field(9, ATTRIBUTE).field(10, VARINT).field(11, FIXED64)
                .field(12, FIXED64);
        Schema buckets = new Schema().field(1, VARINT).field(2, REPEATED_VARINT);
        Schema exponentialPoint = new Schema().field(1, ATTRIBUTE).field(2, FIXED64).field(3, FIXED64)
                .field(4, FIXED64).field(5, FIXED64).field(6, VARINT).field(7, FIXED64)
                .message(8, buckets, ONE, NO_ROLE).message(9, buckets, ONE, NO_ROLE).field(10, VARINT)
                .message(11, exemplar, MANY, NO_ROLE).field(12, FIXED64).field(13, FIXED64).field(14, FIXED64);
        Schema quantile = new Schema().field(1, FIXED64).field(2, FIXED64);
        Schema summaryPoint = new Schema().field(2, FIXED64).field(3, FIXED64).field(4, FIXED64)
                .field(5, FIXED64).message(6, quantile, MANY, NO_ROLE).field(7, ATTRIBUTE).field(8, VARINT);
        Schema gauge = new Schema().message(1, numberPoint, MANY, ITEM);
        Schema sum = new Schema().message(1, numberPoint, MANY, ITEM).enumField(2, 2).field(3, VARINT);
        Schema histogram = new Schema().message(1, histogramPoint, MANY, ITEM).enumField(2, 2);
        Schema exponentialHistogram = new Schema().message(1, exponentialPoint, MANY, ITEM).enumField(2, 2);
        Schema summary = new Schema().message(1, summaryPoint, MANY, ITEM);
        Schema metric = new Schema().field(1, STRING).field(2, STRING).field(3, STRING)
                .message(5, gauge, ONE, DATA).message(7, sum, ONE, DATA).message(9, histogram, ONE, DATA)
                .message(10, exponentialHistogram, ONE, DATA).message(11, summary, ONE, DATA)
                .field(12, ATTRIBUTE);
        Schema scopeMetrics = new Schema().message(1, scope, ONE, NO_ROLE).message(2, metric, MANY, CONTAINER)
                .field(3, STRING);
        Schema resourceMetrics = new Schema().message(1, resource, ONE, NO_ROLE)
                .message(2, scopeMetrics, MANY, NO_ROLE).field(3, STRING);
        METRICS_REQUEST = new Schema().message(1, resourceMetrics, MANY, RESOURCE);
    }

    private final byte[] buf;
    private int pos;
    int resources;
    int items;
    int containers;
    // attribute keys of the lists being read, as (offset, length); each message forgets its own on the way out
    private int[] keyOffsets = new int[16];
    private int[] keyLengths = new int[16];
    private int keyCount;

    private WireCheck(byte[] buf, int offset) {
        this.buf = buf;
        this.pos = offset;
    }

    /** The counts of {@code length} bytes at {@code offset} if they pass (see the class comment), else null. */
    static WireCheck check(Schema request, byte[] bytes, int offset, int length) {
        WireCheck check = new WireCheck(bytes, offset);
        return check.message(request, offset + length, 0) ? check : null;
    }

    /** Reads the fields of one message up to {@code end}; false as soon as something does not pass. */
    private boolean message(Schema schema, int end, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        int keyBase = keyCount;
        long singularSeen = 0;
        boolean dataSeen = false;
        byte[] kinds = schema.kinds;
        while (pos < end) {
            int tag = tag(end);
            int field = tag >>> 3;
            int wire = tag & 7;
            if (field <= 0 || field >= kinds.length) {
                return false;
            }
            switch (kinds[field]) {
                case MESSAGE -> {
                    int length = length(wire, end);
                    if (length < 0) {
                        return false;
                    }
                    if (!schema.repeated[field]) {
                        long bit = 1L << field;
                        if ((singularSeen & bit) != 0) {
                            return false;
                        }
                        singularSeen |= bit;
                    }
                    switch (schema.roles[field]) {
                        case RESOURCE -> resources++;
                        case ITEM -> items++;
                        case CONTAINER -> containers++;
                        case DATA -> {
                            if (dataSeen) {
                                return false;
                            }
                            dataSeen = true;
                        }
                        default -> {
                        }
                    }
                    if (!message(schema.types[field], pos + length, depth + 1)) {
                        return false;
                    }
                }
                case ATTRIBUTE -> {
                    int length = length(wire, end);
                    if (length < 0 || !attribute(pos + length, depth + 1, keyBase)) {
                        return false;
                    }
                }
                case STRING -> {
                    int length = length(wire, end);
                    if (length < 0 || !Utf8Check.isValid(buf, pos, length)) {
                        return false;
                    }
                    pos += length;
                }
                case BYTES -> {
                    int length = length(wire, end);
                    if (length < 0) {
                        return false;
                    }
                    pos += length;
                }
                case TRACE_ID, SPAN_ID -> {
                    int length = length(wire, end);
                    int idLength = kinds[field] == TRACE_ID ? 16 : 8;
                    if (length != 0 && (length != idLength || isAllZero(pos, length))) {
                        return false;
                    }
                    pos += length;
                }
                case VARINT -> {
                    if (wire != ProtoReader.VARINT) {
                        return false;
                    }
                    varint(end);
                }
                case ENUM -> {
                    if (wire != ProtoReader.VARINT) {
                        return false;
                    }
                    long number = varint(end);
                    if (pos < 0 || (int) number < 0 || (int) number > schema.enumMax[field]) {
                        return false;
                    }
                }
                case FIXED64 -> {
                    if (wire != ProtoReader.FIXED64 || !skip(8, end)) {
                        return false;
                    }
                }
                case FIXED32 -> {
                    if (wire != ProtoReader.FIXED32 || !skip(4, end)) {
                        return false;
                    }
                }
                case REPEATED_FIXED64 -> {
                    if (wire == ProtoReader.FIXED64) {
                        if (!skip(8, end)) {
                            return false;
                        }
                    } else {
                        int length = length(wire, end);
                        if (length < 0 || length % 8 != 0) {
                            return false;
                        }
                        pos += length;
                    }
                }
                case REPEATED_VARINT -> {
                    if (wire == ProtoReader.VARINT) {
                        varint(end);
                    } else {
                        int length = length(wire, end);
                        if (length < 0) {
                            return false;
                        }
                        int packedEnd = pos + length;
                        while (pos >= 0 && pos < packedEnd) {
                            varint(packedEnd);
                        }
                    }
                    if (pos < 0) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
            if (pos < 0) {
                return false;
            }
        }
        keyCount = keyBase;
        return pos == end;
    }

    /**
     * One {@code KeyValue} of an attribute list: the key must be valid UTF-8 and new in the list that starts at
     * {@code listStart} in the key table.
     */
    private boolean attribute(int end, int depth, int listStart) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        int keyOffset = pos;
        int keyLength = 0;
        boolean valueSeen = false;
        while (pos < end) {
            int tag = tag(end);
            if (tag == (1 << 3 | ProtoReader.LEN)) {
                int length = length(ProtoReader.LEN, end);
                if (length < 0 || !Utf8Check.isValid(buf, pos, length)) {
                    return false;
                }
                keyOffset = pos;
                keyLength = length;
                pos += length;
            } else if (tag == (2 << 3 | ProtoReader.LEN) && !valueSeen) {
                valueSeen = true;
                int length = length(ProtoReader.LEN, end);
                if (length < 0 || !message(ANY_VALUE, pos + length, depth + 1)) {
                    return false;
                }
            } else {
                return false;
            }
        }
        if (pos != end || keyCount - listStart >= MAX_CHECKED_KEYS) {
            return false;
        }
        for (int i = listStart; i < keyCount; i++) {
            if (keyLengths[i] == keyLength
                    && Arrays.equals(buf, keyOffsets[i], keyOffsets[i] + keyLength, buf, keyOffset, keyOffset + keyLength)) {
                return false;
            }
        }
        if (keyCount == keyOffsets.length) {
            keyOffsets = Arrays.copyOf(keyOffsets, keyCount * 2);
            keyLengths = Arrays.copyOf(keyLengths, keyCount * 2);
        }
        keyOffsets[keyCount] = keyOffset;
        keyLengths[keyCount] = keyLength;
        keyCount++;
        return true;
    }

    // ---- wire primitives: on malformed input they set pos to -1 (tag/length/varint) or return false

    /** A tag as an int; a tag that does not fit 32 bits or is malformed gives 0 (which never passes). */
    private int tag(int end) {
        if (pos < end && buf[pos] >= 0) {
            return buf[pos++]; // fields 1 to 15: one byte
        }
        long tag = varint(end);
        return pos < 0 || tag >>> 32 != 0 ? 0 : (int) tag;
    }

    /** The length of a length-delimited field that fits before {@code end}, or -1. */
    private int length(int wire, int end) {
        if (wire != ProtoReader.LEN) {
            return -1;
        }
        if (pos < end && buf[pos] >= 0) {
            int length = buf[pos++]; // below 128: one byte
            if (length > end - pos) {
                pos = -1;
                return -1;
            }
            return length;
        }
        long length = varint(end);
        if (pos < 0 || length < 0 || length > end - pos) {
            pos = -1;
            return -1;
        }
        return (int) length;
    }

    /** A varint of at most 10 bytes ending before {@code end}; on failure pos becomes -1. */
    private long varint(int end) {
        long value = 0;
        for (int shift = 0, at = pos; shift < 70; shift += 7) {
            if (at >= end) {
                break;
            }
            byte b = buf[at++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                pos = at;
                return value;
            }
        }
        pos = -1;
        return 0;
    }

    private boolean skip(int count, int end) {
        if (end - pos < count) {
            return false;
        }
        pos += count;
        return true;
    }

    private boolean isAllZero(int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (buf[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
