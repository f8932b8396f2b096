package io.otelier.builder.image;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tries a TCP connection to a registry before Jib talks to it: Jib retries an unreachable registry with
 * exponential back-off for most of a minute before it gives up, and the person waiting deserves the answer at
 * once. Skipped when the JVM goes through a proxy, where a direct connection proves nothing.
 */
final class RegistryProbe {

    private static final int TIMEOUT_MILLIS = 3000;

    private RegistryProbe() {
    }

    /**
     * @param registry {@code host} or {@code host:port}, as Jib's image reference names it
     * @param insecure whether plain HTTP (port 80) may be used when no port is given
     * @return why the registry cannot be reached, or empty when it can (or when this cannot be told)
     */
    static Optional<String> unreachable(String registry, boolean insecure) {
        if (System.getProperty("https.proxyHost") != null || System.getProperty("http.proxyHost") != null) {
            return Optional.empty();
        }
        String host = registry;
        List<Integer> ports = new ArrayList<>();
        int colon = registry.lastIndexOf(':');
        if (colon > 0 && registry.indexOf(']') < colon && registry.substring(colon + 1).matches("[0-9]+")) {
            host = registry.substring(0, colon);
            ports.add(Integer.parseInt(registry.substring(colon + 1)));
        } else {
            ports.add(443);
            if (insecure) {
                ports.add(80);
            }
        }
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String problem = null;
        for (int port : ports) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
                return Optional.empty();
            } catch (UnknownHostException e) {
                return Optional.of("cannot connect to " + registry + ": unknown host " + host);
            } catch (IOException e) {
                problem = "cannot connect to " + host + ":" + port + ": " + e.getMessage();
            }
        }
        return Optional.ofNullable(problem);
    }
}
