package io.otelier.exporter.prometheus.internal;

import io.otelier.api.component.Host;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.http.HttpRequest;
import io.otelier.helper.http.HttpResponse;
import io.otelier.helper.http.HttpServer;
import io.otelier.helper.http.HttpServers;
import io.otelier.helper.prometheus.ResourceToTelemetry;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.DataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Keeps the latest value of every series it receives and serves them on {@code GET /metrics} (upstream's
 * prometheusexporter): text format 0.0.4, or OpenMetrics 1.0 when enabled and the scraper accepts it.
 */
final class PrometheusExporter implements Exporter<Metrics> {

    static final String PATH = "/metrics";

    private final PromExporterConfig config;
    private final Logger log;
    private final Accumulator accumulator;
    private final Exposition exposition;
    private volatile HttpServer server;

    PrometheusExporter(PromExporterConfig config, Logger log, Clock clock) {
        this.config = config;
        this.log = log;
        this.accumulator = new Accumulator(config.metricExpiration(), clock, log);
        this.exposition = new Exposition(config, log);
    }

    @Override
    public void start(Host host) throws Exception {
        server = HttpServers.start(config.serverSettings(), Map.of(PATH, this::scrape));
    }

    InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void consume(RequestContext context, Metrics data) {
        ResourceToTelemetry conversion = config.resourceAttributesAsLabels();
        for (ResourceMetrics rm : data.resourceMetrics()) {
            accumulator.accumulate(conversion.active() ? withResourceLabels(rm, conversion) : rm);
        }
    }

    @Override
    public boolean mutatesData() {
        return false;
    }

    HttpResponse scrape(HttpRequest request) {
        boolean openMetrics = config.enableOpenMetrics()
                && request.headers().all("Accept").stream().anyMatch(a -> a.contains("application/openmetrics-text"));
        List<Accumulator.Entry> entries = accumulator.collect();
        String body = exposition.write(entries, openMetrics);
        return HttpResponse.of(200, openMetrics ? Exposition.OPEN_METRICS : Exposition.TEXT,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy whose points carry the chosen resource attributes too. */
    private static ResourceMetrics withResourceLabels(ResourceMetrics rm, ResourceToTelemetry conversion) {
        ResourceMetrics copy = new ResourceMetrics();
        rm.copyTo(copy);
        for (ScopeMetrics sm : copy.scopeMetrics()) {
            for (Metric m : sm.metrics()) {
                for (DataPoint<?> p : points(m)) {
                    var merged = conversion.pointAttributes(copy.resource(), p.attributes());
                    if (merged != p.attributes()) {
                        p.attributes().clear();
                        p.attributes().putAll(merged);
                    }
                }
            }
        }
        return copy;
    }

    private static List<? extends DataPoint<?>> points(Metric m) {
        return switch (m.type()) {
            case GAUGE -> m.gauge().dataPoints().stream().toList();
            case SUM -> m.sum().dataPoints().stream().toList();
            case HISTOGRAM -> m.histogram().dataPoints().stream().toList();
            case EXPONENTIAL_HISTOGRAM -> m.exponentialHistogram().dataPoints().stream().toList();
            case SUMMARY -> m.summary().dataPoints().stream().toList();
            case EMPTY -> List.of();
        };
    }

    @Override
    public void shutdown() {
        HttpServer current = server;
        server = null;
        if (current != null) {
            current.stop();
        }
    }
}
