package io.otelier.builder.maven;

import io.otelier.builder.ArtifactFetcher;
import io.otelier.builder.BuildException;
import io.otelier.builder.Coordinates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;

/**
 * Fetches through the running Maven build: its repository session, whose workspace reader finds the reactor's
 * modules in their target folders (so {@code mvn verify} works before anything is installed), then the local
 * repository, then the project's remote repositories — with the build's settings, mirrors and offline mode.
 * Written against the resolver API of the Maven that runs it (1.x in Maven 3.8), which exports the API to plugins
 * but not its util packages.
 */
final class SessionFetcher implements ArtifactFetcher {

    private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");
    /** Compile and runtime dependencies: what a bundle may need at run time. */
    private static final DependencyFilter RUNTIME_CLASSPATH = (node, parents) -> node.getDependency() == null
            || RUNTIME_SCOPES.contains(node.getDependency().getScope());

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> remotes;

    SessionFetcher(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> remotes) {
        this.system = system;
        this.session = session;
        this.remotes = remotes;
    }

    @Override
    public Path fetch(Coordinates c) throws BuildException {
        try {
            ArtifactResult r = system.resolveArtifact(session, new ArtifactRequest(artifact(c), remotes, null));
            return r.getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new BuildException(c + " was not found in the reactor, the local repository "
                    + session.getLocalRepository().getBasedir() + " or " + remotes.stream()
                            .map(RemoteRepository::getUrl).collect(Collectors.joining(", ")));
        }
    }

    @Override
    public List<Path> fetchWithDependencies(Coordinates c) throws BuildException {
        Path main = fetch(c);
        CollectRequest collect = new CollectRequest(new Dependency(artifact(c), "runtime"), remotes);
        DependencyRequest request = new DependencyRequest(collect, RUNTIME_CLASSPATH);
        DependencyResult result;
        try {
            result = system.resolveDependencies(session, request);
        } catch (DependencyResolutionException e) {
            throw new BuildException("cannot resolve the dependencies of " + c + ": " + e.getMessage());
        }
        List<Path> files = new ArrayList<>();
        files.add(main);
        for (ArtifactResult r : result.getArtifactResults()) {
            if (r.getArtifact() != null && r.getArtifact().getFile() != null) {
                Path p = r.getArtifact().getFile().toPath();
                if (!files.contains(p)) {
                    files.add(p);
                }
            }
        }
        return files;
    }

    private static Artifact artifact(Coordinates c) {
        return new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier(), c.extension(), c.version());
    }
}
