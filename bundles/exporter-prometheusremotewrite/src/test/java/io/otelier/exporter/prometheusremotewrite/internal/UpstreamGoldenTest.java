package io.otelier.exporter.prometheusremotewrite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelier.helper.prometheus.GoFloat;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.otlp.OtlpJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our translation of the OTLP corpus against what the upstream contrib collector (v0.165.1) sent for it, as
 * recorded by interop/run-prometheus-remote-write-golden.sh: the same series, labels, values and timestamps
 * (series sorted by labels, samples by time, as the recording's capture server writes them), and the same
 * metadata. Upstream's settings there: external_labels {oteltest: cndt2023}, send_metadata on, everything else
 * default.
 */
class UpstreamGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/upstream-golden");
    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> corpus() throws Exception {
        try (Stream<Path> files = Files.list(GOLDEN.resolve("corpus"))) {
            // corpus/<name>.json; the goldens <name>.json and <name>.metadata.json sit one folder up
            List<String> names = files.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList();
            assertThat(names).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void ourSeriesAreUpstreams(String name) throws Exception {
        Metrics metrics = OtlpJson.decodeMetrics(Files.readAllBytes(GOLDEN.resolve("corpus/" + name + ".json")));
        TranslationSettings settings = new TranslationSettings("", Map.of("oteltest", "cndt2023"), false, false,
                true, io.otelier.helper.prometheus.ResourceToTelemetry.none());

        // through our encoder and back, so the wire form is what is compared
        JsonNode ours = normalized(WriteRequestDecoder.decode(WriteRequests.encode(
                MetricsTranslator.translate(metrics, settings).series())));
        JsonNode upstream = JSON.readTree(GOLDEN.resolve(name + ".json").toFile());
        // for a diff by hand when this fails
        Path actual = Path.of("target/upstream-golden-actual/" + name + ".json");
        Files.createDirectories(actual.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(actual.toFile(), ours);

        assertThat(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ours))
                .isEqualTo(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(upstream));
    }

    /**
     * The second upstream exporter: namespace otel, external_labels {env: prod}, target_info off,
     * disable_scope_info, add_metric_suffixes false, resource_constant_labels {included: [service.*, host.*],
     * excluded: [service.namespace]}; bound from the same YAML keys here.
     */
    @ParameterizedTest
    @MethodSource("corpus")
    void ourSeriesWithOptionsAreUpstreams(String name) throws Exception {
        Metrics metrics = OtlpJson.decodeMetrics(Files.readAllBytes(GOLDEN.resolve("corpus/" + name + ".json")));
        PrwExporterConfig d = PrwExporterConfig.defaults();
        PrwExporterConfig config = new PrwExporterConfig(d.endpoint(), d.proxyUrl(), d.tls(), d.readBufferSize(),
                d.writeBufferSize(), d.timeout(), d.headers(), d.compression(), d.compressionParams(),
                d.maxConnsPerHost(), d.forceAttemptHttp2(), d.cookies(), d.retryOnFailure(), "otel",
                d.remoteWriteQueue(), Map.of("env", "prod"), d.resourceToTelemetryConversion(),
                new PrwExporterConfig.TargetInfo(false), true, false, d.maxBatchSizeBytes(),
                d.maxBatchRequestParallelism(), d.wal(), false, new io.otelier.helper.prometheus.ResourceToTelemetry(
                        false, false, List.of("service.*", "host.*"), List.of("service.namespace")), "");
        config.validate();

        JsonNode ours = normalized(WriteRequestDecoder.decode(WriteRequests.encode(
                MetricsTranslator.translate(metrics, config.translationSettings()).series())));

        assertThat(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ours)).isEqualTo(JSON
                .writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(GOLDEN.resolve(name
                        + ".options.json").toFile())));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void ourMetadataIsUpstreams(String name) throws Exception {
        Metrics metrics = OtlpJson.decodeMetrics(Files.readAllBytes(GOLDEN.resolve("corpus/" + name + ".json")));
        List<MetricMetadata> ours = new ArrayList<>();
        for (byte[] request : WriteRequests.encodeMetadataBatches(MetricMetadata.of(metrics,
                TranslationSettings.defaults()), 3_000_000)) {
            ours.addAll(WriteRequestDecoder.decodeMetadata(request));
        }
        ours.sort(java.util.Comparator.comparing(MetricMetadata::familyName).thenComparing(MetricMetadata::type)
                .thenComparing(MetricMetadata::help).thenComparing(MetricMetadata::unit));
        ArrayNode out = JSON.createArrayNode();
        ours.forEach(m -> out.addObject().put("type", m.type()).put("metric_family_name", m.familyName())
                .put("help", m.help()).put("unit", m.unit()));

        assertThat(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out)).isEqualTo(JSON
                .writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(GOLDEN.resolve(name
                        + ".metadata.json").toFile())));
    }

    /** The capture server's form: series sorted by their label list, samples by time, values as Go's 'g'. */
    static JsonNode normalized(List<TimeSeries> series) {
        TreeMap<String, ObjectNode> sorted = new TreeMap<>();
        for (TimeSeries ts : series) {
            StringBuilder key = new StringBuilder();
            ObjectNode node = JSON.createObjectNode();
            ObjectNode labels = node.putObject("labels");
            ts.labels().forEach((k, v) -> {
                key.append(k).append('=').append(quote(v)).append(',');
                labels.put(k, v);
            });
            ArrayNode samples = node.putArray("samples");
            List<TimeSeries.Sample> ordered = new ArrayList<>(ts.samples());
            ordered.sort(java.util.Comparator.comparingLong(TimeSeries.Sample::timestampMillis));
            for (TimeSeries.Sample s : ordered) {
                samples.addObject().put("timestamp", s.timestampMillis()).put("value", value(s.value()));
            }
            if (!ts.exemplars().isEmpty()) {
                ArrayNode exemplars = node.putArray("exemplars");
                for (PromExemplar e : ts.exemplars()) {
                    ObjectNode x = exemplars.addObject();
                    ArrayNode pairs = x.putArray("labels");
                    e.labels().forEach(l -> pairs.addArray().add(l.getKey()).add(l.getValue()));
                    x.put("value", value(e.value())).put("timestamp", e.timestampMillis());
                }
            }
            if (!ts.histograms().isEmpty()) {
                ArrayNode histograms = node.putArray("histograms");
                ts.histograms().forEach(h -> histogram(histograms.addObject(), h));
            }
            sorted.put(key.toString(), node);
        }
        ArrayNode out = JSON.createArrayNode();
        sorted.values().forEach(out::add);
        return out;
    }

    private static void histogram(ObjectNode out, NativeHistogram h) {
        out.put("count", Long.toUnsignedString(h.count())).put("sum", value(h.sum())).put("schema", h.schema())
                .put("zero_threshold", value(h.zeroThreshold()))
                .put("zero_count", Long.toUnsignedString(h.zeroCount()));
        spans(out.putArray("negative_spans"), h.negativeSpans());
        ArrayNode nd = out.putArray("negative_deltas");
        for (long d : h.negativeDeltas()) {
            nd.add(d);
        }
        spans(out.putArray("positive_spans"), h.positiveSpans());
        ArrayNode pd = out.putArray("positive_deltas");
        for (long d : h.positiveDeltas()) {
            pd.add(d);
        }
        out.put("reset_hint", 0).put("timestamp", h.timestampMillis());
    }

    private static void spans(ArrayNode out, List<int[]> spans) {
        spans.forEach(s -> out.addArray().add(s[0]).add(s[1]));
    }

    private static String value(double v) {
        return Double.isNaN(v) ? "NaN(0x" + Long.toHexString(Double.doubleToRawLongBits(v)) + ")"
                : GoFloat.general(v);
    }

    /** Go's strconv.Quote for the plain strings of the corpus (the capture server's sort key). */
    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
