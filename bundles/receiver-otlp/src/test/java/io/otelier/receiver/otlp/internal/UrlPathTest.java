package io.otelier.receiver.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's url.Parse as upstream's SanitizedURLPath uses it (every row checked with Go's own net/url). */
class UrlPathTest {

    @ParameterizedTest(name = "{0} serves {1}")
    @CsvSource(delimiter = '|', value = {
            "/v1/traces              | /v1/traces",
            "traces                  | /traces",
            "log/ingest              | /log/ingest",
            "''                      | /",
            "/v1/traces?x=1          | /v1/traces",
            "/v1/traces#top          | /v1/traces",
            "http://example.com/otlp | /otlp",
            "//example.com:80/otlp   | /otlp",
            "mailto:someone          | /",
            "/a%20b                  | /a b",
            "/a+b                    | /a+b",
            "a/b:c                   | /a/b:c",
            "a:b/c                   | /",
            "//user@host:12/p        | /p",
            "/%2541                  | /%41",
            "/v1/traces?             | /v1/traces",
            "*                       | /*",
    })
    void sanitizes(String raw, String served) {
        assertThat(UrlPath.sanitize(raw)).isEqualTo(served);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            ":invalid          | parse \":invalid\": missing protocol scheme",
            "1a:b/c            | parse \"1a:b/c\": first path segment in URL cannot contain colon",
            "1:a               | parse \"1:a\": first path segment in URL cannot contain colon",
            "/a%zz             | parse \"/a%zz\": invalid URL escape \"%zz\"",
            "/a%2              | parse \"/a%2\": invalid URL escape \"%2\"",
            "/ok#bad%x         | parse \"/ok#bad%x\": invalid URL escape \"%x\"",
            "//host:port/x     | parse \"//host:port/x\": invalid port \":port\" after host",
            "http://[::1/x     | parse \"http://[::1/x\": missing ']' in host",
    })
    void rejectsAsGoDoes(String raw, String message) {
        assertThatThrownBy(() -> UrlPath.sanitize(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid HTTP URL path set for signal: " + message);
    }

    @Test
    void controlCharactersAreRejected() {
        assertThatThrownBy(() -> UrlPath.sanitize("/v1/\ttraces"))
                .hasMessage("invalid HTTP URL path set for signal: parse \"/v1/\\ttraces\":"
                        + " net/url: invalid control character in URL");
    }
}
