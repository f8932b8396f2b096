package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.CommonJson.ATTRIBUTES;
import static io.otelier.pdata.otlp.CommonJson.DROPPED_ATTRIBUTES_COUNT;
import static io.otelier.pdata.otlp.CommonJson.FLAGS;
import static io.otelier.pdata.otlp.CommonJson.SCHEMA_URL;
import static io.otelier.pdata.otlp.CommonJson.SPAN_ID;
import static io.otelier.pdata.otlp.CommonJson.TIME_UNIX_NANO;
import static io.otelier.pdata.otlp.CommonJson.TRACE_ID;
import static io.otelier.pdata.otlp.JsonOut.name;

import com.fasterxml.jackson.core.SerializableString;
import io.otelier.pdata.Logs;
import io.otelier.pdata.PList;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.logs.SeverityNumber;
import java.io.IOException;
import java.util.Map;

/** OTLP/JSON of {@code ExportLogsServiceRequest}, both ways. */
final class LogJson {

    private static final SerializableString RESOURCE_LOGS = name("resourceLogs");
    private static final SerializableString SCOPE_LOGS = name("scopeLogs");
    private static final SerializableString LOG_RECORDS = name("logRecords");
    private static final SerializableString OBSERVED_TIME_UNIX_NANO = name("observedTimeUnixNano");
    private static final SerializableString SEVERITY_NUMBER = name("severityNumber");
    private static final SerializableString SEVERITY_TEXT = name("severityText");
    private static final SerializableString BODY = name("body");
    private static final SerializableString EVENT_NAME = name("eventName");

    private static final Map<String, Integer> SEVERITIES =
            CommonJson.enumNames("SEVERITY_NUMBER_", SeverityNumber.values(), SeverityNumber::number);

    private LogJson() {
    }

    // ---- writing

    static void writeRequest(JsonOut out, Logs logs) throws IOException {
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

    private static void writeResourceLogs(JsonOut out, ResourceLogs resourceLogs) throws IOException {
        out.startObject();
        CommonJson.writeResource(out, resourceLogs.resource());
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

    private static void writeScopeLogs(JsonOut out, ScopeLogs scopeLogs) throws IOException {
        out.startObject();
        CommonJson.writeScope(out, scopeLogs.scope());
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

    private static void writeLogRecord(JsonOut out, LogRecord record) throws IOException {
        out.startObject();
        out.uint64IfSet(TIME_UNIX_NANO, record.timeUnixNano());
        out.uint64IfSet(OBSERVED_TIME_UNIX_NANO, record.observedTimeUnixNano());
        out.int32IfSet(SEVERITY_NUMBER, record.severityNumber().number());
        out.stringIfSet(SEVERITY_TEXT, record.severityText());
        out.field(BODY); // always, as upstream
        CommonJson.writeAnyValue(out, record.body());
        CommonJson.writeAttributes(out, ATTRIBUTES, record.attributes());
        out.uint32IfSet(DROPPED_ATTRIBUTES_COUNT, record.droppedAttributesCount());
        out.uint32IfSet(FLAGS, record.flags());
        out.traceIdIfSet(TRACE_ID, record.traceId());
        out.spanIdIfSet(SPAN_ID, record.spanId());
        out.stringIfSet(EVENT_NAME, record.eventName());
        out.endObject();
    }

    // ---- reading

    static void readRequest(JsonIn in, Logs logs) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            if (field.equals("resourceLogs") || field.equals("resource_logs")) {
                in.startArray();
                while (in.nextElement()) {
                    readResourceLogs(in, logs.resourceLogs().addNew());
                }
            } else {
                in.skip();
            }
        }
    }

    private static void readResourceLogs(JsonIn in, ResourceLogs resourceLogs) throws IOException, OtlpDecodeException {
        in.startObject();
        ResourceLogs deprecated = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "resource" -> CommonJson.readResource(in, resourceLogs.resource());
                case "scopeLogs", "scope_logs" -> readScopeLogsList(in, resourceLogs.scopeLogs());
                case "schemaUrl", "schema_url" -> resourceLogs.setSchemaUrl(in.string());
                // the pre-0.19 name, still read by upstream; it counts only when scopeLogs is absent
                case "instrumentationLibraryLogs", "instrumentation_library_logs", "deprecatedScopeLogs",
                        "deprecated_scope_logs" -> {
                    deprecated = deprecated == null ? new ResourceLogs() : deprecated;
                    readScopeLogsList(in, deprecated.scopeLogs());
                }
                default -> in.skip();
            }
        }
        if (deprecated != null && resourceLogs.scopeLogs().isEmpty()) {
            deprecated.scopeLogs().moveAllTo(resourceLogs.scopeLogs());
        }
    }

    private static void readScopeLogsList(JsonIn in, PList<ScopeLogs> list) throws IOException, OtlpDecodeException {
        in.startArray();
        while (in.nextElement()) {
            ScopeLogs scopeLogs = list.addNew();
            in.startObject();
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                switch (field) {
                    case "scope", "instrumentationLibrary", "instrumentation_library" ->
                            CommonJson.readScope(in, scopeLogs.scope());
                    case "logRecords", "log_records" -> {
                        in.startArray();
                        while (in.nextElement()) {
                            readLogRecord(in, scopeLogs.logRecords().addNew());
                        }
                    }
                    case "schemaUrl", "schema_url" -> scopeLogs.setSchemaUrl(in.string());
                    default -> in.skip();
                }
            }
        }
    }

    private static void readLogRecord(JsonIn in, LogRecord record) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "timeUnixNano", "time_unix_nano" -> record.setTimeUnixNano(in.uint64());
                case "observedTimeUnixNano", "observed_time_unix_nano" -> record.setObservedTimeUnixNano(in.uint64());
                case "severityNumber", "severity_number" ->
                        record.setSeverityNumber(SeverityNumber.fromNumber(in.enumNumber(SEVERITIES)));
                case "severityText", "severity_text" -> record.setSeverityText(in.string());
                case "body" -> record.setBody(CommonJson.readAnyValue(in, 0));
                case "attributes" -> CommonJson.readAttributes(in, record.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" ->
                        record.setDroppedAttributesCount(in.uint32());
                case "flags" -> record.setFlags(in.uint32());
                case "traceId", "trace_id" -> record.setTraceId(in.traceId());
                case "spanId", "span_id" -> record.setSpanId(in.spanId());
                case "eventName", "event_name" -> record.setEventName(in.string());
                default -> in.skip();
            }
        }
    }
}
