package io.otelier.builder;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the builder gets Maven artifacts from. The command line resolves with Maven Resolver against the local
 * and remote repositories; the Maven plugin goes through the running build's session (reactor first).
 * Messages of the exceptions name the artifact and where it was looked for; the builder adds which manifest
 * entry asked for it.
 */
public interface ArtifactFetcher {

    /** The artifact's file. */
    Path fetch(Coordinates artifact) throws BuildException;

    /**
     * The artifact's file followed by the files of its compile and runtime dependencies, transitively, as
     * Maven mediates them for this artifact alone.
     */
    List<Path> fetchWithDependencies(Coordinates artifact) throws BuildException;
}
