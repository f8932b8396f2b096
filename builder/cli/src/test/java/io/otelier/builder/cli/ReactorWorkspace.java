package io.otelier.builder.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * This project's modules as Maven Resolver sees them during a build: io.otelier artifacts at the project's
 * version come from their module's pom.xml and target/*.jar, so tests can build distributions before anything
 * is installed (CI runs {@code mvn verify}).
 */
final class ReactorWorkspace implements WorkspaceReader {

    private static final Pattern ARTIFACT_ID = Pattern.compile(
            "</parent>.*?<artifactId>([^<]+)</artifactId>|^(?!.*<parent>).*?<artifactId>([^<]+)</artifactId>",
            Pattern.DOTALL);

    private final String version;
    private final Map<String, Path> modules = new HashMap<>();
    private final WorkspaceRepository repository = new WorkspaceRepository("reactor");

    ReactorWorkspace(Path root, String version) {
        this.version = version;
        try (Stream<Path> poms = Files.walk(root, 3)) {
            poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .forEach(pom -> modules.put(artifactId(pom), pom.getParent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String artifactId(Path pom) {
        try {
            Matcher m = ARTIFACT_ID.matcher(Files.readString(pom));
            if (!m.find()) {
                throw new IllegalStateException("no artifactId in " + pom);
            }
            return m.group(1) != null ? m.group(1) : m.group(2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public WorkspaceRepository getRepository() {
        return repository;
    }

    @Override
    public File findArtifact(Artifact artifact) {
        if (!"io.otelier".equals(artifact.getGroupId()) || !version.equals(artifact.getBaseVersion())) {
            return null;
        }
        Path module = modules.get(artifact.getArtifactId());
        if (module == null) {
            return null;
        }
        Path file = "pom".equals(artifact.getExtension()) ? module.resolve("pom.xml")
                : module.resolve("target").resolve(artifact.getArtifactId() + "-" + version
                        + (artifact.getClassifier().isEmpty() ? "" : "-" + artifact.getClassifier()) + "."
                        + artifact.getExtension());
        return Files.isRegularFile(file) ? file.toFile() : null;
    }

    @Override
    public List<String> findVersions(Artifact artifact) {
        return findArtifact(artifact) == null ? List.of() : List.of(version);
    }
}
