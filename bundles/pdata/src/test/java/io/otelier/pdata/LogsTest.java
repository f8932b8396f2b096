package io.otelier.pdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.SeverityNumber;
import org.junit.jupiter.api.Test;

class LogsTest {

    private static LogRecord first(Logs logs) {
        return logs.resourceLogs().get(0).scopeLogs().get(0).logRecords().get(0);
    }

    @Test
    void countsLogRecords() {
        Logs logs = Fixtures.logs();

        assertThat(logs.logRecordCount()).isEqualTo(3);
        assertThat(logs.itemCount()).isEqualTo(3);
        assertThat(logs.resourceLogs().get(0).logRecordCount()).isEqualTo(3);
        assertThat(new Logs().isEmpty()).isTrue();
    }

    @Test
    void buildsEveryFieldOfARecord() {
        LogRecord record = first(Fixtures.logs());

        assertThat(record.timeUnixNano()).isEqualTo(1);
        assertThat(record.observedTimeUnixNano()).isEqualTo(2);
        assertThat(record.severityNumber()).isEqualTo(SeverityNumber.WARN);
        assertThat(record.severityText()).isEqualTo("WARN");
        assertThat(record.body()).isEqualTo(AnyValue.of("disk full"));
        assertThat(record.attributes().get("disk")).contains(AnyValue.of("/dev/sda"));
        assertThat(record.droppedAttributesCount()).isEqualTo(1);
        assertThat(record.flags()).isEqualTo(1);
        assertThat(record.traceId()).isEqualTo(Fixtures.TRACE_ID);
        assertThat(record.spanId()).isEqualTo(Fixtures.SPAN_ID);
        assertThat(record.eventName()).isEqualTo("disk.full");
        assertThat(new LogRecord().body().type()).isEqualTo(AnyValue.Type.EMPTY);
    }

    @Test
    void deepCopyIsEqualAndIndependent() {
        Logs original = Fixtures.logs();
        Logs copy = original.deepCopy();

        assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original);
        assertThat(copy.toString()).isEqualTo(original.toString());

        first(copy).setBody(AnyValue.of("changed")).attributes().put("disk", "/dev/sdb");
        copy.resourceLogs().get(0).scopeLogs().get(0).scope().setName("other");

        assertThat(original).isEqualTo(Fixtures.logs());
        assertThat(copy).isNotEqualTo(original);
    }

    @Test
    void moveAllToEmptiesTheSource() {
        Logs source = Fixtures.logs();
        Logs target = Fixtures.logs();

        source.resourceLogs().get(0).scopeLogs().moveAllTo(target.resourceLogs().get(0).scopeLogs());

        assertThat(source.logRecordCount()).isZero();
        assertThat(source.isEmpty()).isFalse();
        assertThat(target.logRecordCount()).isEqualTo(6);
    }
}
