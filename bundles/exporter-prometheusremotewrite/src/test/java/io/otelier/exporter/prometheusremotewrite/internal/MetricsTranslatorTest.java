package io.otelier.exporter.prometheusremotewrite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.Metrics;
import io.otelier.pdata.common.Resource;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.DataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.SummaryDataPoint;
import io.otelier.helper.prometheus.ResourceToTelemetry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Series as contrib's prometheusremotewrite translator makes them (cases after its helper_test.go). */
class MetricsTranslatorTest {

    /** Points are at upstream's testdata.TestMetricStartTimestamp plus 999ns: milliseconds are truncated. */
    static final long TIME = 1_581_452_772_000_000_000L;
    static final long TIME_MS = 1_581_452_772_000L;

    private final Metrics metrics = new Metrics();
    private final Resource resource;
    private final ScopeMetrics scope;

    MetricsTranslatorTest() {
        var rm = metrics.resourceMetrics().addNew();
        resource = rm.resource();
        scope = rm.scopeMetrics().addNew();
    }

    @Test
    void theHandsOnCpuTimeSeries() {
        scope.scope().setName("github.com/open-telemetry/opentelemetry-collector-contrib/receiver/hostmetricsreceiver/internal/scraper/cpuscraper").setVersion("0.165.1");
        var sum = metric("system.cpu.time", "s").setEmptySum().setIsMonotonic(true)
                .setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        point(sum.dataPoints().addNew().setDoubleValue(1234.5), "cpu", "cpu0", "state", "user");
        point(sum.dataPoints().addNew().setDoubleValue(56.25), "cpu", "cpu0", "state", "system");

        List<TimeSeries> series = translate(withExternal(Map.of("oteltest", "cndt2023")));

        assertThat(series).extracting(TimeSeries::labels).containsExactly(
                labels("__name__", "system_cpu_time_seconds_total", "cpu", "cpu0", "state", "user",
                        "oteltest", "cndt2023", "otel_scope_name", scope.scope().name(),
                        "otel_scope_version", "0.165.1"),
                labels("__name__", "system_cpu_time_seconds_total", "cpu", "cpu0", "state", "system",
                        "oteltest", "cndt2023", "otel_scope_name", scope.scope().name(),
                        "otel_scope_version", "0.165.1"));
        assertThat(series).extracting(TimeSeries::samples).containsExactly(
                List.of(new TimeSeries.Sample(1234.5, TIME_MS)), List.of(new TimeSeries.Sample(56.25, TIME_MS)));
    }

    @Test
    void nonMonotonicSumsAndGaugesAreGauges() {
        var usage = metric("system.memory.usage", "By").setEmptySum().setIsMonotonic(false)
                .setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        point(usage.dataPoints().addNew().setIntValue(1024), "state", "used");
        var utilization = metric("system.memory.utilization", "1").setEmptyGauge();
        point(utilization.dataPoints().addNew().setDoubleValue(0.5), "state", "used");

        assertThat(translate(TranslationSettings.defaults())).extracting(TimeSeries::toString).containsExactly(
                "system_memory_usage_bytes{state=\"used\"}[Sample[value=1024.0, timestampMillis=" + TIME_MS + "]]",
                "system_memory_utilization_ratio{state=\"used\"}[Sample[value=0.5, timestampMillis=" + TIME_MS
                        + "]]");
    }

    @Test
    void exponentialHistogramsThatCannotBeNativeHistogramsAreDroppedWithUpstreamsReason() {
        var e = metric("latency", "ms").setEmptyExponentialHistogram()
                .setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        point(e.dataPoints().addNew().setCount(1));
        point(e.dataPoints().addNew().setCount(1).setSum(2).setScale(-5), "k", "v");

        MetricsTranslator.Result result = MetricsTranslator.translate(metrics, TranslationSettings.defaults());

        assertThat(result.series()).isEmpty();
        assertThat(result.errors()).containsExactly("cannot convert exponential to native histogram: sum is not set",
                "cannot convert exponential to native histogram. Scale must be >= -4, was -5");
    }

    @Test
    void deltaSumsAndHistogramsAreDroppedWithAReason() {
        var delta = metric("requests", "1").setEmptySum().setIsMonotonic(true)
                .setAggregationTemporality(AggregationTemporality.DELTA);
        point(delta.dataPoints().addNew().setIntValue(3));
        var deltaHistogram = metric("latency", "ms").setEmptyHistogram()
                .setAggregationTemporality(AggregationTemporality.DELTA);
        point(deltaHistogram.dataPoints().addNew().setCount(1));
        var kept = metric("kept", "").setEmptyGauge();
        point(kept.dataPoints().addNew().setIntValue(1));

        MetricsTranslator.Result result = MetricsTranslator.translate(metrics, TranslationSettings.defaults());

        assertThat(result.series()).extracting(TimeSeries::name).containsExactly("kept");
        assertThat(result.errors()).containsExactly(
                "invalid temporality and type combination for metric \"requests\"",
                "invalid temporality and type combination for metric \"latency\"");
    }

    /** helper_test.go TestPrometheusConverter_AddHistogramDataPoints / the classic layout. */
    @Test
    void histogramsBecomeCumulativeBucketsSumAndCount() {
        var h = metric("http.server.duration", "ms").setEmptyHistogram()
                .setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        point(h.dataPoints().addNew().setCount(10).setSum(123.5).setExplicitBounds(0.5, 1, 2.5)
                .setBucketCounts(1, 2, 3, 4), "route", "/a");

        Map<String, Double> values = values(translate(TranslationSettings.defaults()));

        assertThat(values).containsExactly(
                Map.entry("http_server_duration_milliseconds_sum{route=/a}", 123.5),
                Map.entry("http_server_duration_milliseconds_count{route=/a}", 10.0),
                Map.entry("http_server_duration_milliseconds_bucket{le=0.5,route=/a}", 1.0),
                Map.entry("http_server_duration_milliseconds_bucket{le=1,route=/a}", 3.0),
                Map.entry("http_server_duration_milliseconds_bucket{le=2.5,route=/a}", 6.0),
                Map.entry("http_server_duration_milliseconds_bucket{le=+Inf,route=/a}", 10.0));
    }

    @Test
    void aHistogramWithoutSumHasNoSumSeries() {
        var h = metric("size", "By").setEmptyHistogram().setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        point(h.dataPoints().addNew().setCount(2));

        assertThat(values(translate(TranslationSettings.defaults()))).containsOnlyKeys("size_bytes_count{}",
                "size_bytes_bucket{le=+Inf}");
    }

    /** helper_test.go TestPrometheusConverter_AddSummaryDataPoints. */
    @Test
    void summariesBecomeQuantilesSumAndCount() {
        var s = metric("rpc.duration", "s").setEmptySummary();
        SummaryDataPoint p = point(s.dataPoints().addNew().setCount(7).setSum(3.5));
        p.quantileValues().addNew().setQuantile(0.5).setValue(0.4);
        p.quantileValues().addNew().setQuantile(0.99).setValue(1.2);

        assertThat(values(translate(TranslationSettings.defaults()))).containsExactly(
                Map.entry("rpc_duration_seconds_sum{}", 3.5),
                Map.entry("rpc_duration_seconds_count{}", 7.0),
                Map.entry("rpc_duration_seconds{quantile=0.5}", 0.4),
                Map.entry("rpc_duration_seconds{quantile=0.99}", 1.2));
    }

    @Test
    void aPointWithNoRecordedValueIsAStaleMarker() {
        var g = metric("g", "").setEmptyGauge();
        point(g.dataPoints().addNew().setDoubleValue(5)).setFlags(DataPoint.FLAG_NO_RECORDED_VALUE);

        double value = translate(TranslationSettings.defaults()).get(0).samples().get(0).value();

        assertThat(Double.doubleToRawLongBits(value)).isEqualTo(0x7ff0000000000002L);
    }

    /** helper_test.go Test_createLabelSet, the cases that do not depend on Go's API. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            labels_with_resource       | service.name=prometheus,service.instance.id=127.0.0.1:8080 | a=1       | x=ext     | a=1,instance=127.0.0.1:8080,job=prometheus,x=ext
            namespace_joins_job        | service.namespace=ns,service.name=svc                    | a=1       |           | a=1,job=ns/svc
            empty_service_name_excluded| service.name=,service.instance.id=                      | a=1       |           | a=1
            overwritten_external_label | ''                                                       | x=point   | x=ext     | x=point
            dirty_labels_sanitized     | ''                                                       | label-1=v,2xx=w | ''  | key_2xx=w,label_1=v
            colliding_values_joined    | ''                                                       | a.b=1,a_b=2 | ''      | a_b=1;2
            colliding_same_value       | ''                                                       | a.b=1,a_b=1 | ''      | a_b=1
            empty_value_excluded       | ''                                                       | a=1,b=    | ''        | a=1
            """)
    void labelsAsUpstream(String name, String resourceAttrs, String pointAttrs, String external, String want) {
        parse(resourceAttrs).forEach((k, v) -> resource.attributes().put(k, v));
        var g = metric("m", "").setEmptyGauge();
        NumberDataPoint p = g.dataPoints().addNew().setIntValue(1).setTimeUnixNano(TIME);
        parse(pointAttrs).forEach((k, v) -> p.attributes().put(k, v));

        List<TimeSeries> series = translate(withExternal(parse(external)));

        TreeMap<String, String> expected = new TreeMap<>(parse(want));
        expected.put("__name__", "m");
        assertThat(series).filteredOn(ts -> ts.name().equals("m")).singleElement()
                .extracting(TimeSeries::labels).isEqualTo(expected);
    }

    /** helper_test.go TestAddResourceTargetInfo. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no service attributes       | host.name=h                                 | ''  | ''
            only service.instance.id    | service.instance.id=id,resource_attr=r      | ''  | instance=id,resource_attr=r
            only service.name           | service.name=svc,resource_attr=r            | ''  | job=svc,resource_attr=r
            with namespace              | service.name=svc,resource_attr=r            | foo | job=svc,resource_attr=r
            all service attributes      | service.name=svc,service.namespace=ns,service.instance.id=id,resource_attr=r | '' | instance=id,job=ns/svc,resource_attr=r
            only service attributes     | service.name=svc,service.namespace=ns,service.instance.id=id | '' | ''
            underscores preserved       | service.name=my_service,_foo=leading,app__component=backend | '' | _foo=leading,app__component=backend,job=my_service
            """)
    void targetInfoAsUpstream(String name, String resourceAttrs, String namespace, String want) {
        parse(resourceAttrs).forEach((k, v) -> resource.attributes().put(k, v));
        point(metric("m", "").setEmptyGauge().dataPoints().addNew().setIntValue(1));

        List<TimeSeries> targetInfo = translate(new TranslationSettings(namespace, Map.of(), false, true, true,
                ResourceToTelemetry.none())).stream().filter(ts -> ts.name().endsWith("target_info")).toList();

        if (want.isEmpty()) {
            assertThat(targetInfo).isEmpty();
            return;
        }
        TreeMap<String, String> expected = new TreeMap<>(parse(want));
        expected.put("__name__", namespace.isEmpty() ? "target_info" : namespace + "_target_info");
        assertThat(targetInfo).singleElement().satisfies(ts -> {
            assertThat(ts.labels()).isEqualTo(expected);
            assertThat(ts.samples()).containsExactly(new TimeSeries.Sample(1, TIME_MS));
        });
    }

    @Test
    void targetInfoCanBeTurnedOff() {
        resource.attributes().put("service.name", "svc").put("host.name", "h");
        point(metric("m", "").setEmptyGauge().dataPoints().addNew().setIntValue(1));

        assertThat(translate(new TranslationSettings("", Map.of(), true, false, true, ResourceToTelemetry.none())))
                .extracting(TimeSeries::name).containsExactly("m");
    }

    @Test
    void resourceToTelemetryCopiesResourceAttributesOverPointAttributes() {
        resource.attributes().put("host.name", "h1").put("a", "from-resource");
        point(metric("m", "").setEmptyGauge().dataPoints().addNew().setIntValue(1), "a", "from-point");

        TimeSeries ts = translate(new TranslationSettings("", Map.of(), true, true, true,
                ResourceToTelemetry.enabled(true))).get(0);

        assertThat(ts.labels()).isEqualTo(labels("__name__", "m", "a", "from-resource", "host_name", "h1"));
    }

    @Test
    void namespaceAndNoSuffixes() {
        var sum = metric("system.cpu.time", "s").setEmptySum().setIsMonotonic(true)
                .setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        point(sum.dataPoints().addNew().setDoubleValue(1));

        assertThat(translate(new TranslationSettings("otel", Map.of(), true, true, true, ResourceToTelemetry.none())))
                .extracting(TimeSeries::name).containsExactly("otel_system_cpu_time_seconds_total");
        assertThat(translate(new TranslationSettings("", Map.of(), true, true, false, ResourceToTelemetry.none())))
                .extracting(TimeSeries::name).containsExactly("system_cpu_time");
    }

    @Test
    void scopeAttributesBecomeOtelScopeLabels() {
        scope.scope().setName("lib").setVersion("1.0");
        scope.scope().attributes().put("team", "a").put("name", "ignored");
        point(metric("m", "").setEmptyGauge().dataPoints().addNew().setIntValue(1));

        assertThat(translate(TranslationSettings.defaults()).get(0).labels()).isEqualTo(labels("__name__", "m",
                "otel_scope_name", "lib", "otel_scope_version", "1.0", "otel_scope_team", "a"));
    }

    private List<TimeSeries> translate(TranslationSettings settings) {
        return MetricsTranslator.translate(metrics, settings).series();
    }

    private static TranslationSettings withExternal(Map<String, String> external) {
        return new TranslationSettings("", external, false, false, true, ResourceToTelemetry.none());
    }

    private Metric metric(String name, String unit) {
        return scope.metrics().addNew().setName(name).setUnit(unit);
    }

    private static <P extends DataPoint<P>> P point(P p, String... attributes) {
        p.setTimeUnixNano(TIME + 999);
        for (int i = 0; i < attributes.length; i += 2) {
            p.attributes().put(attributes[i], attributes[i + 1]);
        }
        return p;
    }

    private static TreeMap<String, String> labels(String... pairs) {
        TreeMap<String, String> out = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static Map<String, String> parse(String pairs) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (pairs == null || pairs.isEmpty()) {
            return out;
        }
        for (String pair : pairs.split(",")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    /** {@code name{k=v,…}} (sorted, no scope labels) → the single sample's value, in series order. */
    private static Map<String, Double> values(List<TimeSeries> series) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (TimeSeries ts : series) {
            StringBuilder key = new StringBuilder(ts.name()).append('{');
            ts.labels().forEach((k, v) -> {
                if (!k.equals("__name__")) {
                    key.append(key.charAt(key.length() - 1) == '{' ? "" : ",").append(k).append('=').append(v);
                }
            });
            assertThat(ts.samples()).hasSize(1);
            out.put(key.append('}').toString(), ts.samples().get(0).value());
        }
        return out;
    }
}
