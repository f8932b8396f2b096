package io.otelier.runtime.internal.telemetry;

import io.otelier.api.telemetry.Level;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Creates the collector's root logger from service.telemetry.logs (level, encoding). */
public final class Logging {

    /** Valid values of service.telemetry.logs.encoding. */
    public static final List<String> ENCODINGS = List.of("console", "json");

    /** zap's ISO8601TimeEncoder layout, in UTC: 2006-01-02T15:04:05.000Z. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Logging() {
    }

    /**
     * The root logger writing to {@code out}.
     *
     * @param level minimum level; null means info (upstream's default)
     * @param encoding "console" or "json"; null means console (upstream's default)
     * @throws IllegalArgumentException for any other encoding, naming it
     */
    public static CollectorLogger create(Level level, String encoding, PrintStream out) {
        return create(level, encoding, out, Clock.systemUTC());
    }

    /** As {@link #create(Level, String, PrintStream)}, with the clock that stamps each line. */
    public static CollectorLogger create(Level level, String encoding, PrintStream out, Clock clock) {
        LogEncoding parsed = LogEncoding.parse(encoding == null ? "console" : encoding);
        return new CollectorLogger(new LogSink(level == null ? Level.INFO : level, parsed, clock, out), "");
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /**
     * The text of an {@code error} field: the message, followed by causes whose messages it does not already
     * contain (like Go's wrapped errors, "outer: inner"). A throwable without message shows its class name.
     */
    static String errorText(Throwable error) {
        StringBuilder sb = new StringBuilder(message(error));
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && cause != error && depth < 8; depth++, cause = cause.getCause()) {
            String m = message(cause);
            if (sb.indexOf(m) < 0) {
                sb.append(": ").append(m);
            }
        }
        return sb.toString();
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isEmpty() ? t.getClass().getName() : m;
    }
}
