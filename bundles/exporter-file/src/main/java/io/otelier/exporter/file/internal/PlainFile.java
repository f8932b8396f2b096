package io.otelier.exporter.file.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The output without rotation: opened at start (truncated unless appending) and buffered like upstream's
 * 4 KiB bufio writer, so small messages reach the file on the flush timer or when the buffer fills.
 */
final class PlainFile implements OutputFile {

    /** Upstream's bufio.Writer default size. */
    static final int BUFFER_SIZE = 4096;

    private final OutputStream out;

    PlainFile(Path path, boolean append) throws IOException {
        OutputStream raw = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        this.out = new BufferedOutputStream(raw, BUFFER_SIZE);
    }

    @Override
    public void write(byte[] record) throws IOException {
        out.write(record);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public boolean buffered() {
        return true;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
