package io.otelier.exporter.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.consumer.RequestContext;
import io.otelier.helper.http.Headers;
import io.otelier.helper.http.HttpRequest;
import io.otelier.helper.prometheus.ResourceToTelemetry;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.testkit.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our /metrics after the OTLP corpus (kept with the remote write exporter's goldens) against the upstream
 * contrib collector's prometheus exporter (v0.165.1) after the same corpus, as recorded by
 * interop/run-prometheus-remote-write-golden.sh: byte for byte in both formats, but for the order of exemplar
 * labels, which upstream leaves to Go's map iteration.
 */
class UpstreamGoldenTest {

    static final Path CORPUS = Path.of("../exporter-prometheusremotewrite/src/test/resources/upstream-golden/corpus");
    static final Path GOLDEN = Path.of("src/test/resources/upstream-golden");

    /** client_golang writes an exemplar's labels in map order (random); the comparison sorts them. */
    static String exemplarLabelsSorted(String exposition) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" # \\{([^}]*)\\}").matcher(exposition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> labels = new java.util.ArrayList<>(List.of(m.group(1).split(",")));
            java.util.Collections.sort(labels);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(" # {" + String.join(",", labels) + "}"));
        }
        return m.appendTail(out).toString();
    }

    /**
     * {@code options}: namespace otel, const_labels {env: prod}, send_timestamps, without_scope_info,
     * add_metric_suffixes false (ignored upstream), resource_constant_labels {included: [host.*]}, OpenMetrics on.
     */
    @ParameterizedTest
    @CsvSource({"metrics.txt, false, false, ''",
            "metrics-openmetrics.txt, true, false, 'application/openmetrics-text;version=1.0.0,text/plain;q=0.5'",
            "metrics-options.txt, true, true, ''",
            "metrics-options-openmetrics.txt, true, true, 'application/openmetrics-text;version=1.0.0,text/plain;q=0.5'"})
    void ourScrapeIsUpstreams(String golden, boolean openMetrics, boolean options, String accept) throws Exception {
        PromExporterConfig d = PromExporterConfig.defaults();
        PromExporterConfig config = options
                ? new PromExporterConfig("", null, "otel", Map.of("env", "prod"), true, d.metricExpiration(),
                        d.resourceToTelemetryConversion(), true, true, false, new ResourceToTelemetry(false, false,
                                List.of("host.*"), List.of()), "")
                : new PromExporterConfig("", null, d.namespace(), d.constLabels(), d.sendTimestamps(),
                        d.metricExpiration(), d.resourceToTelemetryConversion(), openMetrics, d.withoutScopeInfo(),
                        d.addMetricSuffixes(), d.resourceConstantLabels(), d.translationStrategy());
        TestSettings test = TestSettings.of(ComponentKind.EXPORTER, "prometheus");
        PrometheusExporter exporter = new PrometheusExporter(config, test.logger, Clock.systemUTC());
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            exporter.consume(RequestContext.EMPTY, OtlpJson.decodeMetrics(Files.readAllBytes(file)));
        }

        byte[] body = exporter.scrape(new HttpRequest("GET", "/metrics", "", Headers.of(accept.isEmpty() ? Map.of()
                : Map.of("Accept", accept)), new byte[0], null)).body();

        Path actual = Path.of("target/upstream-golden-actual/" + golden);
        Files.createDirectories(actual.getParent());
        Files.write(actual, body);
        assertThat(exemplarLabelsSorted(new String(body, StandardCharsets.UTF_8)))
                .isEqualTo(exemplarLabelsSorted(Files.readString(GOLDEN.resolve(golden))));
        assertThat(test.logger.contains("\"__reserved__\" is not a valid label name for metric \"" + (options
                ? "otel_collide" : "collide") + "\"")).isTrue();
    }
}
