package io.otelier.receiver.otlp.internal;

import com.google.protobuf.CodedOutputStream;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.otelier.helper.grpc.GrpcErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@code google.rpc.Status}: what the OTLP/HTTP receiver answers a failed request with, in the request's
 * encoding (OTLP spec, "Failures" under OTLP/HTTP). A throttling delay travels as a {@code google.rpc.RetryInfo}
 * detail, as in upstream's statuses.
 *
 * @param code       a gRPC status code
 * @param retryDelay the delay the refusing consumer asked for, or null
 */
record RpcStatus(int code, String message, Duration retryDelay) {

    static final String RETRY_INFO_TYPE = "type.googleapis.com/google.rpc.RetryInfo";

    RpcStatus {
        message = message == null ? "" : message;
    }

    /** A consumer's refusal as upstream's {@code GetStatusFromError} words it (via {@link GrpcErrors#toStatus}). */
    static RpcStatus fromConsumerError(Throwable error) {
        StatusRuntimeException status = GrpcErrors.toStatus(error);
        Optional<Duration> delay = GrpcErrors.retryDelay(status.getTrailers());
        return new RpcStatus(status.getStatus().getCode().value(), status.getStatus().getDescription(),
                delay.orElse(null));
    }

    /** Upstream's {@code NewStatusFromMsgAndHTTPCode}: the gRPC code an HTTP error status stands for. */
    static RpcStatus fromHttp(String message, int httpStatus) {
        Status.Code code = switch (httpStatus) {
            case 400 -> Status.Code.INVALID_ARGUMENT;
            case 401 -> Status.Code.UNAUTHENTICATED;
            case 403 -> Status.Code.PERMISSION_DENIED;
            case 404 -> Status.Code.UNIMPLEMENTED;
            case 429 -> Status.Code.RESOURCE_EXHAUSTED;
            case 502, 503, 504 -> Status.Code.UNAVAILABLE;
            default -> Status.Code.UNKNOWN;
        };
        return new RpcStatus(code.value(), message, null);
    }

    /** Upstream's {@code GetHTTPStatusCodeFromStatus}: retryable codes become 503 (or 429), the rest 4xx/500. */
    int httpStatus() {
        return switch (Status.fromCodeValue(code).getCode()) {
            case CANCELLED, DEADLINE_EXCEEDED, ABORTED, OUT_OF_RANGE, UNAVAILABLE, DATA_LOSS -> 503;
            case RESOURCE_EXHAUSTED -> 429;
            case INVALID_ARGUMENT -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case UNIMPLEMENTED -> 404;
            default -> 500;
        };
    }

    /** Protobuf: {@code code = 1}, {@code message = 2}, {@code details = 3} (Any), zero values left out. */
    byte[] toProto() {
        return message(out -> {
            if (code != 0) {
                out.writeInt32(1, code);
            }
            if (!message.isEmpty()) {
                out.writeString(2, message);
            }
            if (retryDelay != null) {
                byte[] duration = message(d -> {
                    if (retryDelay.getSeconds() != 0) {
                        d.writeInt64(1, retryDelay.getSeconds());
                    }
                    if (retryDelay.getNano() != 0) {
                        d.writeInt32(2, retryDelay.getNano());
                    }
                });
                byte[] retryInfo = message(r -> r.writeByteArray(1, duration));
                out.writeByteArray(3, message(any -> {
                    any.writeString(1, RETRY_INFO_TYPE);
                    any.writeByteArray(2, retryInfo);
                }));
            }
        });
    }

    /** protojson's form: {@code {"code":3,"message":"…"}}, zero values left out. */
    byte[] toJson() {
        StringBuilder json = new StringBuilder("{");
        if (code != 0) {
            json.append("\"code\":").append(code);
        }
        if (!message.isEmpty()) {
            json.append(json.length() > 1 ? "," : "").append("\"message\":");
            appendJsonString(json, message);
        }
        if (retryDelay != null) {
            json.append(json.length() > 1 ? "," : "").append("\"details\":[{\"@type\":\"").append(RETRY_INFO_TYPE)
                    .append("\",\"retryDelay\":\"").append(jsonDuration(retryDelay)).append("\"}]");
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** protojson's {@code google.protobuf.Duration} (a delay is never negative): "5s", "1.500s". */
    static String jsonDuration(Duration d) {
        int nanos = d.getNano();
        if (nanos == 0) {
            return d.getSeconds() + "s";
        }
        String fraction = String.format("%09d", nanos);
        if (nanos % 1_000_000 == 0) {
            fraction = fraction.substring(0, 3);
        } else if (nanos % 1_000 == 0) {
            fraction = fraction.substring(0, 6);
        }
        return d.getSeconds() + "." + fraction + "s";
    }

    /** protojson's string escaping: quotes, backslashes and control characters only. */
    private static void appendJsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            writer.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }
}
