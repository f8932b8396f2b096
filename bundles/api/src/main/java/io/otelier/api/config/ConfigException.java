package io.otelier.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A config problem at a path of keys. Components throw it with a path relative to their own config
 * ({@code "verbosity"}); the runtime prefixes the component's place ({@code exporters::debug}) so the user
 * reads {@code exporters::debug::verbosity: unknown value "loud" (valid: basic, normal, detailed)}.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final List<String> path;
    private final String problem;

    public ConfigException(List<String> path, String problem) {
        super(render(path, problem));
        this.path = List.copyOf(path);
        this.problem = problem;
    }

    /** A problem with one field; {@code field} may itself be an {@code a::b} path. */
    public static ConfigException at(String field, String problem) {
        return new ConfigException(field == null || field.isEmpty() ? List.of() : List.of(field.split("::")), problem);
    }

    /** A problem with the config as a whole. */
    public static ConfigException of(String problem) {
        return new ConfigException(List.of(), problem);
    }

    public List<String> path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    /** The same problem, one level deeper in the config tree. */
    public ConfigException under(String... prefix) {
        List<String> full = new ArrayList<>(prefix.length + path.size());
        Collections.addAll(full, prefix);
        full.addAll(path);
        return new ConfigException(full, problem);
    }

    private static String render(List<String> path, String problem) {
        return path.isEmpty() ? problem : String.join("::", path) + ": " + problem;
    }
}
