package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.ParserOperator;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.TypeNames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * uri_parser (upstream operator/parser/uri with parseutils.ParseURI, the non-semconv mapping since the
 * parser.uri.ecscompliant gate is alpha): Go's url.ParseRequestURI, or a bare "?query".
 */
public final class UriParser extends ParserOperator {

    public UriParser(Writer.Common common, Conf conf) {
        super(common, conf);
    }

    @Override
    protected Object parse(Object value) {
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("type '" + TypeNames.of(value) + "' cannot be parsed as URI");
        }
        return parseUri(s);
    }

    static Map<String, Object> parseUri(String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (value.startsWith("?")) {
            Map<String, List<Object>> query = parseQuery(value.substring(1), true, value);
            if (!query.isEmpty()) {
                m.put("query", new LinkedHashMap<String, Object>(query));
            }
            return m;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw error(value, "net/url: invalid control character in URL");
            }
        }
        if (value.isEmpty()) {
            throw error(value, "empty url");
        }
        String scheme = "";
        String rest = value;
        if (!value.equals("*")) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isLetter(c) && c < 128) {
                    continue;
                }
                if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                    if (i == 0) {
                        break;
                    }
                    continue;
                }
                if (c == ':') {
                    if (i == 0) {
                        throw error(value, "missing protocol scheme");
                    }
                    scheme = value.substring(0, i).toLowerCase(Locale.ROOT);
                    rest = value.substring(i + 1);
                }
                break;
            }
        }
        String rawQuery = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (value.equals("*")) {
            m.put("path", "*");
            return m;
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                m.put("scheme", scheme);
                putQuery(m, rawQuery, value);
                return m;
            }
            throw error(value, "invalid URI for request");
        }
        String user = "";
        String host = "";
        if (!scheme.isEmpty() && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            } else {
                rest = "";
            }
            int at = authority.lastIndexOf('@');
            String hostPart = at < 0 ? authority : authority.substring(at + 1);
            if (at >= 0) {
                String userinfo = authority.substring(0, at);
                String name = userinfo.contains(":") ? userinfo.substring(0, userinfo.indexOf(':')) : userinfo;
                user = unescape(name, false, value);
            }
            host = parseHost(hostPart, value);
        }
        String path = unescape(rest, false, value);
        if (!scheme.isEmpty()) {
            m.put("scheme", scheme);
        }
        if (!user.isEmpty()) {
            m.put("user", user);
        }
        String hostname = hostname(host);
        if (!hostname.isEmpty()) {
            m.put("host", hostname);
        }
        String port = port(host);
        if (!port.isEmpty()) {
            m.put("port", port);
        }
        String escaped = validEncoded(rest) && path.equals(unescapeQuiet(rest)) ? rest : escapePath(path);
        if (!escaped.isEmpty()) {
            m.put("path", escaped);
        }
        putQuery(m, rawQuery, value);
        return m;
    }

    private static void putQuery(Map<String, Object> m, String rawQuery, String value) {
        Map<String, List<Object>> query = parseQuery(rawQuery, false, value);
        if (!query.isEmpty()) {
            m.put("query", new LinkedHashMap<String, Object>(query));
        }
    }

    private static String parseHost(String host, String whole) {
        if (host.startsWith("[")) {
            int end = host.lastIndexOf(']');
            if (end < 0) {
                throw error(whole, "missing ']' in host");
            }
            String colonPort = host.substring(end + 1);
            if (!validOptionalPort(colonPort)) {
                throw error(whole, "invalid port \"" + colonPort + "\" after host");
            }
            return host;
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            String colonPort = host.substring(colon);
            if (!validOptionalPort(colonPort)) {
                throw error(whole, "invalid port \"" + colonPort + "\" after host");
            }
        }
        return unescape(host, true, whole);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String hostname(String host) {
        int colon = host.lastIndexOf(':');
        String h = host;
        if (colon >= 0 && (!host.startsWith("[") || host.lastIndexOf(']') < colon)) {
            h = host.substring(0, colon);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h;
    }

    private static String port(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || (host.startsWith("[") && host.lastIndexOf(']') > colon)) {
            return "";
        }
        String p = host.substring(colon + 1);
        return p.chars().allMatch(c -> c >= '0' && c <= '9') ? p : "";
    }

    /** url.ParseQuery: pairs split on '&'; a pair with ';' or a bad escape is skipped (strict only for "?query"). */
    private static Map<String, List<Object>> parseQuery(String query, boolean strict, String whole) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (pair.contains(";")) {
                if (strict) {
                    throw new IllegalArgumentException("invalid semicolon separator in query");
                }
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String val = eq < 0 ? "" : pair.substring(eq + 1);
            String k;
            String v;
            try {
                k = queryUnescape(key);
                v = queryUnescape(val);
            } catch (IllegalArgumentException e) {
                if (strict) {
                    throw e;
                }
                continue;
            }
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String queryUnescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '+') {
                out.write(' ');
            } else if (b[i] == '%') {
                if (i + 2 >= b.length || hex(b[i + 1]) < 0 || hex(b[i + 2]) < 0) {
                    String bad = s.substring(Math.min(i, s.length()), Math.min(i + 3, s.length()));
                    throw new IllegalArgumentException("invalid URL escape \"" + bad + "\"");
                }
                out.write(hex(b[i + 1]) * 16 + hex(b[i + 2]));
                i += 2;
            } else {
                out.write(b[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String unescape(String s, boolean host, String whole) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '%') {
                if (i + 2 >= b.length || hex(b[i + 1]) < 0 || hex(b[i + 2]) < 0) {
                    String tail = s.substring(Math.min(s.indexOf('%', 0), s.length()));
                    throw error(whole, "invalid URL escape \"" + tail.substring(0, Math.min(3, tail.length())) + "\"");
                }
                out.write(hex(b[i + 1]) * 16 + hex(b[i + 2]));
                i += 2;
            } else {
                out.write(b[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String unescapeQuiet(String s) {
        try {
            return unescape(s, false, s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Go's validEncoded for paths: only characters that need no escaping, or %-escapes. */
    private static boolean validEncoded(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '[', ']', '%' -> { }
                default -> {
                    if (shouldEscapePath(c)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean shouldEscapePath(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return false;
        }
        return switch (c) {
            case '-', '_', '.', '~', '$', '&', '+', ',', '/', ':', ';', '=', '@' -> false;
            default -> true;
        };
    }

    private static String escapePath(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && !shouldEscapePath(c)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static IllegalArgumentException error(String url, String problem) {
        return new IllegalArgumentException("parse \"" + url.replace("\"", "\\\"") + "\": " + problem);
    }
}
