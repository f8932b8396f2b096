package io.otelier.runtime.internal.config;

import io.otelier.api.config.ConfigException;
import java.util.List;
import java.util.Map;

/** Builds the one-line errors of this package: {@code path: problem (source:line)}. */
final class ConfigErrors {

    private ConfigErrors() {
    }

    static ConfigException at(SourceMap sources, List<String> path, String problem) {
        return new ConfigException(path, problem + sources.locate(path));
    }

    /** A problem reported at {@code path} but located by another key (an id's own line under its section). */
    static ConfigException at(SourceMap sources, List<String> path, List<String> locatedBy, String problem) {
        return new ConfigException(path, problem + sources.locate(locatedBy));
    }

    /** The same problem with the origin of its (already complete) path appended. */
    static ConfigException located(SourceMap sources, ConfigException e) {
        return at(sources, e.path(), e.problem());
    }

    /** How a value reads in a message: strings quoted, numbers and booleans as is, containers by kind. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }
}
