package io.otelier.builder.manifest;

import io.otelier.builder.Coordinates;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of a manifest's component lists: a bundle by Maven coordinates or a local jar (its path already
 * resolved against the manifest's folder).
 *
 * @param location where the entry was written, for messages: {@code receivers[1]}
 */
public record ComponentEntry(ComponentKind kind, String location, Coordinates bundle, Path path) {

    public ComponentEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        if ((bundle == null) == (path == null)) {
            throw new IllegalArgumentException("exactly one of bundle and path");
        }
    }

    /** {@code receivers[1] (io.otelier:receiver-otlp:1.0.0)} */
    public String describe() {
        return location + " (" + (bundle != null ? bundle.toString() : path.toString()) + ")";
    }
}
