package io.otelier.builder.cli;

import io.otelier.builder.ArtifactFetcher;
import io.otelier.builder.BuildException;
import io.otelier.builder.Coordinates;
import io.otelier.builder.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Fetches artifacts with Maven Resolver on its own (no Maven installation): the local repository first, then
 * the remote ones (Maven Central unless told otherwise). Snapshots come only from the local repository (or
 * a workspace), as after {@code mvn install}.
 */
public final class MavenFetcher implements ArtifactFetcher, AutoCloseable {

    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final RepositorySystem system;
    private final RepositorySystemSession.CloseableSession session;
    private final List<RemoteRepository> remotes;
    private final Path localRepository;

    /**
     * @param workspace artifacts that are not in any repository yet (tests use the project's build folders),
     *                  or null
     */
    public MavenFetcher(Path localRepository, List<String> remoteUrls, boolean offline, WorkspaceReader workspace,
            Progress progress) {
        this.localRepository = localRepository;
        this.system = new RepositorySystemSupplier().get();
        this.session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setWorkspaceReader(workspace)
                .setOffline(offline)
                // record downloads under the plain repository id, as Maven 3 does, so that a later offline
                // Maven build accepts what this command downloaded (resolver 2 appends a hash of the URL)
                .setConfigProperty("aether.system.trackingRepositoryKeyFunction", "simple")
                .setTransferListener(new AbstractTransferListener() {
                    @Override
                    public void transferSucceeded(TransferEvent event) {
                        progress.detail("  downloaded " + event.getResource().getRepositoryUrl()
                                + event.getResource().getResourceName());
                    }
                })
                .build();
        List<RemoteRepository> repos = new ArrayList<>();
        RepositoryPolicy releases = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_DAILY,
                RepositoryPolicy.CHECKSUM_POLICY_WARN);
        RepositoryPolicy noSnapshots = new RepositoryPolicy(false, RepositoryPolicy.UPDATE_POLICY_NEVER,
                RepositoryPolicy.CHECKSUM_POLICY_WARN);
        int i = 0;
        for (String url : remoteUrls) {
            String id = url.equals(CENTRAL) ? "central" : "repo" + (++i);
            repos.add(new RemoteRepository.Builder(id, "default", url).setReleasePolicy(releases)
                    .setSnapshotPolicy(noSnapshots).build());
        }
        this.remotes = system.newResolutionRepositories(session, repos);
    }

    @Override
    public Path fetch(Coordinates c) throws BuildException {
        try {
            ArtifactResult r = system.resolveArtifact(session, new ArtifactRequest(artifact(c), remotes, null));
            return r.getArtifact().getPath();
        } catch (ArtifactResolutionException e) {
            throw new BuildException(notFound(c.toString()));
        }
    }

    @Override
    public List<Path> fetchWithDependencies(Coordinates c) throws BuildException {
        Path main = fetch(c);
        CollectRequest collect = new CollectRequest(new Dependency(artifact(c), JavaScopes.RUNTIME), remotes);
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.COMPILE, JavaScopes.RUNTIME));
        DependencyResult result;
        try {
            result = system.resolveDependencies(session, request);
        } catch (DependencyResolutionException e) {
            throw new BuildException(dependencyProblem(c, e));
        }
        List<Path> files = new ArrayList<>();
        files.add(main);
        for (ArtifactResult r : result.getArtifactResults()) {
            Path p = r.getArtifact().getPath();
            if (p != null && !files.contains(p)) {
                files.add(p);
            }
        }
        return files;
    }

    private String dependencyProblem(Coordinates c, DependencyResolutionException e) {
        DependencyResult partial = e.getResult();
        List<String> missing = new ArrayList<>();
        if (partial != null) {
            for (ArtifactResult r : partial.getArtifactResults()) {
                if (!r.isResolved()) {
                    missing.add(r.getRequest().getArtifact().toString());
                }
            }
            partial.getCollectExceptions().forEach(x -> missing.add(x.getMessage()));
        }
        if (missing.isEmpty()) {
            return "cannot resolve the dependencies of " + c + ": " + e.getMessage();
        }
        return "cannot resolve the dependencies of " + c + ": " + missing.stream().distinct()
                .collect(Collectors.joining("; ")) + " (" + where() + ")";
    }

    private String notFound(String what) {
        return what + " was not found in " + where();
    }

    private String where() {
        String remote = remotes.isEmpty() ? "" : (session.isOffline() ? ", offline so not in " : " or ")
                + remotes.stream().map(RemoteRepository::getUrl).collect(Collectors.joining(", "));
        return "the local repository " + localRepository + remote;
    }

    private static Artifact artifact(Coordinates c) {
        return new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier(), c.extension(), c.version());
    }

    @Override
    public void close() {
        session.close();
        system.shutdown();
    }
}
