package io.otelier.receiver.filelog.internal;

import io.otelier.api.component.ComponentId;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.fileconsumer.FileConsumerConfig;
import io.otelier.helper.stanza.EntryDecorator;
import io.otelier.helper.stanza.OperatorPipeline;
import io.otelier.helper.stanza.RetryOnFailure;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * receivers::file_log (upstream receiver/filelogreceiver v0.165.1): the fileconsumer keys (inherited, at the top
 * level as upstream squashes them) plus the stanza receiver's {@code operators}, {@code storage} and
 * {@code retry_on_failure}, and the input operator's {@code attributes} and {@code resource}.
 */
public final class FileLogConfig extends FileConsumerConfig {

    private List<Map<String, Object>> operators = List.of();
    private String storage;
    private RetryOnFailure retryOnFailure = RetryOnFailure.defaults();
    private Map<String, String> attributes = Map.of();
    private Map<String, String> resource = Map.of();

    /** Upstream's defaults. */
    public FileLogConfig() {
    }

    @Override
    public void validate() throws ConfigException {
        super.validate();
        OperatorPipeline.validate(operators());
        EntryDecorator.of(attributes(), resource());
        if (storage != null) {
            try {
                ComponentId.parse(storage);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at("storage", e.getMessage());
            }
        }
        try {
            retryOnFailure().validate();
        } catch (ConfigException e) {
            throw e.under("retry_on_failure");
        }
    }

    @Override
    protected List<Object> values() {
        List<Object> out = super.values();
        out.addAll(Arrays.asList(operators, storage, retryOnFailure, attributes, resource));
        return out;
    }

    public List<Map<String, Object>> operators() {
        return operators == null ? List.of() : operators;
    }

    /** The storage extension's id as written, or null. */
    public String storage() {
        return storage;
    }

    public RetryOnFailure retryOnFailure() {
        return retryOnFailure == null ? RetryOnFailure.defaults() : retryOnFailure;
    }

    public Map<String, String> attributes() {
        return attributes == null ? Map.of() : attributes;
    }

    public Map<String, String> resource() {
        return resource == null ? Map.of() : resource;
    }

    // For code that builds configs without YAML (tests).

    public FileLogConfig operators(List<Map<String, Object>> list) {
        operators = list;
        return this;
    }

    public FileLogConfig storage(String id) {
        storage = id;
        return this;
    }

    public FileLogConfig attributes(Map<String, String> values) {
        attributes = values;
        return this;
    }

    public FileLogConfig resource(Map<String, String> values) {
        resource = values;
        return this;
    }

    public FileLogConfig retryOnFailure(RetryOnFailure retry) {
        retryOnFailure = retry;
        return this;
    }
}
