package io.otelier.builder.manifest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The manifest's {@code image} section: the container image built beside the distribution.
 *
 * @param name                    the image reference, e.g. {@code registry.example.com/otelcol-custom:1.0.0}
 * @param base                    {@code jlink} (a runtime made from the build JDK, the default), {@code tar://path}
 *                                (a {@code docker save} tarball, its path made absolute) or an image reference in
 *                                a registry
 * @param tarball                 where to write the image as a tarball, or null for the default: beside the
 *                                distribution folder as {@code <name>-image.tar}, unless the image is pushed
 * @param push                    whether to push {@code name} to its registry
 * @param allowInsecureRegistries plain HTTP or unverified TLS registries (loopback test registries)
 * @param format                  {@code docker} (a {@code docker load} archive and Docker manifests, the default)
 *                                or {@code oci} (an OCI image layout tarball and OCI manifests)
 * @param labels                  labels added to (or replacing) the ones the builder sets, in manifest order
 */
public record ImageSpec(String name, String base, Path tarball, boolean push, boolean allowInsecureRegistries,
        String format, Map<String, String> labels) {

    public static final String JLINK_BASE = "jlink";
    public static final String TAR_PREFIX = "tar://";
    public static final String DOCKER_FORMAT = "docker";
    public static final String OCI_FORMAT = "oci";

    public ImageSpec {
        format = format == null ? DOCKER_FORMAT : format;
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    public ImageSpec(String name, String base, Path tarball, boolean push, boolean allowInsecureRegistries) {
        this(name, base, tarball, push, allowInsecureRegistries, null, null);
    }

    public boolean jlinkBase() {
        return base.equals(JLINK_BASE);
    }

    /** The {@code docker save} tarball of a {@code tar://} base (the parser makes its path absolute), or null. */
    public Path baseTarball() {
        return base.startsWith(TAR_PREFIX) ? Path.of(base.substring(TAR_PREFIX.length())) : null;
    }

    /** Whether a tarball is written: when one is named, or when the image is not pushed (the default output). */
    public boolean writesTarball() {
        return tarball != null || !push;
    }
}
