package io.otelier.helper.grpc.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.grpc.Metadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code grpc-status-details-bin} trailer: a {@code google.rpc.Status} whose details may hold a
 * {@code google.rpc.RetryInfo}, which is how an OTLP server asks a client to wait before retrying (OTLP
 * specification, "OTLP/gRPC Throttling"). Hand-written on protobuf-java's coded streams, like the OTLP codecs,
 * so no generated classes are needed.
 */
public final class StatusDetails {

    public static final Metadata.Key<byte[]> KEY =
            Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);
    static final String RETRY_INFO_TYPE = "type.googleapis.com/google.rpc.RetryInfo";

    // google.rpc.Status
    private static final int STATUS_CODE = 1;
    private static final int STATUS_MESSAGE = 2;
    private static final int STATUS_DETAILS = 3;
    private static final int DETAILS_TAG = STATUS_DETAILS << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    // google.protobuf.Any
    private static final int ANY_TYPE_URL = 1;
    private static final int ANY_VALUE = 2;
    // google.rpc.RetryInfo
    private static final int RETRY_DELAY = 1;
    // google.protobuf.Duration
    private static final int SECONDS = 1;
    private static final int NANOS = 2;

    private StatusDetails() {
    }

    /** A {@code google.rpc.Status} carrying one {@code RetryInfo} with {@code delay}. */
    public static byte[] withRetryInfo(int code, String message, Duration delay) {
        byte[] duration = message(out -> {
            if (delay.getSeconds() != 0) {
                out.writeInt64(SECONDS, delay.getSeconds());
            }
            if (delay.getNano() != 0) {
                out.writeInt32(NANOS, delay.getNano());
            }
        });
        byte[] retryInfo = message(out -> out.writeByteArray(RETRY_DELAY, duration));
        byte[] any = message(out -> {
            out.writeString(ANY_TYPE_URL, RETRY_INFO_TYPE);
            out.writeByteArray(ANY_VALUE, retryInfo);
        });
        return message(out -> {
            if (code != 0) {
                out.writeInt32(STATUS_CODE, code);
            }
            if (!message.isEmpty()) {
                out.writeString(STATUS_MESSAGE, message);
            }
            out.writeByteArray(STATUS_DETAILS, any);
        });
    }

    /**
     * The retry delay of the first {@code RetryInfo} in a {@code google.rpc.Status}: empty when there is no
     * RetryInfo (or the bytes are not a Status), {@link Duration#ZERO} when it has no delay.
     */
    public static Optional<Duration> retryDelay(byte[] status) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(status);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == DETAILS_TAG) {
                    Optional<Duration> delay = retryInfoIn(in.readByteArray());
                    if (delay.isPresent()) {
                        return delay;
                    }
                } else if (!in.skipField(tag)) {
                    break;
                }
            }
        } catch (IOException e) {
            // not a google.rpc.Status: no retry advice
        }
        return Optional.empty();
    }

    private static Optional<Duration> retryInfoIn(byte[] any) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(any);
        String type = "";
        byte[] value = new byte[0];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ANY_TYPE_URL -> type = in.readStringRequireUtf8();
                case ANY_VALUE -> value = in.readByteArray();
                default -> in.skipField(tag);
            }
        }
        if (!type.equals(RETRY_INFO_TYPE)) {
            return Optional.empty();
        }
        Duration delay = Duration.ZERO;
        CodedInputStream info = CodedInputStream.newInstance(value);
        for (int tag = info.readTag(); tag != 0; tag = info.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == RETRY_DELAY) {
                delay = duration(info.readByteArray());
            } else {
                info.skipField(tag);
            }
        }
        return Optional.of(delay);
    }

    private static Duration duration(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        long seconds = 0;
        int nanos = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case SECONDS -> seconds = in.readInt64();
                case NANOS -> nanos = in.readInt32();
                default -> in.skipField(tag);
            }
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    private interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Fields fields) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            fields.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }
}
