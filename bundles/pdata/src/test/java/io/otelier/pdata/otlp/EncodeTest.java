package io.otelier.pdata.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelier.pdata.Fixtures;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.trace.Span;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Encoding details the random wire tests take for granted. */
class EncodeTest {

    @Test
    void emptyBatchesEncodeToNothingAndToAnEmptyObject() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OtlpProto.writeTo(new Traces(), out);

        assertThat(OtlpProto.encode(new Traces())).isEmpty();
        assertThat(OtlpProto.encode(new Metrics())).isEmpty();
        assertThat(OtlpProto.encode(new Logs())).isEmpty();
        assertThat(out.toByteArray()).isEmpty();
        assertThat(json(OtlpJson.encode(new Traces()))).isEqualTo("{}");
    }

    @Test
    void jsonIsUpstreamsFormForAFullLogRecord() {
        String expected = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
                + "{\"stringValue\":\"api\"}}]},\"scopeLogs\":[{\"scope\":{\"name\":\"logger\"},\"logRecords\":["
                + "{\"timeUnixNano\":\"1\",\"observedTimeUnixNano\":\"2\",\"severityNumber\":13,"
                + "\"severityText\":\"WARN\",\"body\":{\"stringValue\":\"disk full\"},\"attributes\":[{\"key\":"
                + "\"disk\",\"value\":{\"stringValue\":\"/dev/sda\"}}],\"droppedAttributesCount\":1,\"flags\":1,"
                + "\"traceId\":\"0102030405060708090a0b0c0d0e0f10\",\"spanId\":\"1112131415161718\","
                + "\"eventName\":\"disk.full\"},{\"body\":{\"intValue\":\"3\"}}],\"schemaUrl\":\"s\"},"
                + "{\"scope\":{},\"logRecords\":[{\"severityNumber\":17,\"body\":{}}]}],"
                + "\"schemaUrl\":\"https://schema/1\"}]}";

        assertThat(json(OtlpJson.encode(Fixtures.logs()))).isEqualTo(expected);
    }

    @Test
    void emptyResourcesScopesAndStatusesAreLeftOutOfProtobufButWrittenInJson() throws Exception {
        Traces traces = new Traces();
        traces.resourceSpans().addNew().scopeSpans().addNew().spans().addNew();

        byte[] proto = OtlpProto.encode(traces);

        assertThat(proto).containsExactly(0x0A, 0x04, 0x12, 0x02, 0x12, 0x00);
        assertThat(ExportTraceServiceRequest.parseFrom(proto).getResourceSpans(0).hasResource()).isFalse();
        assertThat(json(OtlpJson.encode(traces)))
                .isEqualTo("{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[{\"scope\":{},\"spans\":["
                        + "{\"status\":{}}]}]}]}");
    }

    @Test
    void setOneofMembersAreWrittenEvenWithDefaultValues() throws Exception {
        Traces traces = new Traces();
        Span span = traces.resourceSpans().addNew().scopeSpans().addNew().spans().addNew();
        span.attributes().put("s", "").put("b", false).put("i", 0L).put("d", 0.0)
                .put("a", AnyValue.ofArray(AnyValue.empty()));

        ExportTraceServiceRequest parsed = ExportTraceServiceRequest.parseFrom(OtlpProto.encode(traces));

        var attributes = parsed.getResourceSpans(0).getScopeSpans(0).getSpans(0).getAttributesList();
        assertThat(attributes).allSatisfy(kv -> assertThat(kv.hasValue()).isTrue());
        assertThat(attributes.get(4).getValue().getArrayValue().getValuesCount()).isEqualTo(1);
        assertThat(OtlpProto.decodeTraces(OtlpProto.encode(traces))).isEqualTo(traces);
    }

    @Test
    void readOnlyTreesEncodeAndStayUntouched() {
        Metrics metrics = Fixtures.metrics();
        Metrics copy = metrics.deepCopy();
        metrics.markReadOnly();

        assertThat(OtlpProto.encode(metrics)).isEqualTo(OtlpProto.encode(copy));
        assertThat(OtlpJson.encode(metrics)).isEqualTo(OtlpJson.encode(copy));
        assertThat(metrics).isEqualTo(copy);
    }

    @Test
    void unpairedSurrogatesDoNotBreakEitherEncoding() throws Exception {
        Traces traces = new Traces();
        traces.resourceSpans().addNew().scopeSpans().addNew().spans().addNew().setName("cut \uD83D here");

        Traces fromProto = OtlpProto.decodeTraces(OtlpProto.encode(traces));
        Traces fromJson = OtlpJson.decodeTraces(OtlpJson.encode(traces));

        assertThat(fromProto.resourceSpans().get(0).scopeSpans().get(0).spans().get(0).name())
                .isEqualTo("cut ? here"); // as String.getBytes(UTF_8), which protobuf-java falls back to
        assertThat(fromJson.resourceSpans().get(0).scopeSpans().get(0).spans().get(0).name())
                .startsWith("cut ").endsWith(" here");
    }

    @Test
    void writesCharactersOutsideTheBasicPlaneAsUtf8NotAsEscapes() {
        Logs logs = new Logs();
        logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew().setBody(AnyValue.of("😀"));

        assertThat(json(OtlpJson.encode(logs))).contains("{\"stringValue\":\"😀\"}");
    }

    private static String json(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
