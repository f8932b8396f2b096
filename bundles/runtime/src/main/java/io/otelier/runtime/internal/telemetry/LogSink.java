package io.otelier.runtime.internal.telemetry;

import io.otelier.api.telemetry.Level;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Where the lines of one logger tree go: its level, encoding, clock and stream. Shared by every {@code with} child. */
final class LogSink {

    final Level level;
    final LogEncoding encoding;
    private final Clock clock;
    private final PrintStream out;

    LogSink(Level level, LogEncoding encoding, Clock clock, PrintStream out) {
        this.level = level;
        this.encoding = encoding;
        this.clock = clock;
        this.out = out;
    }

    boolean isEnabled(Level l) {
        return l != null && l.ordinal() >= level.ordinal();
    }

    String now() {
        return Logging.timestamp(clock.instant());
    }

    /** One write per line, under the stream's own lock, so lines from several threads never interleave. */
    void write(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes, 0, bytes.length);
            out.flush();
        }
    }
}
