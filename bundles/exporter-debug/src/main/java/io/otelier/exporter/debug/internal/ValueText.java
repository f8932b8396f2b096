package io.otelier.exporter.debug.internal;

import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;

/** Ids and values as upstream's pdata prints them. */
final class ValueText {

    private ValueText() {
    }

    /** pcommon.TraceID.String(): lower-case hex, or "" for the all-zero (unset) id. */
    static String id(TraceId id) {
        return id.isEmpty() ? "" : id.toHex();
    }

    /** pcommon.SpanID.String(): lower-case hex, or "" for the all-zero (unset) id. */
    static String id(SpanId id) {
        return id.isEmpty() ? "" : id.toHex();
    }

    /** The detailed form {@code Type(value)}, e.g. Str(GET), Int(500), Map({"a":1}). */
    static String typed(AnyValue value) {
        return typeName(value.type()) + "(" + value.asString() + ")";
    }

    /** pcommon.ValueType.String(). */
    static String typeName(AnyValue.Type type) {
        return switch (type) {
            case EMPTY -> "Empty";
            case STRING -> "Str";
            case BOOL -> "Bool";
            case INT -> "Int";
            case DOUBLE -> "Double";
            case BYTES -> "Bytes";
            case ARRAY -> "Slice";
            case KVLIST -> "Map";
        };
    }
}
