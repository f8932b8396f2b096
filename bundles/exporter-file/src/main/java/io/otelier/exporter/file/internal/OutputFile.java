package io.otelier.exporter.file.internal;

import java.io.Closeable;
import java.io.IOException;

/** Where framed messages go: a plain file or a rotating one. Callers serialize access. */
interface OutputFile extends Closeable {

    /** Writes one whole record (a message with its framing). */
    void write(byte[] record) throws IOException;

    /** Pushes buffered bytes to the file; a no-op for unbuffered outputs. */
    void flush() throws IOException;

    /** True when {@link #flush()} has something to do, so a flush timer is worth running. */
    boolean buffered();
}
