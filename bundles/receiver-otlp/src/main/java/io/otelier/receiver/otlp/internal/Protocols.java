package io.otelier.receiver.otlp.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.grpc.GrpcServerSettings;

/**
 * Upstream's {@code Protocols}: a gRPC server and an HTTP server (protobuf and JSON), each null — off — until the
 * user writes its section. The runtime's binder takes the defaults of a written section from
 * {@link #grpcDefaults()} and {@link #httpDefaults()}, upstream's {@code newDefaultProtocols()}.
 */
public record Protocols(GrpcServerSettings grpc, HttpConfig http) implements ComponentConfig {

    public static final String DEFAULT_GRPC_ENDPOINT = "localhost:4317";
    /** Upstream's default: "We almost write 0 bytes, so no need to tune WriteBufferSize." */
    public static final int DEFAULT_GRPC_READ_BUFFER_SIZE = 512 * 1024;

    static Protocols none() {
        return new Protocols(null, null);
    }

    /** A bare {@code grpc:}: configgrpc's defaults on {@code localhost:4317} with a 512 KiB read buffer. */
    public static GrpcServerSettings grpcDefaults() {
        GrpcServerSettings d = GrpcServerSettings.defaults(DEFAULT_GRPC_ENDPOINT);
        return new GrpcServerSettings(d.endpoint(), d.transport(), d.dialer(), d.tls(), d.maxRecvMsgSizeMib(),
                d.maxConcurrentStreams(), DEFAULT_GRPC_READ_BUFFER_SIZE, d.writeBufferSize(), d.keepalive(),
                d.includeMetadata(), d.auth(), d.middlewares());
    }

    /** A bare {@code http:}: see {@link HttpConfig#defaults()}. */
    public static HttpConfig httpDefaults() {
        return HttpConfig.defaults();
    }

    @Override
    public void validate() throws ConfigException {
        if (grpc == null && http == null) {
            throw ConfigException.of("must specify at least one protocol when using the OTLP receiver");
        }
    }
}
