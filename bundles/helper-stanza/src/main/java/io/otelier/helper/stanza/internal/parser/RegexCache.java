package io.otelier.helper.stanza.internal.parser;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * regex_parser's {@code cache}: a bounded map evicting the oldest key. As upstream, when evictions happen
 * faster than the cache size per 5 s, new additions pause (the input is too diverse to benefit).
 */
final class RegexCache {

    private static final long INTERVAL_NANOS = 5_000_000_000L;

    private final int maxSize;
    private final Map<String, Map<String, Object>> values = new HashMap<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final long limit;
    private long evictions;
    private long windowStart = System.nanoTime();

    RegexCache(int maxSize) {
        this.maxSize = maxSize;
        this.limit = maxSize + 1L;
    }

    synchronized Map<String, Object> get(String key) {
        return values.get(key);
    }

    synchronized void add(String key, Map<String, Object> value) {
        decay();
        if (evictions >= limit) {
            return;
        }
        if (order.size() == maxSize) {
            values.remove(order.removeFirst());
            if (evictions < limit) {
                evictions++;
            }
        }
        if (values.put(key, value) == null) {
            order.addLast(key);
        }
    }

    /** Upstream lowers the eviction count by 10 % of the limit every interval. */
    private void decay() {
        long now = System.nanoTime();
        while (now - windowStart >= INTERVAL_NANOS) {
            windowStart += INTERVAL_NANOS;
            if (evictions > 0) {
                long step = Math.round(0.10 * limit);
                evictions = Math.max(0, evictions - step);
            }
        }
    }
}
