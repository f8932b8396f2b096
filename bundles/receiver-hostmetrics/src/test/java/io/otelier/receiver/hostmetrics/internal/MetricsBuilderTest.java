package io.otelier.receiver.hostmetrics.internal;

import static io.otelier.receiver.hostmetrics.internal.Scrapes.attributes;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.metric;
import static io.otelier.receiver.hostmetrics.internal.Scrapes.points;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.metrics.ScopeMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Upstream's generated-builder semantics: enabled flags, attribute selection and aggregation strategies. */
class MetricsBuilderTest {

    private static final MetricCatalog CATALOG = new MetricCatalog(List.of(
            MetricSpec.gauge("b.gauge", "d", "1", false).attributes(List.of("cpu", "state"), List.of("state")),
            MetricSpec.sum("a.sum", "d", "By", true, false).enabled()));

    @ParameterizedTest
    @CsvSource({"sum, 10.0", "avg, 2.5", "min, 1.0", "max, 4.0"})
    void pointsDifferingOnlyInDisabledAttributesAreAggregated(String strategy, double expected) {
        MetricsBuilder b = new MetricsBuilder(CATALOG, Map.of("b.gauge", new MetricSettings(true, strategy, null)));
        for (int cpu = 0; cpu < 4; cpu++) {
            b.record("b.gauge", 1, 2, cpu + 1, "cpu" + cpu, "user");
        }
        b.record("b.gauge", 1, 2, 7, "cpu0", "idle");

        ScopeMetrics scope = emit(b);
        assertThat(points(metric(scope, "b.gauge"))).extracting(p -> attributes(p).get("state"), p -> p.doubleValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("user", expected),
                        org.assertj.core.groups.Tuple.tuple("idle", 7.0));
    }

    @Test
    void defaultsAndEmissionOrderFollowTheCatalog() {
        MetricsBuilder b = new MetricsBuilder(CATALOG, Map.of("b.gauge", new MetricSettings(true, null, null)));
        b.record("b.gauge", 1, 2, 1, "cpu0", "user");
        b.record("b.gauge", 1, 2, 3, "cpu1", "user");
        b.record("a.sum", 5, 6, 42);

        ScopeMetrics scope = emit(b);
        assertThat(Scrapes.names(scope)).containsExactly("a.sum", "b.gauge");
        assertThat(points(metric(scope, "b.gauge")).get(0).doubleValue()).as("gauges average by default").isEqualTo(2.0);
        assertThat(points(metric(scope, "a.sum")).get(0).intValue()).isEqualTo(42);
        assertThat(points(metric(scope, "a.sum")).get(0).startTimeUnixNano()).isEqualTo(5);
        assertThat(points(metric(scope, "a.sum")).get(0).timeUnixNano()).isEqualTo(6);
        assertThat(b.hasPoints()).as("emitting starts a new scrape").isFalse();
    }

    @Test
    void disabledMetricsRecordNothing() {
        MetricsBuilder b = new MetricsBuilder(CATALOG, Map.of("a.sum", Scrapes.off()));
        b.record("a.sum", 1, 2, 3);
        b.record("b.gauge", 1, 2, 3, "cpu0", "user");

        assertThat(b.enabled("a.sum")).isFalse();
        assertThat(b.enabled("b.gauge")).isFalse();
        assertThat(b.hasPoints()).isFalse();
        assertThat(emit(b).metrics().isEmpty()).isTrue();
    }

    private static ScopeMetrics emit(MetricsBuilder b) {
        ScopeMetrics scope = new ScopeMetrics();
        b.emitTo(scope);
        return scope;
    }
}
