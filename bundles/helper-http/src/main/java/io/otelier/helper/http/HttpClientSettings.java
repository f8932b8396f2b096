package io.otelier.helper.http;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.http.internal.Compression;
import io.otelier.helper.tls.TlsClientSettings;
import io.otelier.helper.tls.TlsSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Upstream's {@code confighttp.ClientConfig} (v1.71, collector v0.165), for a {@code java.net.http} client.
 * {@code tls} applies to https endpoints only, as upstream. {@code read_buffer_size} and
 * {@code write_buffer_size} are accepted as sizing hints: the JDK client sizes its own buffers.
 * {@code cookies} is an optional section: present means a cookie jar.
 */
public record HttpClientSettings(String endpoint, String proxyUrl, TlsClientSettings tls, int readBufferSize,
        int writeBufferSize, Duration timeout, Map<String, String> headers, String compression,
        CompressionParams compressionParams, int maxConnsPerHost, boolean forceAttemptHttp2,
        CookiesSettings cookies) implements ComponentConfig {

    /**
     * Keys that bind upstream but are not implemented here. {@code keepalive} tunes Go's connection pool; the JDK
     * client's pool is process-wide and cannot follow a per-client setting.
     */
    public static final Set<String> UNSUPPORTED_KEYS = Stream.concat(
            Stream.of("auth", "middlewares", "dialer_middleware", "http2_read_idle_timeout", "http2_ping_timeout",
                    "keepalive"),
            TlsClientSettings.UNSUPPORTED_KEYS.stream().map(k -> "tls::" + k)).collect(Collectors.toUnmodifiableSet());

    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade");

    public HttpClientSettings {
        endpoint = endpoint == null ? "" : endpoint;
        proxyUrl = proxyUrl == null ? "" : proxyUrl;
        tls = tls == null ? TlsClientSettings.defaults() : tls;
        timeout = timeout == null ? Duration.ZERO : timeout;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        compression = compression == null ? "" : compression;
        compressionParams = compressionParams == null ? CompressionParams.defaults() : compressionParams;
    }

    /** Upstream's {@code NewDefaultClientConfig()}: no timeout, no compression, HTTP/2 attempted over TLS. */
    public static HttpClientSettings defaults() {
        return new HttpClientSettings("", "", TlsClientSettings.defaults(), 0, 0, Duration.ZERO, Map.of(), "",
                CompressionParams.defaults(), 0, true, null);
    }

    public static HttpClientSettings defaults(String endpoint) {
        return defaults().withEndpoint(endpoint);
    }

    public static Set<String> unsupportedKeysUnder(String prefix) {
        return TlsSettings.unsupportedKeysUnder(prefix, UNSUPPORTED_KEYS);
    }

    public HttpClientSettings withEndpoint(String value) {
        return new HttpClientSettings(value, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies);
    }

    public HttpClientSettings withTls(TlsClientSettings value) {
        return new HttpClientSettings(endpoint, proxyUrl, value, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies);
    }

    public HttpClientSettings withTimeout(Duration value) {
        return new HttpClientSettings(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, value, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies);
    }

    public HttpClientSettings withHeaders(Map<String, String> value) {
        return new HttpClientSettings(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, value,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies);
    }

    public HttpClientSettings withCompression(String type, int level) {
        return new HttpClientSettings(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, headers,
                type, new CompressionParams(level), maxConnsPerHost, forceAttemptHttp2, cookies);
    }

    public HttpClientSettings withMaxConnsPerHost(int value) {
        return new HttpClientSettings(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, value, forceAttemptHttp2, cookies);
    }

    public HttpClientSettings withProxyUrl(String value) {
        return new HttpClientSettings(endpoint, value, tls, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies);
    }

    /** Whether request bodies are compressed ({@code compression} other than "" and "none"). */
    public boolean compressed() {
        return !compression.isEmpty() && !compression.equals("none");
    }

    /** configcompression's unmarshal and {@code ValidateParams} checks, with their messages. */
    @Override
    public void validate() throws ConfigException {
        if (!Compression.CLIENT_TYPES.contains(compression)) {
            throw ConfigException.at("compression", "unsupported compression type \"" + compression + "\"");
        }
        int level = compressionParams.level();
        if (compressed() && !levelValid(compression, level)) {
            throw ConfigException.of("unsupported parameters {Level:" + level + "} for compression type \""
                    + compression + "\"");
        }
        if (!proxyUrl.isEmpty()) {
            try {
                URI proxy = new URI(proxyUrl);
                if (!proxy.isAbsolute() || proxy.getHost() == null) {
                    throw new URISyntaxException(proxyUrl, "expected scheme://host:port");
                }
            } catch (URISyntaxException e) {
                throw ConfigException.at("proxy_url", "parse \"" + proxyUrl + "\": invalid URI for request");
            }
        }
        for (String name : headers.keySet()) {
            // the JDK client sets these itself and refuses them from callers
            if (RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw ConfigException.at("headers::" + name, "is not supported by this distribution yet");
            }
        }
        if (maxConnsPerHost < 0) {
            throw ConfigException.at("max_conns_per_host", "must not be negative, got " + maxConnsPerHost);
        }
    }

    private static boolean levelValid(String type, int level) {
        return switch (type) {
            case "gzip", "zlib", "deflate" -> level >= -2 && level <= 9;
            case "zstd" -> true;
            default -> level == 0;
        };
    }

    @Override
    public String toString() {
        return "HttpClientSettings[endpoint=" + endpoint + ", proxyUrl=" + proxyUrl + ", tls=" + tls + ", timeout="
                + timeout + ", headers=" + headers.keySet() + ", compression=" + compression + ", level="
                + compressionParams.level() + ", maxConnsPerHost=" + maxConnsPerHost + "]";
    }
}
