package io.otelier.pdata.otlp;

/**
 * Input that is not a valid OTLP message. The message names what is wrong and where: the field path (e.g.
 * {@code resource_spans[0].scope_spans[1].spans[3].trace_id}) and, for protobuf, the byte offset; for JSON, the
 * line and column.
 */
public final class OtlpDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public OtlpDecodeException(String message) {
        super(message);
    }

    public OtlpDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
