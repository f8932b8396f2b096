package io.otelier.builder.output;

import io.otelier.builder.BuildException;
import io.otelier.builder.manifest.ComponentKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs a freshly built distribution's launcher on the builder's own JVM, to see what the distribution really
 * registers ({@code components}) and whether a config is valid for it ({@code validate}). Each run is one
 * short-lived JVM starting the framework (about half a second).
 */
public final class DistributionRun {

    private static final long TIMEOUT_SECONDS = 120;
    private static final long READY_POLL_MILLIS = 20;
    /** The runtime's line once every pipeline has started. */
    static final String READY = "Everything is ready.";
    /** How much of a failed run's output a problem quotes. */
    private static final int QUOTED_LINES = 20;

    private final Path launcher;
    private final Path javaHome;

    public DistributionRun(Path distribution, String name, Path javaHome) {
        this.launcher = distribution.resolve("bin").resolve(name);
        this.javaHome = javaHome;
    }

    /** What {@code <name> components} prints, parsed. */
    public List<Listing> components() throws BuildException {
        Result r = run("components");
        if (r.status() != 0) {
            throw new BuildException("the built distribution does not start: " + launcher.getFileName()
                    + " components exited with " + r.status() + ":\n" + r.stderr().strip());
        }
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r.stdout());
        } catch (RuntimeException e) {
            throw new BuildException("cannot read the output of " + launcher.getFileName() + " components: "
                    + e.getMessage() + "\n" + r.stdout());
        }
        List<Listing> out = new ArrayList<>();
        if (!(doc instanceof Map<?, ?> sections)) {
            throw new BuildException("unexpected output of " + launcher.getFileName() + " components:\n" + r.stdout());
        }
        for (ComponentKind kind : ComponentKind.values()) {
            if (sections.get(kind.section()) instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> m) {
                        Map<String, String> stability = new LinkedHashMap<>();
                        if (m.get("stability") instanceof Map<?, ?> s) {
                            s.forEach((k, v) -> stability.put(String.valueOf(k), String.valueOf(v)));
                        }
                        out.add(new Listing(kind, String.valueOf(m.get("name")), String.valueOf(m.get("module")),
                                stability));
                    }
                }
            }
        }
        return out;
    }

    /** Empty when {@code config} is valid for this distribution, else the collector's error. */
    public String validate(Path config) throws BuildException {
        Result r = run("validate", "--config", config.toString());
        return r.status() == 0 ? "" : (r.stderr() + r.stdout()).strip();
    }

    /**
     * Runs {@code validate} of {@code config} ({@code components} when null) with the JVM writing the classes it
     * loaded to {@code archive} as it exits (see {@link ClassArchive}). Empty when the run succeeded.
     */
    Optional<String> archiveClasses(Path archive, Path config) throws BuildException {
        String[] args = config == null ? new String[] {"components"}
                : new String[] {"validate", "--config", config.toString()};
        Result r = run(archiving(archive), null, args);
        return r.status() == 0 ? Optional.empty()
                : Optional.of(String.join(" ", args) + " exited with " + r.status() + ": " + lastLines(r));
    }

    /**
     * Starts the collector with {@code config}, stops it (SIGTERM, a graceful stop) once it logs that it is
     * ready, and has the JVM write the classes that start loaded to {@code archive} as it exits. Empty when it
     * became ready and stopped cleanly.
     */
    Optional<String> archiveStart(Path archive, Path config) throws BuildException {
        Result r = run(archiving(archive), READY, "--config", config.toString());
        if (!r.ready()) {
            return Optional.of("--config " + config + " did not become ready: " + lastLines(r));
        }
        return r.status() == 0 ? Optional.empty()
                : Optional.of("--config " + config + " exited with " + r.status() + " when stopped: " + lastLines(r));
    }

    /** The end of a run's output: a collector that ran for a while has logged much more than the cause. */
    private static String lastLines(Result r) {
        List<String> lines = (r.stderr() + r.stdout()).strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - QUOTED_LINES), lines.size()));
    }

    private static Map<String, String> archiving(Path archive) {
        // the archive's own warnings (classes it leaves out) are noise here; the file is what counts
        return Map.of("JAVA_OPTS", "-XX:ArchiveClassesAtExit=" + archive + " -Xlog:cds=off,cds+dynamic=off");
    }

    private record Result(int status, String stdout, String stderr, boolean ready) {
    }

    private Result run(String... args) throws BuildException {
        return run(Map.of(), null, args);
    }

    /** Runs the launcher to its end, or, with {@code readyLine}, until it prints that line and then stops it. */
    private Result run(Map<String, String> env, String readyLine, String... args) throws BuildException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("otelier-builder-", ".out");
            err = Files.createTempFile("otelier-builder-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .directory(launcher.getParent().getParent().toFile());
            pb.environment().put("JAVA_HOME", javaHome.toString());
            pb.environment().put("OTELIER_HEAP", "128m");
            pb.environment().remove("JAVA_OPTS");
            pb.environment().putAll(env);
            Process p = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            boolean ready = false;
            if (readyLine != null) {
                while (!p.waitFor(READY_POLL_MILLIS, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                    if (Files.readString(err, StandardCharsets.UTF_8).contains(readyLine)
                            || Files.readString(out, StandardCharsets.UTF_8).contains(readyLine)) {
                        ready = true;
                        p.destroy();
                        break;
                    }
                }
            }
            if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
                throw new BuildException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS
                        + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), ready);
        } catch (IOException e) {
            throw new BuildException("cannot run " + launcher + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException("interrupted while running " + launcher, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
