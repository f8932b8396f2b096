package io.otelier.testkit;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.Host;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A host with the extensions a test puts in it. */
public final class TestHost implements Host {

    private final Map<ComponentId, Object> extensions = new LinkedHashMap<>();

    public TestHost with(ComponentId id, Object extension) {
        extensions.put(id, extension);
        return this;
    }

    @Override
    public <T> Optional<T> extension(ComponentId id, Class<T> capability) {
        Object e = extensions.get(id);
        return capability.isInstance(e) ? Optional.of(capability.cast(e)) : Optional.empty();
    }

    @Override
    public <T> Map<ComponentId, T> extensions(Class<T> capability) {
        Map<ComponentId, T> out = new LinkedHashMap<>();
        extensions.forEach((id, e) -> {
            if (capability.isInstance(e)) {
                out.put(id, capability.cast(e));
            }
        });
        return out;
    }
}
