package io.otelier.helper.grpc.internal;

/**
 * A {@code host:port} split exactly as Go's {@code net.SplitHostPort}, so that endpoints upstream accepts are
 * accepted here and the others fail with upstream's words ({@code address localhost: missing port in address}).
 *
 * @param host without brackets ({@code ::1} for {@code [::1]:4317}); may be empty
 * @param port as written; not checked to be a number
 */
public record HostPort(String host, String port) {

    private static final String MISSING_PORT = "missing port in address";
    private static final String TOO_MANY_COLONS = "too many colons in address";

    /** @throws IllegalArgumentException with Go's {@code AddrError} text */
    public static HostPort split(String hostport) {
        int lastColon = hostport.lastIndexOf(':');
        if (lastColon < 0) {
            throw error(hostport, MISSING_PORT);
        }
        String host;
        int bracketFrom = 0;
        int closeFrom = 0;
        if (hostport.charAt(0) == '[') {
            int end = hostport.indexOf(']');
            if (end < 0) {
                throw error(hostport, "missing ']' in address");
            }
            if (end + 1 == hostport.length()) {
                throw error(hostport, MISSING_PORT);
            } else if (end + 1 != lastColon) {
                throw error(hostport, hostport.charAt(end + 1) == ':' ? TOO_MANY_COLONS : MISSING_PORT);
            }
            host = hostport.substring(1, end);
            bracketFrom = 1;
            closeFrom = end + 1;
        } else {
            host = hostport.substring(0, lastColon);
            if (host.indexOf(':') >= 0) {
                throw error(hostport, TOO_MANY_COLONS);
            }
        }
        if (hostport.indexOf('[', bracketFrom) >= 0) {
            throw error(hostport, "unexpected '[' in address");
        }
        if (hostport.indexOf(']', closeFrom) >= 0) {
            throw error(hostport, "unexpected ']' in address");
        }
        return new HostPort(host, hostport.substring(lastColon + 1));
    }

    /** The port as Go's {@code strconv.Atoi} reads it, or empty when it is not an integer. */
    public java.util.OptionalLong numericPort() {
        try {
            return java.util.OptionalLong.of(Long.parseLong(port));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** {@code host:port} again, with brackets around an IPv6 host. */
    public static String join(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static IllegalArgumentException error(String address, String why) {
        return new IllegalArgumentException(address.isEmpty() ? why : "address " + address + ": " + why);
    }
}
