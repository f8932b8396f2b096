package io.otelier.extension.admin.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The {@code otelier_admin} extension's settings.
 *
 * @param endpoint  {@code host:port} to listen on; the host must be a loopback address. Port 0 (the default)
 *                  takes a free port, which the discovery file tells the command line.
 * @param tokenFile where to write the access token (mode 0600); empty: next to the discovery file
 */
public record AdminConfig(String endpoint, String tokenFile) implements ComponentConfig {

    static final String DEFAULT_ENDPOINT = "127.0.0.1:0";

    static AdminConfig defaults() {
        return new AdminConfig(DEFAULT_ENDPOINT, "");
    }

    @Override
    public void validate() throws ConfigException {
        int colon = endpoint == null ? -1 : endpoint.lastIndexOf(':');
        if (colon <= 0) {
            throw ConfigException.at("endpoint", "\"" + endpoint + "\" is not host:port");
        }
        String host = host();
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw ConfigException.at("endpoint", "\"" + endpoint + "\": the admin endpoint listens on a loopback"
                        + " address only (127.0.0.1, ::1 or localhost)");
            }
        } catch (UnknownHostException e) {
            throw ConfigException.at("endpoint", "\"" + endpoint + "\": unknown host \"" + host + "\"");
        }
        try {
            int port = port();
            if (port < 0 || port > 65535) {
                throw ConfigException.at("endpoint", "\"" + endpoint + "\": port out of range");
            }
        } catch (NumberFormatException e) {
            throw ConfigException.at("endpoint", "\"" + endpoint + "\": the port is not a number");
        }
    }

    String host() {
        String h = endpoint.substring(0, endpoint.lastIndexOf(':'));
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    int port() {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }
}
