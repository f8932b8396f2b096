package io.otelier.helper.grpc.internal;

import io.otelier.api.config.ConfigException;
import java.util.Set;

/** Upstream's {@code confignet} transport types, narrowed to those a gRPC server can listen on here. */
public final class Transports {

    /** The runtime's wording for keys that bind but are not implemented yet. */
    public static final String NOT_SUPPORTED = "is not supported by this distribution yet";

    private static final Set<String> TCP = Set.of("tcp", "tcp4", "tcp6");
    private static final Set<String> OTHER_KNOWN = Set.of("udp", "udp4", "udp6", "ip", "ip4", "ip6", "unixgram",
            "unixpacket", "npipe");

    private Transports() {
    }

    /** @throws ConfigException at {@code transport} unless it is tcp, tcp4 or tcp6 */
    public static void check(String transport) {
        if (TCP.contains(transport)) {
            return;
        }
        if (transport.isEmpty()) {
            throw ConfigException.at("transport", "invalid transport type \"\"");
        }
        if (transport.equals("unix")) {
            throw ConfigException.at("transport", "transport \"unix\" " + NOT_SUPPORTED);
        }
        if (OTHER_KNOWN.contains(transport)) {
            throw ConfigException.at("transport", "transport \"" + transport
                    + "\" cannot serve gRPC (valid: tcp, tcp4, tcp6)");
        }
        throw ConfigException.at("transport", "unsupported transport type \"" + transport + "\"");
    }
}
