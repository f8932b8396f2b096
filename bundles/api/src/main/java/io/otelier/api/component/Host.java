package io.otelier.api.component;

import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a component sees of the running collector. Extensions are reached by id and by capability (an
 * interface from an exported API package, e.g. a storage client or an authenticator), never by class.
 */
@ProviderType
public interface Host {

    /** The extension with this id, if it is configured, started, and implements {@code capability}. */
    <T> Optional<T> extension(ComponentId id, Class<T> capability);

    /** Every started extension implementing {@code capability}, by id. */
    <T> Map<ComponentId, T> extensions(Class<T> capability);
}
