package io.otelier.pdata.metrics;

import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import java.util.Objects;

/** A sample measurement kept with a data point: OTLP's {@code Exemplar}. */
public final class Exemplar extends TreeNode {

    /** Which of OTLP's {@code value} oneof is set. */
    public enum ValueType { EMPTY, DOUBLE, INT }

    private final Attributes filteredAttributes = adopt(new Attributes());
    private long timeUnixNano;
    private ValueType valueType = ValueType.EMPTY;
    private long valueBits;
    private SpanId spanId = SpanId.EMPTY;
    private TraceId traceId = TraceId.EMPTY;

    /** A standalone, mutable, empty exemplar. */
    public Exemplar() {
    }

    public Attributes filteredAttributes() {
        return filteredAttributes;
    }

    public long timeUnixNano() {
        return timeUnixNano;
    }

    public Exemplar setTimeUnixNano(long timeUnixNano) {
        checkWritable();
        this.timeUnixNano = timeUnixNano;
        return this;
    }

    public ValueType valueType() {
        return valueType;
    }

    /** The value when {@link #valueType()} is DOUBLE, else 0 (as upstream). */
    public double doubleValue() {
        return valueType == ValueType.DOUBLE ? Double.longBitsToDouble(valueBits) : 0;
    }

    /** The value when {@link #valueType()} is INT, else 0 (as upstream). */
    public long intValue() {
        return valueType == ValueType.INT ? valueBits : 0;
    }

    public Exemplar setDoubleValue(double value) {
        checkWritable();
        valueType = ValueType.DOUBLE;
        valueBits = Double.doubleToRawLongBits(value);
        return this;
    }

    public Exemplar setIntValue(long value) {
        checkWritable();
        valueType = ValueType.INT;
        valueBits = value;
        return this;
    }

    public SpanId spanId() {
        return spanId;
    }

    public Exemplar setSpanId(SpanId spanId) {
        checkWritable();
        this.spanId = Objects.requireNonNull(spanId, "spanId");
        return this;
    }

    public TraceId traceId() {
        return traceId;
    }

    public Exemplar setTraceId(TraceId traceId) {
        checkWritable();
        this.traceId = Objects.requireNonNull(traceId, "traceId");
        return this;
    }

    public void copyTo(Exemplar dest) {
        dest.checkWritable();
        filteredAttributes.copyTo(dest.filteredAttributes);
        dest.timeUnixNano = timeUnixNano;
        dest.valueType = valueType;
        dest.valueBits = valueBits;
        dest.spanId = spanId;
        dest.traceId = traceId;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Exemplar that
                && timeUnixNano == that.timeUnixNano && valueType == that.valueType && valueBits == that.valueBits
                && spanId.equals(that.spanId) && traceId.equals(that.traceId)
                && filteredAttributes.equals(that.filteredAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filteredAttributes, timeUnixNano, valueType, valueBits, spanId, traceId);
    }

    @Override
    public String toString() {
        String value = switch (valueType) {
            case EMPTY -> "empty";
            case DOUBLE -> Double.toString(doubleValue());
            case INT -> Long.toString(intValue());
        };
        return "Exemplar{value=" + value + ", time=" + timeUnixNano + ", traceId=" + traceId + ", spanId=" + spanId
                + ", filteredAttributes=" + filteredAttributes + "}";
    }
}
