package io.otelier.runtime.internal.config;

import io.otelier.api.component.Signal;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A pipeline's id as written under {@code service::pipelines}: {@code signal[/name]}, e.g. {@code traces/agent}. */
public record PipelineId(Signal signal, String name) {

    // upstream pipeline.ID: a name is 1..1024 characters without whitespace, control characters or symbols
    private static final Pattern NAME = Pattern.compile("^[^\\p{Z}\\p{C}\\p{S}\\s]{1,1024}$");

    public PipelineId {
        Objects.requireNonNull(signal, "signal");
        name = name == null ? "" : name;
    }

    public static PipelineId of(Signal signal) {
        return new PipelineId(signal, "");
    }

    /**
     * Parses {@code traces}, {@code metrics/2}, …
     *
     * @throws IllegalArgumentException naming what is wrong, in upstream's words where it has them
     */
    public static PipelineId parse(String text) {
        String id = text == null ? "" : text;
        int slash = id.indexOf('/');
        String signal = (slash < 0 ? id : id.substring(0, slash)).strip();
        String name = slash < 0 ? "" : id.substring(slash + 1).strip();
        if (signal.isEmpty()) {
            throw new IllegalArgumentException(slash < 0 ? "id must not be empty"
                    : "in \"" + id + "\" id: the part before / should not be empty");
        }
        if (slash >= 0 && name.isEmpty()) {
            throw new IllegalArgumentException("in \"" + id + "\" id: the part after / should not be empty");
        }
        if (slash >= 0 && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("in \"" + id + "\" id: invalid character(s) in name \"" + name + "\"");
        }
        if (signal.equals("profiles")) {
            throw new IllegalArgumentException("pipeline \"" + id + "\": the profiles signal is not supported by this "
                    + "distribution yet");
        }
        Signal parsed = Signal.fromId(signal).orElseThrow(() -> new IllegalArgumentException("pipeline \"" + id
                + "\": unknown signal \"" + signal + "\" (valid values: " + validSignals() + ")"));
        return new PipelineId(parsed, name);
    }

    private static String validSignals() {
        return Arrays.stream(Signal.values()).map(Signal::id).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return name.isEmpty() ? signal.id() : signal.id() + "/" + name;
    }
}
