package io.otelier.helper.grpc.internal;

/**
 * Client endpoints as upstream's configgrpc reads them: {@code host:port}, an {@code http://} or
 * {@code https://} URL (the scheme is stripped; https turns TLS on), or a gRPC target URI such as
 * {@code dns:///host:port}.
 */
public final class Endpoints {

    private static final String HTTP = "http://";
    private static final String HTTPS = "https://";
    private static final String UNIX = "unix://";
    private static final String PASSTHROUGH = "passthrough:///";

    private Endpoints() {
    }

    /**
     * Upstream's {@code validateClientConfig} endpoint rules: the part after any scheme and authority must be
     * {@code host:port} with a numeric port. Empty passes (the component decides whether it needs one).
     *
     * @throws IllegalArgumentException with upstream's message
     */
    public static void validate(String endpoint) {
        if (endpoint.startsWith(UNIX)) {
            if (endpoint.length() == UNIX.length()) {
                throw new IllegalArgumentException("unix socket path cannot be empty");
            }
            throw new IllegalArgumentException("unix socket endpoints are not supported by this distribution yet");
        }
        String hostPort = sanitized(endpoint);
        if (hostPort.isEmpty()) {
            return;
        }
        HostPort split = HostPort.split(hostPort);
        if (split.numericPort().isEmpty()) {
            throw new IllegalArgumentException("invalid port \"" + split.port() + "\"");
        }
    }

    /** Whether the endpoint is an {@code https://} URL: TLS even without a tls section. */
    public static boolean isHttps(String endpoint) {
        return endpoint.startsWith(HTTPS);
    }

    /**
     * The target handed to grpc-java: http(s) schemes stripped, everything else as written. grpc-java has no
     * {@code passthrough} resolver; its {@code dns} resolver does what passthrough leads to in Go (the dialer
     * resolves the name), so that scheme is mapped to dns.
     */
    public static String dialTarget(String endpoint) {
        if (endpoint.startsWith(HTTP)) {
            return endpoint.substring(HTTP.length());
        }
        if (endpoint.startsWith(HTTPS)) {
            return endpoint.substring(HTTPS.length());
        }
        if (endpoint.startsWith(PASSTHROUGH)) {
            return "dns:///" + endpoint.substring(PASSTHROUGH.length());
        }
        return endpoint;
    }

    /** Upstream's {@code sanitizedEndpoint}: the {@code host:port} part of the endpoint. */
    static String sanitized(String endpoint) {
        if (endpoint.startsWith(HTTP) || endpoint.startsWith(HTTPS)) {
            return dialTarget(endpoint);
        }
        int scheme = endpoint.indexOf("://");
        if (scheme < 0 || endpoint.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            // no scheme, or a URI Go's url.Parse rejects (control characters): upstream keeps it as is
            return endpoint;
        }
        // scheme://[authority]/path: the path without its leading slash, as Go's url.Parse yields it
        String rest = endpoint.substring(scheme + 3);
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(slash + 1);
    }
}
