package io.otelier.receiver.otlpjsonfile.internal;

import io.otelier.api.component.ComponentId;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.fileconsumer.FileConsumerConfig;
import java.util.List;

/**
 * receivers::otlpjsonfile (upstream receiver/otlpjsonfilereceiver v0.165.1): the fileconsumer keys at the top level
 * (squashed upstream) and {@code storage}. Upstream's {@code replay_file} is in the factory's unsupported keys.
 */
public final class OtlpJsonFileConfig extends FileConsumerConfig {

    private String storage;

    /** Upstream's defaults. */
    public OtlpJsonFileConfig() {
    }

    @Override
    public void validate() throws ConfigException {
        super.validate();
        if (storage != null) {
            try {
                ComponentId.parse(storage);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at("storage", e.getMessage());
            }
        }
    }

    @Override
    protected List<Object> values() {
        List<Object> out = super.values();
        out.add(storage);
        return out;
    }

    /** The storage extension's id as written, or null. */
    public String storage() {
        return storage;
    }

    /** For code that builds configs without YAML (tests). */
    public OtlpJsonFileConfig storage(String id) {
        storage = id;
        return this;
    }
}
