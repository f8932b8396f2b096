package io.otelier.builder.resolve;

import java.nio.file.Path;
import org.osgi.resource.Resource;

/**
 * A bundle the resolver may choose.
 *
 * @param origin who brought it into the repository, for messages: {@code receivers[0] (g:a:v)} or {@code the base}
 */
public record Candidate(Resource resource, Path file, String symbolicName, String version, String origin) {

    public String describe() {
        return symbolicName + " " + version;
    }
}
