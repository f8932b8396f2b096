package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.ProtoReader.FIXED32;
import static io.otelier.pdata.otlp.ProtoReader.FIXED64;
import static io.otelier.pdata.otlp.ProtoReader.LEN;
import static io.otelier.pdata.otlp.ProtoReader.VARINT;
import static io.otelier.pdata.otlp.ProtoReader.known;
import static io.otelier.pdata.otlp.ProtoReader.names;

import io.otelier.pdata.Logs;
import io.otelier.pdata.PList;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.logs.SeverityNumber;
import java.io.IOException;

/** Reads {@code ExportLogsServiceRequest} (the same layout as {@code LogsData}). */
final class LogProtoDecoder {

    static final String[] REQUEST = names(1, "resource_logs");
    static final String[] RESOURCE_LOGS = names(1, "resource", 2, "scope_logs", 3, "schema_url",
            1000, "instrumentation_library_logs");
    static final String[] SCOPE_LOGS = names(1, "scope", 2, "log_records", 3, "schema_url");
    static final String[] LOG_RECORD = names(1, "time_unix_nano", 2, "severity_number", 3, "severity_text",
            5, "body", 6, "attributes", 7, "dropped_attributes_count", 8, "flags", 9, "trace_id", 10, "span_id",
            11, "observed_time_unix_nano", 12, "event_name");

    private static final long REQUEST_KNOWN = known(REQUEST);
    private static final long RESOURCE_LOGS_KNOWN = known(RESOURCE_LOGS);
    private static final long SCOPE_LOGS_KNOWN = known(SCOPE_LOGS);
    private static final long LOG_RECORD_KNOWN = known(LOG_RECORD);

    /** Field 1000 of ResourceLogs: {@code instrumentation_library_logs} of OTLP before 0.19. */
    private static final int DEPRECATED_SCOPE_LOGS = 1000 << 3 | LEN;

    private LogProtoDecoder() {
    }

    static void readRequest(ProtoReader r, Logs logs) throws IOException, OtlpDecodeException {
        PList<ResourceLogs> resourceLogs = logs.resourceLogs();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            if (tag == (1 << 3 | LEN)) {
                readResourceLogs(r, resourceLogs);
            } else {
                r.skipField(tag, REQUEST_KNOWN);
            }
        }
    }

    private static void readResourceLogs(ProtoReader r, PList<ResourceLogs> list)
            throws IOException, OtlpDecodeException {
        int limit = r.enter(RESOURCE_LOGS, list.size());
        ResourceLogs resourceLogs = list.addNew();
        ResourceLogs deprecated = null;
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> CommonProtoDecoder.readResource(r, resourceLogs.resource());
                case 2 << 3 | LEN -> readScopeLogs(r, resourceLogs.scopeLogs());
                case 3 << 3 | LEN -> resourceLogs.setSchemaUrl(r.readString());
                case DEPRECATED_SCOPE_LOGS -> {
                    deprecated = deprecated == null ? new ResourceLogs() : deprecated;
                    readScopeLogs(r, deprecated.scopeLogs());
                }
                default -> r.skipField(tag, RESOURCE_LOGS_KNOWN);
            }
        }
        r.leave(limit);
        if (deprecated != null && resourceLogs.scopeLogs().isEmpty()) {
            deprecated.scopeLogs().moveAllTo(resourceLogs.scopeLogs());
        }
    }

    private static void readScopeLogs(ProtoReader r, PList<ScopeLogs> list) throws IOException, OtlpDecodeException {
        int limit = r.enter(SCOPE_LOGS, list.size());
        ScopeLogs scopeLogs = list.addNew();
        // Items are read into a detached list and moved in at the end: each setter checks that its tree is not
        // read-only by walking up to the root, a walk of two or three nodes from a detached list instead of eight.
        PList<LogRecord> records = new PList<>(LogRecord::new, LogRecord::copyTo);
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> CommonProtoDecoder.readScope(r, scopeLogs.scope());
                case 2 << 3 | LEN -> readLogRecord(r, records);
                case 3 << 3 | LEN -> scopeLogs.setSchemaUrl(r.readString());
                default -> r.skipField(tag, SCOPE_LOGS_KNOWN);
            }
        }
        r.leave(limit);
        records.moveAllTo(scopeLogs.logRecords());
    }

    private static void readLogRecord(ProtoReader r, PList<LogRecord> list) throws IOException, OtlpDecodeException {
        int limit = r.enter(LOG_RECORD, list.size());
        LogRecord record = list.addNew();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | FIXED64 -> record.setTimeUnixNano(r.in.readFixed64());
                case 2 << 3 | VARINT -> record.setSeverityNumber(SeverityNumber.fromNumber(r.in.readEnum()));
                case 3 << 3 | LEN -> record.setSeverityText(r.readName());
                case 5 << 3 | LEN -> record.setBody(CommonProtoDecoder.readAnyValue(r, -1));
                case 6 << 3 | LEN -> CommonProtoDecoder.readAttribute(r, record.attributes());
                case 7 << 3 | VARINT -> record.setDroppedAttributesCount(r.readUInt32());
                case 8 << 3 | FIXED32 -> record.setFlags(Integer.toUnsignedLong(r.in.readFixed32()));
                case 9 << 3 | LEN -> record.setTraceId(r.readTraceId());
                case 10 << 3 | LEN -> record.setSpanId(r.readSpanId());
                case 11 << 3 | FIXED64 -> record.setObservedTimeUnixNano(r.in.readFixed64());
                case 12 << 3 | LEN -> record.setEventName(r.readName());
                default -> r.skipField(tag, LOG_RECORD_KNOWN);
            }
        }
        r.leave(limit);
    }
}
