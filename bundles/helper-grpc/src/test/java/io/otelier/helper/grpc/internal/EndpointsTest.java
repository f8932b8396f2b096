package io.otelier.helper.grpc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointsTest {

    /** upstream configgrpc TestSanitizeEndpoint */
    @ParameterizedTest
    @CsvSource({
        "dns://authority/backend.example.com:4317, backend.example.com:4317",
        "dns:///backend.example.com:4317, backend.example.com:4317",
        "dns:////backend.example.com:4317, /backend.example.com:4317",
        "passthrough:///backend.example.com:4317, backend.example.com:4317",
        "xds:///my-service:4317, my-service:4317",
        "http://backend.example.com:4317, backend.example.com:4317",
        "https://backend.example.com:4317, backend.example.com:4317",
        "backend.example.com:4317, backend.example.com:4317",
    })
    void sanitized(String endpoint, String expected) {
        assertThat(Endpoints.sanitized(endpoint)).isEqualTo(expected);
    }

    @Test
    void unparseableUriIsKeptAsIs() {
        assertThat(Endpoints.sanitized("bad\u007f://host:4317")).isEqualTo("bad\u007f://host:4317");
    }

    /** upstream configgrpc TestGrpcDialTarget, with passthrough mapped to grpc-java's dns resolver */
    @ParameterizedTest
    @CsvSource({
        "backend.example.com:4317, backend.example.com:4317",
        "http://backend.example.com:4317, backend.example.com:4317",
        "https://backend.example.com:4317, backend.example.com:4317",
        "dns:///backend.example.com:4317, dns:///backend.example.com:4317",
        "passthrough:///backend.example.com:4317, dns:///backend.example.com:4317",
        "xds:///my-service:4317, xds:///my-service:4317",
    })
    void dialTarget(String endpoint, String expected) {
        assertThat(Endpoints.dialTarget(endpoint)).isEqualTo(expected);
    }

    @Test
    void httpsMeansTls() {
        assertThat(Endpoints.isHttps("https://a:1")).isTrue();
        assertThat(Endpoints.isHttps("http://a:1")).isFalse();
        assertThat(Endpoints.isHttps("a:1")).isFalse();
    }

    /** Go's net.SplitHostPort, case by case */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localhost:4317|localhost|4317",
        "127.0.0.1:0|127.0.0.1|0",
        "[::1]:4317|::1|4317",
        ":4317||4317",
        "[::]:4317|::|4317",
        "host:|host|",
    })
    void splitsLikeGo(String hostport, String host, String port) {
        HostPort split = HostPort.split(hostport);
        assertThat(split.host()).isEqualTo(host == null ? "" : host);
        assertThat(split.port()).isEqualTo(port == null ? "" : port);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localhost|address localhost: missing port in address",
        "a:b:c|address a:b:c: too many colons in address",
        "[::1]|address [::1]: missing port in address",
        "[::1]x:1|address [::1]x:1: missing port in address",
        "[::1]:1:2|address [::1]:1:2: too many colons in address",
        "[a]:b]|address [a]:b]: unexpected ']' in address",
        "a[b:1|address a[b:1: unexpected '[' in address",
    })
    void failsLikeGo(String hostport, String message) {
        assertThatThrownBy(() -> HostPort.split(hostport)).hasMessage(message);
    }

    @Test
    void emptyAddressHasNoAddressPrefix() {
        assertThatThrownBy(() -> HostPort.split("")).hasMessage("missing port in address");
    }

    @Test
    void joinBracketsIpv6() {
        assertThat(HostPort.join("::1", 80)).isEqualTo("[::1]:80");
        assertThat(HostPort.join("10.0.0.1", 80)).isEqualTo("10.0.0.1:80");
    }
}
