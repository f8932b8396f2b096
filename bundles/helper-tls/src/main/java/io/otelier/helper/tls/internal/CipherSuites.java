package io.otelier.helper.tls.internal;

import io.otelier.api.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's cipher-suite names ({@code tls.CipherSuites()} and {@code tls.InsecureCipherSuites()}) and the JSSE
 * names they map to. JSSE uses the IANA names, which Go shares except for two legacy suites JSSE still calls
 * {@code SSL_*}.
 */
public final class CipherSuites {

    /** TLS 1.3 suites: Go always enables them whatever {@code cipher_suites} says, so we do too. */
    static final List<String> TLS13 = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    private static final Set<String> SECURE = Set.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");

    private static final Set<String> INSECURE = Set.of(
            "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
            "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");

    private static final Map<String, String> JSSE_NAMES = Map.of(
            "TLS_RSA_WITH_RC4_128_SHA", "SSL_RSA_WITH_RC4_128_SHA",
            "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_3DES_EDE_CBC_SHA");

    private CipherSuites() {
    }

    public static boolean isTls13(String jsseName) {
        return TLS13.contains(jsseName);
    }

    /**
     * The JSSE names of the configured Go names, plus the TLS 1.3 suites; empty when none are configured
     * (JSSE's defaults apply).
     *
     * @throws ConfigException listing every unknown name as upstream does ({@code invalid TLS cipher suite: "X"})
     */
    public static List<String> toJsse(List<String> goNames, boolean includeInsecure) {
        if (goNames.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>(TLS13);
        List<String> errors = new ArrayList<>();
        for (String name : goNames) {
            if (SECURE.contains(name) || (includeInsecure && INSECURE.contains(name))) {
                out.add(JSSE_NAMES.getOrDefault(name, name));
            } else {
                errors.add("invalid TLS cipher suite: \"" + name + "\"");
            }
        }
        if (!errors.isEmpty()) {
            throw ConfigException.of(String.join("\n", errors));
        }
        return List.copyOf(out);
    }
}
