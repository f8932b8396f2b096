package io.otelier.runtime.internal.config;

import java.util.List;
import java.util.Map;

/**
 * A loaded and validated config.
 *
 * @param config   the bound config
 * @param warnings to log once the logger exists (deprecated type aliases, unset environment variables)
 * @param raw      the resolved tree it was built from (read-only), for diffing on reload
 */
public record LoadedConfig(CollectorConfig config, List<String> warnings, Map<String, Object> raw) {

    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
