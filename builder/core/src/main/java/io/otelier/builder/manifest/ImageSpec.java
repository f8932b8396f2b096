package io.otelier.builder.manifest;

import java.nio.file.Path;

/**
 * The manifest's {@code image} section: the container image built beside the distribution.
 *
 * @param name                    the image reference, e.g. {@code registry.example.com/otelcol-custom:1.0.0}
 * @param base                    {@code jlink} (a runtime made from the build JDK, the default), {@code tar://path}
 *                                (a {@code docker save} tarball) or an image reference in a registry
 * @param tarball                 where to write the image as a tarball, or null
 * @param push                    whether to push {@code name} to its registry
 * @param allowInsecureRegistries plain HTTP or unverified TLS registries (loopback test registries)
 */
public record ImageSpec(String name, String base, Path tarball, boolean push, boolean allowInsecureRegistries) {

    public static final String JLINK_BASE = "jlink";
}
