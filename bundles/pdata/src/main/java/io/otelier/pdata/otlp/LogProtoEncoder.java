package io.otelier.pdata.otlp;

import static com.google.protobuf.CodedOutputStream.computeEnumSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.attributesSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.fixed64Size;
import static io.otelier.pdata.otlp.CommonProtoEncoder.messageSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.nameSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.spanIdSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.startMessage;
import static io.otelier.pdata.otlp.CommonProtoEncoder.stringSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.traceIdSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.uint32Size;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeAttributes;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeFixed64;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeName;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeSpanId;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeString;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeTraceId;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeUInt32;

import com.google.protobuf.CodedOutputStream;
import io.otelier.pdata.Logs;
import io.otelier.pdata.PList;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;

/** Writes {@code ExportLogsServiceRequest}; see {@link CommonProtoEncoder} for the two passes. */
final class LogProtoEncoder {

    private LogProtoEncoder() {
    }

    static int requestSize(Logs logs, SizeCache cache) {
        PList<ResourceLogs> list = logs.resourceLogs();
        int size = 0;
        for (int i = 0, n = list.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(1, slot, resourceLogsSize(list.get(i), cache), cache);
        }
        return size;
    }

    static void writeRequest(ProtoWriter out, Logs logs, SizeCache cache) {
        PList<ResourceLogs> list = logs.resourceLogs();
        for (int i = 0, n = list.size(); i < n; i++) {
            startMessage(out, 1, cache);
            writeResourceLogs(out, list.get(i), cache);
        }
    }

    private static int resourceLogsSize(ResourceLogs resourceLogs, SizeCache cache) {
        int size = CommonProtoEncoder.resourceSize(1, resourceLogs.resource(), cache);
        PList<ScopeLogs> list = resourceLogs.scopeLogs();
        for (int i = 0, n = list.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(2, slot, scopeLogsSize(list.get(i), cache), cache);
        }
        return size + stringSize(3, resourceLogs.schemaUrl());
    }

    private static void writeResourceLogs(ProtoWriter out, ResourceLogs resourceLogs, SizeCache cache) {
        CommonProtoEncoder.writeResource(out, 1, resourceLogs.resource(), cache);
        PList<ScopeLogs> list = resourceLogs.scopeLogs();
        for (int i = 0, n = list.size(); i < n; i++) {
            startMessage(out, 2, cache);
            writeScopeLogs(out, list.get(i), cache);
        }
        writeString(out, 3, resourceLogs.schemaUrl());
    }

    private static int scopeLogsSize(ScopeLogs scopeLogs, SizeCache cache) {
        int size = CommonProtoEncoder.scopeSize(1, scopeLogs.scope(), cache);
        PList<LogRecord> records = scopeLogs.logRecords();
        for (int i = 0, n = records.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(2, slot, logRecordSize(records.get(i), cache), cache);
        }
        return size + stringSize(3, scopeLogs.schemaUrl());
    }

    private static void writeScopeLogs(ProtoWriter out, ScopeLogs scopeLogs, SizeCache cache) {
        CommonProtoEncoder.writeScope(out, 1, scopeLogs.scope(), cache);
        PList<LogRecord> records = scopeLogs.logRecords();
        for (int i = 0, n = records.size(); i < n; i++) {
            startMessage(out, 2, cache);
            writeLogRecord(out, records.get(i), cache);
        }
        writeString(out, 3, scopeLogs.schemaUrl());
    }

    private static int logRecordSize(LogRecord record, SizeCache cache) {
        int severity = record.severityNumber().number();
        int size = fixed64Size(1, record.timeUnixNano() != 0)
                + (severity == 0 ? 0 : computeEnumSize(2, severity))
                + nameSize(3, record.severityText());
        AnyValue body = record.body();
        if (body.type() != AnyValue.Type.EMPTY) {
            int slot = cache.reserve();
            size += messageSize(5, slot, CommonProtoEncoder.anyValueSize(body, cache), cache);
        }
        return size + attributesSize(6, record.attributes(), cache)
                + uint32Size(7, record.droppedAttributesCount())
                + (record.flags() == 0 ? 0 : 5) // fixed32 field 8
                + traceIdSize(9, record.traceId())
                + spanIdSize(10, record.spanId())
                + fixed64Size(11, record.observedTimeUnixNano() != 0)
                + nameSize(12, record.eventName());
    }

    private static void writeLogRecord(ProtoWriter out, LogRecord record, SizeCache cache) {
        writeFixed64(out, 1, record.timeUnixNano());
        if (record.severityNumber().number() != 0) {
            out.writeEnum(2, record.severityNumber().number());
        }
        writeName(out, 3, record.severityText());
        AnyValue body = record.body();
        if (body.type() != AnyValue.Type.EMPTY) {
            startMessage(out, 5, cache);
            CommonProtoEncoder.writeAnyValue(out, body, cache);
        }
        writeAttributes(out, 6, record.attributes(), cache);
        writeUInt32(out, 7, record.droppedAttributesCount());
        if (record.flags() != 0) {
            out.writeFixed32(8, record.flags());
        }
        writeTraceId(out, 9, record.traceId());
        writeSpanId(out, 10, record.spanId());
        writeFixed64(out, 11, record.observedTimeUnixNano());
        writeName(out, 12, record.eventName());
    }
}
