package io.otelier.receiver.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.testkit.RecordingLogger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Upstream parity: the upstream contrib collector (v0.165.1) scraped the corpus in
 * upstream-golden/scrape-corpus/ and its first batch per job was recorded (golden-generator/
 * run-upstream-scrape-golden.sh). Ours, fed the same bodies at the same scrape time, must produce the same
 * resources, scopes and metrics, point for point (also for a malformed body, and for series that disappear:
 * staleness markers); only the measured scrape duration differs.
 */
class UpstreamScrapeGoldenTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "text|text.prom|text/plain; version=0.0.4; charset=utf-8|/text|{static: label}",
        "openmetrics|openmetrics.txt|application/openmetrics-text; version=1.0.0; charset=utf-8|/openmetrics|{}",
        "malformed|malformed.prom|text/plain; version=0.0.4; charset=utf-8|/malformed|{}"})
    void sameMetricsAsUpstream(String job, String corpus, String contentType, String path, String labels)
            throws Exception {
        Metrics upstream = OtlpJson.decodeMetrics(resource("scrape-" + job + ".json"));
        long scrapeTimeMs = upTimeMs(upstream);
        ScrapeLoop loop = loop(job, path, labels);
        byte[] body = resource("scrape-corpus/" + corpus);
        Metrics ours = loop.assemble(new TargetFetcher.Body(body, body.length, contentType), null, scrapeTimeMs,
                System.nanoTime());

        assertThat(canonical(ours).keySet()).isEqualTo(canonical(upstream).keySet());
        canonical(upstream).forEach((key, expected) ->
                assertThat(canonical(ours).get(key)).as(key).isEqualTo(expected));
    }

    @Test
    void staleSeriesAsUpstream() throws Exception {
        String[] lines = new String(resource("scrape-changing.jsonl"), StandardCharsets.UTF_8).strip().split("\n");
        ScrapeLoop loop = loop("changing", "/changing", "{}");
        for (int i = 0; i < 2; i++) {
            Metrics upstream = OtlpJson.decodeMetrics(lines[i].getBytes(StandardCharsets.UTF_8));
            byte[] body = resource("scrape-corpus/changing-" + (i + 1) + ".prom");
            Metrics ours = loop.assemble(new TargetFetcher.Body(body, body.length, "text/plain; version=0.0.4"), null,
                    upTimeMs(upstream), System.nanoTime());
            assertThat(canonical(ours).keySet()).as("scrape " + (i + 1)).isEqualTo(canonical(upstream).keySet());
            int scrape = i + 1;
            canonical(upstream).forEach((key, expected) ->
                    assertThat(canonical(ours).get(key)).as("scrape " + scrape + ": " + key).isEqualTo(expected));
        }
    }

    private static ScrapeLoop loop(String job, String path, String labels) throws IOException {
        String address = new String(resource("scrape-address.txt"), StandardCharsets.UTF_8).strip();
        PromConfig prom = PromConfigReader.read(new ConfigNode(new Yaml().load("""
                scrape_configs:
                  - job_name: %s
                    metrics_path: %s
                    static_configs: [{targets: ['%s'], labels: %s}]
                """.formatted(job, path, address, labels)), "config"));
        ScrapeConfig cfg = prom.scrapeConfigs().get(0);
        ScrapeTarget target = new ScrapePool(cfg, null).targets(cfg.staticConfigs()).get(0);
        return new ScrapeLoop(cfg, target, prom.externalLabels(), false, "0.165.0", new RecordingLogger(),
                new TargetFetcher(cfg, "test", Executors.newSingleThreadScheduledExecutor()));
    }

    /** Every metric by resource, scope and name; the measured scrape duration zeroed. */
    private static Map<String, Object> canonical(Metrics m) {
        Map<String, Object> out = new TreeMap<>();
        for (ResourceMetrics rm : m.resourceMetrics()) {
            String resource = new TreeMap<>(ScrapeFixture.attrs(rm.resource().attributes())).toString();
            out.put(resource, "resource");
            for (ScopeMetrics sm : rm.scopeMetrics()) {
                String scope = resource + " / " + sm.scope().name() + " " + sm.scope().version() + " "
                        + ScrapeFixture.attrs(sm.scope().attributes()) + " " + sm.schemaUrl();
                for (Metric metric : sm.metrics()) {
                    Metric copy = new Metric();
                    metric.copyTo(copy);
                    if (copy.name().equals(ScrapeReport.DURATION)) {
                        copy.gauge().dataPoints().get(0).setDoubleValue(0);
                    }
                    out.put(scope + " / " + metric.name(), copy);
                }
            }
        }
        return out;
    }

    private static long upTimeMs(Metrics m) {
        return ScrapeFixture.byName(m).get("up").gauge().dataPoints().get(0).timeUnixNano() / 1_000_000;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = UpstreamScrapeGoldenTest.class.getResourceAsStream("/upstream-golden/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource upstream-golden/" + name);
            }
            return in.readAllBytes();
        }
    }
}
