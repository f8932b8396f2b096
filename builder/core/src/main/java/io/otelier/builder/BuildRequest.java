package io.otelier.builder;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to build and with what.
 *
 * @param manifest   the manifest file
 * @param outputPath replaces the manifest's {@code dist::output_path} when not null
 * @param skipImage  build no container image even if the manifest has an {@code image} section
 * @param fetcher    where artifacts come from
 * @param javaHome   the JVM that runs the built distribution for its checks (the builder's own by default)
 */
public record BuildRequest(Path manifest, Path outputPath, boolean skipImage, ArtifactFetcher fetcher,
        Progress progress, Path javaHome) {

    public BuildRequest {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(fetcher, "fetcher");
        progress = progress == null ? Progress.SILENT : progress;
        javaHome = javaHome == null ? Path.of(System.getProperty("java.home")) : javaHome;
    }

    public BuildRequest(Path manifest, Path outputPath, boolean skipImage, ArtifactFetcher fetcher, Progress progress) {
        this(manifest, outputPath, skipImage, fetcher, progress, null);
    }
}
