package io.otelier.receiver.otlp.internal;

import io.otelier.api.component.ComponentId;
import io.otelier.api.telemetry.Logger;
import java.util.HashMap;
import java.util.Map;

/**
 * The factory's {@link OtlpReceiver}s, one per receiver id and bound config (upstream's {@code sharedcomponent}
 * map, keyed by the config). The config object is compared by identity, as upstream compares the config
 * pointer: the runtime builds a reloaded graph — with freshly bound configs — before it stops the running one,
 * and the new instances must get servers of their own rather than join the old ones. A receiver leaves the map
 * when its servers stop or fail to start.
 */
final class SharedReceivers {

    private final Map<Key, OtlpReceiver> receivers = new HashMap<>();

    /** The receiver of {@code id} for this config, created on first use. */
    synchronized OtlpReceiver get(ComponentId id, OtlpReceiverConfig config, Logger log) {
        return receivers.computeIfAbsent(new Key(id, config), key -> {
            Runnable forget = () -> forget(key);
            return new OtlpReceiver(config, log, forget);
        });
    }

    synchronized int size() {
        return receivers.size();
    }

    private synchronized void forget(Key key) {
        receivers.remove(key);
    }

    /** An id and a config instance. */
    private static final class Key {
        private final ComponentId id;
        private final OtlpReceiverConfig config;

        Key(ComponentId id, OtlpReceiverConfig config) {
            this.id = id;
            this.config = config;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.id.equals(id) && k.config == config;
        }

        @Override
        public int hashCode() {
            return id.hashCode() * 31 + System.identityHashCode(config);
        }
    }
}
