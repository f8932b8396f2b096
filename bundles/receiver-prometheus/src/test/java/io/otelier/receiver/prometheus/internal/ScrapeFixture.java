package io.otelier.receiver.prometheus.internal;

import io.otelier.api.telemetry.Logger;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.testkit.RecordingLogger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.yaml.snakeyaml.Yaml;

/** A scrape loop for one target of a config written in YAML, fed with bodies instead of HTTP. */
final class ScrapeFixture {

    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    final RecordingLogger logger = new RecordingLogger();
    final ScrapeLoop loop;
    final ScrapeTarget target;

    ScrapeFixture(String promConfigYaml) {
        this(promConfigYaml, "localhost:9100", false);
    }

    ScrapeFixture(String promConfigYaml, String address, boolean trimSuffixes) {
        PromConfig prom = PromConfigReader.read(new ConfigNode(new Yaml().load(promConfigYaml), "config"));
        ScrapeConfig cfg = prom.scrapeConfigs().get(0);
        target = ScrapeTarget.populate(cfg, Map.of("__address__", address), Map.of());
        Logger log = logger;
        loop = new ScrapeLoop(cfg, target, prom.externalLabels(), trimSuffixes, "0.1.0", log,
                new TargetFetcher(cfg, "otelcol-test/0.1.0", Executors.newSingleThreadScheduledExecutor()));
    }

    Metrics scrape(String contentType, String body, long timeMs) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return loop.assemble(new TargetFetcher.Body(b, b.length, contentType), null, timeMs, System.nanoTime());
    }

    Metrics failed(Exception error, long timeMs) {
        return loop.assemble(null, error, timeMs, System.nanoTime());
    }

    /** Metrics by name across resources and scopes. */
    static Map<String, Metric> byName(Metrics m) {
        Map<String, Metric> out = new LinkedHashMap<>();
        for (ResourceMetrics rm : m.resourceMetrics()) {
            rm.scopeMetrics().forEach(sm -> sm.metrics().forEach(metric -> out.put(metric.name(), metric)));
        }
        return out;
    }

    static double gaugeValue(Metrics m, String name) {
        return byName(m).get(name).gauge().dataPoints().get(0).doubleValue();
    }

    static Map<String, String> attrs(io.otelier.pdata.common.Attributes a) {
        Map<String, String> out = new LinkedHashMap<>();
        a.forEach((k, v) -> out.put(k, v.asString()));
        return out;
    }
}
