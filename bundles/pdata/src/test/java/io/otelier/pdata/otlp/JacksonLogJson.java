package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.JacksonCommonJson.ATTRIBUTES;
import static io.otelier.pdata.otlp.JacksonCommonJson.DROPPED_ATTRIBUTES_COUNT;
import static io.otelier.pdata.otlp.JacksonCommonJson.FLAGS;
import static io.otelier.pdata.otlp.JacksonCommonJson.SCHEMA_URL;
import static io.otelier.pdata.otlp.JacksonCommonJson.SPAN_ID;
import static io.otelier.pdata.otlp.JacksonCommonJson.TIME_UNIX_NANO;
import static io.otelier.pdata.otlp.JacksonCommonJson.TRACE_ID;
import static io.otelier.pdata.otlp.JacksonJsonOut.name;

import com.fasterxml.jackson.core.SerializableString;
import io.otelier.pdata.Logs;
import io.otelier.pdata.PList;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;
import java.io.IOException;

/**
 * Test oracle: OTLP/JSON writing of ExportLogsServiceRequest as it was
 * before {@code JsonOut} wrote bytes itself, with Jackson (a frozen copy of the writing half).
 * {@link JsonOutTest} compares the two writers.
 */
final class JacksonLogJson {

    private static final SerializableString RESOURCE_LOGS = name("resourceLogs");
    private static final SerializableString SCOPE_LOGS = name("scopeLogs");
    private static final SerializableString LOG_RECORDS = name("logRecords");
    private static final SerializableString OBSERVED_TIME_UNIX_NANO = name("observedTimeUnixNano");
    private static final SerializableString SEVERITY_NUMBER = name("severityNumber");
    private static final SerializableString SEVERITY_TEXT = name("severityText");
    private static final SerializableString BODY = name("body");
    private static final SerializableString EVENT_NAME = name("eventName");

    private JacksonLogJson() {
    }

    // ---- writing

    static void writeRequest(JacksonJsonOut out, Logs logs) throws IOException {
        out.startObject();
        PList<ResourceLogs> list = logs.resourceLogs();
        if (!list.isEmpty()) {
            out.field(RESOURCE_LOGS);
            out.startArray();
            for (int i = 0, n = list.size(); i < n; i++) {
                writeResourceLogs(out, list.get(i));
            }
            out.endArray();
        }
        out.endObject();
    }

    private static void writeResourceLogs(JacksonJsonOut out, ResourceLogs resourceLogs) throws IOException {
        out.startObject();
        JacksonCommonJson.writeResource(out, resourceLogs.resource());
        PList<ScopeLogs> list = resourceLogs.scopeLogs();
        if (!list.isEmpty()) {
            out.field(SCOPE_LOGS);
            out.startArray();
            for (int i = 0, n = list.size(); i < n; i++) {
                writeScopeLogs(out, list.get(i));
            }
            out.endArray();
        }
        out.stringIfSet(SCHEMA_URL, resourceLogs.schemaUrl());
        out.endObject();
    }

    private static void writeScopeLogs(JacksonJsonOut out, ScopeLogs scopeLogs) throws IOException {
        out.startObject();
        JacksonCommonJson.writeScope(out, scopeLogs.scope());
        PList<LogRecord> records = scopeLogs.logRecords();
        if (!records.isEmpty()) {
            out.field(LOG_RECORDS);
            out.startArray();
            for (int i = 0, n = records.size(); i < n; i++) {
                writeLogRecord(out, records.get(i));
            }
            out.endArray();
        }
        out.stringIfSet(SCHEMA_URL, scopeLogs.schemaUrl());
        out.endObject();
    }

    private static void writeLogRecord(JacksonJsonOut out, LogRecord record) throws IOException {
        out.startObject();
        out.uint64IfSet(TIME_UNIX_NANO, record.timeUnixNano());
        out.uint64IfSet(OBSERVED_TIME_UNIX_NANO, record.observedTimeUnixNano());
        out.int32IfSet(SEVERITY_NUMBER, record.severityNumber().number());
        out.stringIfSet(SEVERITY_TEXT, record.severityText());
        out.field(BODY); // always, as upstream
        JacksonCommonJson.writeAnyValue(out, record.body());
        JacksonCommonJson.writeAttributes(out, ATTRIBUTES, record.attributes());
        out.uint32IfSet(DROPPED_ATTRIBUTES_COUNT, record.droppedAttributesCount());
        out.uint32IfSet(FLAGS, record.flags());
        out.traceIdIfSet(TRACE_ID, record.traceId());
        out.spanIdIfSet(SPAN_ID, record.spanId());
        out.stringIfSet(EVENT_NAME, record.eventName());
        out.endObject();
    }
}
