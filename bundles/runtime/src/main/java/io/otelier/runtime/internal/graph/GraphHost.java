package io.otelier.runtime.internal.graph;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.Host;
import io.otelier.api.extension.Extension;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The host every component is started with: the started extensions, reached by id and capability. */
final class GraphHost implements Host {

    private final Map<ComponentId, Extension> extensions = Collections.synchronizedMap(new LinkedHashMap<>());

    void add(ComponentId id, Extension extension) {
        extensions.put(id, extension);
    }

    @Override
    public <T> Optional<T> extension(ComponentId id, Class<T> capability) {
        Object e = extensions.get(id);
        return capability.isInstance(e) ? Optional.of(capability.cast(e)) : Optional.empty();
    }

    @Override
    public <T> Map<ComponentId, T> extensions(Class<T> capability) {
        Map<ComponentId, T> out = new LinkedHashMap<>();
        synchronized (extensions) {
            extensions.forEach((id, e) -> {
                if (capability.isInstance(e)) {
                    out.put(id, capability.cast(e));
                }
            });
        }
        return out;
    }
}
