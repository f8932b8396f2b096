package io.otelier.tests.generator;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.time.Duration;

/**
 * How much the generator emits once started: {@code batches} requests of {@code items} spans, data points
 * or log records (by the pipeline's signal), {@code delay} after start.
 */
public record GeneratorConfig(int items, int batches, Duration delay) implements ComponentConfig {

    @Override
    public void validate() {
        if (items < 1) {
            throw ConfigException.at("items", "must be at least 1, got " + items);
        }
        if (batches < 1) {
            throw ConfigException.at("batches", "must be at least 1, got " + batches);
        }
    }
}
