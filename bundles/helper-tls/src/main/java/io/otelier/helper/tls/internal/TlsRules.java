package io.otelier.helper.tls.internal;

import io.otelier.api.config.ConfigException;
import io.otelier.helper.tls.TlsSettings;

/** Upstream's {@code configtls.Config.Validate}, with its messages, plus the cipher-suite names check. */
public final class TlsRules {

    private TlsRules() {
    }

    public static void validate(TlsSettings s) {
        if (!s.caFile().isEmpty() && !s.caPem().isEmpty()) {
            throw ConfigException.of("provide either a CA file or the PEM-encoded string, but not both");
        }
        if (!s.certFile().isEmpty() && !s.certPem().isEmpty()) {
            throw ConfigException.of("provide either certificate file or PEM, but not both");
        }
        if (!s.keyFile().isEmpty() && !s.keyPem().isEmpty()) {
            throw ConfigException.of("provide either key file or PEM, but not both");
        }
        if (s.hasCert() != s.hasKey()) {
            throw ConfigException.of(
                    "TLS configuration must include both certificate and key (CertFile/CertPem and KeyFile/KeyPem)");
        }
        TlsVersion min = version("min_version", s.minVersion(), TlsVersion.TLS_1_2);
        TlsVersion max = version("max_version", s.maxVersion(), null);
        if (max != null && max.compareTo(min) < 0) {
            throw ConfigException.of("invalid TLS configuration: min_version cannot be greater than max_version");
        }
        // upstream reports unknown suites when it loads the config at start; we report them at validation
        CipherSuites.toJsse(s.cipherSuites(), s.includeInsecureCipherSuites());
    }

    private static TlsVersion version(String key, String value, TlsVersion fallback) {
        try {
            return TlsVersion.parse(value, fallback);
        } catch (IllegalArgumentException e) {
            throw ConfigException.of("invalid TLS " + key + ": " + e.getMessage());
        }
    }

    /** How a secret PEM value appears in logs (upstream's configopaque prints "[REDACTED]"). */
    public static String redact(String pem) {
        return pem.isEmpty() ? "" : "[REDACTED]";
    }
}
