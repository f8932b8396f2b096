package io.otelier.builder.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.builder.manifest.DistInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherScriptTest {

    @Test
    void buildsInNameDescriptionAndVersionAsShellWords() throws Exception {
        String script = LauncherScript.render(new DistInfo("otelcol-x", "Bob's $HOME collector", "1.2.3",
                Path.of("out")));
        assertThat(script).startsWith("#!/bin/sh\n# Bob's $HOME collector 1.2.3: starts the collector")
                .contains("-Dotelier.dist.command='otelcol-x' \\\n")
                .contains("-Dotelier.dist.description='Bob'\\''s $HOME collector' \\\n")
                .contains("-Dotelier.dist.version='1.2.3' \\\n")
                .contains("-Xmx\"${OTELIER_HEAP:-512m}\"", "$JAVA_OPTS", "exec \"$java\"",
                        "io.otelier.launcher.Main \"$@\"")
                .doesNotContain("@NAME@", "@DESCRIPTION@", "@VERSION@", "@COMMENT@");
    }

    /**
     * Container images carry /bin/sh and nothing else: started by its path, the launcher finds its home with
     * shell built-ins alone (here with an empty PATH and a stand-in java that prints its arguments).
     */
    @Test
    void findsItsHomeWithShellBuiltInsAlone(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("otelcol");
        Path script = launcher(home);
        echoingJava(dir.resolve("jdk"));
        Path link = Files.createSymbolicLink(dir.resolve("otelcol-link"), Path.of("otelcol/bin/otelcol"));

        assertThat(run(dir, Map.of("PATH", "/nonexistent", "JAVA_HOME", dir.resolve("jdk").toString()),
                script.toString(), "validate")).contains("-Dotelier.home=" + home.toRealPath(), "validate");
        // through a symbolic link it reads the link (with ls and sed, which a distribution's host has)
        assertThat(run(dir, Map.of("PATH", System.getenv("PATH"), "JAVA_HOME", dir.resolve("jdk").toString()),
                link.toString(), "components")).contains("-Dotelier.home=" + home.toRealPath(), "components");
    }

    /** Java 24+ gets the flags that allow Unsafe and native access; older JVMs would reject them. */
    @Test
    void addsModernJvmFlagsOnlyFromJava24(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("otelcol");
        Path script = launcher(home);
        Map<String, List<String>> argsByRelease = new java.util.LinkedHashMap<>();
        for (String release : List.of("17.0.15", "21.0.2", "24", "25.0.1", "26-ea", "garbage")) {
            Path jdk = dir.resolve("jdk-" + release);
            echoingJava(jdk);
            Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + release + "\"\n");
            argsByRelease.put(release, run(dir, Map.of("PATH", "/nonexistent", "JAVA_HOME", jdk.toString()),
                    script.toString(), "components"));
        }
        List<String> modern = List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED");
        for (String release : List.of("24", "25.0.1", "26-ea")) {
            assertThat(argsByRelease.get(release)).as(release).containsAll(modern);
        }
        for (String release : List.of("17.0.15", "21.0.2", "garbage")) {
            assertThat(argsByRelease.get(release)).as(release).doesNotContainAnyElementsOf(modern)
                    .contains("components");
        }
    }

    /**
     * The builder's class data archive goes to the JVM only when lib/cds/classes.id names this very JVM and the
     * archive's size (a truncated archive would crash the JVM), and when JAVA_OPTS has no CDS option of its own.
     */
    @Test
    void passesTheClassArchiveOnlyToItsJvmAtItsSize(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("otelcol");
        Path script = launcher(home);
        Path jdk = dir.resolve("jdk");
        echoingJava(jdk);
        Files.writeString(jdk.resolve("release"), "JAVA_RUNTIME_VERSION=\"17.0.15+6-Debian-1deb12u1\"\n"
                + "JAVA_VERSION=\"17.0.15\"\n");
        Path cds = Files.createDirectories(home.resolve("lib/cds"));
        Path archive = Files.write(cds.resolve("classes.jsa"), new byte[1234]);
        Path id = cds.resolve("classes.id");
        String flag = "-XX:SharedArchiveFile=" + home.toRealPath().resolve("lib/cds/classes.jsa");
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "JAVA_HOME", jdk.toString());

        Files.writeString(id, "jvm=17.0.15+6-Debian-1deb12u1\nsize=1234\n");
        assertThat(run(dir, env, script.toString(), "components")).contains(flag, "-Xlog:cds=off,cds+dynamic=off")
                .endsWith("components");
        // the user's own CDS options win: ours would clash with -XX:ArchiveClassesAtExit
        for (String own : List.of("-XX:ArchiveClassesAtExit=x.jsa", "-Xshare:off", "-XX:SharedArchiveFile=y.jsa")) {
            Map<String, String> withOpts = new java.util.HashMap<>(env);
            withOpts.put("JAVA_OPTS", own);
            assertThat(run(dir, withOpts, script.toString(), "components")).as(own).doesNotContain(flag)
                    .contains(own);
        }
        // also where the JVM reads options by itself
        for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            Map<String, String> withOpts = new java.util.HashMap<>(env);
            withOpts.put(variable, "-XX:ArchiveClassesAtExit=x.jsa");
            assertThat(run(dir, withOpts, script.toString(), "components")).as(variable).doesNotContain(flag);
        }
        // another JVM (or no release file), another size, no id, or no archive: not passed on
        Files.writeString(id, "jvm=25.0.3+9-LTS\nsize=1234\n");
        assertThat(run(dir, env, script.toString(), "components")).doesNotContain(flag);
        Files.writeString(id, "jvm=17.0.15+6-Debian-1deb12u1\nsize=1235\n");
        assertThat(run(dir, env, script.toString(), "components")).doesNotContain(flag);
        Files.writeString(id, "jvm=17.0.15+6-Debian-1deb12u1\nsize=1234\n");
        Files.delete(jdk.resolve("release"));
        assertThat(run(dir, env, script.toString(), "components")).doesNotContain(flag);
        Files.writeString(jdk.resolve("release"), "JAVA_RUNTIME_VERSION=\"17.0.15+6-Debian-1deb12u1\"\n");
        assertThat(run(dir, env, script.toString(), "components")).contains(flag);
        // no wc to measure it with (an image's bare shell): not passed on
        assertThat(run(dir, Map.of("PATH", "/nonexistent", "JAVA_HOME", jdk.toString()), script.toString(),
                "components")).doesNotContain(flag);
        Files.delete(id);
        assertThat(run(dir, env, script.toString(), "components")).doesNotContain(flag);
        Files.writeString(id, "jvm=17.0.15+6-Debian-1deb12u1\nsize=1234\n");
        Files.delete(archive);
        assertThat(run(dir, env, script.toString(), "components")).doesNotContain(flag)
                .noneMatch(a -> a.contains("cds"));
    }

    /** The serial GC is a default: a collector in the user's options replaces it (the JVM refuses two). */
    @Test
    void aCollectorInTheUsersOptionsReplacesTheSerialGc(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("otelcol");
        Path script = launcher(home);
        echoingJava(dir.resolve("jdk"));
        Map<String, String> env = new java.util.HashMap<>(Map.of("PATH", "/nonexistent", "JAVA_HOME",
                dir.resolve("jdk").toString()));
        assertThat(run(dir, env, script.toString(), "components")).contains("-XX:+UseSerialGC");
        env.put("JAVA_OPTS", "-XX:+UseGCOverheadLimit -Xmx1g");
        assertThat(run(dir, env, script.toString(), "components")).contains("-XX:+UseSerialGC");
        for (String gc : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseZGC", "-XX:+UseShenandoahGC")) {
            env.put("JAVA_OPTS", gc);
            assertThat(run(dir, env, script.toString(), "components")).as(gc).doesNotContain("-XX:+UseSerialGC")
                    .contains(gc);
        }
    }

    /** lib/'s jars by name, each one explicitly: the class path a CDS archive records is the same on every host. */
    @Test
    void putsLibJarsOnTheClassPathInNameOrder(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("otel col");
        Path script = launcher(home);
        Path lib = Files.createDirectories(home.resolve("lib"));
        for (String jar : List.of("org.apache.felix.framework-7.0.5.jar", "launcher-1.jar", "a.jar")) {
            Files.writeString(lib.resolve(jar), "");
        }
        Files.writeString(lib.resolve("notes.txt"), "");
        echoingJava(dir.resolve("jdk"));
        Path real = lib.toRealPath();
        assertThat(run(dir, Map.of("PATH", "/nonexistent", "JAVA_HOME", dir.resolve("jdk").toString()),
                script.toString(), "components")).containsSubsequence("-cp", real.resolve("a.jar") + ":"
                        + real.resolve("launcher-1.jar") + ":" + real.resolve("org.apache.felix.framework-7.0.5.jar"),
                        "io.otelier.launcher.Main", "components");
    }

    /** The launcher rendered into {@code home}/bin/otelcol, executable. */
    private static Path launcher(Path home) throws Exception {
        Path script = Files.createDirectories(home.resolve("bin")).resolve("otelcol");
        Files.writeString(script, LauncherScript.render(new DistInfo("otelcol", "d", "1", home)));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** A stand-in {@code jdk}/bin/java that prints its arguments, one per line. */
    private static void echoingJava(Path jdk) throws Exception {
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static List<String> run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }
}
