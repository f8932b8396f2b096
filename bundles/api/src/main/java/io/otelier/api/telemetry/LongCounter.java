package io.otelier.api.telemetry;

import org.osgi.annotation.versioning.ProviderType;

/** A monotonic counter of internal telemetry. */
@ProviderType
public interface LongCounter {

    /** Adds {@code value} to the series with these label pairs (key, value, key, value …). */
    void add(long value, String... labels);
}
