package io.otelier.helper.http;

import java.util.List;

/**
 * Upstream's {@code cors} section. CORS is on only when {@code allowed_origins} is not empty (upstream logs a
 * warning and ignores a section with allowed headers but no origins). Origins may hold one {@code *} wildcard
 * ({@code http://*.example.com}) or be {@code *}; allowed headers may be {@code *}.
 */
public record CorsSettings(List<String> allowedOrigins, List<String> allowedHeaders, List<String> exposedHeaders,
        int maxAge) {

    public CorsSettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        allowedHeaders = allowedHeaders == null ? List.of() : List.copyOf(allowedHeaders);
        exposedHeaders = exposedHeaders == null ? List.of() : List.copyOf(exposedHeaders);
    }

    public static CorsSettings defaults() {
        return new CorsSettings(List.of(), List.of(), List.of(), 0);
    }

    public static CorsSettings allowing(String... origins) {
        return new CorsSettings(List.of(origins), List.of(), List.of(), 0);
    }

    /** Whether the section turns CORS on. */
    public boolean active() {
        return !allowedOrigins.isEmpty();
    }
}
