package io.otelier.tests.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collector for hot-swap tests: a private copy of the distribution (deploy/ is changed by the tests), its own
 * discovery folder (XDG_RUNTIME_DIR), and the admin endpoint read from the discovery file it writes.
 */
final class HotSwapCollector implements AutoCloseable {

    final Path home;
    final Path runtimeDir;
    final Process process;
    final Path stderr;
    final Path stdout;
    private String endpoint;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();

    private HotSwapCollector(Path home, Path runtimeDir, Process process, Path stdout, Path stderr) {
        this.home = home;
        this.runtimeDir = runtimeDir;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Copies the distribution to {@code work}/dist and starts it with {@code config}. */
    static HotSwapCollector start(Path distribution, Path work, Path config) throws Exception {
        Path home = work.resolve("dist");
        copyTree(distribution, home);
        Path runtimeDir = Files.createDirectories(work.resolve("run"));
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/otelcol").toString(), "--config", config.toString())
                .directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OTELIER_HEAP", "256m");
        pb.environment().put("XDG_RUNTIME_DIR", runtimeDir.toString());
        HotSwapCollector c = new HotSwapCollector(home, runtimeDir, pb.start(), out, err);
        c.awaitLog("Everything is ready", 1, Duration.ofSeconds(60));
        c.readDiscovery();
        return c;
    }

    private void readDiscovery() throws IOException {
        Path file = runtimeDir.resolve("otelier").resolve(process.pid() + ".json");
        String json = Files.readString(file);
        endpoint = field(json, "endpoint");
        token = Files.readString(Path.of(field(json, "token_file"))).strip();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** An admin call; returns status and body. */
    HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + endpoint + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Runs {@code bin/otelcol args…} as a second process (the CLI), with this collector's discovery folder. */
    CliResult cli(String... args) throws Exception {
        return cli(home, runtimeDir, args);
    }

    static CliResult cli(Path home, Path runtimeDir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/otelcol").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("XDG_RUNTIME_DIR", runtimeDir.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("otelcol " + String.join(" ", args) + " did not finish");
        }
        return new CliResult(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    record CliResult(int exit, String out, String err) {
    }

    String log() throws IOException {
        return Files.readString(stderr) + Files.readString(stdout);
    }

    void awaitLog(String regex, int times, Duration timeout) throws Exception {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (CollectorProcess.count(p, log()) >= times) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + times + "× /" + regex + "/ in the collector's output; got:\n" + log());
    }

    /** Waits until a rebuild after a bundle change is done: no pipeline waits or starts. */
    void awaitPipelinesOk() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = admin("GET", "/v1/pipelines", "").body();
            if (!body.isBlank() && body.lines().allMatch(l -> l.endsWith(": OK"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("pipelines did not come back: " + body);
    }

    /** Runs jcmd against the collector. */
    String jcmd(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(process.pid()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                    target.toFile().setExecutable(p.toFile().canExecute());
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
