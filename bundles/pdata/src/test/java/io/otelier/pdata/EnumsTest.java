package io.otelier.pdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.trace.SpanKind;
import io.otelier.pdata.trace.StatusCode;
import org.junit.jupiter.api.Test;

class EnumsTest {

    @Test
    void spanKindNumbers() {
        assertThat(SpanKind.values()).extracting(SpanKind::number).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(SpanKind.fromNumber(2)).isEqualTo(SpanKind.SERVER);
        assertThat(SpanKind.fromNumber(5)).isEqualTo(SpanKind.CONSUMER);
        assertThat(SpanKind.fromNumber(6)).isEqualTo(SpanKind.UNSPECIFIED);
        assertThat(SpanKind.fromNumber(-1)).isEqualTo(SpanKind.UNSPECIFIED);
    }

    @Test
    void statusCodeNumbers() {
        assertThat(StatusCode.fromNumber(0)).isEqualTo(StatusCode.UNSET);
        assertThat(StatusCode.fromNumber(1)).isEqualTo(StatusCode.OK);
        assertThat(StatusCode.fromNumber(2)).isEqualTo(StatusCode.ERROR);
        assertThat(StatusCode.fromNumber(3)).isEqualTo(StatusCode.UNSET);
        assertThat(StatusCode.ERROR.number()).isEqualTo(2);
    }

    @Test
    void aggregationTemporalityNumbers() {
        assertThat(AggregationTemporality.fromNumber(1)).isEqualTo(AggregationTemporality.DELTA);
        assertThat(AggregationTemporality.fromNumber(2)).isEqualTo(AggregationTemporality.CUMULATIVE);
        assertThat(AggregationTemporality.fromNumber(99)).isEqualTo(AggregationTemporality.UNSPECIFIED);
    }

    @Test
    void severityNumbersFollowOtlp() {
        assertThat(SeverityNumber.values()).hasSize(25);
        assertThat(SeverityNumber.TRACE.number()).isEqualTo(1);
        assertThat(SeverityNumber.DEBUG.number()).isEqualTo(5);
        assertThat(SeverityNumber.INFO.number()).isEqualTo(9);
        assertThat(SeverityNumber.WARN.number()).isEqualTo(13);
        assertThat(SeverityNumber.ERROR.number()).isEqualTo(17);
        assertThat(SeverityNumber.FATAL4.number()).isEqualTo(24);
        for (SeverityNumber severity : SeverityNumber.values()) {
            assertThat(SeverityNumber.fromNumber(severity.number())).isSameAs(severity);
        }
        assertThat(SeverityNumber.fromNumber(25)).isEqualTo(SeverityNumber.UNSPECIFIED);
    }
}
