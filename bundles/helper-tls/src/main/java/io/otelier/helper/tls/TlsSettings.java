package io.otelier.helper.tls;

import io.otelier.api.config.ComponentConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The keys upstream's {@code configtls.Config} contributes to both {@link TlsServerSettings} and
 * {@link TlsClientSettings} (it is squashed into both). PEM fields are secrets: the records' {@code toString}
 * redacts them.
 */
@ProviderType
public interface TlsSettings extends ComponentConfig {

    /** Effective minimum when {@code min_version} is empty (upstream's {@code defaultMinTLSVersion}). */
    String DEFAULT_MIN_VERSION = "1.2";

    /**
     * Keys (relative to a {@code tls} section) that bind but are not implemented by this distribution yet.
     * Components add them, under their own prefix, to {@code Factory.unsupportedKeys()}: see
     * {@link #unsupportedKeysUnder(String, Set)}.
     */
    Set<String> UNSUPPORTED_KEYS = Set.of("curve_preferences", "reload_interval", "tpm");

    String caFile();

    String caPem();

    String certFile();

    String certPem();

    String keyFile();

    String keyPem();

    String minVersion();

    String maxVersion();

    List<String> cipherSuites();

    boolean includeSystemCaCertsPool();

    Duration reloadInterval();

    List<String> curvePreferences();

    boolean includeInsecureCipherSuites();

    TpmSettings tpm();

    /** A CA is configured (file or PEM). */
    default boolean hasCa() {
        return !caFile().isEmpty() || !caPem().isEmpty();
    }

    /** A certificate is configured (file or PEM). */
    default boolean hasCert() {
        return !certFile().isEmpty() || !certPem().isEmpty();
    }

    /** A key is configured (file or PEM). */
    default boolean hasKey() {
        return !keyFile().isEmpty() || !keyPem().isEmpty();
    }

    /**
     * {@code keys} with {@code prefix::} in front, for a component whose {@code tls} section sits at
     * {@code prefix} ({@code "tls"}, {@code "protocols::grpc::tls"}).
     */
    static Set<String> unsupportedKeysUnder(String prefix, Set<String> keys) {
        return keys.stream().map(k -> prefix + "::" + k).collect(Collectors.toUnmodifiableSet());
    }
}
