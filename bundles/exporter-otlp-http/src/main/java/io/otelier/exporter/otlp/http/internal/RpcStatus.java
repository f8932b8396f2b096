package io.otelier.exporter.otlp.http.internal;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code google.rpc.Status} an OTLP/HTTP server puts in the body of a 4xx/5xx answer (OTLP spec,
 * "Failures"), read with protobuf-java's wire reader: no generated classes.
 *
 * @param detailTypes the type URLs of the status's {@code details}
 */
record RpcStatus(int code, String message, List<String> detailTypes) {

    private static final int CODE = 1 << 3;                 // field 1, varint
    private static final int MESSAGE = 2 << 3 | 2;          // field 2, length-delimited
    private static final int DETAILS = 3 << 3 | 2;          // field 3, length-delimited
    private static final int ANY_TYPE_URL = 1 << 3 | 2;     // google.protobuf.Any field 1

    /**
     * As Go's {@code proto.Unmarshal} into a Status: empty input is an empty status; input that is not a valid
     * Status (a plain-text body, say) is empty.
     */
    static Optional<RpcStatus> decode(byte[] body) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(body);
            int code = 0;
            String message = "";
            List<String> details = new ArrayList<>();
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag) {
                    case CODE -> code = in.readInt32();
                    case MESSAGE -> message = in.readStringRequireUtf8();
                    case DETAILS -> details.add(typeUrl(in.readByteArray()));
                    default -> {
                        if (!in.skipField(tag)) {
                            return Optional.empty(); // an end-group tag where none was opened
                        }
                    }
                }
            }
            return Optional.of(new RpcStatus(code, message, List.copyOf(details)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** How the error text shows the details: their type URLs, in Go's slice brackets. */
    String detailsText() {
        return "[" + String.join(" ", detailTypes) + "]";
    }

    private static String typeUrl(byte[] any) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(any);
        String url = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == ANY_TYPE_URL) {
                url = in.readStringRequireUtf8();
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        return url;
    }
}
