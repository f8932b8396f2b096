package io.otelier.extension.filestorage.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each live key's value sits in the store file. Values stay on disk (the page cache serves repeated reads),
 * so memory holds only keys: a persistent queue's backlog does not have to fit the heap.
 */
final class KeyIndex {

    /** A value's place in the file. */
    record ValueRef(long offset, int length) {
    }

    private final Map<String, ValueRef> refs = new HashMap<>();
    private long liveBytes;

    ValueRef get(String key) {
        return refs.get(key);
    }

    void set(String key, int keyBytes, long valueOffset, int valueLength) {
        ValueRef old = refs.put(key, new ValueRef(valueOffset, valueLength));
        if (old != null) {
            liveBytes -= LogFormat.setSize(keyBytes, old.length);
        }
        liveBytes += LogFormat.setSize(keyBytes, valueLength);
    }

    void delete(String key, int keyBytes) {
        ValueRef old = refs.remove(key);
        if (old != null) {
            liveBytes -= LogFormat.setSize(keyBytes, old.length);
        }
    }

    /** The payload bytes the live entries would take if written afresh. */
    long liveBytes() {
        return liveBytes;
    }

    int size() {
        return refs.size();
    }

    List<Map.Entry<String, ValueRef>> snapshot() {
        return new ArrayList<>(refs.entrySet());
    }
}
