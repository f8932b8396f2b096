package io.otelier.helper.http.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Go's {@code http.ProxyFromEnvironment}, which upstream's clients use when {@code proxy_url} is empty:
 * HTTPS_PROXY for https, HTTP_PROXY for http (upper or lower case), NO_PROXY as a comma-separated list of host
 * names, domain suffixes ({@code .example.com} or {@code example.com}) or {@code *}; loopback hosts are never
 * proxied. (Go also accepts CIDR ranges in NO_PROXY; those are not matched here.)
 */
public final class EnvironmentProxy extends ProxySelector {

    private final Map<String, String> env;

    public EnvironmentProxy(Map<String, String> env) {
        this.env = env;
    }

    /** A selector for {@code proxyUrl}, or for the environment when it is empty; null when nothing applies. */
    public static ProxySelector of(String proxyUrl, Map<String, String> env) {
        if (!proxyUrl.isEmpty()) {
            URI proxy = URI.create(proxyUrl);
            int port = proxy.getPort() > 0 ? proxy.getPort() : proxy.getScheme().equals("https") ? 443 : 80;
            return ProxySelector.of(InetSocketAddress.createUnresolved(proxy.getHost(), port));
        }
        EnvironmentProxy selector = new EnvironmentProxy(env);
        return selector.configured() ? selector : null;
    }

    private boolean configured() {
        return !value("HTTPS_PROXY").isEmpty() || !value("HTTP_PROXY").isEmpty();
    }

    @Override
    public List<Proxy> select(URI uri) {
        String proxy = value(uri.getScheme().equalsIgnoreCase("https") ? "HTTPS_PROXY" : "HTTP_PROXY");
        if (proxy.isEmpty() || bypass(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        URI p = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
        int port = p.getPort() > 0 ? p.getPort() : p.getScheme().equals("https") ? 443 : 80;
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port)));
    }

    boolean bypass(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1")) {
            return true;
        }
        for (String entry : value("NO_PROXY").split(",")) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.equals("*")) {
                return true;
            }
            int colon = e.lastIndexOf(':');
            if (colon > 0 && !e.contains("]") && e.indexOf(':') == colon) {
                e = e.substring(0, colon);
            }
            String domain = e.startsWith(".") ? e.substring(1) : e;
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private String value(String name) {
        String upper = env.get(name);
        if (upper != null && !upper.isEmpty()) {
            return upper;
        }
        String lower = env.get(name.toLowerCase(Locale.ROOT));
        return lower == null ? "" : lower;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    }
}
