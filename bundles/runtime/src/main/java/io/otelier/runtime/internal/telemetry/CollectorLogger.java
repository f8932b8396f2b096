package io.otelier.runtime.internal.telemetry;

import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.Logger;

/**
 * The collector's structured logger (upstream: zap). Lines are built completely before one write, so it is safe
 * from any thread; a disabled level costs one comparison. An error adds an {@code error} field with its message;
 * its stack trace is printed only when the logger runs at debug level. It never throws to its caller: a value
 * whose {@code toString()} fails still yields a line, without its fields.
 */
public final class CollectorLogger implements Logger {

    private final LogSink sink;
    /** The {@code with(...)} fields, rendered once in the sink's encoding. */
    private final String context;

    CollectorLogger(LogSink sink, String context) {
        this.sink = sink;
        this.context = context;
    }

    /** The minimum level this logger writes. */
    public Level level() {
        return sink.level;
    }

    @Override
    public boolean isEnabled(Level level) {
        return sink.isEnabled(level);
    }

    @Override
    public void log(Level level, String message, Throwable error, Object... fields) {
        if (!sink.isEnabled(level)) {
            return;
        }
        String timestamp = sink.now();
        String text = message == null ? "" : message;
        try {
            sink.write(sink.encoding.encode(timestamp, level, text, context, error, sink.level == Level.DEBUG,
                    fields));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            writeWithoutFields(timestamp, level, text, e);
        }
    }

    @Override
    public CollectorLogger with(Object... fields) {
        if (fields == null || fields.length == 0) {
            return this;
        }
        try {
            return new CollectorLogger(sink, sink.encoding.renderContext(context, fields));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return new CollectorLogger(sink, sink.encoding.renderContext(context,
                    new Object[] {"logger_error", "with(...) fields could not be rendered: " + e}));
        }
    }

    private void writeWithoutFields(String timestamp, Level level, String message, Throwable failure) {
        try {
            sink.write(sink.encoding.encode(timestamp, level, message, "", null, false,
                    new Object[] {"logger_error", "fields could not be rendered: " + failure}));
        } catch (RuntimeException | LinkageError | StackOverflowError ignored) {
            // Nothing left to report to: logging must not fail the caller.
        }
    }
}
