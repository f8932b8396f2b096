package io.otelier.helper.http;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.http.internal.Compression;
import io.otelier.helper.http.internal.ListenAddress;
import io.otelier.helper.tls.TlsServerSettings;
import io.otelier.helper.tls.TlsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Upstream's {@code confighttp.ServerConfig} (v1.71, collector v0.165). {@code tls} and {@code cors} are
 * optional sections: null until the user writes them. A zero {@code max_request_body_size} means 20 MiB and a
 * null {@code compression_algorithms} means upstream's default list, both decided when the server starts, as
 * upstream does.
 */
public record HttpServerSettings(String endpoint, String transport, TlsServerSettings tls, CorsSettings cors,
        long maxRequestBodySize, boolean includeMetadata, Map<String, String> responseHeaders,
        List<String> compressionAlgorithms, Duration readTimeout, Duration readHeaderTimeout, Duration writeTimeout,
        KeepaliveServerSettings keepalive) implements ComponentConfig {

    public static final long DEFAULT_MAX_REQUEST_BODY_SIZE = 20L * 1024 * 1024;
    public static final Duration DEFAULT_READ_HEADER_TIMEOUT = Duration.ofMinutes(1);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** Upstream's {@code defaultCompressionAlgorithms()}. */
    public static final List<String> DEFAULT_COMPRESSION_ALGORITHMS = Compression.SERVER_DEFAULTS;

    /**
     * Keys of the section that bind upstream but are not implemented here; prefix them with the section's place
     * ({@link #unsupportedKeysUnder(String)}) in {@code Factory.unsupportedKeys()}.
     */
    public static final Set<String> UNSUPPORTED_KEYS = Stream.concat(
            Stream.of("auth", "middlewares", "dialer"),
            TlsServerSettings.UNSUPPORTED_KEYS.stream().map(k -> "tls::" + k)).collect(Collectors.toUnmodifiableSet());

    public HttpServerSettings {
        endpoint = endpoint == null ? "" : endpoint;
        transport = transport == null || transport.isEmpty() ? "tcp" : transport;
        responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
        compressionAlgorithms = compressionAlgorithms == null ? null : List.copyOf(compressionAlgorithms);
        readTimeout = readTimeout == null ? Duration.ZERO : readTimeout;
        readHeaderTimeout = readHeaderTimeout == null ? Duration.ZERO : readHeaderTimeout;
        writeTimeout = writeTimeout == null ? Duration.ZERO : writeTimeout;
    }

    /** Upstream's {@code NewDefaultServerConfig()}; components then set their endpoint. */
    public static HttpServerSettings defaults() {
        return new HttpServerSettings("", "tcp", null, null, 0, false, Map.of(), null, Duration.ZERO,
                DEFAULT_READ_HEADER_TIMEOUT, DEFAULT_WRITE_TIMEOUT, KeepaliveServerSettings.defaults());
    }

    public static HttpServerSettings defaults(String endpoint) {
        return defaults().withEndpoint(endpoint);
    }

    public static Set<String> unsupportedKeysUnder(String prefix) {
        return TlsSettings.unsupportedKeysUnder(prefix, UNSUPPORTED_KEYS);
    }

    public HttpServerSettings withEndpoint(String value) {
        return new HttpServerSettings(value, transport, tls, cors, maxRequestBodySize, includeMetadata,
                responseHeaders, compressionAlgorithms, readTimeout, readHeaderTimeout, writeTimeout, keepalive);
    }

    public HttpServerSettings withTls(TlsServerSettings value) {
        return new HttpServerSettings(endpoint, transport, value, cors, maxRequestBodySize, includeMetadata,
                responseHeaders, compressionAlgorithms, readTimeout, readHeaderTimeout, writeTimeout, keepalive);
    }

    public HttpServerSettings withCors(CorsSettings value) {
        return new HttpServerSettings(endpoint, transport, tls, value, maxRequestBodySize, includeMetadata,
                responseHeaders, compressionAlgorithms, readTimeout, readHeaderTimeout, writeTimeout, keepalive);
    }

    public HttpServerSettings withMaxRequestBodySize(long value) {
        return new HttpServerSettings(endpoint, transport, tls, cors, value, includeMetadata, responseHeaders,
                compressionAlgorithms, readTimeout, readHeaderTimeout, writeTimeout, keepalive);
    }

    public HttpServerSettings withIncludeMetadata(boolean value) {
        return new HttpServerSettings(endpoint, transport, tls, cors, maxRequestBodySize, value, responseHeaders,
                compressionAlgorithms, readTimeout, readHeaderTimeout, writeTimeout, keepalive);
    }

    public HttpServerSettings withResponseHeaders(Map<String, String> value) {
        return new HttpServerSettings(endpoint, transport, tls, cors, maxRequestBodySize, includeMetadata, value,
                compressionAlgorithms, readTimeout, readHeaderTimeout, writeTimeout, keepalive);
    }

    public HttpServerSettings withCompressionAlgorithms(List<String> value) {
        return new HttpServerSettings(endpoint, transport, tls, cors, maxRequestBodySize, includeMetadata,
                responseHeaders, value, readTimeout, readHeaderTimeout, writeTimeout, keepalive);
    }

    public HttpServerSettings withTimeouts(Duration read, Duration readHeader, Duration write) {
        return new HttpServerSettings(endpoint, transport, tls, cors, maxRequestBodySize, includeMetadata,
                responseHeaders, compressionAlgorithms, read, readHeader, write, keepalive);
    }

    public HttpServerSettings withKeepalive(KeepaliveServerSettings value) {
        return new HttpServerSettings(endpoint, transport, tls, cors, maxRequestBodySize, includeMetadata,
                responseHeaders, compressionAlgorithms, readTimeout, readHeaderTimeout, writeTimeout, value);
    }

    /** The body limit in force: {@code max_request_body_size}, or 20 MiB when it is zero or negative. */
    public long effectiveMaxRequestBodySize() {
        return maxRequestBodySize > 0 ? maxRequestBodySize : DEFAULT_MAX_REQUEST_BODY_SIZE;
    }

    /** The accepted Content-Encodings in force. */
    public List<String> effectiveCompressionAlgorithms() {
        return compressionAlgorithms == null ? DEFAULT_COMPRESSION_ALGORITHMS : compressionAlgorithms;
    }

    /** How long an idle keep-alive connection stays open: keepalive's idle timeout, else the read timeout. */
    public Duration effectiveIdleTimeout() {
        return keepalive != null && keepalive.enabled() && !keepalive.idleTimeout().isZero()
                ? keepalive.idleTimeout() : readTimeout;
    }

    @Override
    public void validate() throws ConfigException {
        ListenAddress.validate(transport, endpoint);
        if (compressionAlgorithms != null) {
            for (String algorithm : compressionAlgorithms) {
                if (!Compression.isKnownDecoder(algorithm)) {
                    throw ConfigException.at("compression_algorithms",
                            "unsupported compression algorithm \"" + algorithm + "\" (valid: "
                                    + String.join(", ", Compression.KNOWN_DECODERS) + ")");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "HttpServerSettings[endpoint=" + endpoint + ", transport=" + transport + ", tls=" + tls + ", cors="
                + cors + ", maxRequestBodySize=" + maxRequestBodySize + ", includeMetadata=" + includeMetadata
                + ", responseHeaders=" + responseHeaders.keySet() + ", compressionAlgorithms=" + compressionAlgorithms
                + ", readTimeout=" + readTimeout + ", readHeaderTimeout=" + readHeaderTimeout + ", writeTimeout="
                + writeTimeout + ", keepalive=" + keepalive + "]";
    }
}
