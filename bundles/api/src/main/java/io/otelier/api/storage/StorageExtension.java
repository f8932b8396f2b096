package io.otelier.api.storage;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The storage capability (upstream's {@code extension/xextension/storage.Extension}). A component names a
 * storage extension in its config ({@code storage: file_storage}) and finds it through
 * {@link io.otelier.api.component.Host#extension}. Each (kind, id, name) gets its own key space, so two
 * components never see each other's keys; the key space must not depend on which type alias the config
 * used, which is why callers pass the component's id as the runtime resolved it.
 */
@ConsumerType
public interface StorageExtension {

    /**
     * A client for the key space of one component. {@code name} tells apart several clients of the same
     * component (upstream passes "" for the main one).
     *
     * @throws IOException when the backing store cannot be opened
     */
    StorageClient client(ComponentKind kind, ComponentId id, String name) throws IOException;
}
