package io.otelier.pdata.otlp;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test oracle: OTLP/JSON as the Jackson-based writer wrote it (see {@link JacksonJsonOut}). */
final class JacksonJson {

    private JacksonJson() {
    }

    static byte[] encode(Traces traces) {
        JacksonJsonOut out = new JacksonJsonOut();
        try {
            JacksonTraceJson.writeRequest(out, traces);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(Metrics metrics) {
        JacksonJsonOut out = new JacksonJsonOut();
        try {
            JacksonMetricJson.writeRequest(out, metrics);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(Logs logs) {
        JacksonJsonOut out = new JacksonJsonOut();
        try {
            JacksonLogJson.writeRequest(out, logs);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One string value as the Jackson-based writer escaped it, quotes included. */
    static byte[] string(String value) {
        JacksonJsonOut out = new JacksonJsonOut();
        try {
            out.gen.writeString(value);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
