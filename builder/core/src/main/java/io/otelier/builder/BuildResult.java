package io.otelier.builder;

import io.otelier.builder.image.ImageResult;
import io.otelier.builder.output.Listing;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A built distribution.
 *
 * @param components what the distribution registers, as its {@code components} command lists it
 * @param image      the container image, when the manifest asks for one and it was not skipped
 */
public record BuildResult(Path distribution, Path tarball, int bundles, long sizeBytes, List<Listing> components,
        Optional<ImageResult> image) {

    public BuildResult {
        components = List.copyOf(components);
    }
}
