package io.otelier.pdata.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8Check} against the JDK's decoder: valid exactly when decoding and re-encoding gives the same bytes. */
class Utf8CheckTest {

    @Test
    void agreesWithTheJdkOnRandomBytes() {
        Random random = new Random(42);
        int valid = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int j = 0; j < bytes.length; j++) {
                // mostly the bytes that make multi-byte sequences, some ASCII
                bytes[j] = (byte) (random.nextInt(4) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
            }
            boolean roundTrips = Arrays.equals(new String(bytes, StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8), bytes);
            assertThat(Utf8Check.isValid(bytes, 0, bytes.length)).as("%s", Arrays.toString(bytes)).isEqualTo(roundTrips);
            valid += roundTrips ? 1 : 0;
        }
        assertThat(valid).as("the sample has valid sequences too").isGreaterThan(1000);
    }

    @Test
    void checksOnlyTheGivenRange() {
        byte[] bytes = {(byte) 0xC3, 'a', 'b', (byte) 0xE2};
        assertThat(Utf8Check.isValid(bytes, 1, 2)).isTrue();
        assertThat(Utf8Check.isValid(bytes, 0, 2)).isFalse();
        assertThat(Utf8Check.isValid(bytes, 1, 3)).isFalse();
    }
}
