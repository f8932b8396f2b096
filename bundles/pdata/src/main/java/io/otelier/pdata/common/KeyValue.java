package io.otelier.pdata.common;

import java.util.Objects;

/** A key and its value, as in OTLP's {@code KeyValue}; immutable. */
public record KeyValue(String key, AnyValue value) {

    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public static KeyValue of(String key, AnyValue value) {
        return new KeyValue(key, value);
    }

    public static KeyValue of(String key, String value) {
        return new KeyValue(key, AnyValue.of(value));
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
