package io.otelier.exporter.debug.internal;

import java.io.IOException;

/** Where the exporter's entries go: opened when the exporter starts, closed when it shuts down. */
interface DebugSink {

    default void open() throws IOException {
    }

    /** Whether entries are wanted at all right now; when not, they are neither sampled nor built. */
    default boolean enabled() {
        return true;
    }

    /** Writes one entry (a line or a multi-line dump) and a line end, in one piece. */
    void write(String entry);

    /** Flushes, and closes what {@link #open()} opened. */
    default void close() {
    }
}
