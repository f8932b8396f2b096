package io.otelier.builder.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed builder manifest.
 *
 * @param source     the file it was read from
 * @param text       its text, copied into the distribution as built
 * @param components every component entry, in manifest order (receivers, processors, exporters, connectors,
 *                   extensions)
 * @param config     the default collector config to ship, resolved against the manifest's folder
 * @param trainingConfig a config the builder starts the distribution with (until ready) to archive the classes
 *                   a start loads; without it the archive comes from {@code validate} of {@code config}
 */
public record Manifest(Path source, String text, DistInfo dist, List<ComponentEntry> components,
        Optional<Path> config, Optional<Path> trainingConfig, Optional<ImageSpec> image) {

    public Manifest {
        components = List.copyOf(components);
    }

    public Manifest withOutputPath(Path path) {
        return new Manifest(source, text, dist.withOutputPath(path), components, config, trainingConfig, image);
    }
}
