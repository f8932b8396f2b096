package io.otelier.pdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.MetricType;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static Metric metric(Metrics metrics, int index) {
        return metrics.resourceMetrics().get(0).scopeMetrics().get(0).metrics().get(index);
    }

    @Test
    void countsMetricsAndDataPointsOfEveryKind() {
        Metrics metrics = Fixtures.metrics();

        assertThat(metrics.metricCount()).isEqualTo(6);
        assertThat(metrics.dataPointCount()).isEqualTo(7);
        assertThat(metrics.itemCount()).isEqualTo(7);
        ScopeMetrics scope = metrics.resourceMetrics().get(0).scopeMetrics().get(0);
        assertThat(scope.metrics()).extracting(Metric::type).containsExactly(MetricType.GAUGE, MetricType.SUM,
                MetricType.HISTOGRAM, MetricType.EXPONENTIAL_HISTOGRAM, MetricType.SUMMARY, MetricType.EMPTY);
        assertThat(scope.metrics()).extracting(Metric::dataPointCount).containsExactly(2, 1, 1, 1, 2, 0);
        assertThat(new Metrics().isEmpty()).isTrue();
        assertThat(metrics.isEmpty()).isFalse();
    }

    @Test
    void accessorOfAnotherKindThrows() {
        Metric gauge = metric(Fixtures.metrics(), 0);
        List<Consumer<Metric>> wrongKinds = List.of(Metric::sum, Metric::histogram, Metric::exponentialHistogram,
                Metric::summary);

        for (Consumer<Metric> access : wrongKinds) {
            assertThatThrownBy(() -> access.accept(gauge)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("GAUGE");
        }
        assertThatThrownBy(() -> new Metric().gauge()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void setEmptySwitchesTheKindAndDropsOldData() {
        Metric metric = new Metric();
        metric.setEmptyGauge().dataPoints().addNew().setIntValue(1);

        metric.setEmptySum();

        assertThat(metric.type()).isEqualTo(MetricType.SUM);
        assertThat(metric.dataPointCount()).isZero();
        assertThat(metric.sum().aggregationTemporality()).isEqualTo(AggregationTemporality.UNSPECIFIED);
        assertThat(metric.removeData().type()).isEqualTo(MetricType.EMPTY);
    }

    @Test
    void numberValueIsDoubleOrInt() {
        NumberDataPoint point = new NumberDataPoint();
        assertThat(point.valueType()).isEqualTo(NumberDataPoint.ValueType.EMPTY);

        point.setDoubleValue(2.5);
        assertThat(point.valueType()).isEqualTo(NumberDataPoint.ValueType.DOUBLE);
        assertThat(point.doubleValue()).isEqualTo(2.5);
        assertThat(point.intValue()).isZero();

        point.setIntValue(-3);
        assertThat(point.valueType()).isEqualTo(NumberDataPoint.ValueType.INT);
        assertThat(point.intValue()).isEqualTo(-3);
        assertThat(point.doubleValue()).isZero();
    }

    @Test
    void histogramOptionalFieldsAndArrayCopies() {
        HistogramDataPoint point = metric(Fixtures.metrics(), 2).histogram().dataPoints().get(0);
        assertThat(point.hasSum()).isTrue();
        assertThat(point.sum()).isEqualTo(12.5);
        assertThat(point.min()).isEqualTo(0.5);
        assertThat(point.max()).isEqualTo(4);
        assertThat(point.bucketCounts()).containsExactly(1, 2, 3);
        assertThat(point.bucketCountsCount()).isEqualTo(3);
        assertThat(point.bucketCount(2)).isEqualTo(3);
        assertThat(point.explicitBounds()).containsExactly(1, 2);
        assertThat(point.explicitBound(1)).isEqualTo(2);

        point.bucketCounts()[0] = 99;
        long[] given = {5, 6};
        point.setBucketCounts(given);
        given[0] = 99;
        assertThat(point.bucketCounts()).containsExactly(5, 6);

        point.removeSum().removeMin().removeMax();
        assertThat(point.hasSum()).isFalse();
        assertThat(point.hasMin()).isFalse();
        assertThat(point.hasMax()).isFalse();
        assertThat(point.sum()).isZero();
    }

    @Test
    void exponentialHistogramFields() {
        ExponentialHistogramDataPoint point = metric(Fixtures.metrics(), 3).exponentialHistogram().dataPoints().get(0);

        assertThat(point.scale()).isEqualTo(-2);
        assertThat(point.zeroCount()).isEqualTo(1);
        assertThat(point.zeroThreshold()).isEqualTo(0.01);
        assertThat(point.positive().offset()).isEqualTo(-1);
        assertThat(point.positive().bucketCounts()).containsExactly(1, 2);
        assertThat(point.negative().bucketCount(0)).isEqualTo(1);
        assertThat(point.hasMin()).isTrue();
        assertThatThrownBy(() -> point.setScale(1L << 40)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepCopyIsEqualAndIndependent() {
        Metrics original = Fixtures.metrics();
        Metrics copy = original.deepCopy();

        assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original);
        assertThat(copy.toString()).isEqualTo(original.toString());

        metric(copy, 0).gauge().dataPoints().get(0).setDoubleValue(0).attributes().put("room", "hall");
        metric(copy, 1).sum().setIsMonotonic(false);
        metric(copy, 2).histogram().dataPoints().get(0).setBucketCounts(0);
        metric(copy, 3).exponentialHistogram().dataPoints().get(0).positive().setBucketCounts(9);
        metric(copy, 4).summary().dataPoints().get(0).quantileValues().get(0).setValue(100);
        metric(copy, 0).metadata().clear();

        assertThat(original).isEqualTo(Fixtures.metrics());
        assertThat(copy).isNotEqualTo(original);
    }

    @Test
    void everyMetricFieldTakesPartInEquality() {
        List<Consumer<Metrics>> changes = List.of(
                m -> metric(m, 0).setUnit("K"),
                m -> metric(m, 0).metadata().put("meta", "other"),
                m -> metric(m, 0).gauge().dataPoints().get(1).exemplars().get(0).setIntValue(4),
                m -> metric(m, 1).sum().setAggregationTemporality(AggregationTemporality.DELTA),
                m -> metric(m, 2).histogram().dataPoints().get(0).setExplicitBounds(1, 3),
                m -> metric(m, 2).histogram().dataPoints().get(0).removeMax(),
                m -> metric(m, 3).exponentialHistogram().dataPoints().get(0).negative().setOffset(0),
                m -> metric(m, 3).exponentialHistogram().dataPoints().get(0).setZeroThreshold(0),
                m -> metric(m, 4).summary().dataPoints().get(1).setSum(1),
                m -> metric(m, 5).setEmptyGauge());
        for (Consumer<Metrics> change : changes) {
            Metrics changed = Fixtures.metrics();
            change.accept(changed);
            assertThat(changed).isNotEqualTo(Fixtures.metrics());
        }
    }

    @Test
    void moveAllToMovesMetricsBetweenBatches() {
        Metrics source = Fixtures.metrics();
        Metrics target = new Metrics();
        ScopeMetrics targetScope = target.resourceMetrics().addNew().scopeMetrics().addNew();

        source.resourceMetrics().get(0).scopeMetrics().get(0).metrics().moveAllTo(targetScope.metrics());

        assertThat(source.dataPointCount()).isZero();
        assertThat(source.metricCount()).isZero();
        assertThat(target.dataPointCount()).isEqualTo(7);
        assertThat(target.metricCount()).isEqualTo(6);
    }
}
