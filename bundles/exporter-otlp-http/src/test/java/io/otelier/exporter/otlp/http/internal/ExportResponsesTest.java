package io.otelier.exporter.otlp.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RetryableException;
import io.otelier.helper.http.Headers;
import io.otelier.helper.http.HttpResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading answers: Retry-After, google.rpc.Status bodies, the error text. */
class ExportResponsesTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);
    private static final URI URL = URI.create("http://127.0.0.1:4318/v1/traces");

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            5                             | PT5S
            +2                            | PT2S
            0                             |
            -3                            |
            Wed, 21 Oct 2015 07:28:30 GMT | PT30S
            Wed, 21 Oct 2015 07:27:00 GMT |
            soon                          |
            ''                            |
            """)
    void retryAfterIsSecondsOrAnHttpDate(String value, Duration expected) {
        assertThat(ExportResponses.retryAfter(value, NOW)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aThrottled503CarriesItsDelay() {
        ConsumerException e = ExportResponses.failure(URL,
                new HttpResult(503, Headers.of(Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:10 GMT")), new byte[0]),
                NOW);

        assertThat(e).isInstanceOfSatisfying(RetryableException.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(10)));
        assertThat(e).hasMessage("rpc error: code = Unavailable desc = error exporting items, request to "
                + URL + " responded with HTTP Status Code 503, Message=, Details=[]");
    }

    @Test
    void aPlainTextBodyIsNoStatus() {
        ConsumerException e = ExportResponses.failure(URL, new HttpResult(400, Headers.EMPTY,
                "bad request\n".getBytes(StandardCharsets.UTF_8)), NOW);

        assertThat(e).isNotInstanceOf(RetryableException.class).hasMessage(
                "rpc error: code = InvalidArgument desc = error exporting items, request to " + URL
                        + " responded with HTTP Status Code 400");
    }

    @Test
    void aStatusBodyWithDetailsIsRead() throws Exception {
        byte[] any = concat(field(1, "type.googleapis.com/google.rpc.RetryInfo".getBytes(StandardCharsets.UTF_8)),
                field(2, new byte[] {0x0a, 0x02, 0x08, 0x01}));
        byte[] status = concat(new byte[] {0x08, 0x08}, field(2, "quota".getBytes(StandardCharsets.UTF_8)),
                field(3, any));

        assertThat(RpcStatus.decode(status)).contains(
                new RpcStatus(8, "quota", List.of("type.googleapis.com/google.rpc.RetryInfo")));
        assertThat(RpcStatus.decode(status).orElseThrow().detailsText())
                .isEqualTo("[type.googleapis.com/google.rpc.RetryInfo]");
        assertThat(RpcStatus.decode(new byte[0])).contains(new RpcStatus(0, "", List.of()));
        assertThat(RpcStatus.decode(new byte[] {0x12, 0x05, 'a'})).as("truncated").isEmpty();
    }

    @Test
    void aPasswordInTheUrlIsRedacted() {
        assertThat(ExportResponses.redacted(URI.create("https://user:secret@otel.example.com/v1/logs")))
                .isEqualTo("https://user:xxxxx@otel.example.com/v1/logs");
        assertThat(ExportResponses.redacted(URI.create("https://user@otel.example.com/v1/logs")))
                .isEqualTo("https://user@otel.example.com/v1/logs");
    }

    private static byte[] field(int number, byte[] value) {
        return concat(new byte[] {(byte) (number << 3 | 2), (byte) value.length}, value);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
