package io.otelier.receiver.otlp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.time.Duration;

/** A {@code google.rpc.Status} read back from a response body, in either encoding. */
record StatusBody(int code, String message, Duration retryDelay) {

    static StatusBody fromProto(byte[] body) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(body);
        int code = 0;
        String message = "";
        Duration delay = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag >>> 3) {
                case 1 -> code = in.readInt32();
                case 2 -> message = in.readString();
                case 3 -> delay = retryDelay(in.readByteArray());
                default -> in.skipField(tag);
            }
        }
        return new StatusBody(code, message, delay);
    }

    /** Any{type_url = 1, value = 2: RetryInfo{retry_delay = 1: Duration{seconds = 1, nanos = 2}}}. */
    private static Duration retryDelay(byte[] any) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(any);
        String type = "";
        byte[] value = new byte[0];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag >>> 3) {
                case 1 -> type = in.readString();
                case 2 -> value = in.readByteArray();
                default -> in.skipField(tag);
            }
        }
        if (!type.equals("type.googleapis.com/google.rpc.RetryInfo")) {
            throw new IOException("unexpected detail " + type);
        }
        CodedInputStream retryInfo = CodedInputStream.newInstance(value);
        byte[] duration = new byte[0];
        for (int tag = retryInfo.readTag(); tag != 0; tag = retryInfo.readTag()) {
            if (tag >>> 3 == 1) {
                duration = retryInfo.readByteArray();
            } else {
                retryInfo.skipField(tag);
            }
        }
        CodedInputStream d = CodedInputStream.newInstance(duration);
        long seconds = 0;
        int nanos = 0;
        for (int tag = d.readTag(); tag != 0; tag = d.readTag()) {
            switch (tag >>> 3) {
                case 1 -> seconds = d.readInt64();
                case 2 -> nanos = d.readInt32();
                default -> d.skipField(tag);
            }
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    static StatusBody fromJson(byte[] body) throws IOException {
        JsonNode node = new ObjectMapper().readTree(body);
        JsonNode details = node.path("details");
        Duration delay = null;
        if (details.size() > 0) {
            String text = details.get(0).path("retryDelay").asText();
            delay = Duration.parse("PT" + text.toUpperCase());
        }
        return new StatusBody(node.path("code").asInt(), node.path("message").asText(""), delay);
    }
}
