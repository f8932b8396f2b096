package io.otelier.helper.http.internal;

import io.otelier.helper.http.CorsSettings;
import io.otelier.helper.http.Headers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CORS as upstream configures {@code github.com/rs/cors} v1.11: the configured origins (one {@code *} wildcard
 * each, or {@code *} for all), credentials allowed, methods GET/POST/HEAD, preflights answered 204 (with no CORS
 * headers when anything is not allowed) and never passed to a handler.
 */
public final class CorsRules {

    private static final List<String> METHODS = List.of("GET", "POST", "HEAD");
    private static final int MAX_HEADER_NAME = 64;

    private final boolean allOrigins;
    private final List<String> origins = new ArrayList<>();
    private final List<String[]> wildcardOrigins = new ArrayList<>();
    private final boolean allHeaders;
    /** lower-case allowed header → its rank, for rs/cors's sorted, each-at-most-once check. */
    private final Map<String, Integer> headerRank = new HashMap<>();
    private final String exposedHeaders;
    private final String maxAge;

    public CorsRules(CorsSettings settings) {
        boolean all = false;
        for (String o : settings.allowedOrigins()) {
            String origin = o.toLowerCase(Locale.ROOT);
            if (origin.equals("*")) {
                all = true;
                origins.clear();
                wildcardOrigins.clear();
                break;
            }
            int star = origin.indexOf('*');
            if (star >= 0) {
                wildcardOrigins.add(new String[] {origin.substring(0, star), origin.substring(star + 1)});
            } else {
                origins.add(origin);
            }
        }
        allOrigins = all;
        List<String> headers = settings.allowedHeaders().isEmpty()
                ? List.of("accept", "content-type", "x-requested-with")
                : settings.allowedHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).sorted().distinct().toList();
        allHeaders = settings.allowedHeaders().contains("*");
        for (String h : headers.stream().sorted().toList()) {
            headerRank.put(h, headerRank.size());
        }
        exposedHeaders = settings.exposedHeaders().isEmpty() ? null
                : String.join(", ", settings.exposedHeaders().stream().map(CorsRules::canonical).toList());
        maxAge = settings.maxAge() > 0 ? Integer.toString(settings.maxAge()) : settings.maxAge() < 0 ? "0" : null;
    }

    public static boolean isPreflight(String method, Headers headers) {
        return method.equals("OPTIONS") && !headers.get("access-control-request-method").isEmpty();
    }

    /** Headers of the 204 answer to a preflight. */
    public List<Map.Entry<String, String>> preflight(Headers request) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
        String origin = request.get("origin");
        if (origin.isEmpty() || !originAllowed(origin)) {
            return out;
        }
        String method = request.get("access-control-request-method");
        if (!methodAllowed(method)) {
            return out;
        }
        List<String> requested = request.all("access-control-request-headers");
        if (!requested.isEmpty() && !allHeaders && !headersAllowed(requested)) {
            return out;
        }
        out.add(Map.entry("Access-Control-Allow-Origin", allOrigins ? "*" : origin));
        out.add(Map.entry("Access-Control-Allow-Methods", method));
        if (!requested.isEmpty() && !requested.get(0).isEmpty()) {
            requested.forEach(h -> out.add(Map.entry("Access-Control-Allow-Headers", h)));
        }
        out.add(Map.entry("Access-Control-Allow-Credentials", "true"));
        if (maxAge != null) {
            out.add(Map.entry("Access-Control-Max-Age", maxAge));
        }
        return out;
    }

    /** Headers added to the answer of an actual (non-preflight) request. */
    public List<Map.Entry<String, String>> actual(String method, Headers request) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("Vary", "Origin"));
        String origin = request.get("origin");
        if (origin.isEmpty() || !originAllowed(origin) || !methodAllowed(method)) {
            return out;
        }
        out.add(Map.entry("Access-Control-Allow-Origin", allOrigins ? "*" : origin));
        if (exposedHeaders != null) {
            out.add(Map.entry("Access-Control-Expose-Headers", exposedHeaders));
        }
        out.add(Map.entry("Access-Control-Allow-Credentials", "true"));
        return out;
    }

    private boolean originAllowed(String origin) {
        if (allOrigins) {
            return true;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        if (origins.contains(o)) {
            return true;
        }
        for (String[] w : wildcardOrigins) {
            if (o.length() >= w[0].length() + w[1].length() && o.startsWith(w[0]) && o.endsWith(w[1])) {
                return true;
            }
        }
        return false;
    }

    private static boolean methodAllowed(String method) {
        return method.equals("OPTIONS") || METHODS.contains(method);
    }

    /**
     * rs/cors's check: comma-separated names, each allowed, in strictly increasing order of the (sorted) allowed
     * list — browsers send them lower-case and sorted, as the Fetch standard says.
     */
    private boolean headersAllowed(List<String> values) {
        int last = -1;
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String name = part.strip();
                if (name.isEmpty()) {
                    continue;
                }
                Integer rank = name.length() > MAX_HEADER_NAME ? null : headerRank.get(name);
                if (rank == null || rank <= last) {
                    return false;
                }
                last = rank;
            }
        }
        return true;
    }

    /** Go's {@code http.CanonicalHeaderKey}: "x-foo-bar" → "X-Foo-Bar". */
    static String canonical(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return sb.toString();
    }
}
