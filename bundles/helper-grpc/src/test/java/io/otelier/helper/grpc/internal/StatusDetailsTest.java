package io.otelier.helper.grpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusDetailsTest {

    @Test
    void retryInfoRoundTrips() {
        byte[] status = StatusDetails.withRetryInfo(14, "slow down", Duration.ofSeconds(3, 250_000_000));

        assertThat(StatusDetails.retryDelay(status)).contains(Duration.ofSeconds(3, 250_000_000));
    }

    @Test
    void retryInfoWithoutDelayIsZero() {
        assertThat(StatusDetails.retryDelay(StatusDetails.withRetryInfo(8, "", Duration.ZERO))).contains(Duration.ZERO);
    }

    @Test
    void knownEncoding() {
        // Status{code: 14, details: [Any{type_url: ".../google.rpc.RetryInfo", value: RetryInfo{retry_delay: {seconds: 2}}}]}
        byte[] actual = StatusDetails.withRetryInfo(14, "", Duration.ofSeconds(2));

        assertThat(StatusDetails.RETRY_INFO_TYPE).hasSize(40);
        assertThat(actual).isEqualTo(concat(new byte[] {0x08, 14, 0x1a, 2 + 40 + 2 + 4},
                new byte[] {0x0a, 40}, StatusDetails.RETRY_INFO_TYPE.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                new byte[] {0x12, 4, 0x0a, 2, 0x08, 2}));
    }

    @Test
    void noRetryInfoInOtherDetailsOrGarbage() {
        assertThat(StatusDetails.retryDelay(new byte[] {0x08, 14, 0x12, 2, 'h', 'i'})).isEmpty();
        assertThat(StatusDetails.retryDelay(new byte[] {(byte) 0xff, (byte) 0xff})).isEmpty();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
