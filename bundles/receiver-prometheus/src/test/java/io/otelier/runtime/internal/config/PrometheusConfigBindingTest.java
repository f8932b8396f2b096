package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import io.otelier.receiver.prometheus.internal.PrometheusReceiverConfig;
import io.otelier.receiver.prometheus.internal.PrometheusReceiverFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The receiver's YAML bound and validated by the collector's own binder, with the paths users read. */
class PrometheusConfigBindingTest {

    @TempDir
    Path dir;

    @Test
    void upstreamReadmeExampleBinds() {
        PrometheusReceiverConfig c = bind("""
                trim_metric_suffixes: true
                config:
                  scrape_configs:
                    - job_name: 'otel-collector'
                      scrape_interval: 5s
                      static_configs:
                        - targets: ['0.0.0.0:8888']
                      metric_relabel_configs:
                        - source_labels: [__name__]
                          regex: "(request_duration_seconds.*|response_duration_seconds.*)"
                          action: keep
                """);
        assertThat(c.trimMetricSuffixes()).isTrue();
        assertThat(c.scrapeOnShutdown()).isFalse();
        assertThat(c.initialScrapeOffset()).isZero();
        assertThat(c.toString()).contains("otel-collector");
    }

    @Test
    void dollarsFollowTheCollectorsExpansion() {
        PrometheusReceiverConfig c = bind("""
                config:
                  scrape_configs:
                    - job_name: j
                      relabel_configs:
                        - {source_labels: [a], target_label: b, replacement: '$$1-$1'}
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) ((List<Object>) c.config()
                .get("scrape_configs")).get(0)).get("relabel_configs")).get(0);
        assertThat(rule.get("replacement")).as("$$ escapes a $; a bare $1 is no reference").isEqualTo("$1-$1");
    }

    @Test
    void receiverKeysBind() {
        PrometheusReceiverConfig c = bind("""
                scrape_on_shutdown: true
                discovery_reload_on_startup: true
                initial_scrape_offset: 2s
                config: {scrape_configs: [{job_name: j}]}
                """);
        assertThat(c.scrapeOnShutdown()).isTrue();
        assertThat(c.discoveryReloadOnStartup()).isTrue();
        assertThat(c.initialScrapeOffset()).isEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no scrape configs|config: {}|receivers::prometheus: no Prometheus scrape_configs or target_allocator set",
        "target allocator|{target_allocator: {endpoint: 'http://ta'}, config: {scrape_configs: [{job_name: j}]}}|receivers::prometheus::target_allocator: is not supported by this distribution yet",
        "api server|{api_server: {enabled: true}, config: {scrape_configs: [{job_name: j}]}}|receivers::prometheus::api_server: is not supported by this distribution yet",
        "removed upstream key|{use_start_time_metric: true, config: {scrape_configs: [{job_name: j}]}}|receivers::prometheus::use_start_time_metric: unknown key",
        "kubernetes sd|config: {scrape_configs: [{job_name: j, kubernetes_sd_configs: [{role: pod}]}]}|receivers::prometheus::config::scrape_configs::0::kubernetes_sd_configs: is not supported by this distribution yet",
        "bad action|config: {scrape_configs: [{job_name: j, relabel_configs: [{target_label: a}, {action: bogus}]}]}|receivers::prometheus::config::scrape_configs::0::relabel_configs::1::action: unknown relabel action \"bogus\"",
        "typo in scrape config|config: {scrape_configs: [{job_name: j, scrape_intervall: 5s}]}|receivers::prometheus::config::scrape_configs::0::scrape_intervall: unknown key in scrape_config",
        "timeout above interval|config: {scrape_configs: [{job_name: j, scrape_interval: 5s, scrape_timeout: 10s}]}|receivers::prometheus::config::scrape_configs::0::scrape_timeout: scrape timeout greater than scrape interval for scrape config with job name \"j\"",
        "bad duration|config: {global: {scrape_interval: 5 seconds}, scrape_configs: [{job_name: j}]}|receivers::prometheus::config::global::scrape_interval: not a valid duration string: \"5 seconds\"",
        "remote write|config: {remote_write: [{url: 'http://x'}], scrape_configs: [{job_name: j}]}|receivers::prometheus::config: unsupported features:",
        "duplicate job|config: {scrape_configs: [{job_name: j}, {job_name: j}]}|receivers::prometheus::config::scrape_configs::1::job_name: found multiple scrape configs with job name \"j\"",
        "path in target|config: {scrape_configs: [{job_name: j, static_configs: [{targets: ['host:1/metrics']}]}]}|receivers::prometheus::config::scrape_configs::0::static_configs::0::targets::0: \"host:1/metrics\" is not a valid hostname",
        "bearer both|config: {scrape_configs: [{job_name: j, bearer_token: a, bearer_token_file: b}]}|receivers::prometheus::config::scrape_configs::0::bearer_token_file: at most one of bearer_token & bearer_token_file must be configured",
        "proto protocol|config: {scrape_configs: [{job_name: j, scrape_protocols: [PrometheusProto]}]}|receivers::prometheus::config::scrape_configs::0::scrape_protocols::0: protocol \"PrometheusProto\" is not supported by this distribution yet",
        "native histograms|config: {global: {scrape_native_histograms: true}, scrape_configs: [{job_name: j}]}|receivers::prometheus::config::global::scrape_native_histograms: value true is not supported by this distribution yet",
        "file sd pattern|config: {scrape_configs: [{job_name: j, file_sd_configs: [{files: [targets.txt]}]}]}|receivers::prometheus::config::scrape_configs::0::file_sd_configs::0::files::0: path name \"targets.txt\" is not valid for file discovery"})
    void invalidConfigsNameTheirPath(String name, String yaml, String message) {
        assertThatThrownBy(() -> bind(yaml)).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    private PrometheusReceiverConfig bind(String yaml) {
        Path file = dir.resolve("config.yaml");
        try {
            Files.writeString(file, "receivers:\n  prometheus:\n" + yaml.indent(4));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver(name -> null).resolve(List.of(file.toString()), List.of());
        @SuppressWarnings("unchecked")
        Object raw = ((Map<String, Object>) resolved.tree().get("receivers")).get("prometheus");
        return new ConfigBinder(resolved.sources()).bind(List.of("receivers", "prometheus"),
                new PrometheusReceiverFactory(), raw);
    }
}
