package io.otelier.exporter.debug.internal;

import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.Logger;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * {@code use_internal_logger: true}: entries go to the collector's console (stdout), and only while the
 * collector's logger has info enabled, as upstream's entries are info logs that
 * {@code service::telemetry::logs::level} filters. Unlike upstream they carry no timestamp, level or component
 * fields, so the summary line reads exactly as pinned.
 */
final class ConsoleSink implements DebugSink {

    private final Supplier<PrintStream> console;
    private final Logger logger;

    /** @param console looked up on every write, so a console replaced after startup is honoured */
    ConsoleSink(Supplier<PrintStream> console, Logger logger) {
        this.console = console;
        this.logger = logger;
    }

    @Override
    public boolean enabled() {
        return logger.isEnabled(Level.INFO);
    }

    @Override
    public void write(String entry) {
        PrintStream out = console.get();
        out.print(entry + "\n");
        out.flush();
    }

    @Override
    public void close() {
        console.get().flush();
    }
}
