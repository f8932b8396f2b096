package io.otelier.helper.http.internal;

import io.otelier.api.config.ConfigException;
import java.net.InetSocketAddress;
import java.util.Set;

/** A server's {@code endpoint} ("host:port", ":port", "[::1]:port") read as Go's {@code net.Listen} reads it. */
public final class ListenAddress {

    private static final Set<String> TRANSPORTS = Set.of("tcp", "tcp4", "tcp6");

    private ListenAddress() {
    }

    /** @throws ConfigException naming {@code transport} or {@code endpoint} with Go's wording */
    public static void validate(String transport, String endpoint) {
        if (transport.equals("unix") || transport.equals("unixgram") || transport.equals("unixpacket")) {
            throw ConfigException.at("transport", "\"" + transport + "\" is not supported by this distribution yet");
        }
        if (!TRANSPORTS.contains(transport)) {
            throw ConfigException.at("transport", "unknown network " + transport + " (valid: tcp, tcp4, tcp6)");
        }
        try {
            parse(endpoint);
        } catch (IllegalArgumentException e) {
            throw ConfigException.at("endpoint", e.getMessage());
        }
    }

    /**
     * The socket address to bind: an empty host means every interface, an empty endpoint a random port on every
     * interface (as Go).
     */
    public static InetSocketAddress parse(String endpoint) {
        if (endpoint.isEmpty()) {
            return new InetSocketAddress(0);
        }
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address " + endpoint + ": missing port in address");
        }
        String host = endpoint.substring(0, colon);
        String port = endpoint.substring(colon + 1);
        if (host.startsWith("[")) {
            if (!host.endsWith("]")) {
                throw new IllegalArgumentException("address " + endpoint + ": missing ']' in address");
            }
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("address " + endpoint + ": too many colons in address");
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address " + endpoint + ": invalid port \"" + port + "\"");
        }
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException("address " + endpoint + ": invalid port \"" + port + "\"");
        }
        return host.isEmpty() ? new InetSocketAddress(number) : new InetSocketAddress(host, number);
    }
}
