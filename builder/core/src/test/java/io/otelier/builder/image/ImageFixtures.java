package io.otelier.builder.image;

import io.otelier.builder.fixtures.TestJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A small distribution folder laid out as the builder writes one, with jars made on the spot. */
final class ImageFixtures {

    static final String CONFIG = """
            # a test config
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: localhost:4317
                  http:
                    endpoint: localhost:4318
            exporters:
              debug:
            service:
              pipelines:
                traces:
                  receivers: [otlp]
                  exporters: [debug]
            """;

    private ImageFixtures() {
    }

    /**
     * @param launcher the body of {@code bin/<name>}, a POSIX shell script
     */
    static Path distribution(Path dir, String name, String launcher) throws IOException {
        Path dist = dir.resolve(name);
        Path bin = Files.createDirectories(dist.resolve("bin")).resolve(name);
        Files.writeString(bin, "#!/bin/sh\n" + launcher, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        TestJars.plain().entry("io/otelier/launcher/Main.class", new byte[] {1}).write(dist.resolve(
                "lib/launcher-1.jar"));
        TestJars.bundle("org.apache.felix.framework", "7.0.5").write(dist.resolve("lib/org.apache.felix.framework-7.0.5.jar"));
        TestJars.bundle("io.otelier.runtime", "1").write(dist.resolve("bundles/runtime-1.jar"));
        TestJars.bundle("io.otelier.receiver-otlp", "1").write(dist.resolve("bundles/receiver-otlp-1.jar"));
        TestJars.bundle("org.yaml.snakeyaml", "2.5").write(dist.resolve("bundles/snakeyaml-2.5.jar"));
        Files.createDirectories(dist.resolve("deploy"));
        Files.writeString(dist.resolve("deploy/README.txt"), "drop bundles here\n");
        Files.createDirectories(dist.resolve("config"));
        Files.writeString(dist.resolve("config/config.yaml"), CONFIG);
        Files.writeString(dist.resolve("manifest.yaml"), "dist: {name: " + name + "}\n");
        return dist;
    }
}
