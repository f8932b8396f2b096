package io.otelier.pdata.trace;

/** The kind of a span: OTLP's {@code Span.SpanKind}. */
public enum SpanKind {
    UNSPECIFIED(0),
    INTERNAL(1),
    SERVER(2),
    CLIENT(3),
    PRODUCER(4),
    CONSUMER(5);

    private static final SpanKind[] BY_NUMBER = new SpanKind[6];

    static {
        for (SpanKind value : values()) {
            BY_NUMBER[value.number] = value;
        }
    }

    private final int number;

    SpanKind(int number) {
        this.number = number;
    }

    /** The OTLP enum number. */
    public int number() {
        return number;
    }

    /** The constant with this OTLP number; an unknown number (from a newer protocol version) is read as UNSPECIFIED. */
    public static SpanKind fromNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : UNSPECIFIED;
    }
}
