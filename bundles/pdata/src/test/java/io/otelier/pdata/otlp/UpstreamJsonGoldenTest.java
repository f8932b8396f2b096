package io.otelier.pdata.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our OTLP/JSON against upstream's, byte for byte: {@code golden/<signal>-<seed>.pb} are random requests, and
 * {@code golden/<signal>-<seed>.json} what collector pdata v1.71.0's JSON marshaler makes of them (regenerate with
 * {@code src/test/go/otlpjson-golden}).
 */
class UpstreamJsonGoldenTest {

    static Stream<Arguments> goldenFiles() {
        return Stream.of("traces", "metrics", "logs")
                .flatMap(signal -> LongStream.range(1000, 1012).mapToObj(seed -> Arguments.of(signal, seed)));
    }

    @ParameterizedTest(name = "{0}-{1}")
    @MethodSource("goldenFiles")
    void ourJsonIsUpstreamsJson(String signal, long seed) throws Exception {
        byte[] proto = resource(signal + "-" + seed + ".pb");
        String upstream = new String(resource(signal + "-" + seed + ".json"), StandardCharsets.UTF_8);

        byte[] ours = switch (signal) {
            case "traces" -> OtlpJson.encode(OtlpProto.decodeTraces(proto));
            case "metrics" -> OtlpJson.encode(OtlpProto.decodeMetrics(proto));
            default -> OtlpJson.encode(OtlpProto.decodeLogs(proto));
        };

        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(upstream);
    }

    @ParameterizedTest(name = "{0}-{1}")
    @MethodSource("goldenFiles")
    void weReadUpstreamsJson(String signal, long seed) throws Exception {
        byte[] proto = resource(signal + "-" + seed + ".pb");
        byte[] upstream = resource(signal + "-" + seed + ".json");

        switch (signal) {
            case "traces" -> assertThat(OtlpJson.decodeTraces(upstream)).isEqualTo(OtlpProto.decodeTraces(proto));
            case "metrics" -> assertThat(OtlpJson.decodeMetrics(upstream)).isEqualTo(OtlpProto.decodeMetrics(proto));
            default -> assertThat(OtlpJson.decodeLogs(upstream)).isEqualTo(OtlpProto.decodeLogs(proto));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = UpstreamJsonGoldenTest.class.getResourceAsStream("golden/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
