package io.otelier.pdata.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExportResponseTest {

    @Test
    void aPlainSuccessIsAnEmptyMessage() throws Exception {
        byte[] proto = OtlpProto.encodeExportResponse(0, "");

        assertThat(proto).isEmpty();
        assertThat(ExportTraceServiceResponse.parseFrom(proto).hasPartialSuccess()).isFalse();
        assertThat(OtlpProto.decodeExportResponse(proto)).isEqualTo(PartialSuccess.NONE);
        assertThat(new String(OtlpJson.encodeExportResponse(0, ""), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(OtlpJson.decodeExportResponse("{}".getBytes(StandardCharsets.UTF_8)).isEmpty()).isTrue();
    }

    @Test
    void protobufPartialSuccessIsWhatTheGeneratedClassesRead() throws Exception {
        byte[] proto = OtlpProto.encodeExportResponse(5, "too old");

        assertThat(ExportTraceServiceResponse.parseFrom(proto).getPartialSuccess())
                .isEqualTo(ExportTracePartialSuccess.newBuilder().setRejectedSpans(5).setErrorMessage("too old")
                        .build());
        assertThat(ExportMetricsServiceResponse.parseFrom(proto).getPartialSuccess().getRejectedDataPoints())
                .isEqualTo(5);
        assertThat(ExportLogsServiceResponse.parseFrom(proto).getPartialSuccess().getRejectedLogRecords())
                .isEqualTo(5);
        assertThat(proto).isEqualTo(ExportTraceServiceResponse.newBuilder().setPartialSuccess(
                ExportTracePartialSuccess.newBuilder().setRejectedSpans(5).setErrorMessage("too old")).build()
                .toByteArray());
    }

    @Test
    void aWarningWithoutRejectionsIsStillAPartialSuccess() throws Exception {
        byte[] proto = OtlpProto.encodeExportResponse(0, "slow down");

        assertThat(ExportLogsServiceResponse.parseFrom(proto).getPartialSuccess())
                .isEqualTo(ExportLogsPartialSuccess.newBuilder().setErrorMessage("slow down").build());
        assertThat(OtlpProto.decodeExportResponse(proto)).isEqualTo(new PartialSuccess(0, "slow down"));
        assertThat(new String(OtlpJson.encodeExportResponse(0, "slow down"), StandardCharsets.UTF_8))
                .isEqualTo("{\"partialSuccess\":{\"errorMessage\":\"slow down\"}}");
    }

    @Test
    void decodesTheGeneratedClassesResponses() throws Exception {
        byte[] metrics = ExportMetricsServiceResponse.newBuilder().setPartialSuccess(
                ExportMetricsPartialSuccess.newBuilder().setRejectedDataPoints(7).setErrorMessage("bad")).build()
                .toByteArray();
        byte[] empty = ExportLogsServiceResponse.newBuilder()
                .setPartialSuccess(ExportLogsPartialSuccess.getDefaultInstance()).build().toByteArray();

        assertThat(OtlpProto.decodeExportResponse(metrics)).isEqualTo(new PartialSuccess(7, "bad"));
        assertThat(OtlpProto.decodeExportResponse(empty)).isEqualTo(PartialSuccess.NONE);
    }

    @Test
    void jsonNamesTheRejectedCountAfterTheSignal() throws Exception {
        String traces = new String(OtlpJson.encodeExportResponse(Traces.class, 2, "x"), StandardCharsets.UTF_8);
        String metrics = new String(OtlpJson.encodeExportResponse(Metrics.class, 3, ""), StandardCharsets.UTF_8);
        String logs = new String(OtlpJson.encodeExportResponse(Logs.class, 4, "y"), StandardCharsets.UTF_8);

        assertThat(traces).isEqualTo("{\"partialSuccess\":{\"rejectedSpans\":\"2\",\"errorMessage\":\"x\"}}");
        assertThat(metrics).isEqualTo("{\"partialSuccess\":{\"rejectedDataPoints\":\"3\"}}");
        assertThat(logs).isEqualTo("{\"partialSuccess\":{\"rejectedLogRecords\":\"4\",\"errorMessage\":\"y\"}}");
        var parsed = ExportTraceServiceResponse.newBuilder();
        JsonFormat.parser().merge(traces, parsed);
        assertThat(parsed.getPartialSuccess().getRejectedSpans()).isEqualTo(2);
    }

    @Test
    void aRejectedCountInJsonNeedsTheSignal() {
        assertThatThrownBy(() -> OtlpJson.encodeExportResponse(1, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Traces.class");
    }

    @Test
    void decodesJsonResponsesOfEverySignalInEveryForm() throws Exception {
        String printed = JsonFormat.printer().print(ExportLogsServiceResponse.newBuilder().setPartialSuccess(
                ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(9).setErrorMessage("m")).build());

        assertThat(OtlpJson.decodeExportResponse(printed.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new PartialSuccess(9, "m"));
        assertThat(OtlpJson.decodeExportResponse(
                "{\"partial_success\":{\"rejected_data_points\":3,\"unknown\":1}}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new PartialSuccess(3, ""));
        assertThat(OtlpJson.decodeExportResponse(
                "{\"partialSuccess\":{\"rejectedSpans\":\"1\"}}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new PartialSuccess(1, ""));
    }

    @Test
    void malformedResponsesAreDecodeErrors() {
        assertThatThrownBy(() -> OtlpProto.decodeExportResponse(new byte[] {0x0A, 0x05, 0x08}))
                .isInstanceOf(OtlpDecodeException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> OtlpProto.decodeExportResponse(new byte[] {0x0A, 0x02, 0x12, 0x05}))
                .isInstanceOf(OtlpDecodeException.class).hasMessageContaining("partial_success.error_message");
        assertThatThrownBy(() -> OtlpJson.decodeExportResponse(
                "{\"partialSuccess\":{\"rejectedSpans\":\"many\"}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OtlpDecodeException.class).hasMessageContaining("partialSuccess.rejectedSpans");
    }
}
