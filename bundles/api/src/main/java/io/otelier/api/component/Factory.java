package io.otelier.api.component;

import io.otelier.api.config.ComponentConfig;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Base of every component factory. A component bundle registers exactly one factory as a Declarative
 * Services service under its kind's interface ({@code ReceiverFactory}, …); the runtime tracks those
 * services and builds instances from the config.
 *
 * @param <C> the config type, bound by the runtime from YAML on top of {@link #createDefaultConfig()}
 *            with snake_case keys and unknown keys rejected
 */
@ConsumerType
public interface Factory<C extends ComponentConfig> {

    ComponentKind kind();

    /** The type name used in configs, e.g. "otlp_grpc". */
    String type();

    /** A deprecated alias still accepted in configs (with a warning), e.g. "otlp". */
    default Optional<String> deprecatedType() {
        return Optional.empty();
    }

    Class<C> configClass();

    C createDefaultConfig();

    /**
     * Keys of upstream's config for this component that this implementation recognises but does not
     * implement yet, as {@code a::b} paths relative to the component's config. Using one is a config
     * error saying so, never a silent no-op and never reported as a typo.
     */
    default Set<String> unsupportedKeys() {
        return Set.of();
    }
}
