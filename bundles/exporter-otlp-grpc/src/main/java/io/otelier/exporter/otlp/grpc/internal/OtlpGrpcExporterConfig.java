package io.otelier.exporter.otlp.grpc.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.exporter.ExporterHelper;
import io.otelier.helper.exporter.QueueSettings;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.helper.exporter.TimeoutSettings;
import io.otelier.helper.grpc.GrpcClientSettings;
import io.otelier.helper.tls.TlsClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code otlp_grpc} exporter's config: upstream's {@code otlpexporter.Config} (v0.165). Upstream squashes
 * {@code exporterhelper.TimeoutConfig} and {@code configgrpc.ClientConfig} into it, so their keys sit at the top
 * level here too; {@link #clientSettings} puts the client keys back together for helper-grpc.
 *
 * @param timeout         how long one attempt may take (the call's deadline); 0 for none
 * @param sendingQueue    the queue in front of the sender; on by default
 * @param retryOnFailure  backoff for retryable failures
 * @param endpoint        {@code host:port}, {@code http(s)://host:port} or a gRPC target such as {@code dns:///host:port}
 * @param tls             TLS; {@code insecure: true} for plaintext
 * @param headers         metadata sent with every call
 * @param compression     {@code gzip} (default), {@code zstd}, {@code snappy} or {@code none}
 * @param readBufferSize  see {@link GrpcClientSettings}
 * @param writeBufferSize see {@link GrpcClientSettings}; 512 KiB by default for this exporter, as upstream
 * @param waitForReady    calls wait for the connection instead of failing while it is down
 * @param keepalive       client pings; off unless written (upstream keeps it off for backward compatibility)
 * @param balancerName    {@code round_robin} (default) or {@code pick_first}
 * @param authority       overrides {@code :authority}
 * @param userAgent       the user agent; empty for upstream's default ({@code <description>/<version> (<os>/<arch>)})
 */
public record OtlpGrpcExporterConfig(Duration timeout, QueueSettings sendingQueue, RetrySettings retryOnFailure,
        String endpoint, TlsClientSettings tls, Map<String, String> headers, String compression, int readBufferSize,
        int writeBufferSize, boolean waitForReady, GrpcClientSettings.Keepalive keepalive, String balancerName,
        String authority, String userAgent) implements ComponentConfig {

    public static final String DEFAULT_COMPRESSION = "gzip";
    /** Upstream: "We almost read 0 bytes, so no need to tune ReadBufferSize." — but writes are sized up. */
    public static final int DEFAULT_WRITE_BUFFER_SIZE = 512 * 1024;

    /** Upstream's {@code sanitizedEndpoint} drops {@code dns://} and {@code dns:///} this way. */
    private static final Pattern DNS_SCHEME = Pattern.compile("^dns:///?");

    /** Upstream's {@code createDefaultConfig}. */
    public static OtlpGrpcExporterConfig defaults() {
        GrpcClientSettings client = GrpcClientSettings.defaults();
        return new OtlpGrpcExporterConfig(TimeoutSettings.DEFAULT_TIMEOUT, QueueSettings.defaults(),
                RetrySettings.defaults(), "", client.tls(), Map.of(), DEFAULT_COMPRESSION, client.readBufferSize(),
                DEFAULT_WRITE_BUFFER_SIZE, client.waitForReady(), null, client.balancerName(), client.authority(), "");
    }

    /**
     * What writing {@code keepalive:} turns on. Upstream's default for this exporter is {@code None}, which
     * decodes a written section onto zero values (0 = grpc's defaults), not onto the 10s/10s of
     * {@code NewDefaultClientConfig}. The runtime's binder looks this method up by name.
     */
    public static GrpcClientSettings.Keepalive keepaliveDefaults() {
        return new GrpcClientSettings.Keepalive(Duration.ZERO, Duration.ZERO, false);
    }

    /** The client keys as helper-grpc's settings, with {@code userAgent} when the config sets none. */
    public GrpcClientSettings clientSettings(String defaultUserAgent) {
        return new GrpcClientSettings(endpoint, tls, headers, compression, readBufferSize, writeBufferSize,
                waitForReady, keepalive, balancerName, authority, userAgent == null || userAgent.isEmpty()
                        ? defaultUserAgent : userAgent, null, null, List.of());
    }

    /** Upstream's checks in upstream's order: the exporter's own, then configgrpc's, then exporterhelper's. */
    @Override
    public void validate() throws ConfigException {
        if (sanitizedEndpoint().isEmpty()) {
            throw ConfigException.of("requires a non-empty \"endpoint\"");
        }
        clientSettings("").validate();
        ExporterHelper.validate(TimeoutSettings.of(timeout), sendingQueue, retryOnFailure);
    }

    /** The endpoint without an {@code http://}, {@code https://} or {@code dns://} prefix, as upstream checks it. */
    String sanitizedEndpoint() {
        String e = endpoint == null ? "" : endpoint;
        if (e.startsWith("http://")) {
            return e.substring("http://".length());
        }
        if (e.startsWith("https://")) {
            return e.substring("https://".length());
        }
        if (e.startsWith("dns://")) {
            return DNS_SCHEME.matcher(e).replaceFirst("");
        }
        return e;
    }
}
