package io.otelier.helper.fileconsumer;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Host;
import io.otelier.api.storage.StorageClient;
import io.otelier.api.storage.StorageExtension;
import java.io.IOException;

/** Finding the storage a receiver's {@code storage} key names (upstream adapter.GetStorageClient). */
public final class Storage {

    private Storage() {
    }

    /**
     * The client for {@code owner}'s key space in the extension {@code storageId}, or null when no storage is
     * configured (offsets then live in memory only).
     *
     * @param owner the receiver's id with its primary type, so the key space does not depend on which alias the
     *              config used
     * @throws IOException "storage extension 'x' not found" / "non-storage extension 'x' found", as upstream, or the
     *                     extension's own failure
     */
    public static StorageClient client(Host host, String storageId, ComponentId owner) throws IOException {
        return client(host, storageId, owner, "");
    }

    /** {@link #client(Host, String, ComponentId)} for one of several key spaces of the owner ({@code name}). */
    public static StorageClient client(Host host, String storageId, ComponentId owner, String name)
            throws IOException {
        if (storageId == null || storageId.isEmpty()) {
            return null;
        }
        ComponentId id = ComponentId.parse(storageId);
        StorageExtension extension = host.extension(id, StorageExtension.class).orElse(null);
        if (extension == null) {
            boolean other = host.extension(id, Object.class).isPresent();
            throw new IOException(other ? "non-storage extension '" + id + "' found"
                    : "storage extension '" + id + "' not found");
        }
        return extension.client(ComponentKind.RECEIVER, owner, name);
    }
}
