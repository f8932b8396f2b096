package io.otelier.pdata.trace;

/** A span status code: OTLP's {@code Status.StatusCode}. */
public enum StatusCode {
    UNSET(0),
    OK(1),
    ERROR(2);

    private static final StatusCode[] BY_NUMBER = new StatusCode[3];

    static {
        for (StatusCode value : values()) {
            BY_NUMBER[value.number] = value;
        }
    }

    private final int number;

    StatusCode(int number) {
        this.number = number;
    }

    /** The OTLP enum number. */
    public int number() {
        return number;
    }

    /** The constant with this OTLP number; an unknown number is read as UNSET. */
    public static StatusCode fromNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : UNSET;
    }
}
