package io.otelier.helper.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentProxyTest {

    @Test
    void noEnvironmentMeansNoProxy() {
        assertThat(EnvironmentProxy.of("", Map.of())).isNull();
    }

    @Test
    void proxyUrlWinsOverTheEnvironment() {
        ProxySelector s = EnvironmentProxy.of("http://proxy.local:3128", Map.of("HTTP_PROXY", "http://other:1"));
        Proxy p = s.select(URI.create("http://collector:4318/v1/traces")).get(0);
        assertThat(((InetSocketAddress) p.address()).getHostString()).isEqualTo("proxy.local");
        assertThat(((InetSocketAddress) p.address()).getPort()).isEqualTo(3128);
    }

    @Test
    void schemePicksTheVariableAndNoProxyExempts() {
        ProxySelector s = EnvironmentProxy.of("", Map.of("https_proxy", "secure-proxy:8443",
                "HTTP_PROXY", "http://plain-proxy:8080", "NO_PROXY", ".internal, direct.example.com:443"));
        assertThat(address(s, "https://collector.example.com")).isEqualTo("secure-proxy:8443");
        assertThat(address(s, "http://collector.example.com")).isEqualTo("plain-proxy:8080");
        assertThat(s.select(URI.create("https://a.b.internal")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(s.select(URI.create("https://internal")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(s.select(URI.create("https://direct.example.com")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(s.select(URI.create("http://localhost:4318")).get(0)).isEqualTo(Proxy.NO_PROXY);
        assertThat(s.select(URI.create("http://127.0.0.1:4318")).get(0)).isEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void starExemptsEverything() {
        ProxySelector s = EnvironmentProxy.of("", Map.of("HTTPS_PROXY", "p:1", "no_proxy", "*"));
        assertThat(s.select(URI.create("https://anything")).get(0)).isEqualTo(Proxy.NO_PROXY);
    }

    private static String address(ProxySelector s, String uri) {
        InetSocketAddress a = (InetSocketAddress) s.select(URI.create(uri)).get(0).address();
        return a.getHostString() + ":" + a.getPort();
    }
}
