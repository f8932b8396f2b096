package io.otelier.receiver.otlp.internal;

import io.otelier.api.component.Signal;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpDecodeException;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.pdata.otlp.OtlpProto;

/** One signal's OTLP request decoders, in both HTTP encodings. */
record OtlpSignal<T extends Telemetry>(Signal signal, Class<T> type, Decoder<T> proto, Decoder<T> json) {

    static final OtlpSignal<Traces> TRACES = new OtlpSignal<>(Signal.TRACES, Traces.class,
            OtlpProto::decodeTraces, OtlpJson::decodeTraces);
    static final OtlpSignal<Metrics> METRICS = new OtlpSignal<>(Signal.METRICS, Metrics.class,
            OtlpProto::decodeMetrics, OtlpJson::decodeMetrics);
    static final OtlpSignal<Logs> LOGS = new OtlpSignal<>(Signal.LOGS, Logs.class,
            OtlpProto::decodeLogs, OtlpJson::decodeLogs);

    @FunctionalInterface
    interface Decoder<T> {
        T decode(byte[] body) throws OtlpDecodeException;
    }
}
