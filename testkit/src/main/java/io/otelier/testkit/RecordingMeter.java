package io.otelier.testkit;

import io.otelier.api.telemetry.LongCounter;
import io.otelier.api.telemetry.Meter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A meter that keeps counter values per name and label set, for assertions. */
public final class RecordingMeter implements Meter {

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    @Override
    public LongCounter counter(String name, String description, String unit) {
        return (value, labels) -> counters.computeIfAbsent(key(name, labels), k -> new AtomicLong()).addAndGet(value);
    }

    @Override
    public AutoCloseable gauge(String name, String description, String unit, LongSupplier value, String... labels) {
        String key = key(name, labels);
        gauges.put(key, value);
        return () -> gauges.remove(key);
    }

    /** The counter's value for exactly these labels (key, value, …), 0 if never added to. */
    public long counter(String name, String... labels) {
        AtomicLong v = counters.get(key(name, labels));
        return v == null ? 0 : v.get();
    }

    /** The gauge's current reading, or null when no such gauge is registered. */
    public Long gauge(String name, String... labels) {
        LongSupplier s = gauges.get(key(name, labels));
        return s == null ? null : s.getAsLong();
    }

    private static String key(String name, String... labels) {
        return name + Arrays.toString(labels);
    }
}
