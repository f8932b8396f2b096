package io.otelier.tests.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A collector of the contrib distribution (bin/otelcol-contrib) run as a process, output captured to files. */
final class ContribCollector implements AutoCloseable {

    final Process process;
    final Path stdout;
    final Path stderr;

    private ContribCollector(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The contrib distribution folder: -Dotelier.contribDist, else beside the core one. */
    static Path distribution() {
        String explicit = System.getProperty("otelier.contribDist");
        if (explicit != null) {
            return Paths.get(explicit).toAbsolutePath().normalize();
        }
        Path core = Paths.get(System.getProperty("otelier.dist")).toAbsolutePath().normalize();
        return core.getParent().getParent().getParent().resolve("contrib/target/otelcol-contrib");
    }

    static ContribCollector start(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(distribution().resolve("bin/otelcol-contrib").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OTELIER_HEAP", "256m");
        return new ContribCollector(pb.start(), out, err);
    }

    String all() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** The last {@code chars} characters of the output, for assertion messages. */
    String tail(int chars) throws IOException {
        String all = all();
        return all.substring(Math.max(0, all.length() - chars));
    }

    void awaitOutput(String regex, Duration timeout) throws Exception {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (p.matcher(all()).find()) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected /" + regex + "/ in the collector's output; got:\n" + tail(20_000));
    }

    /** Sends SIGTERM and waits for the exit. */
    int terminate(Duration timeout) throws Exception {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("collector did not stop within " + timeout + " after SIGTERM:\n" + tail(20_000));
        }
        return process.exitValue();
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
