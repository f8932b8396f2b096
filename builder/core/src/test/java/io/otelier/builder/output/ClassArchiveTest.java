package io.otelier.builder.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive step with a stand-in launcher that plays the JVM: it writes what -XX:ArchiveClassesAtExit names. */
class ClassArchiveTest {

    @TempDir
    Path dir;

    private Path distribution(String launcherBody) throws Exception {
        Path dist = dir.resolve("otelcol");
        Path script = Files.createDirectories(dist.resolve("bin")).resolve("otelcol");
        Files.writeString(script, "#!/bin/sh\n"
                + "echo \"$JAVA_OPTS\" > \"" + dir.resolve("opts.txt") + "\"\n"
                + "echo \"$@\" > \"" + dir.resolve("args.txt") + "\"\n"
                + "archive=$(echo \"$JAVA_OPTS\" | sed 's/.*-XX:ArchiveClassesAtExit=\\([^ ]*\\).*/\\1/')\n"
                + launcherBody + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dist;
    }

    private Path jdk(String release) throws Exception {
        Path jdk = Files.createDirectories(dir.resolve("jdk"));
        if (release != null) {
            Files.writeString(jdk.resolve("release"), release);
        }
        return jdk;
    }

    @Test
    void archivesAValidateRunAndRecordsTheJvmAndTheSize() throws Exception {
        Path dist = distribution("printf 'twelve bytes' > \"$archive\"");
        Path jdk = jdk("IMPLEMENTOR=\"x\"\nJAVA_RUNTIME_VERSION=\"17.0.15+6-Debian-1deb12u1\"\n"
                + "JAVA_VERSION=\"17.0.15\"\n");
        Path config = Files.writeString(dir.resolve("config.yaml"), "receivers: {}\n");

        Optional<String> problem = ClassArchive.write(dist, new DistributionRun(dist, "otelcol", jdk), jdk, config,
                null);

        assertThat(problem).isEmpty();
        Path cds = dist.resolve("lib/cds");
        assertThat(cds.resolve("classes.jsa")).hasContent("twelve bytes");
        assertThat(cds.resolve("classes.id")).hasContent("jvm=17.0.15+6-Debian-1deb12u1\nsize=12");
        assertThat(cds).isDirectoryNotContaining("glob:**/*.partial");
        assertThat(Files.readString(dir.resolve("args.txt")).strip()).isEqualTo("validate --config " + config);
        assertThat(Files.readString(dir.resolve("opts.txt")).strip()).isEqualTo("-XX:ArchiveClassesAtExit="
                + cds.resolve("classes.jsa.partial") + " -Xlog:cds=off,cds+dynamic=off");
    }

    @Test
    void withoutAConfigItArchivesTheComponentsRunAndReplacesAnOldArchive() throws Exception {
        Path dist = distribution("printf 'new' > \"$archive\"");
        Path old = Files.createDirectories(dist.resolve("lib/cds"));
        Files.writeString(old.resolve("classes.jsa"), "old archive");
        Files.writeString(old.resolve("stale.txt"), "x");
        Path jdk = jdk("JAVA_RUNTIME_VERSION=25.0.3+9-LTS\n");

        assertThat(ClassArchive.write(dist, new DistributionRun(dist, "otelcol", jdk), jdk, null, null)).isEmpty();

        assertThat(Files.readString(dir.resolve("args.txt")).strip()).isEqualTo("components");
        assertThat(old.resolve("classes.jsa")).hasContent("new");
        assertThat(old.resolve("classes.id")).hasContent("jvm=25.0.3+9-LTS\nsize=3");
        assertThat(old.resolve("stale.txt")).doesNotExist();
    }

    @Test
    void aFailedRunOrNoArchiveLeavesNoFolder() throws Exception {
        Path jdk = jdk("JAVA_RUNTIME_VERSION=\"17.0.15\"\n");
        Path failing = distribution("printf 'half' > \"$archive\"; echo 'Error: no' >&2; exit 3");
        assertThat(ClassArchive.write(failing, new DistributionRun(failing, "otelcol", jdk), jdk, null, null))
                .hasValueSatisfying(p -> assertThat(p).contains("components exited with 3", "Error: no"));
        assertThat(failing.resolve("lib/cds")).doesNotExist();

        Path silent = distribution("exit 0");
        assertThat(ClassArchive.write(silent, new DistributionRun(silent, "otelcol", jdk), jdk, null, null))
                .contains("the JVM wrote no archive");
        assertThat(silent.resolve("lib/cds")).doesNotExist();
    }

    @Test
    void aJvmWithoutReleaseFileGetsNoArchive() throws Exception {
        Path dist = distribution("printf 'x' > \"$archive\"");
        Path jdk = jdk(null);
        assertThat(ClassArchive.write(dist, new DistributionRun(dist, "otelcol", jdk), jdk, null, null))
                .hasValueSatisfying(p -> assertThat(p).contains("no release file"));
        assertThat(dist.resolve("lib/cds")).doesNotExist();
        assertThat(dir.resolve("args.txt")).doesNotExist();
    }

    /** The training start: stopped (SIGTERM) once ready, when the JVM writes the archive on its way out. */
    @Test
    void aTrainingConfigIsStartedUntilReadyThenStopped() throws Exception {
        Path dist = distribution("""
                trap 'printf started > "$archive"; exit 0' TERM
                echo 'info	Everything is ready. Begin running and processing data.' >&2
                while true; do sleep 0.05; done""");
        Path jdk = jdk("JAVA_RUNTIME_VERSION=17.0.15\n");
        Path training = Files.writeString(dir.resolve("training.yaml"), "receivers: {}\n");

        assertThat(ClassArchive.write(dist, new DistributionRun(dist, "otelcol", jdk), jdk, null, training))
                .isEmpty();

        assertThat(Files.readString(dir.resolve("args.txt")).strip()).isEqualTo("--config " + training);
        assertThat(dist.resolve("lib/cds/classes.jsa")).hasContent("started");
        assertThat(ClassArchive.exists(dist)).isTrue();
    }

    @Test
    void aFailedTrainingStartFallsBackToValidate() throws Exception {
        Path dist = distribution("""
                case "$1" in
                  --config) echo 'Error: cannot start pipelines: address in use' >&2; exit 1 ;;
                  *) printf 'validated' > "$archive" ;;
                esac""");
        Path jdk = jdk("JAVA_RUNTIME_VERSION=17.0.15\n");
        Path training = Files.writeString(dir.resolve("training.yaml"), "receivers: {}\n");
        Path config = Files.writeString(dir.resolve("config.yaml"), "receivers: {}\n");

        assertThat(ClassArchive.write(dist, new DistributionRun(dist, "otelcol", jdk), jdk, config, training))
                .hasValueSatisfying(p -> assertThat(p).contains("the training start failed",
                        "did not become ready", "address in use"));

        assertThat(dist.resolve("lib/cds/classes.jsa")).hasContent("validated");
        assertThat(dist.resolve("lib/cds/classes.id")).hasContent("jvm=17.0.15\nsize=9");
    }

    @Test
    void theArchiveFolderIsRecognisedByRelativePath() {
        assertThat(ClassArchive.contains("lib/cds")).isTrue();
        assertThat(ClassArchive.contains("lib/cds/classes.jsa")).isTrue();
        assertThat(ClassArchive.contains("lib/cdsx")).isFalse();
        assertThat(ClassArchive.contains("lib/launcher-1.jar")).isFalse();
        assertThat(ClassArchive.contains("bundles/lib/cds/x")).isFalse();
    }
}
