package io.otelier.pdata.common;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An OTLP {@code AnyValue}: immutable, so it can be shared freely between trees and threads. Create values with
 * the {@code of…} factories; read them with the accessor matching {@link #type()} (the others throw
 * {@link IllegalStateException}).
 */
public sealed interface AnyValue
        permits AnyValue.EmptyValue, AnyValue.StringValue, AnyValue.BoolValue, AnyValue.IntValue,
        AnyValue.DoubleValue, AnyValue.BytesValue, AnyValue.ArrayValue, AnyValue.KvListValue {

    /** The kinds of value; OTLP's oneof plus EMPTY for an unset value. */
    enum Type { EMPTY, STRING, BOOL, INT, DOUBLE, BYTES, ARRAY, KVLIST }

    static AnyValue empty() {
        return EmptyValue.INSTANCE;
    }

    static AnyValue of(String value) {
        return new StringValue(value);
    }

    static AnyValue of(boolean value) {
        return value ? BoolValue.TRUE : BoolValue.FALSE;
    }

    static AnyValue of(long value) {
        return new IntValue(value);
    }

    static AnyValue of(double value) {
        return new DoubleValue(value);
    }

    /** The bytes are copied. */
    static AnyValue ofBytes(byte[] value) {
        return new BytesValue(value.clone());
    }

    /** The list is copied. */
    static AnyValue ofArray(List<AnyValue> values) {
        return new ArrayValue(values);
    }

    static AnyValue ofArray(AnyValue... values) {
        return new ArrayValue(List.of(values));
    }

    /** The list is copied; keys may repeat, as on the wire. */
    static AnyValue ofKvList(List<KeyValue> values) {
        return new KvListValue(values);
    }

    static AnyValue ofKvList(KeyValue... values) {
        return new KvListValue(List.of(values));
    }

    Type type();

    /**
     * The value as text, like upstream's {@code pcommon.Value.AsString}: strings as they are, numbers and
     * booleans printed as Go prints them, bytes in base64, arrays and kvlists as JSON (kvlist keys sorted),
     * empty as "".
     */
    String asString();

    default String stringValue() {
        throw wrongType(this, Type.STRING);
    }

    default boolean boolValue() {
        throw wrongType(this, Type.BOOL);
    }

    default long intValue() {
        throw wrongType(this, Type.INT);
    }

    default double doubleValue() {
        throw wrongType(this, Type.DOUBLE);
    }

    /** A copy of the bytes. */
    default byte[] bytesValue() {
        throw wrongType(this, Type.BYTES);
    }

    /** Unmodifiable. */
    default List<AnyValue> arrayValue() {
        throw wrongType(this, Type.ARRAY);
    }

    /** Unmodifiable. */
    default List<KeyValue> kvListValue() {
        throw wrongType(this, Type.KVLIST);
    }

    private static IllegalStateException wrongType(AnyValue value, Type wanted) {
        return new IllegalStateException("value is " + value.type() + ", not " + wanted);
    }

    /** The unset value. */
    enum EmptyValue implements AnyValue {
        INSTANCE;

        @Override
        public Type type() {
            return Type.EMPTY;
        }

        @Override
        public String asString() {
            return "";
        }

        @Override
        public String toString() {
            return "Empty()";
        }
    }

    record StringValue(String value) implements AnyValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Type type() {
            return Type.STRING;
        }

        @Override
        public String asString() {
            return value;
        }

        @Override
        public String stringValue() {
            return value;
        }

        @Override
        public String toString() {
            return "Str(" + value + ")";
        }
    }

    record BoolValue(boolean value) implements AnyValue {
        static final BoolValue TRUE = new BoolValue(true);
        static final BoolValue FALSE = new BoolValue(false);

        @Override
        public Type type() {
            return Type.BOOL;
        }

        @Override
        public String asString() {
            return value ? "true" : "false";
        }

        @Override
        public boolean boolValue() {
            return value;
        }

        @Override
        public String toString() {
            return "Bool(" + value + ")";
        }
    }

    record IntValue(long value) implements AnyValue {
        @Override
        public Type type() {
            return Type.INT;
        }

        @Override
        public String asString() {
            return Long.toString(value);
        }

        @Override
        public long intValue() {
            return value;
        }

        @Override
        public String toString() {
            return "Int(" + value + ")";
        }
    }

    record DoubleValue(double value) implements AnyValue {
        @Override
        public Type type() {
            return Type.DOUBLE;
        }

        @Override
        public String asString() {
            return GoFormat.doubleAsString(value);
        }

        @Override
        public double doubleValue() {
            return value;
        }

        @Override
        public String toString() {
            return "Double(" + GoFormat.doubleAsString(value) + ")";
        }
    }

    /** Bytes; a final class rather than a record so equality compares content. */
    final class BytesValue implements AnyValue {
        private final byte[] value;

        private BytesValue(byte[] value) {
            this.value = value;
        }

        @Override
        public Type type() {
            return Type.BYTES;
        }

        @Override
        public String asString() {
            return Base64.getEncoder().encodeToString(value);
        }

        @Override
        public byte[] bytesValue() {
            return value.clone();
        }

        /** Number of bytes, without copying them. */
        public int length() {
            return value.length;
        }

        /** One byte, without copying them all. */
        public byte byteAt(int index) {
            return value[index];
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof BytesValue bytes && Arrays.equals(value, bytes.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bytes(" + asString() + ")";
        }
    }

    record ArrayValue(List<AnyValue> values) implements AnyValue {
        public ArrayValue {
            values = List.copyOf(values);
        }

        @Override
        public Type type() {
            return Type.ARRAY;
        }

        @Override
        public String asString() {
            return GoFormat.arrayAsJson(values);
        }

        @Override
        public List<AnyValue> arrayValue() {
            return values;
        }

        @Override
        public String toString() {
            return "Array(" + values + ")";
        }
    }

    record KvListValue(List<KeyValue> values) implements AnyValue {
        public KvListValue {
            values = List.copyOf(values);
        }

        @Override
        public Type type() {
            return Type.KVLIST;
        }

        @Override
        public String asString() {
            return GoFormat.kvListAsJson(values);
        }

        @Override
        public List<KeyValue> kvListValue() {
            return values;
        }

        @Override
        public String toString() {
            return "KvList(" + values + ")";
        }
    }
}
