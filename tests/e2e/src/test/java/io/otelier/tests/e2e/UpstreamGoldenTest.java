package io.otelier.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.Resource;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.DataPoint;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.MetricType;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.otlp.OtlpDecodeException;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.pdata.otlp.OtlpProto;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanKind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the upstream Go collector's file exporter wrote in the interop run ({@code interop/run-upstream-interop.sh};
 * {@code src/test/resources/upstream/README.md} says how and with which versions), read back with our codecs.
 * Scenarios a-* and b-* carried upstream telemetrygen's data through our collector in both directions; c-* carried
 * the fixed requests of {@code upstream/input/*.pb} straight into upstream (c-upstream) or through ours.
 */
class UpstreamGoldenTest {

    private static final List<String> TELEMETRYGEN_SCENARIOS = List.of("a-grpc", "a-http", "b-http", "b-grpc");
    private static final List<String> FIXED_INPUT_SCENARIOS = List.of("c-upstream", "c-ours", "c-ours-json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Scalars compare by value (so 1.0 and 1e0 are the same double); objects and arrays by structure. */
    private static final Comparator<JsonNode> SCALARS = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue())
            : a.equals(b) ? 0 : 1;
    static final Comparator<JsonNode> SAME_JSON = (a, b) -> a.equals(SCALARS, b) ? 0 : 1;

    /** One signal as our codecs see it. */
    enum Signal {
        TRACES(OtlpJson::decodeTraces, OtlpProto::decodeTraces, t -> OtlpJson.encode((Traces) t),
                t -> OtlpProto.encode((Traces) t)),
        METRICS(OtlpJson::decodeMetrics, OtlpProto::decodeMetrics, m -> OtlpJson.encode((Metrics) m),
                m -> OtlpProto.encode((Metrics) m)),
        LOGS(OtlpJson::decodeLogs, OtlpProto::decodeLogs, l -> OtlpJson.encode((Logs) l),
                l -> OtlpProto.encode((Logs) l));

        final Decoder fromJson;
        final Decoder fromProto;
        final Function<Telemetry, byte[]> toJson;
        final Function<Telemetry, byte[]> toProto;

        Signal(Decoder fromJson, Decoder fromProto, Function<Telemetry, byte[]> toJson,
                Function<Telemetry, byte[]> toProto) {
            this.fromJson = fromJson;
            this.fromProto = fromProto;
            this.toJson = toJson;
            this.toProto = toProto;
        }

        String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @FunctionalInterface
    interface Decoder {
        Telemetry decode(byte[] bytes) throws OtlpDecodeException;
    }

    // ---- every golden line: our decoder reads it, our encoder writes it back as upstream wrote it ----

    static Stream<Arguments> everyGolden() {
        return Stream.concat(TELEMETRYGEN_SCENARIOS.stream(), FIXED_INPUT_SCENARIOS.stream())
                .flatMap(scenario -> Stream.of(Signal.values()).map(signal -> Arguments.of(scenario, signal)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyGolden")
    void ourJsonOfWhatWeDecodedIsUpstreamsJson(String scenario, Signal signal) throws Exception {
        List<byte[]> lines = goldenLines(scenario, signal);
        assertThat(lines).isNotEmpty();
        for (byte[] line : lines) {
            Telemetry decoded = signal.fromJson.decode(line);
            assertThat(decoded.itemCount()).isPositive();
            assertSameJson(tree(signal.toJson.apply(decoded)), tree(line));
        }
    }

    // ---- fixed input: upstream's JSON of it, and what reached upstream through our collector ----

    static Stream<Arguments> fixedInput() {
        return FIXED_INPUT_SCENARIOS.stream()
                .flatMap(scenario -> Stream.of(Signal.values()).map(signal -> Arguments.of(scenario, signal)));
    }

    /** The file exporter writes one line per request it got; our collector must neither split nor merge them. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixedInput")
    void upstreamsJsonOfTheFixedInputIsOurJsonOfIt(String scenario, Signal signal) throws Exception {
        List<JsonNode> ours = new ArrayList<>();
        for (byte[] request : inputs(signal)) {
            ours.add(tree(signal.toJson.apply(signal.fromProto.decode(request))));
        }
        List<JsonNode> upstream = new ArrayList<>();
        for (byte[] line : goldenLines(scenario, signal)) {
            upstream.add(tree(line));
        }
        // our exporters' queue has several consumers: requests may reach the sink in any order
        assertThat(upstream).usingElementComparator(SAME_JSON).containsExactlyInAnyOrderElementsOf(ours);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixedInput")
    void upstreamsJsonDecodesToTheFixedInput(String scenario, Signal signal) throws Exception {
        List<Telemetry> expected = new ArrayList<>();
        for (byte[] request : inputs(signal)) {
            expected.add(signal.fromProto.decode(request));
        }
        List<Telemetry> decoded = new ArrayList<>();
        for (byte[] line : goldenLines(scenario, signal)) {
            decoded.add(signal.fromJson.decode(line));
        }
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Signal.class)
    void ourProtobufOfTheFixedInputIsTheInput(Signal signal) throws Exception {
        for (byte[] request : inputs(signal)) {
            Telemetry decoded = signal.fromProto.decode(request);
            assertThat(signal.fromProto.decode(signal.toProto.apply(decoded))).isEqualTo(decoded);
        }
    }

    // ---- telemetrygen through our collector: every item it made arrived once, as it made it ----

    static Stream<String> telemetrygenScenarios() {
        return TELEMETRYGEN_SCENARIOS.stream();
    }

    private static final int TRACES = 4;
    private static final int CHILD_SPANS = 2;
    private static final int POINTS_PER_METRIC = 3;
    private static final int LOGS = 5;
    private static final long SPAN_DURATION_NANOS = 123_000;

    @ParameterizedTest
    @MethodSource("telemetrygenScenarios")
    void everyTelemetrygenSpanArrivedOnce(String scenario) throws Exception {
        List<Span> spans = new ArrayList<>();
        for (Telemetry data : decodeAll(scenario, Signal.TRACES)) {
            ((Traces) data).resourceSpans().forEach(rs -> {
                assertTelemetrygenResource(rs.resource(), scenario);
                rs.scopeSpans().forEach(ss -> {
                    assertThat(ss.scope().name()).isEqualTo("telemetrygen");
                    ss.spans().forEach(spans::add);
                });
            });
        }
        assertThat(spans).hasSize(TRACES * (1 + CHILD_SPANS));
        assertThat(spans.stream().map(Span::spanId).distinct()).hasSize(spans.size());

        Map<String, List<Span>> byTrace = spans.stream().collect(Collectors.groupingBy(s -> s.traceId().toHex()));
        assertThat(byTrace).hasSize(TRACES);
        byTrace.forEach((traceId, trace) -> {
            List<Span> roots = trace.stream().filter(s -> s.parentSpanId().isEmpty()).toList();
            assertThat(roots).as("root of trace %s", traceId).hasSize(1);
            Span root = roots.get(0);
            assertThat(root.name()).isEqualTo("lets-go");
            assertThat(root.kind()).isEqualTo(SpanKind.CLIENT);
            assertThat(root.attributes().getOrNull("service.peer.name")).isEqualTo(AnyValue.of("telemetrygen-server"));

            List<Span> children = trace.stream().filter(s -> s != root)
                    .sorted(Comparator.comparingLong(Span::startTimeUnixNano)).toList();
            assertThat(children).extracting(Span::name).containsExactly("okey-dokey-0", "okey-dokey-1");
            for (Span child : children) {
                assertThat(child.parentSpanId()).isEqualTo(root.spanId());
                assertThat(child.kind()).isEqualTo(SpanKind.SERVER);
                assertThat(child.endTimeUnixNano() - child.startTimeUnixNano()).isEqualTo(SPAN_DURATION_NANOS);
                assertThat(child.attributes().getOrNull("service.peer.name"))
                        .isEqualTo(AnyValue.of("telemetrygen-client"));
            }
            assertThat(root.startTimeUnixNano()).isEqualTo(children.get(0).startTimeUnixNano());
            assertThat(root.endTimeUnixNano()).isEqualTo(children.get(CHILD_SPANS - 1).endTimeUnixNano());
            for (Span span : trace) {
                assertThat(span.attributes().getOrNull("network.peer.address")).isEqualTo(AnyValue.of("1.2.3.4"));
                assertScenarioAttribute(span.attributes(), scenario);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("telemetrygenScenarios")
    void everyTelemetrygenDataPointArrivedOnce(String scenario) throws Exception {
        Map<String, List<Metric>> byName = new TreeMap<>();
        for (Telemetry data : decodeAll(scenario, Signal.METRICS)) {
            ((Metrics) data).resourceMetrics().forEach(rm -> {
                assertTelemetrygenResource(rm.resource(), scenario);
                rm.scopeMetrics().forEach(sm -> sm.metrics().forEach(
                        m -> byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m)));
            });
        }
        assertThat(byName).containsOnlyKeys("gen.Gauge", "gen.Sum", "gen.Histogram", "gen.ExponentialHistogram");

        List<NumberDataPoint> gauge = points(byName.get("gen.Gauge"), MetricType.GAUGE, m -> m.gauge().dataPoints());
        assertThat(gauge).extracting(NumberDataPoint::intValue)
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, POINTS_PER_METRIC).boxed().toList());

        for (Metric sum : byName.get("gen.Sum")) {
            assertThat(sum.sum().isMonotonic()).isTrue();
            assertThat(sum.sum().aggregationTemporality()).isEqualTo(AggregationTemporality.CUMULATIVE);
        }
        List<NumberDataPoint> sums = points(byName.get("gen.Sum"), MetricType.SUM, m -> m.sum().dataPoints());
        assertThat(sums).extracting(NumberDataPoint::intValue)
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, POINTS_PER_METRIC).boxed().toList());

        // telemetrygen cycles through fixed bucket samples; the first three have these sums
        List<HistogramDataPoint> histograms =
                points(byName.get("gen.Histogram"), MetricType.HISTOGRAM, m -> m.histogram().dataPoints());
        assertThat(histograms).extracting(HistogramDataPoint::sum).containsExactlyInAnyOrder(3940.0, 4455.0, 5337.0);
        for (HistogramDataPoint p : histograms) {
            assertThat(p.explicitBounds()).containsExactly(0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500,
                    5000, 7500, 10000);
            assertThat(p.count()).isEqualTo(LongStream.of(p.bucketCounts()).sum()).isEqualTo(10);
        }

        List<ExponentialHistogramDataPoint> exponential = points(byName.get("gen.ExponentialHistogram"),
                MetricType.EXPONENTIAL_HISTOGRAM, m -> m.exponentialHistogram().dataPoints());
        for (ExponentialHistogramDataPoint p : exponential) {
            assertThat(p.count()).isBetween(10L, 29L).isEqualTo(p.zeroCount()
                    + LongStream.of(p.positive().bucketCounts()).sum() + LongStream.of(p.negative().bucketCounts()).sum());
            assertThat(p.positive().bucketCountsCount()).isLessThanOrEqualTo(8);
            // each of the count values is drawn from [0, 1000)
            assertThat(p.sum()).isBetween(0.0, 999.0 * p.count());
        }

        List<DataPoint> all = new ArrayList<>();
        all.addAll(gauge);
        all.addAll(sums);
        all.addAll(histograms);
        all.addAll(exponential);
        for (DataPoint p : all) {
            assertScenarioAttribute(p.attributes(), scenario);
            assertThat(p.timeUnixNano()).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("telemetrygenScenarios")
    void everyTelemetrygenLogArrivedOnce(String scenario) throws Exception {
        List<LogRecord> records = new ArrayList<>();
        for (Telemetry data : decodeAll(scenario, Signal.LOGS)) {
            ((Logs) data).resourceLogs().forEach(rl -> {
                assertTelemetrygenResource(rl.resource(), scenario);
                rl.scopeLogs().forEach(sl -> sl.logRecords().forEach(records::add));
            });
        }
        assertThat(records).hasSize(LOGS);
        assertThat(records.stream().map(LogRecord::timeUnixNano).distinct()).hasSize(LOGS);
        for (LogRecord r : records) {
            assertThat(r.body()).isEqualTo(AnyValue.of("log from " + scenario));
            assertThat(r.severityNumber()).isEqualTo(SeverityNumber.INFO);
            assertThat(r.severityText()).isEqualTo("Info");
            assertThat(r.attributes().getOrNull("app")).isEqualTo(AnyValue.of("server"));
            assertScenarioAttribute(r.attributes(), scenario);
            assertThat(r.droppedAttributesCount()).isEqualTo(1);
            assertThat(r.traceId().isEmpty()).isTrue();
            assertThat(r.spanId()).isEqualTo(SpanId.EMPTY);
        }
    }

    // ---- helpers ----

    static void assertSameJson(JsonNode actual, JsonNode expected) {
        if (SAME_JSON.compare(actual, expected) != 0) {
            assertThat(actual.toPrettyString()).isEqualTo(expected.toPrettyString()); // fails, showing the difference
        }
    }

    private static void assertTelemetrygenResource(Resource resource, String scenario) {
        assertThat(resource.attributes().asMap()).containsOnlyKeys("service.name");
        assertThat(resource.attributes().getOrNull("service.name")).isEqualTo(AnyValue.of("otelier-" + scenario));
    }

    private static void assertScenarioAttribute(Attributes attributes, String scenario) {
        assertThat(attributes.getOrNull("otelier.scenario")).isEqualTo(AnyValue.of(scenario));
    }

    private static <P extends DataPoint> List<P> points(List<Metric> metrics, MetricType type,
            Function<Metric, Iterable<P>> dataPoints) {
        List<P> points = new ArrayList<>();
        for (Metric m : metrics) {
            assertThat(m.type()).as(m.name()).isEqualTo(type);
            dataPoints.apply(m).forEach(points::add);
        }
        assertThat(points).as("points of %s", metrics.get(0).name()).hasSize(POINTS_PER_METRIC);
        return points;
    }

    private static List<Telemetry> decodeAll(String scenario, Signal signal) throws Exception {
        List<Telemetry> decoded = new ArrayList<>();
        for (byte[] line : goldenLines(scenario, signal)) {
            decoded.add(signal.fromJson.decode(line));
        }
        return decoded;
    }

    static JsonNode tree(byte[] json) throws IOException {
        return JSON.readTree(json);
    }

    private static Path resources() throws URISyntaxException {
        return Paths.get(Objects.requireNonNull(UpstreamGoldenTest.class.getResource("/upstream"),
                "upstream goldens on the test class path").toURI());
    }

    /** The file exporter's output: one OTLP/JSON request per line. */
    static List<byte[]> goldenLines(String scenario, Signal signal) throws Exception {
        Path file = resources().resolve(scenario).resolve(signal.fileName() + ".jsonl");
        List<byte[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                lines.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    /** The fixed requests ({@code input/<signal>-<n>.pb}), in name order. */
    static List<byte[]> inputs(Signal signal) throws Exception {
        List<byte[]> requests = new ArrayList<>();
        try (Stream<Path> files = Files.list(resources().resolve("input"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(signal.fileName() + "-")).sorted()
                    .toList()) {
                requests.add(Files.readAllBytes(f));
            }
        }
        assertThat(requests).as("fixed %s input", signal.fileName()).hasSizeGreaterThanOrEqualTo(2);
        return requests;
    }
}
