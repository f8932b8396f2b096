package io.otelier.pdata.metrics;

import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.Attributes;
import java.util.Objects;

/**
 * One metric: name, description, unit, metadata and exactly one kind of data (OTLP's {@code data} oneof).
 * {@code setEmptyGauge()} and its siblings switch the kind and return the new, empty data; {@code gauge()} and
 * its siblings return the data and throw {@link IllegalStateException} when the metric holds another kind.
 */
public final class Metric extends TreeNode {

    private String name = "";
    private String description = "";
    private String unit = "";
    private final Attributes metadata = adopt(new Attributes());
    private MetricType type = MetricType.EMPTY;
    private TreeNode data;

    /** A standalone, mutable, empty metric. */
    public Metric() {
    }

    public String name() {
        return name;
    }

    public Metric setName(String name) {
        checkWritable();
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    public String description() {
        return description;
    }

    public Metric setDescription(String description) {
        checkWritable();
        this.description = Objects.requireNonNull(description, "description");
        return this;
    }

    public String unit() {
        return unit;
    }

    public Metric setUnit(String unit) {
        checkWritable();
        this.unit = Objects.requireNonNull(unit, "unit");
        return this;
    }

    /** Additional metadata (OTLP's {@code Metric.metadata}), not part of the metric's identity. */
    public Attributes metadata() {
        return metadata;
    }

    public MetricType type() {
        return type;
    }

    public Gauge setEmptyGauge() {
        return setData(MetricType.GAUGE, new Gauge());
    }

    public Sum setEmptySum() {
        return setData(MetricType.SUM, new Sum());
    }

    public Histogram setEmptyHistogram() {
        return setData(MetricType.HISTOGRAM, new Histogram());
    }

    public ExponentialHistogram setEmptyExponentialHistogram() {
        return setData(MetricType.EXPONENTIAL_HISTOGRAM, new ExponentialHistogram());
    }

    public Summary setEmptySummary() {
        return setData(MetricType.SUMMARY, new Summary());
    }

    /** Removes the data, leaving the metric EMPTY. */
    public Metric removeData() {
        checkWritable();
        type = MetricType.EMPTY;
        data = null;
        return this;
    }

    public Gauge gauge() {
        return data(MetricType.GAUGE, Gauge.class);
    }

    public Sum sum() {
        return data(MetricType.SUM, Sum.class);
    }

    public Histogram histogram() {
        return data(MetricType.HISTOGRAM, Histogram.class);
    }

    public ExponentialHistogram exponentialHistogram() {
        return data(MetricType.EXPONENTIAL_HISTOGRAM, ExponentialHistogram.class);
    }

    public Summary summary() {
        return data(MetricType.SUMMARY, Summary.class);
    }

    /** Number of data points, whatever the kind (0 when EMPTY). */
    public int dataPointCount() {
        return switch (type) {
            case EMPTY -> 0;
            case GAUGE -> ((Gauge) data).dataPoints().size();
            case SUM -> ((Sum) data).dataPoints().size();
            case HISTOGRAM -> ((Histogram) data).dataPoints().size();
            case EXPONENTIAL_HISTOGRAM -> ((ExponentialHistogram) data).dataPoints().size();
            case SUMMARY -> ((Summary) data).dataPoints().size();
        };
    }

    /** Overwrites {@code dest} with a deep copy of this metric. */
    public void copyTo(Metric dest) {
        dest.checkWritable();
        dest.name = name;
        dest.description = description;
        dest.unit = unit;
        metadata.copyTo(dest.metadata);
        switch (type) {
            case EMPTY -> dest.removeData();
            case GAUGE -> gauge().copyTo(dest.setEmptyGauge());
            case SUM -> sum().copyTo(dest.setEmptySum());
            case HISTOGRAM -> histogram().copyTo(dest.setEmptyHistogram());
            case EXPONENTIAL_HISTOGRAM -> exponentialHistogram().copyTo(dest.setEmptyExponentialHistogram());
            case SUMMARY -> summary().copyTo(dest.setEmptySummary());
        }
    }

    private <D extends TreeNode> D setData(MetricType newType, D newData) {
        checkWritable();
        type = newType;
        data = adopt(newData);
        return newData;
    }

    private <D> D data(MetricType wanted, Class<D> kind) {
        if (type != wanted) {
            throw new IllegalStateException("metric \"" + name + "\" is " + type + ", not " + wanted);
        }
        return kind.cast(data);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Metric that
                && name.equals(that.name) && description.equals(that.description) && unit.equals(that.unit)
                && type == that.type && Objects.equals(data, that.data) && metadata.equals(that.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, unit, type, data);
    }

    @Override
    public String toString() {
        return "Metric{name=" + name + ", description=" + description + ", unit=" + unit + ", type=" + type
                + ", metadata=" + metadata + ", data=" + data + "}";
    }
}
