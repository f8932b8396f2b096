package io.otelier.exporter.otlp.http.internal;

import io.otelier.api.component.Signal;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.pdata.otlp.OtlpProto;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What differs between the signals on the OTLP/HTTP wire: the encoders and the name upstream logs a partial
 * success's rejected count under.
 *
 * @param droppedField the log field of a partial success ({@code dropped_spans}, …)
 */
record SignalFormat<T extends Telemetry>(Signal signal, Function<T, byte[]> proto, Function<T, byte[]> json,
        ToLongFunction<T> protoSize, String droppedField) {

    static final SignalFormat<Traces> TRACES = new SignalFormat<>(Signal.TRACES, OtlpProto::encode,
            OtlpJson::encode, OtlpProto::encodedSize, "dropped_spans");
    static final SignalFormat<Metrics> METRICS = new SignalFormat<>(Signal.METRICS, OtlpProto::encode,
            OtlpJson::encode, OtlpProto::encodedSize, "dropped_data_points");
    static final SignalFormat<Logs> LOGS = new SignalFormat<>(Signal.LOGS, OtlpProto::encode,
            OtlpJson::encode, OtlpProto::encodedSize, "dropped_log_records");

    byte[] encode(T data, String encoding) {
        return OtlpHttpExporterConfig.ENCODING_JSON.equals(encoding) ? json.apply(data) : proto.apply(data);
    }
}
