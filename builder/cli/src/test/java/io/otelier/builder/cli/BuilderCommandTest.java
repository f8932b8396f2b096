package io.otelier.builder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.otelier.builder.BuildRequest;
import io.otelier.builder.BuildResult;
import io.otelier.builder.BuilderVersion;
import io.otelier.builder.DistributionBuilder;
import io.otelier.builder.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builder end to end: a manifest with three of the project's components becomes a distribution that starts
 * and registers exactly those three; a config using a fourth component is rejected by it.
 */
class BuilderCommandTest {

    private static final String V = BuilderVersion.get();
    private static final Path ROOT = Path.of(System.getProperty("otelier.root", "../..")).toAbsolutePath()
            .normalize();

    @TempDir
    Path dir;

    private static MavenFetcher fetcher(Progress progress) {
        return new MavenFetcher(Main.defaultLocalRepository(), List.of(MavenFetcher.CENTRAL), false,
                new ReactorWorkspace(ROOT, V), progress);
    }

    @Test
    void threeComponentsMakeADistributionOfExactlyThoseThree() throws Exception {
        Path manifest = dir.resolve("manifest.yaml");
        Files.writeString(manifest, """
                dist:
                  name: otelcol-three
                  description: Three components
                  version: 2.0.0
                  output_path: ./build/otelcol-three
                receivers:
                  - bundle: io.otelier:receiver-nop:%1$s
                processors:
                  - bundle: io.otelier:processor-batch:%1$s
                exporters:
                  - bundle: io.otelier:exporter-debug:%1$s
                """.formatted(V));
        List<String> steps = new ArrayList<>();
        BuildResult result;
        try (MavenFetcher fetcher = fetcher(Progress.SILENT)) {
            result = DistributionBuilder.shipped().build(new BuildRequest(manifest, null, false, fetcher,
                    new Recording(steps)));
        }
        Path dist = dir.resolve("build/otelcol-three");
        assertThat(result.distribution()).isEqualTo(dist);
        assertThat(result.tarball()).isEqualTo(dir.resolve("build/otelcol-three-2.0.0.tar.gz")).exists();
        assertThat(steps).first().asString().startsWith("Building otelcol-three 2.0.0 from");
        assertThat(steps).last().asString().startsWith("Built otelcol-three 2.0.0 in");
        assertThat(result.components()).extracting(l -> l.kind().singular() + " " + l.name())
                .containsExactly("receiver nop", "processor batch", "exporter debug");
        assertThat(dist.resolve("manifest.yaml")).hasSameTextualContentAs(manifest);
        assertThat(dist.resolve("lib")).isDirectoryContaining("glob:**/launcher-*.jar")
                .isDirectoryContaining("glob:**/org.apache.felix.framework-*.jar");
        assertThat(dist.resolve("bundles")).isDirectoryContaining("glob:**/runtime-*.jar")
                .isDirectoryNotContaining("glob:**/exporter-nop-*.jar");

        // what the distribution itself says, started as a user starts it
        Run components = run(dist.resolve("bin/otelcol-three"), "components");
        assertThat(components.status).as(components.err).isZero();
        assertThat(components.out).startsWith("""
                buildinfo:
                    command: otelcol-three
                    description: Three components
                    version: 2.0.0
                """);
        List<String> names = components.out.lines().filter(l -> l.startsWith("    - name: ")).toList();
        assertThat(names).containsExactly("    - name: nop", "    - name: batch", "    - name: debug");

        // the generated default config validates; a config naming a fourth component does not
        assertThat(run(dist.resolve("bin/otelcol-three"), "validate", "--config",
                dist.resolve("config/config.yaml").toString()).status).isZero();
        Path fourth = Files.writeString(dir.resolve("fourth.yaml"), """
                receivers:
                  nop:
                exporters:
                  nop:
                service:
                  pipelines:
                    traces:
                      receivers: [nop]
                      exporters: [nop]
                """);
        Run invalid = run(dist.resolve("bin/otelcol-three"), "validate", "--config", fourth.toString());
        assertThat(invalid.status).isNotZero();
        assertThat(invalid.err).contains("exporters").contains("unknown type \"nop\"").contains("[debug]");

        classArchiveIsUsedOnlyWhereItFits(dist, result.tarball(), steps);
    }

    /**
     * The class data archive: made for the build's JVM and used by the distribution in its folder; never in the
     * tarball; and a moved, truncated or foreign archive costs only the speed, never the start.
     */
    private void classArchiveIsUsedOnlyWhereItFits(Path dist, Path tarball, List<String> steps) throws Exception {
        Path cds = dist.resolve("lib/cds");
        assertThat(steps).anyMatch(s -> s.startsWith("Archived the classes of a start in lib/cds/"));
        assertThat(cds.resolve("classes.id")).content().contains(
                "jvm=" + System.getProperty("java.runtime.version") + "\n",
                "size=" + Files.size(cds.resolve("classes.jsa")) + "\n");
        assertThat(sharedLauncherClass(dist)).as("the launcher's class comes from the archive").isTrue();

        Process tar = new ProcessBuilder("tar", "-tzf", tarball.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(listing).contains("otelcol-three/lib/launcher-").doesNotContain("lib/cds");

        // moved elsewhere (times kept, as tar and cp -a do): the JVM sees another class path and goes without
        Path moved = dir.resolve("moved");
        Process cp = new ProcessBuilder("cp", "-a", dist.toString(), moved.toString()).inheritIO().start();
        assertThat(cp.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sharedLauncherClass(moved)).isFalse();
        assertQuietStart(moved);

        // another JVM's archive, here bytes no JVM reads: the JVM goes without, quietly
        byte[] archive = Files.readAllBytes(cds.resolve("classes.jsa"));
        Path jsa = cds.resolve("classes.jsa");
        jsa.toFile().setWritable(true);
        Files.write(jsa, new byte[archive.length]);
        assertThat(sharedLauncherClass(dist)).isFalse();
        assertQuietStart(dist);

        // truncated (it would crash the JVM): the launcher leaves it out
        Files.write(jsa, java.util.Arrays.copyOf(archive, archive.length / 2));
        assertQuietStart(dist);

        // the archive deleted, its id kept
        Files.delete(jsa);
        assertQuietStart(dist);
    }

    /** Whether io.otelier.launcher.Main came from the archive in a `components` run. */
    private boolean sharedLauncherClass(Path dist) throws Exception {
        Path log = Files.createTempFile(dir, "classes", ".log");
        Run r = run(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log), dist.resolve("bin/otelcol-three"),
                "components");
        assertThat(r.status).as(r.err).isZero();
        return Files.readString(log).contains("io.otelier.launcher.Main source: shared objects file");
    }

    private static void assertQuietStart(Path dist) throws Exception {
        Run r = run(dist.resolve("bin/otelcol-three"), "components");
        assertThat(r.status).as(r.err).isZero();
        assertThat(r.out).startsWith("buildinfo:");
        assertThat(r.err).isEmpty();
    }

    @Test
    void theCommandLineBuildsAndPrintsProgress() throws Exception {
        // an image too, on a small base tarball (a jlink base takes seconds to make: ImageBuilderTest has one)
        Path base = dir.resolve("base.tar");
        Jib.fromScratch().addFileEntriesLayer(FileEntriesLayer.builder().addEntry(baseFile(),
                AbsoluteUnixPath.get("/base.txt")).build()).containerize(Containerizer.to(TarImage.at(base)
                        .named("base:1")).setApplicationLayersCache(dir.resolve("jib")));
        Path manifest = Files.writeString(dir.resolve("m.yaml"), """
                dist: {name: otelcol-one, output_path: ./one}
                exporters:
                  - bundle: io.otelier:exporter-nop:%s
                image: {name: otelier/otelcol-one:1, base: 'tar://base.tar'}
                """.formatted(V));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)) {
            @Override
            MavenFetcher fetcher(Progress progress) {
                return BuilderCommandTest.fetcher(progress);
            }
        };
        int status = new picocli.CommandLine(main).execute("--config", manifest.toString(), "--output-path",
                dir.resolve("elsewhere").toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Resolved with bnd:", "Packed ",
                "Wrote image otelier/otelcol-one:1 to " + dir.resolve("otelcol-one-image.tar"), "Built otelcol-one");
        assertThat(dir.resolve("elsewhere/bin/otelcol-one")).isExecutable();
        assertThat(dir.resolve("otelcol-one-image.tar")).isNotEmptyFile();
        // no receiver: nothing to make a default config from, which the builder says, and the image has none
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("warning: no default config",
                "warning: the distribution has no config/config.yaml: its image starts without --config");
    }

    @Test
    void usageErrorsAndVersion() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[0], o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--config=FILE'");
        assertThat(Main.run(new String[] {"--version"}, o, e)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("otelier-builder " + V);
    }

    @Test
    void aBuildErrorIsOneLineOnStderr() throws Exception {
        Path manifest = Files.writeString(dir.resolve("m.yaml"), "receivers: [{bundle: 'io.otelier:nope:1'}]\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"--config", manifest.toString(), "--offline"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: receivers[0] (io.otelier:nope:1): "
                + "io.otelier:nope:1 was not found in the local repository ");
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(Path launcher, String... args) throws Exception {
        return run(Map.of(), launcher, args);
    }

    private static Run run(Map<String, String> env, Path launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Recording(List<String> steps) implements Progress {
        @Override
        public void step(String line) {
            steps.add(line);
        }

        @Override
        public void detail(String line) {
        }

        @Override
        public void warning(String line) {
            steps.add("warning: " + line);
        }
    }

    private Path baseFile() throws Exception {
        return Files.writeString(dir.resolve("base.txt"), "a base layer\n");
    }
}
