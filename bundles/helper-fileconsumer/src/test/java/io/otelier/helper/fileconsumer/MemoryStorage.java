package io.otelier.helper.fileconsumer;

import io.otelier.api.storage.StorageClient;
import io.otelier.api.storage.StorageOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A StorageClient in a map, for checkpoint tests; its contents outlive close() like a file would. */
public final class MemoryStorage implements StorageClient {

    public final Map<String, byte[]> values = new HashMap<>();
    public int sets;

    @Override
    public synchronized byte[] get(String key) {
        byte[] v = values.get(key);
        return v == null ? null : v.clone();
    }

    @Override
    public synchronized void set(String key, byte[] value) {
        sets++;
        values.put(key, value.clone());
    }

    @Override
    public synchronized void delete(String key) {
        values.remove(key);
    }

    @Override
    public synchronized List<byte[]> batch(List<StorageOperation> operations) {
        List<byte[]> out = new ArrayList<>();
        for (StorageOperation op : operations) {
            if (op instanceof StorageOperation.Get g) {
                out.add(get(g.key()));
            } else if (op instanceof StorageOperation.Set st) {
                set(st.key(), st.value());
                out.add(null);
            } else {
                delete(op.key());
                out.add(null);
            }
        }
        return out;
    }

    @Override
    public void close() {
    }
}
