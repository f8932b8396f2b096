package io.otelier.builder.manifest;

import java.nio.file.Path;

/**
 * The manifest's {@code dist} section.
 *
 * @param name        the launcher's name ({@code bin/<name>}) and the tarball's
 * @param outputPath  the distribution folder, resolved against the manifest's folder
 */
public record DistInfo(String name, String description, String version, Path outputPath) {

    public static final String DEFAULT_NAME = "otelcol-custom";
    public static final String DEFAULT_DESCRIPTION = "Custom Otelier OpenTelemetry Collector distribution";
    public static final String DEFAULT_VERSION = "1.0.0";
    public static final String DEFAULT_OUTPUT_PATH = "./_build";

    public DistInfo withOutputPath(Path path) {
        return new DistInfo(name, description, version, path);
    }
}
