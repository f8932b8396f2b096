package io.otelier.receiver.hostmetrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HostMetricsConfigTest {

    private static final HostMetricsConfig.Scrapers CPU = HostMetricsConfig.Scrapers.cpuOnly();

    @Test
    void defaultsAreUpstreams() {
        HostMetricsConfig c = new HostMetricsReceiverFactory().createDefaultConfig();

        assertThat(c.collectionInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.initialDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.metadataCollectionInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.rootPath()).isEmpty();
        assertThatThrownBy(c::validate).as("no scraper configured")
                .hasMessage("must specify at least one scraper when using host_metrics receiver");
        assertThatCode(() -> with(CPU).validate()).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalid() {
        HostMetricsConfig base = with(CPU);
        return Stream.of(
                Arguments.of(new HostMetricsConfig(Duration.ZERO, base.initialDelay(), "", Duration.ZERO, CPU),
                        "collection_interval: requires positive value"),
                Arguments.of(new HostMetricsConfig(Duration.ofSeconds(1), Duration.ZERO, "", Duration.ofSeconds(-1), CPU),
                        "metadata_collection_interval: metadata_collection_interval must not be negative"),
                Arguments.of(new HostMetricsConfig(Duration.ofSeconds(1), Duration.ZERO, "/no/such/root", Duration.ZERO,
                        CPU), "root_path: invalid root_path: stat /no/such/root: no such file or directory"),
                Arguments.of(metrics(Map.of("system.cpu.time", new MetricSettings(true, null, List.of("core")))),
                        "scrapers::cpu::metrics::system.cpu.time::attributes: metric system.cpu.time doesn't have an "
                                + "attribute core, valid attributes: [cpu, state]"),
                Arguments.of(metrics(Map.of("system.cpu.time", new MetricSettings(true, "median", null))),
                        "scrapers::cpu::metrics::system.cpu.time::aggregation_strategy: invalid aggregation strategy "
                                + "\"median\", valid strategies: [sum, avg, min, max]"),
                Arguments.of(metrics(Map.of("system.cpu.logical.count", new MetricSettings(true, "sum", null))),
                        "scrapers::cpu::metrics::system.cpu.logical.count: has invalid keys: aggregation_strategy"),
                Arguments.of(metrics(Map.of("system.memory.usage", Scrapes.on())),
                        "scrapers::cpu::metrics: has invalid keys: system.memory.usage"),
                Arguments.of(with(new HostMetricsConfig.Scrapers(null, null, null, new LoadSettings(true,
                        Map.of("system.uptime", Scrapes.on())), null, null, null, null, null, null)),
                        "scrapers::load::metrics: has invalid keys: system.uptime"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidSettingsNameTheirField(HostMetricsConfig config, String message) {
        assertThatThrownBy(config::validate).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    private static HostMetricsConfig with(HostMetricsConfig.Scrapers scrapers) {
        HostMetricsConfig d = HostMetricsConfig.defaults();
        return new HostMetricsConfig(d.collectionInterval(), d.initialDelay(), d.rootPath(),
                d.metadataCollectionInterval(), scrapers);
    }

    private static HostMetricsConfig metrics(Map<String, MetricSettings> metrics) {
        return with(new HostMetricsConfig.Scrapers(new ScraperSettings(metrics), null, null, null, null, null, null,
                null, null, null));
    }
}
