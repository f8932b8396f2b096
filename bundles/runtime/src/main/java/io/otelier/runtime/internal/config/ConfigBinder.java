package io.otelier.runtime.internal.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelier.api.component.Factory;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Binds one component's section of the config onto its factory's default config and validates it:
 * <ol>
 * <li>keys the factory lists in {@link Factory#unsupportedKeys()} are rejected as not supported yet;</li>
 * <li>the user's keys are laid over the default config ({@link DefaultsMerger}); an absent or null section
 * means all defaults;</li>
 * <li>the result is bound strictly ({@link BindingMapper}) and Jackson's errors are rewritten with the full
 * key path ({@code processors::batch::send_batch_size: expected an integer, got "abc"});</li>
 * <li>{@code validate()} runs on the config and its nested sections, its path prefixed with the component's.</li>
 * </ol>
 * Every error ends with the origin of its key when known ({@code (config.yaml:12)}).
 *
 * <p>One binder serves one load and is then dropped (see {@link BindingMapper} on class loaders). Not
 * thread-safe.
 */
public final class ConfigBinder {

    private final SourceMap sources;
    private final ObjectMapper mapper;
    private final DefaultsMerger merger;

    public ConfigBinder(SourceMap sources) {
        this.sources = sources;
        this.mapper = BindingMapper.create(sources);
        this.merger = new DefaultsMerger(mapper);
    }

    /**
     * @param path where the section sits ({@code exporters, debug/2})
     * @param raw  the section as resolved: a map, or null for all defaults
     */
    public <C extends ComponentConfig> C bind(List<String> path, Factory<C> factory, Object raw) {
        if (raw != null && !(raw instanceof Map<?, ?>)) {
            throw ConfigErrors.at(sources, path, "expected a map, got " + ConfigErrors.describe(raw));
        }
        Map<?, ?> user = raw == null ? Map.of() : (Map<?, ?>) raw;
        UnsupportedKeys.reject(user, factory.unsupportedKeys(), path, sources);
        JsonNode merged;
        try {
            JsonNode defaults = mapper.valueToTree(factory.createDefaultConfig());
            merged = merger.merge(mapper.constructType(factory.configClass()), defaults, mapper.valueToTree(user));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ConfigErrors.at(sources, path, "cannot read the defaults of " + factory.configClass().getName()
                    + " (component bug): " + e.getMessage());
        }
        C config;
        try {
            config = mapper.readerFor(factory.configClass()).withAttribute(BindingMapper.COMPONENT_PATH, path)
                    .readValue(merged);
        } catch (JsonMappingException e) {
            throw ConfigErrors.located(sources, BindingErrors.translate(e, path, merged));
        } catch (JacksonException e) {
            throw ConfigErrors.at(sources, path, e.getOriginalMessage());
        } catch (IOException e) {
            throw ConfigErrors.at(sources, path, String.valueOf(e.getMessage()));
        }
        try {
            NestedValidator.validate(config, path);
        } catch (ConfigException e) {
            throw ConfigErrors.located(sources, e);
        }
        return config;
    }
}
