package io.otelier.pdata.logs;

/** The severity of a log record: OTLP's {@code SeverityNumber}. */
public enum SeverityNumber {
    UNSPECIFIED(0),
    TRACE(1),
    TRACE2(2),
    TRACE3(3),
    TRACE4(4),
    DEBUG(5),
    DEBUG2(6),
    DEBUG3(7),
    DEBUG4(8),
    INFO(9),
    INFO2(10),
    INFO3(11),
    INFO4(12),
    WARN(13),
    WARN2(14),
    WARN3(15),
    WARN4(16),
    ERROR(17),
    ERROR2(18),
    ERROR3(19),
    ERROR4(20),
    FATAL(21),
    FATAL2(22),
    FATAL3(23),
    FATAL4(24);

    private static final SeverityNumber[] BY_NUMBER = new SeverityNumber[25];

    static {
        for (SeverityNumber value : values()) {
            BY_NUMBER[value.number] = value;
        }
    }

    private final int number;

    SeverityNumber(int number) {
        this.number = number;
    }

    /** The OTLP enum number. */
    public int number() {
        return number;
    }

    /** The constant with this OTLP number; an unknown number (from a newer protocol version) is read as UNSPECIFIED. */
    public static SeverityNumber fromNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : UNSPECIFIED;
    }
}
