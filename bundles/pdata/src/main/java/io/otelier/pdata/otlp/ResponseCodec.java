package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.ProtoReader.LEN;
import static io.otelier.pdata.otlp.ProtoReader.VARINT;
import static io.otelier.pdata.otlp.ProtoReader.known;
import static io.otelier.pdata.otlp.ProtoReader.names;

import com.fasterxml.jackson.core.SerializableString;
import com.google.protobuf.CodedOutputStream;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@code Export*ServiceResponse} in both encodings: {@code partial_success} (field 1) holding the rejected count
 * (field 1, int64, named {@code rejected_spans}, {@code rejected_data_points} or {@code rejected_log_records}) and
 * {@code error_message} (field 2).
 */
final class ResponseCodec {

    private static final String[] RESPONSE = names(1, "partial_success");
    private static final String[] PARTIAL_SUCCESS = names(1, "rejected", 2, "error_message");
    private static final long RESPONSE_KNOWN = known(RESPONSE);
    private static final long PARTIAL_SUCCESS_KNOWN = known(PARTIAL_SUCCESS);

    private static final SerializableString PARTIAL_SUCCESS_JSON = JsonOut.name("partialSuccess");
    private static final SerializableString ERROR_MESSAGE = JsonOut.name("errorMessage");
    private static final SerializableString REJECTED_SPANS = JsonOut.name("rejectedSpans");
    private static final SerializableString REJECTED_DATA_POINTS = JsonOut.name("rejectedDataPoints");
    private static final SerializableString REJECTED_LOG_RECORDS = JsonOut.name("rejectedLogRecords");

    private ResponseCodec() {
    }

    static byte[] encodeProto(long rejected, String errorMessage) {
        Objects.requireNonNull(errorMessage, "errorMessage");
        if (rejected == 0 && errorMessage.isEmpty()) {
            return new byte[0];
        }
        int body = (rejected == 0 ? 0 : CodedOutputStream.computeInt64Size(1, rejected))
                + CommonProtoEncoder.stringSize(2, errorMessage);
        byte[] bytes = new byte[CommonProtoEncoder.fieldSize(1, body)];
        ProtoWriter out = new ProtoWriter(bytes);
        out.writeTag(1, LEN);
        out.writeUInt32NoTag(body);
        if (rejected != 0) {
            out.writeInt64(1, rejected);
        }
        CommonProtoEncoder.writeString(out, 2, errorMessage);
        return bytes;
    }

    static PartialSuccess decodeProto(byte[] bytes) throws OtlpDecodeException {
        long[] rejected = {0};
        String[] message = {""};
        ProtoReader.decode(bytes, 0, bytes.length, "Export*ServiceResponse", RESPONSE, r -> {
            for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
                if (tag != (1 << 3 | LEN)) {
                    r.skipField(tag, RESPONSE_KNOWN);
                    continue;
                }
                int limit = r.enter(PARTIAL_SUCCESS, -1);
                for (int inner = r.readTag(); inner != 0; inner = r.readTag()) {
                    switch (inner) {
                        case 1 << 3 | VARINT -> rejected[0] = r.in.readInt64();
                        case 2 << 3 | LEN -> message[0] = r.readString();
                        default -> r.skipField(inner, PARTIAL_SUCCESS_KNOWN);
                    }
                }
                r.leave(limit);
            }
        });
        return rejected[0] == 0 && message[0].isEmpty() ? PartialSuccess.NONE
                : new PartialSuccess(rejected[0], message[0]);
    }

    /** {@code {}} for a plain success, else the partial success with the signal's name for the count. */
    static byte[] encodeJson(Class<? extends Telemetry> signal, long rejected, String errorMessage) {
        Objects.requireNonNull(errorMessage, "errorMessage");
        try {
            JsonOut out = new JsonOut();
            out.startObject();
            if (rejected != 0 || !errorMessage.isEmpty()) {
                out.field(PARTIAL_SUCCESS_JSON);
                out.startObject();
                if (rejected != 0) {
                    out.field(rejectedName(signal));
                    out.int64(rejected);
                }
                out.stringIfSet(ERROR_MESSAGE, errorMessage);
                out.endObject();
            }
            out.endObject();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SerializableString rejectedName(Class<? extends Telemetry> signal) {
        if (signal == Traces.class) {
            return REJECTED_SPANS;
        }
        if (signal == Metrics.class) {
            return REJECTED_DATA_POINTS;
        }
        if (signal == Logs.class) {
            return REJECTED_LOG_RECORDS;
        }
        throw new IllegalArgumentException("the JSON name of the rejected count depends on the signal: "
                + "pass Traces.class, Metrics.class or Logs.class, not " + signal);
    }

    /** Reads any signal's response: the rejected count may come under any of the three names. */
    static PartialSuccess decodeJson(byte[] utf8) throws OtlpDecodeException {
        long[] rejected = {0};
        String[] message = {""};
        JsonIn.decode(utf8, 0, utf8.length, "Export*ServiceResponse", in -> {
            in.startObject();
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                if (!field.equals("partialSuccess") && !field.equals("partial_success")) {
                    in.skip();
                    continue;
                }
                in.startObject();
                for (String inner = in.nextField(); inner != null; inner = in.nextField()) {
                    switch (inner) {
                        case "rejectedSpans", "rejected_spans", "rejectedDataPoints", "rejected_data_points",
                                "rejectedLogRecords", "rejected_log_records" -> rejected[0] = in.int64();
                        case "errorMessage", "error_message" -> message[0] = in.string();
                        default -> in.skip();
                    }
                }
            }
        });
        return rejected[0] == 0 && message[0].isEmpty() ? PartialSuccess.NONE
                : new PartialSuccess(rejected[0], message[0]);
    }
}
