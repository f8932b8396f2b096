package io.otelier.receiver.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpcStatusTest {

    @Test
    void consumerErrorsAsUpstreamsGetStatusFromError() {
        assertThat(RpcStatus.fromConsumerError(new RetryableException("busy")))
                .isEqualTo(new RpcStatus(14, "busy", null));
        assertThat(RpcStatus.fromConsumerError(new RetryableException("busy", null, Duration.ofSeconds(3))))
                .isEqualTo(new RpcStatus(14, "busy", Duration.ofSeconds(3)));
        assertThat(RpcStatus.fromConsumerError(new PermanentException("bad")))
                .isEqualTo(new RpcStatus(13, "Permanent error: bad", null));
        assertThat(RpcStatus.fromConsumerError(new IllegalStateException("oops")))
                .as("anything else is retryable").isEqualTo(new RpcStatus(14, "oops", null));
        assertThat(RpcStatus.fromConsumerError(Status.ABORTED.withDescription("test").asRuntimeException()))
                .as("a status passes as it is").isEqualTo(new RpcStatus(10, "test", null));
    }

    @ParameterizedTest(name = "code {0} -> HTTP {1}")
    @CsvSource({"14, 503", "1, 503", "4, 503", "10, 503", "11, 503", "15, 503", "8, 429", "3, 400", "16, 401",
            "7, 403", "12, 404", "13, 500", "2, 500", "5, 500"})
    void httpStatusAsUpstreamsGetHTTPStatusCodeFromStatus(int code, int http) {
        assertThat(new RpcStatus(code, "", null).httpStatus()).isEqualTo(http);
    }

    @ParameterizedTest(name = "HTTP {0} -> code {1}")
    @CsvSource({"400, 3", "401, 16", "403, 7", "404, 12", "429, 8", "502, 14", "503, 14", "504, 14", "413, 2",
            "500, 2"})
    void codeAsUpstreamsNewStatusFromMsgAndHTTPCode(int http, int code) {
        assertThat(RpcStatus.fromHttp("m", http)).isEqualTo(new RpcStatus(code, "m", null));
    }

    @Test
    void protobufEncodingReadsBack() throws Exception {
        RpcStatus status = new RpcStatus(14, "slow down", Duration.ofMillis(1500));

        assertThat(StatusBody.fromProto(status.toProto()))
                .isEqualTo(new StatusBody(14, "slow down", Duration.ofMillis(1500)));
        assertThat(new RpcStatus(0, "", null).toProto()).as("zero values are left out").isEmpty();
        // field 1 varint 3, field 2 length-delimited "x"
        assertThat(new RpcStatus(3, "x", null).toProto()).containsExactly(0x08, 0x03, 0x12, 0x01, 'x');
    }

    @Test
    void jsonEncodingIsProtojsons() {
        assertThat(json(new RpcStatus(3, "bad \"input\"\n\u0001", null)))
                .isEqualTo("{\"code\":3,\"message\":\"bad \\\"input\\\"\\n\\u0001\"}");
        assertThat(json(new RpcStatus(14, "slow", Duration.ofSeconds(5)))).isEqualTo("{\"code\":14,\"message\":\"slow\","
                + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"5s\"}]}");
        assertThat(json(new RpcStatus(0, "", null))).isEqualTo("{}");
    }

    @ParameterizedTest
    @CsvSource({"PT5S, 5s", "PT1.5S, 1.500s", "PT0.000001S, 0.000001s", "PT0.000000001S, 0.000000001s", "PT0S, 0s"})
    void durationsAsProtojson(String iso, String json) {
        assertThat(RpcStatus.jsonDuration(Duration.parse(iso))).isEqualTo(json);
    }

    private static String json(RpcStatus status) {
        return new String(status.toJson(), StandardCharsets.UTF_8);
    }
}
