package io.otelier.receiver.otlp.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Upstream's {@code SanitizedURLPath}: a {@code *_url_path} value is read as Go's {@code url.Parse} reads a URL,
 * its (unescaped) path is kept and made absolute. So {@code traces} serves {@code /traces},
 * {@code http://host/v1/traces?x} serves {@code /v1/traces}, and {@code :invalid} is an error worded as Go words it
 * ({@code parse ":invalid": missing protocol scheme}).
 */
final class UrlPath {

    /** Upstream's prefix of every path error. */
    static final String INVALID = "invalid HTTP URL path set for signal: ";

    private UrlPath() {
    }

    /**
     * @return the path to serve, always starting with {@code /}
     * @throws IllegalArgumentException with upstream's message when Go cannot parse the value
     */
    static String sanitize(String raw) {
        String path;
        try {
            path = parsePath(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(INVALID + e.getMessage(), e);
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /** The {@code Path} of Go's {@code url.Parse(raw)}; errors quote the URL as Go's {@code url.Error} does. */
    private static String parsePath(String raw) {
        int hash = raw.indexOf('#');
        String url = hash < 0 ? raw : raw.substring(0, hash);
        String path;
        try {
            path = parseWithoutFragment(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parse " + GoQuote.quote(url) + ": " + e.getMessage(), e);
        }
        if (hash >= 0) {
            try {
                unescape(raw.substring(hash + 1)); // Go rejects a fragment with a bad escape too
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parse " + GoQuote.quote(raw) + ": " + e.getMessage(), e);
            }
        }
        return path;
    }

    private static String parseWithoutFragment(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("net/url: invalid control character in URL");
            }
        }
        if (url.equals("*")) {
            return "*";
        }
        int schemeEnd = schemeEnd(url);
        boolean hasScheme = schemeEnd > 0;
        String rest = hasScheme ? url.substring(schemeEnd + 1) : url;
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else if (rest.indexOf('?') >= 0) {
            rest = rest.substring(0, rest.indexOf('?'));
        }
        if (!rest.startsWith("/")) {
            if (hasScheme) {
                return ""; // an opaque URL ("mailto:x") has no path
            }
            int slash = rest.indexOf('/');
            String firstSegment = slash < 0 ? rest : rest.substring(0, slash);
            if (firstSegment.indexOf(':') >= 0) {
                throw new IllegalArgumentException("first path segment in URL cannot contain colon");
            }
        }
        if ((hasScheme || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            rest = slash < 0 ? "" : authority.substring(slash);
            checkAuthority(slash < 0 ? authority : authority.substring(0, slash));
        }
        return unescape(rest);
    }

    /** Index of the scheme's colon, -1 without a scheme; Go's {@code getScheme}. */
    private static int schemeEnd(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return -1;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new IllegalArgumentException("missing protocol scheme");
                }
                return i;
            }
            return -1;
        }
        return -1;
    }

    /** The port checks of Go's {@code parseHost}; a path value has no business with hosts beyond that. */
    private static void checkAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        String host = at < 0 ? authority : authority.substring(at + 1);
        String colonPort;
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in host");
            }
            colonPort = host.substring(close + 1);
        } else {
            int colon = host.lastIndexOf(':');
            colonPort = colon < 0 ? "" : host.substring(colon);
        }
        if (!colonPort.isEmpty() && !colonPort.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("invalid port " + GoQuote.quote(colonPort) + " after host");
        }
    }

    /** Go's {@code unescape} in path mode: every {@code %} must start two hex digits; {@code +} stays. */
    private static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            if (i + 2 >= bytes.length || hex(bytes[i + 1]) < 0 || hex(bytes[i + 2]) < 0) {
                String bad = new String(bytes, i, Math.min(3, bytes.length - i), StandardCharsets.UTF_8);
                throw new IllegalArgumentException("invalid URL escape " + GoQuote.quote(bad));
            }
            out.write(hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]));
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
