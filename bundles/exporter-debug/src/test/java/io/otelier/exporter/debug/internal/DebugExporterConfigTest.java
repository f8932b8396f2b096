package io.otelier.exporter.debug.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.otelier.api.config.ConfigException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DebugExporterConfigTest {

    @Test
    void defaultsAreUpstreams() {
        DebugExporterConfig config = DebugExporterConfig.defaults();
        assertThat(config.verbosity()).isEqualTo("basic");
        assertThat(config.verbosityLevel()).isEqualTo(Verbosity.BASIC);
        assertThat(config.samplingInitial()).isEqualTo(2);
        assertThat(config.samplingThereafter()).isEqualTo(1);
        assertThat(config.useInternalLogger()).isTrue();
        assertThat(config.outputPaths()).isNull();
        assertThat(config.effectiveOutputPaths()).containsExactly("stdout");
        assertThatCode(config::validate).doesNotThrowAnyException();
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("verbosity in any case", config("Detailed", true, null), Verbosity.DETAILED),
                Arguments.of("normal", config("normal", true, null), Verbosity.NORMAL),
                Arguments.of("null verbosity means the default", config(null, true, null), Verbosity.BASIC),
                Arguments.of("output paths without the internal logger",
                        config("basic", false, List.of("stderr", "/tmp/debug.log")), Verbosity.BASIC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String name, DebugExporterConfig config, Verbosity verbosity) {
        assertThatCode(config::validate).doesNotThrowAnyException();
        assertThat(config.verbosityLevel()).isEqualTo(verbosity);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("unknown verbosity", config("loud", true, null),
                        "verbosity: unknown value \"loud\" (valid: basic, normal, detailed)"),
                Arguments.of("telemetry level none is no verbosity", config("none", true, null),
                        "verbosity: unknown value \"none\" (valid: basic, normal, detailed)"),
                Arguments.of("output paths with the internal logger", config("basic", true, List.of("stdout")),
                        "output_paths: not supported when use_internal_logger is true"),
                Arguments.of("empty output paths", config("basic", false, List.of()),
                        "output_paths: must not be empty when use_internal_logger is false"),
                Arguments.of("blank output path", config("basic", false, List.of("stdout", " ")),
                        "output_paths: entry 1 is empty"),
                Arguments.of("null output path", config("basic", false, Arrays.asList("stdout", null)),
                        "output_paths: entry 1 is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String name, DebugExporterConfig config, String message) {
        ConfigException error = catchThrowableOfType(ConfigException.class, config::validate);
        assertThat(error).as("no error for %s", name).isNotNull();
        assertThat(error.getMessage()).isEqualTo(message);
    }

    private static DebugExporterConfig config(String verbosity, boolean internalLogger, List<String> paths) {
        return new DebugExporterConfig(verbosity, 2, 1, internalLogger, paths);
    }
}
