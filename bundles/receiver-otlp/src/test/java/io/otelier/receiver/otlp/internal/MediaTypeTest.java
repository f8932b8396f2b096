package io.otelier.receiver.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's mime.ParseMediaType as upstream's getMimeTypeFromContentType uses it: "" whenever Go reports an error (every row checked with Go's own mime package). */
class MediaTypeTest {

    @ParameterizedTest(name = "[{0}] is [{1}]")
    @CsvSource(delimiter = '|', value = {
            "application/json                          | application/json",
            "Application/X-Protobuf                    | application/x-protobuf",
            "application/json; charset=utf-8           | application/json",
            "application/json;charset=\"utf-8\"          | application/json",
            "application/json;                         | application/json",
            "' application/json '                      | application/json",
            "application/json; a=1; a=1                | application/json",
            "invalid                                   | invalid",
            "''                                        | ''",
            "application/                              | ''",
            "application/json extra                    | ''",
            "application/json; charset                 | ''",
            "application/json; charset=                | ''",
            "application/json; a=1; a=2                | ''",
            "application/json; a=\"unterminated          | ''",
            "application/json, text/plain              | ''",
            "application/json; a=\"\"                   | application/json",
            "application/json ;charset=utf-8           | application/json",
            "application/json; ;                       | ''",
            "text                                      | text",
    })
    void parsesAsGoDoes(String header, String mediaType) {
        assertThat(MediaType.of(header)).isEqualTo(mediaType);
    }
}
