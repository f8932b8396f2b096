package io.otelier.helper.http;

import io.otelier.helper.http.internal.EnvironmentProxy;
import io.otelier.helper.tls.TlsContexts;
import java.net.CookieManager;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Makes clients from {@link HttpClientSettings}: upstream's {@code ClientConfig.ToClient}. */
public final class HttpClients {

    /** Go's default dialer timeout. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private HttpClients() {
    }

    /**
     * A client for the settings' endpoint. TLS is used for https URLs only; {@code insecure: true} without a CA
     * means the JVM's default TLS there, as upstream (its TLS config is then nil). Never connects here: an
     * unreachable endpoint shows up when sending.
     *
     * @throws io.otelier.helper.tls.TlsException when TLS material cannot be loaded
     */
    public static ConfiguredHttpClient create(HttpClientSettings settings) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .sslContext(sslContext(settings))
                .version(settings.forceAttemptHttp2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        ProxySelector proxy = EnvironmentProxy.of(settings.proxyUrl(), System.getenv());
        if (proxy != null) {
            builder.proxy(proxy);
        }
        if (settings.cookies() != null) {
            builder.cookieHandler(new CookieManager());
        }
        return new ConfiguredHttpClient(builder.build(), settings);
    }

    private static SSLContext sslContext(HttpClientSettings settings) {
        if (!TlsContexts.isPlaintext(settings.tls())) {
            return TlsContexts.client(settings.tls());
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
    }
}
