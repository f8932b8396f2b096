package io.otelier.pdata.metrics;

import io.otelier.pdata.PList;
import java.util.Objects;

/** A gauge or sum point holding a double or an integer: OTLP's {@code NumberDataPoint}. */
public final class NumberDataPoint extends DataPoint<NumberDataPoint> {

    /** Which of OTLP's {@code value} oneof is set. */
    public enum ValueType { EMPTY, DOUBLE, INT }

    private ValueType valueType = ValueType.EMPTY;
    private long valueBits;
    private final PList<Exemplar> exemplars = adopt(new PList<>(Exemplar::new, Exemplar::copyTo));

    /** A standalone, mutable, empty point. */
    public NumberDataPoint() {
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

    public NumberDataPoint setDoubleValue(double value) {
        checkWritable();
        valueType = ValueType.DOUBLE;
        valueBits = Double.doubleToRawLongBits(value);
        return this;
    }

    public NumberDataPoint setIntValue(long value) {
        checkWritable();
        valueType = ValueType.INT;
        valueBits = value;
        return this;
    }

    public PList<Exemplar> exemplars() {
        return exemplars;
    }

    @Override
    public void copyTo(NumberDataPoint dest) {
        copyCommonTo(dest);
        dest.valueType = valueType;
        dest.valueBits = valueBits;
        exemplars.copyTo(dest.exemplars);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof NumberDataPoint that && commonEquals(that)
                && valueType == that.valueType && valueBits == that.valueBits && exemplars.equals(that.exemplars);
    }

    @Override
    public int hashCode() {
        return Objects.hash(commonHash(), valueType, valueBits, exemplars);
    }

    @Override
    public String toString() {
        String value = switch (valueType) {
            case EMPTY -> "empty";
            case DOUBLE -> Double.toString(doubleValue());
            case INT -> Long.toString(intValue());
        };
        return "NumberDataPoint{value=" + value + ", " + commonFields() + ", exemplars=" + exemplars + "}";
    }
}
