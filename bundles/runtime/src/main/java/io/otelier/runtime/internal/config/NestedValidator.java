package io.otelier.runtime.internal.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * Calls {@link ComponentConfig#validate()} on a bound config and on every config nested in it (record
 * components, list elements, map values), parents first, as upstream's {@code xconfmap.Validate} walks a
 * config struct. A nested section's problem comes out with its full path
 * ({@code receivers::otlp::protocols::grpc::endpoint: …}), so shared sections need not know where they sit.
 */
final class NestedValidator {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private static final int MAX_DEPTH = 32;

    private NestedValidator() {
    }

    /** @throws ConfigException with the full path of the first problem found */
    static void validate(Object config, List<String> path) {
        walk(config, path, 0);
    }

    private static void walk(Object value, List<String> path, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof ComponentConfig config) {
            try {
                config.validate();
            } catch (ConfigException e) {
                throw e.under(path.toArray(String[]::new));
            }
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), ConfigPath.child(path, i), depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, ConfigPath.child(path, String.valueOf(k)), depth + 1));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                walk(read(rc, value), ConfigPath.child(path, SNAKE_CASE.translate(rc.getName())), depth + 1);
            }
        }
    }

    private static Object read(RecordComponent rc, Object record) {
        try {
            rc.getAccessor().trySetAccessible();
            return rc.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + rc, e);
        }
    }
}
