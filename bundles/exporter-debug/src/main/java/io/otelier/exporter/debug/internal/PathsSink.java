package io.otelier.exporter.debug.internal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code use_internal_logger: false}: entries go to every one of {@code output_paths}, like upstream's own zap
 * logger: "stdout" and "stderr" are the standard streams, anything else a file (a path or a {@code file:} URI)
 * opened for appending and created if missing; its folder must exist.
 */
final class PathsSink implements DebugSink {

    private final List<String> paths;
    private final Supplier<PrintStream> stdout;
    private final Supplier<PrintStream> stderr;
    private final List<PrintStream> targets = new ArrayList<>();
    private final List<PrintStream> files = new ArrayList<>();

    PathsSink(List<String> paths, Supplier<PrintStream> stdout, Supplier<PrintStream> stderr) {
        this.paths = List.copyOf(paths);
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public synchronized void open() throws IOException {
        try {
            for (String path : paths) {
                targets.add(switch (path) {
                    case "stdout" -> stdout.get();
                    case "stderr" -> stderr.get();
                    default -> openFile(path);
                });
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private PrintStream openFile(String path) throws IOException {
        try {
            Path file = path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
            PrintStream stream = new PrintStream(new FileOutputStream(file.toFile(), true), false,
                    StandardCharsets.UTF_8);
            files.add(stream);
            return stream;
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot open output path \"" + path + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void write(String entry) {
        String text = entry + "\n";
        for (PrintStream target : targets) {
            target.print(text);
            target.flush();
        }
    }

    @Override
    public synchronized void close() {
        targets.forEach(PrintStream::flush);
        files.forEach(PrintStream::close);
        targets.clear();
        files.clear();
    }
}
