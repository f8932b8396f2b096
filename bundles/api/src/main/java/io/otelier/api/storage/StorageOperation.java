package io.otelier.api.storage;

import java.util.Objects;

/** One step of {@link StorageClient#batch}. */
public sealed interface StorageOperation {

    String key();

    static StorageOperation get(String key) {
        return new Get(key);
    }

    static StorageOperation set(String key, byte[] value) {
        return new Set(key, value);
    }

    static StorageOperation delete(String key) {
        return new Delete(key);
    }

    record Get(String key) implements StorageOperation {
        public Get {
            Objects.requireNonNull(key, "key");
        }
    }

    record Set(String key, byte[] value) implements StorageOperation {
        public Set {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    record Delete(String key) implements StorageOperation {
        public Delete {
            Objects.requireNonNull(key, "key");
        }
    }
}
