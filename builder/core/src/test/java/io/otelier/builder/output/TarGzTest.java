package io.otelier.builder.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {

    @TempDir
    Path dir;

    @Test
    void tarReadsBackTheTreeWithTheExecutableBit() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("dist"));
        Files.createDirectories(folder.resolve("bin"));
        Files.createDirectories(folder.resolve("deploy"));
        Path script = Files.writeString(folder.resolve("bin/run"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        String longName = "a-rather-long-directory-name-for-the-ustar-prefix-field/" + "x".repeat(90) + ".jar";
        Files.createDirectories(folder.resolve(longName).getParent());
        Files.write(folder.resolve(longName), new byte[1500]);

        Path tarball = dir.resolve("dist.tar.gz");
        TarGz.pack(folder, "otelcol", tarball);

        Path out = Files.createDirectories(dir.resolve("out"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", out.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes())).isZero();
        assertThat(out.resolve("otelcol/bin/run")).hasContent("#!/bin/sh\necho hi").isExecutable();
        assertThat(out.resolve("otelcol/deploy")).isDirectory();
        assertThat(Files.size(out.resolve("otelcol").resolve(longName))).isEqualTo(1500);
    }

    @Test
    void leavesOutWhatItIsTold() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("dist"));
        Files.createDirectories(folder.resolve("lib/cds"));
        Files.writeString(folder.resolve("lib/launcher.jar"), "jar");
        Files.writeString(folder.resolve("lib/cds/classes.jsa"), "archive");

        Path tarball = dir.resolve("dist.tar.gz");
        TarGz.pack(folder, "otelcol", tarball, ClassArchive::contains);

        Process tar = new ProcessBuilder("tar", "-tzf", tarball.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes());
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(listing.lines()).containsExactly("otelcol/", "otelcol/lib/", "otelcol/lib/launcher.jar");
    }
}
