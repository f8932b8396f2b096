package io.otelier.processor.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BatchConfigTest {

    private static BatchConfig config(Duration timeout, long size, long max, List<String> keys) {
        return new BatchConfig(timeout, size, max, keys, 1000);
    }

    @Test
    void defaultsAreUpstreams() {
        BatchConfig d = new BatchFactory().createDefaultConfig();
        assertThat(d.timeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(d.sendBatchSize()).isEqualTo(8192);
        assertThat(d.sendBatchMaxSize()).isZero();
        assertThat(d.metadataKeys()).isEmpty();
        assertThat(d.metadataCardinalityLimit()).isEqualTo(1000);
        assertThatCode(d::validate).doesNotThrowAnyException();
    }

    @Test
    void nullValuesTakeTheDefaults() {
        BatchConfig c = new BatchConfig(null, 1, 0, null, 0);
        assertThat(c.timeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.metadataKeys()).isEmpty();
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("max equal to size", config(Duration.ofSeconds(1), 100, 100, List.of())),
                Arguments.of("max above size", config(Duration.ofSeconds(1), 100, 101, List.of())),
                Arguments.of("immediate", config(Duration.ZERO, 0, 10000, List.of())),
                Arguments.of("metadata keys", config(Duration.ofSeconds(1), 100, 0, List.of("tenant", "region"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void acceptsValidConfigs(String name, BatchConfig config) {
        assertThatCode(config::validate).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("max below size", config(Duration.ofSeconds(1), 100, 99, List.of()),
                        "send_batch_max_size must be greater or equal to send_batch_size"),
                Arguments.of("duplicate metadata key", config(Duration.ofSeconds(1), 1, 0,
                        List.of("Tenant", "region", "tenant")),
                        "duplicate entry in metadata_keys: \"tenant\" (case-insensitive)"),
                Arguments.of("negative timeout", config(Duration.ofSeconds(-1), 1, 0, List.of()),
                        "timeout must be greater or equal to 0"),
                Arguments.of("negative size", config(Duration.ofSeconds(1), -1, 0, List.of()),
                        "send_batch_size: cannot parse value as 'uint32': -1 overflows uint"),
                Arguments.of("too large max", config(Duration.ofSeconds(1), 1, 1L << 32, List.of()),
                        "send_batch_max_size: cannot parse value as 'uint32': 4294967296 overflows uint"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidConfigsWithUpstreamsMessage(String name, BatchConfig config, String message) {
        assertThatThrownBy(config::validate).isInstanceOf(ConfigException.class).hasMessage(message);
    }
}
