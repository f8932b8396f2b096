package io.otelier.helper.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Defaults, YAML keys and validation of the three sections, against upstream v0.165. */
class ConfigSettingsTest {

    @Test
    void defaultsAreUpstreams() {
        assertThat(RetrySettings.defaults()).isEqualTo(new RetrySettings(true, Duration.ofSeconds(5), 0.5, 1.5,
                Duration.ofSeconds(30), Duration.ofSeconds(300)));
        assertThat(QueueSettings.defaults()).isEqualTo(new QueueSettings(true, 10, 1000, "requests", false, false, null));
        assertThat(TimeoutSettings.defaults().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(QueueSettings.disabled().enabled()).isFalse();
        assertThat(RetrySettings.disabled().enabled()).isFalse();
    }

    @Test
    void recordComponentsBindToUpstreamsKeys() {
        assertThat(keys(RetrySettings.class)).containsExactly("enabled", "initial_interval", "randomization_factor",
                "multiplier", "max_interval", "max_elapsed_time");
        assertThat(keys(QueueSettings.class)).containsExactly("enabled", "num_consumers", "queue_size", "sizer",
                "block_on_overflow", "wait_for_result", "storage");
        assertThat(keys(TimeoutSettings.class)).containsExactly("timeout");
    }

    @Test
    void nullsMeanDefaults() {
        RetrySettings retry = new RetrySettings(true, null, 0.5, 1.5, null, null);
        assertThat(retry).isEqualTo(RetrySettings.defaults());
        assertThat(new QueueSettings(true, 10, 1000, null, false, false, null)).isEqualTo(QueueSettings.defaults());
        assertThat(new TimeoutSettings(null)).isEqualTo(TimeoutSettings.defaults());
    }

    static Stream<Arguments> invalid() {
        RetrySettings r = RetrySettings.defaults();
        QueueSettings q = QueueSettings.defaults();
        return Stream.of(
                Arguments.of("retry: max_elapsed_time below initial_interval",
                        new RetrySettings(true, Duration.ofSeconds(10), 0.5, 1.5, Duration.ofSeconds(5), Duration.ofSeconds(8)),
                        "max_elapsed_time: 'max_elapsed_time' must not be less than 'initial_interval'"),
                Arguments.of("retry: max_elapsed_time below max_interval",
                        new RetrySettings(true, Duration.ofSeconds(5), 0.5, 1.5, Duration.ofSeconds(30), Duration.ofSeconds(20)),
                        "max_elapsed_time: 'max_elapsed_time' must not be less than 'max_interval'"),
                Arguments.of("retry: checked even when disabled",
                        new RetrySettings(false, Duration.ofSeconds(5), 0.5, 1.5, Duration.ofSeconds(30), Duration.ofSeconds(20)),
                        "max_elapsed_time: 'max_elapsed_time' must not be less than 'max_interval'"),
                Arguments.of("retry: negative initial_interval",
                        new RetrySettings(true, Duration.ofSeconds(-1), 0.5, 1.5, Duration.ofSeconds(30), Duration.ZERO),
                        "initial_interval: initial_interval value must be greater than or equal to 0"),
                Arguments.of("retry: negative max_elapsed_time",
                        new RetrySettings(true, Duration.ofSeconds(1), 0.5, 1.5, Duration.ofSeconds(30), Duration.ofSeconds(-1)),
                        "max_elapsed_time: max_elapsed_time value must be greater than or equal to 0"),
                Arguments.of("retry: negative max_interval",
                        new RetrySettings(true, Duration.ofSeconds(1), 0.5, 1.5, Duration.ofSeconds(-30), Duration.ZERO),
                        "max_interval: max_interval value must be greater than or equal to 0"),
                Arguments.of("retry: negative multiplier",
                        new RetrySettings(true, r.initialInterval(), 0.5, -1, r.maxInterval(), r.maxElapsedTime()),
                        "multiplier: multiplier value must be greater than or equal to 0"),
                Arguments.of("retry: negative randomization_factor",
                        new RetrySettings(true, r.initialInterval(), -0.1, 1.5, r.maxInterval(), r.maxElapsedTime()),
                        "randomization_factor: randomization_factor value must be greater than or equal to 0"),
                Arguments.of("retry: randomization_factor above 1",
                        new RetrySettings(true, r.initialInterval(), 1.5, 1.5, r.maxInterval(), r.maxElapsedTime()),
                        "randomization_factor: randomization_factor value must be less than or equal to 1"),
                Arguments.of("queue: zero consumers", q.withNumConsumers(0), "num_consumers: `num_consumers` must be positive"),
                Arguments.of("queue: zero size", q.withQueueSize(0), "queue_size: `queue_size` must be positive"),
                Arguments.of("queue: negative size", q.withQueueSize(-5), "queue_size: `queue_size` must be positive"),
                Arguments.of("queue: sizer typo", q.withSizer("item"), "sizer: invalid sizer: \"item\""),
                Arguments.of("queue: sizer typo even when disabled", q.withSizer("Requests").withEnabled(false),
                        "sizer: invalid sizer: \"Requests\""),
                Arguments.of("queue: wait_for_result with storage",
                        new QueueSettings(true, 10, 1000, "requests", false, true, "file_storage"),
                        "wait_for_result: `wait_for_result` is not supported with a persistent queue configured with `storage`"),
                Arguments.of("queue: malformed storage id",
                        new QueueSettings(true, 10, 1000, "requests", false, false, "file_storage/"),
                        "storage: name part must be specified after '/' in id \"file_storage/\""),
                Arguments.of("timeout: negative", TimeoutSettings.of(Duration.ofMillis(-1)),
                        "timeout: timeout value must be greater than or equal to 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidValuesAreReportedWithUpstreamsMessages(String name, ComponentConfig config, String expected) {
        assertThatThrownBy(config::validate).isInstanceOf(ConfigException.class).hasMessage(expected);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("retry defaults", RetrySettings.defaults()),
                Arguments.of("retry forever", new RetrySettings(true, Duration.ofSeconds(5), 0, 2, Duration.ofMinutes(1),
                        Duration.ZERO)),
                Arguments.of("queue defaults", QueueSettings.defaults()),
                Arguments.of("queue by items, blocking", QueueSettings.defaults().withSizer("items").withBlockOnOverflow(true)),
                Arguments.of("queue by bytes", QueueSettings.defaults().withSizer("bytes").withQueueSize(5_000_000)),
                Arguments.of("disabled queue with zero values", new QueueSettings(false, 0, 0, "requests", false, false, null)),
                Arguments.of("no timeout", TimeoutSettings.of(Duration.ZERO)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validValuesPass(String name, ComponentConfig config) {
        assertThatCode(config::validate).doesNotThrowAnyException();
    }

    @Test
    void helperValidatesSectionsWithTheirPaths() {
        assertThatThrownBy(() -> ExporterHelper.validate(TimeoutSettings.defaults(),
                QueueSettings.defaults().withNumConsumers(0), RetrySettings.defaults()))
                .hasMessage("sending_queue::num_consumers: `num_consumers` must be positive")
                .satisfies(e -> assertThat(((ConfigException) e).path()).containsExactly("sending_queue", "num_consumers"));
        assertThatThrownBy(() -> ExporterHelper.validate(TimeoutSettings.defaults(), null,
                new RetrySettings(true, Duration.ofSeconds(10), 0.5, 1.5, Duration.ofSeconds(5), Duration.ofSeconds(8))))
                .hasMessage("retry_on_failure::max_elapsed_time: 'max_elapsed_time' must not be less than 'initial_interval'");
        assertThatThrownBy(() -> ExporterHelper.validate(TimeoutSettings.of(Duration.ofSeconds(-1)), null, null))
                .hasMessage("timeout: timeout value must be greater than or equal to 0");
        assertThatCode(() -> ExporterHelper.validate(TimeoutSettings.defaults(), null, RetrySettings.defaults()))
                .doesNotThrowAnyException();
    }

    @Test
    void unimplementedUpstreamKeysAreListed() {
        assertThat(ExporterHelper.UNSUPPORTED_KEYS).containsExactlyInAnyOrder("sending_queue::batch",
                "sending_queue::storage");
    }

    /** The YAML keys the runtime binds record components to (its SNAKE_CASE naming). */
    private static List<String> keys(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase())
                .toList();
    }
}
