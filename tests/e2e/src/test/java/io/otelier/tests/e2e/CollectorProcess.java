package io.otelier.tests.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A collector started from a distribution folder's bin/otelcol, with its output captured to files. */
final class CollectorProcess implements AutoCloseable {

    final Process process;
    final Path stdout;
    final Path stderr;

    private CollectorProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static CollectorProcess start(Path distribution, Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(distribution.resolve("bin/otelcol").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OTELIER_HEAP", "256m");
        return new CollectorProcess(pb.start(), out, err);
    }

    /** Runs a command to completion (bounded) and returns it. */
    static CollectorProcess run(Path distribution, Path workDir, String... args) throws Exception {
        CollectorProcess p = start(distribution, workDir, args);
        if (!p.process.waitFor(60, TimeUnit.SECONDS)) {
            p.close();
            throw new AssertionError("otelcol " + String.join(" ", args) + " did not finish in 60 s");
        }
        return p;
    }

    String out() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    String all() throws IOException {
        return out() + err();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** Waits until the combined output matches {@code regex} at least {@code times} times. */
    void awaitOutput(String regex, int times, Duration timeout) throws Exception {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(p, all()) >= times) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + times + "× /" + regex + "/ in the collector's output; got:\n" + all());
    }

    static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    /** Sends SIGTERM and waits for the exit. */
    int terminate(Duration timeout) throws Exception {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("collector did not stop within " + timeout + " after SIGTERM:\n" + all());
        }
        return process.exitValue();
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
