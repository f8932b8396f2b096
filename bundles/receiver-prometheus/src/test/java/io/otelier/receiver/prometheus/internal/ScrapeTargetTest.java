package io.otelier.receiver.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/** Target labels, relabeling of targets and the scrape URL, as Prometheus's PopulateLabels. */
class ScrapeTargetTest {

    static ScrapeConfig job(String yaml) {
        return PromConfigReader.read(new ConfigNode(new Yaml().load("scrape_configs: [" + yaml + "]"), "config"))
                .scrapeConfigs().get(0);
    }

    @Test
    void defaultsFillTheReservedLabels() {
        ScrapeConfig cfg = job("{job_name: node, scrape_interval: 15s}");
        ScrapeTarget t = ScrapeTarget.populate(cfg, Map.of("__address__", "host:9100"), Map.of("env", "prod"));
        assertThat(t.labels().toString()).isEqualTo("{__address__=\"host:9100\", "
                + "__always_scrape_classic_histograms__=\"false\", __convert_classic_histograms_to_nhcb__=\"false\", "
                + "__metrics_path__=\"/metrics\", __scheme__=\"http\", __scrape_interval__=\"15s\", "
                + "__scrape_native_histograms__=\"false\", __scrape_timeout__=\"10s\", env=\"prod\", "
                + "instance=\"host:9100\", job=\"node\"}");
        assertThat(t.sampleLabels().toString()).isEqualTo("{env=\"prod\", instance=\"host:9100\", job=\"node\"}");
        assertThat(t.url()).hasToString("http://host:9100/metrics");
        assertThat(t.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void relabelingSteersAddressPathParamsAndInterval() {
        ScrapeConfig cfg = job("""
                {job_name: blackbox, metrics_path: /probe, params: {module: [http_2xx]},
                 relabel_configs: [
                   {source_labels: [__address__], target_label: __param_target},
                   {source_labels: [__param_target], target_label: instance},
                   {target_label: __address__, replacement: 'exporter:9115'},
                   {target_label: __scrape_interval__, replacement: 30s},
                   {regex: '__meta_(.+)', action: labelmap, replacement: 'meta_$1'}]}""");
        ScrapeTarget t = ScrapeTarget.populate(cfg, Map.of("__address__", "example.com", "__meta_zone", "z1"),
                Map.of());
        assertThat(t.url()).hasToString("http://exporter:9115/probe?module=http_2xx&target=example.com");
        assertThat(t.instance()).isEqualTo("example.com");
        assertThat(t.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.sampleLabels().toString()).isEqualTo("{instance=\"example.com\", job=\"blackbox\", meta_zone=\"z1\"}");
        assertThat(t.discoveredLabels().get("__meta_zone")).isEqualTo("z1");
    }

    @Test
    void keepAndDropTargets() {
        ScrapeConfig cfg = job("{job_name: j, relabel_configs: [{source_labels: [env], regex: prod, action: keep}]}");
        assertThat(ScrapeTarget.populate(cfg, Map.of("__address__", "a:1"), Map.of("env", "dev"))).isNull();
        assertThat(ScrapeTarget.populate(cfg, Map.of("__address__", "a:1"), Map.of("env", "prod"))).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no address|{target_label: __address__, replacement: ''}|no address",
        "path in address|{target_label: __address__, replacement: 'h/x'}|\"h/x\" is not a valid hostname",
        "zero interval|{target_label: __scrape_interval__, replacement: '0'}|scrape interval cannot be 0",
        "timeout over interval|{target_label: __scrape_timeout__, replacement: 2m}|scrape timeout cannot be greater than scrape interval (\"2m\" > \"1m\")"})
    void invalidTargetsAreRefusedWithPrometheusReasons(String name, String rule, String message) {
        ScrapeConfig cfg = job("{job_name: j, relabel_configs: [" + rule + "]}");
        assertThatThrownBy(() -> ScrapeTarget.populate(cfg, Map.of("__address__", "a:1"), Map.of()))
                .hasMessage(message);
    }

    @Test
    void poolSkipsInvalidTargetsAndDeduplicates() {
        ScrapeConfig cfg = job("{job_name: j}");
        ScrapePool pool = new ScrapePool(cfg, new ScrapePool.Shared(Labels.EMPTY, false, "v", "ua", 0, 0, null,
                m -> { }, new io.otelier.testkit.RecordingLogger()));
        List<ScrapeTarget> targets = pool.targets(List.of(new TargetGroup(List.of(Map.of("__address__", "a:1"),
                Map.of("__address__", "a:1"), Map.of("__address__", "")), Map.of(), "0")));
        assertThat(targets).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"0,0s", "15s,15s", "90s,1m30s", "1h30m,1h30m", "500ms,500ms", "1d,1d", "2w,2w", "1y,1y",
        "1m0s,1m"})
    void prometheusDurations(String in, String printed) {
        assertThat(PromDuration.format(PromDuration.parse(in))).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({"5", "1.5s", "5 s", "1s1m", "-1s", "''"})
    void invalidDurations(String in) {
        assertThatThrownBy(() -> PromDuration.parse(in)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptHeaderFollowsTheProtocolList() {
        assertThat(TargetFetcher.acceptHeader(List.of("PrometheusText0.0.4"), "allow-utf-8"))
                .isEqualTo("text/plain;version=0.0.4;q=0.7,*/*;q=0.6");
        assertThat(TargetFetcher.acceptHeader(List.of("OpenMetricsText1.0.0", "PrometheusText1.0.0"), "underscores"))
                .isEqualTo("application/openmetrics-text;version=1.0.0;escaping=underscores;q=0.7,"
                        + "text/plain;version=1.0.0;escaping=underscores;q=0.6,*/*;q=0.5");
    }
}
