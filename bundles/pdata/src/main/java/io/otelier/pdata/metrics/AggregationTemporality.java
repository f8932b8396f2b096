package io.otelier.pdata.metrics;

/** How a sum or histogram aggregates over time: OTLP's {@code AggregationTemporality}. */
public enum AggregationTemporality {
    UNSPECIFIED(0),
    DELTA(1),
    CUMULATIVE(2);

    private static final AggregationTemporality[] BY_NUMBER = new AggregationTemporality[3];

    static {
        for (AggregationTemporality value : values()) {
            BY_NUMBER[value.number] = value;
        }
    }

    private final int number;

    AggregationTemporality(int number) {
        this.number = number;
    }

    /** The OTLP enum number. */
    public int number() {
        return number;
    }

    /** The constant with this OTLP number; an unknown number (from a newer protocol version) is read as UNSPECIFIED. */
    public static AggregationTemporality fromNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : UNSPECIFIED;
    }
}
