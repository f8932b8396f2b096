package io.otelier.builder.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.builder.manifest.ManifestParser;
import io.otelier.builder.resolve.Candidate;
import io.otelier.builder.resolve.Resolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionWriterTest {

    @TempDir
    Path dir;

    private void write(Path out) throws Exception {
        Path jar = Files.writeString(dir.resolve("x-1.jar"), "jar");
        Files.writeString(dir.resolve("config.yaml"), "receivers:\n");
        var manifest = ManifestParser.parse(dir.resolve("manifest.yaml"),
                "dist: {name: col}\nreceivers: [{path: x-1.jar}]\nconfig: config.yaml\n");
        Candidate c = new Candidate(null, jar, "x", "1", "test");
        DistributionWriter.write(manifest, jar, new Resolution(c, List.of(c)), out);
    }

    @Test
    void laysOutTheFolder() throws Exception {
        Path out = dir.resolve("out");
        write(out);
        assertThat(out.resolve("bin/col")).isExecutable();
        assertThat(out.resolve("lib/x-1.jar")).exists();
        assertThat(out.resolve("bundles/x-1.jar")).exists();
        assertThat(out.resolve("deploy/README.txt")).exists();
        assertThat(out.resolve("config/config.yaml")).hasContent("receivers:");
        assertThat(out.resolve("manifest.yaml")).content().contains("dist: {name: col}");
        // a second build replaces the first
        Files.writeString(out.resolve("bundles/stale.jar"), "old");
        write(out);
        assertThat(out.resolve("bundles/stale.jar")).doesNotExist();
    }

    @Test
    void neverWipesAFolderThatIsNotADistribution() throws Exception {
        Path out = Files.createDirectories(dir.resolve("home"));
        Files.writeString(out.resolve("notes.txt"), "precious");
        assertThatThrownBy(() -> write(out)).hasMessageContaining("exists and is not a distribution");
        assertThat(out.resolve("notes.txt")).exists();
    }
}
