package io.otelier.helper.fileconsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1000, 1000", "1.5, 1", "1kb, 1000", "1KiB, 1024", "16KiB, 16384", "2MiB, 2097152", "1mb, 1000000",
        "1 GiB, 1073741824", "1.5kib, 1536"})
    void parsesUpstreamForms(String text, long bytes) {
        assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({"lots", "1xb", "-5kb"})
    void rejectsTheRest(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).hasMessage("invalid byte size '" + text + "'");
    }
}
