package io.otelier.helper.fileconsumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointsTest {

    private static FileState state(String first, long offset, long records, boolean gzip) {
        FileState s = new FileState(new Fingerprint(first.getBytes()), 0);
        s.offset = offset;
        s.recordNumber = records;
        s.gzip = gzip;
        return s;
    }

    @Test
    void roundTrips() throws Exception {
        byte[] value = Checkpoints.encode(List.of(state("first bytes of a", 120, 3, false),
                state("first bytes of b", 7, 1, true)));
        List<FileState> back = Checkpoints.decode(value, 0);
        assertThat(back).hasSize(2);
        assertThat(back.get(0).fingerprint()).isEqualTo(new Fingerprint("first bytes of a".getBytes()));
        assertThat(back.get(0).offset()).isEqualTo(120);
        assertThat(back.get(0).recordNumber()).isEqualTo(3);
        assertThat(back.get(1).gzip()).isTrue();
        assertThat(Checkpoints.decode(Checkpoints.encode(List.of()), 0)).isEmpty();
    }

    @Test
    void everyCorruptionOrTruncationIsDetected() {
        byte[] value = Checkpoints.encode(List.of(state("first bytes of a", 120, 3, false)));
        for (int cut = 0; cut < value.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(value, cut);
            assertThatThrownBy(() -> Checkpoints.decode(truncated, 0)).isInstanceOf(java.io.IOException.class);
        }
        for (int i = 0; i < value.length; i++) {
            byte[] flipped = value.clone();
            flipped[i] ^= 0x10;
            assertThatThrownBy(() -> Checkpoints.decode(flipped, 0)).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void fingerprintsGrowAndMatchByPrefix() {
        Fingerprint old = new Fingerprint("abc".getBytes());
        assertThat(new Fingerprint("abcdef".getBytes()).startsWith(old)).isTrue();
        assertThat(new Fingerprint("abX".getBytes()).startsWith(old)).isFalse();
        assertThat(new Fingerprint("ab".getBytes()).startsWith(old)).isFalse();
        assertThat(old.startsWith(new Fingerprint(new byte[0]))).isFalse();
    }
}
