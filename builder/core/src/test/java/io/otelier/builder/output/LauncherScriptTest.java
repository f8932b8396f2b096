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
        Path script = Files.createDirectories(home.resolve("bin")).resolve("otelcol");
        Files.writeString(script, LauncherScript.render(new DistInfo("otelcol", "d", "1", home)));
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        for (Path p : List.of(script, java)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
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
        Path script = Files.createDirectories(home.resolve("bin")).resolve("otelcol");
        Files.writeString(script, LauncherScript.render(new DistInfo("otelcol", "d", "1", home)));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, List<String>> argsByRelease = new java.util.LinkedHashMap<>();
        for (String release : List.of("17.0.15", "21.0.2", "24", "25.0.1", "26-ea", "garbage")) {
            Path jdk = dir.resolve("jdk-" + release);
            Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
            Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
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
