package io.otelier.runtime.internal.config;

import io.otelier.api.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one call the runtime makes: resolve the sources, build the config, validate it. Any problem is a
 * single {@link ConfigException} whose message names the key path and, when known, the file and line.
 */
public final class ConfigService {

    private ConfigService() {
    }

    /**
     * @param configUris {@code --config} values in order
     * @param sets       {@code --set} values in order
     * @param env        environment lookup (null = unset); injected so tests need no real environment
     * @param factories  the factories available now
     */
    public static LoadedConfig load(List<String> configUris, List<String> sets, Function<String, String> env,
            FactoryLookup factories) {
        return load(configUris, sets, env, factories, false);
    }

    /**
     * As {@link #load(List, List, Function, FactoryLookup)}; with {@code allowMissingFactories} (a reload of a
     * running collector) a type without a factory right now binds to a {@link PendingConfig}.
     */
    public static LoadedConfig load(List<String> configUris, List<String> sets, Function<String, String> env,
            FactoryLookup factories, boolean allowMissingFactories) {
        ConfigResolver.Resolved resolved = new ConfigResolver(env).resolve(configUris, sets);
        ConfigLoader.Result loaded = new ConfigLoader(factories, resolved.sources(), allowMissingFactories)
                .load(resolved.tree());
        new ConfigValidator(factories, resolved.sources()).validate(loaded.config());
        List<String> warnings = new ArrayList<>(resolved.warnings());
        warnings.addAll(loaded.warnings());
        return new LoadedConfig(loaded.config(), warnings, readOnly(resolved.tree()));
    }

    /**
     * Binds an already resolved config tree again (a reload's {@link LoadedConfig#raw()}) with the factories
     * registered now: when a factory appears, the pipelines waiting for it start from the config that was
     * accepted, even if the files have changed since (they are read on the next reload).
     */
    public static LoadedConfig rebind(Map<String, Object> resolvedTree, FactoryLookup factories) {
        Map<String, Object> tree = copy(resolvedTree);
        ConfigLoader.Result loaded = new ConfigLoader(factories, SourceMap.empty(), true).load(tree);
        new ConfigValidator(factories, SourceMap.empty()).validate(loaded.config());
        return new LoadedConfig(loaded.config(), loaded.warnings(), resolvedTree);
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, copy(v)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static <T> T readOnly(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, readOnly(v)));
            return (T) Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(readOnly(v)));
            return (T) Collections.unmodifiableList(out);
        }
        return value;
    }
}
