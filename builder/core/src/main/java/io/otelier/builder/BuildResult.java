package io.otelier.builder;

import io.otelier.builder.output.Listing;
import java.nio.file.Path;
import java.util.List;

/**
 * A built distribution.
 *
 * @param components what the distribution registers, as its {@code components} command lists it
 */
public record BuildResult(Path distribution, Path tarball, int bundles, long sizeBytes, List<Listing> components) {

    public BuildResult {
        components = List.copyOf(components);
    }
}
