package io.otelier.builder.resolve;

import aQute.bnd.osgi.resource.ResourceBuilder;
import aQute.bnd.osgi.resource.ResourceUtils;
import io.otelier.builder.BuildException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.resource.Resource;

/**
 * The resolver's repository: bundles indexed from jar files, one per symbolic name and version (the first file
 * seen wins, so a component's own jar beats an equal copy arriving as someone's dependency). Plain jars are
 * left out: they cannot be installed, and a bundle that needs their packages fails resolution with a message
 * that says so.
 */
public final class Repository {

    private final Map<String, Candidate> byIdentity = new LinkedHashMap<>();
    private final Map<Path, Optional<Candidate>> byFile = new LinkedHashMap<>();

    /** Indexes {@code file} unless already seen; returns its candidate, or empty for a plain jar. */
    public Optional<Candidate> add(Path file, String origin) throws BuildException {
        Path key = file.toAbsolutePath().normalize();
        Optional<Candidate> known = byFile.get(key);
        if (known != null) {
            return known;
        }
        Resource resource;
        try {
            resource = ResourceBuilder.parse(key.toFile(), key.toUri());
        } catch (RuntimeException e) {
            throw new BuildException(origin + ": cannot read " + key + ": " + e.getMessage(), e);
        }
        Optional<Candidate> candidate = Optional.empty();
        if (ResourceUtils.getIdentityCapability(resource) != null) {
            String bsn = ResourceUtils.getIdentity(resource);
            String version = ResourceUtils.getVersion(resource).toString();
            Candidate c = byIdentity.computeIfAbsent(bsn + ";" + version,
                    k -> new Candidate(resource, key, bsn, version, origin));
            candidate = Optional.of(c);
        }
        byFile.put(key, candidate);
        return candidate;
    }

    /** Drops a bundle from the repository (a component the manifest does not list). */
    public void remove(Candidate candidate) {
        byIdentity.values().remove(candidate);
    }

    public List<Candidate> candidates() {
        return new ArrayList<>(byIdentity.values());
    }

    public Optional<Candidate> find(Resource resource) {
        for (Candidate c : byIdentity.values()) {
            if (c.resource() == resource) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
