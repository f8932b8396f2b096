package io.otelier.exporter.debug.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * exporters::debug (upstream exporter/debugexporter v0.165). {@code sending_queue} is recognised but not
 * implemented (see the factory's unsupported keys).
 *
 * @param verbosity          basic, normal or detailed, in any case
 * @param samplingInitial    entries written per second (per distinct message) before sampling starts
 * @param samplingThereafter after that, every n-th entry is written; 1 writes all
 * @param useInternalLogger  true: write to the collector's console, subject to the collector's log level;
 *                           false: write to {@code outputPaths}
 * @param outputPaths        "stdout", "stderr" or file paths; only with useInternalLogger false; null means
 *                           ["stdout"]
 */
public record DebugExporterConfig(String verbosity, int samplingInitial, int samplingThereafter,
        boolean useInternalLogger, List<String> outputPaths) implements ComponentConfig {

    public static final String DEFAULT_VERBOSITY = "basic";
    public static final int DEFAULT_SAMPLING_INITIAL = 2;
    public static final int DEFAULT_SAMPLING_THEREAFTER = 1;
    public static final boolean DEFAULT_USE_INTERNAL_LOGGER = true;
    /** What a null {@code output_paths} means. */
    public static final List<String> DEFAULT_OUTPUT_PATHS = List.of("stdout");

    public DebugExporterConfig {
        verbosity = verbosity == null ? DEFAULT_VERBOSITY : verbosity;
        // a copy that keeps null entries, so that validate() can name them instead of failing here
        outputPaths = outputPaths == null ? null : Collections.unmodifiableList(new ArrayList<>(outputPaths));
    }

    public static DebugExporterConfig defaults() {
        return new DebugExporterConfig(DEFAULT_VERBOSITY, DEFAULT_SAMPLING_INITIAL, DEFAULT_SAMPLING_THEREAFTER,
                DEFAULT_USE_INTERNAL_LOGGER, null);
    }

    @Override
    public void validate() throws ConfigException {
        if (Verbosity.parse(verbosity).isEmpty()) {
            throw ConfigException.at("verbosity", "unknown value \"" + verbosity + "\" (valid: "
                    + Stream.of(Verbosity.values()).map(Verbosity::id).collect(Collectors.joining(", ")) + ")");
        }
        if (outputPaths == null) {
            return;
        }
        if (useInternalLogger) {
            // upstream: set but ignored would be confusing, so it is an error
            throw ConfigException.at("output_paths", "not supported when use_internal_logger is true");
        }
        if (outputPaths.isEmpty()) {
            throw ConfigException.at("output_paths", "must not be empty when use_internal_logger is false");
        }
        for (int i = 0; i < outputPaths.size(); i++) {
            String path = outputPaths.get(i);
            if (path == null || path.isBlank()) {
                throw ConfigException.at("output_paths", "entry " + i + " is empty");
            }
        }
    }

    /** The parsed verbosity; only valid after {@link #validate()} passed. */
    Verbosity verbosityLevel() {
        return Verbosity.parse(verbosity)
                .orElseThrow(() -> new IllegalStateException("unvalidated verbosity " + verbosity));
    }

    /** Where to write when the internal logger is not used. */
    List<String> effectiveOutputPaths() {
        return outputPaths == null ? DEFAULT_OUTPUT_PATHS : outputPaths;
    }
}
