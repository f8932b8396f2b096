package io.otelier.helper.tls;

import io.otelier.helper.tls.internal.CipherSuites;
import io.otelier.helper.tls.internal.ConfiguredSslContext;
import io.otelier.helper.tls.internal.FixedTrustManagerFactory;
import io.otelier.helper.tls.internal.Pem;
import io.otelier.helper.tls.internal.PrivateKeys;
import io.otelier.helper.tls.internal.ServerNameTrustManager;
import io.otelier.helper.tls.internal.SslPolicy;
import io.otelier.helper.tls.internal.TlsVersion;
import io.otelier.helper.tls.internal.TrustAll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * JSSE objects from TLS settings, the counterpart of upstream's {@code LoadTLSConfig}. Everything is loaded
 * when called (at component start), never at validation.
 *
 * <p>{@link #server} and {@link #client} return contexts that apply versions, cipher suites, client
 * authentication, hostname verification and SNI to every engine and socket they create, and report them in
 * {@code getDefaultSSLParameters()}; the separate pieces ({@link #keyManagers}, {@link #trustManagers},
 * {@link #protocols}, {@link #cipherSuites}) are for libraries that build their own contexts (netty's
 * {@code SslContextBuilder}).
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * Upstream's {@code ClientConfig.LoadTLSConfig} returning nil: {@code insecure: true} with no CA, or no TLS
     * section at all. Whether an {@code http://} endpoint also means plaintext is the caller's rule.
     */
    public static boolean isPlaintext(TlsClientSettings s) {
        return s == null || (s.insecure() && !s.hasCa());
    }

    /** A server context: certificate and key, and client certificates required when {@code client_ca_file} is set. */
    public static SSLContext server(TlsServerSettings s) {
        KeyManagerFactory keys = keyManagers(s);
        if (keys == null) {
            throw new TlsException("failed to load TLS config: TLS configuration must include both certificate and key for server connections");
        }
        TrustManagerFactory clientCas = clientCaTrustManagers(s);
        SslPolicy policy = new SslPolicy(protocols(s), cipherSuites(s), clientCas != null, null, null);
        return context(keys, clientCas, policy);
    }

    /**
     * A client context: verifies the server against {@code ca_file}/{@code ca_pem} (else the JVM's roots) and
     * its name (the dialled host, or {@code server_name_override}), unless {@code insecure_skip_verify}; presents
     * a client certificate when one is configured.
     */
    public static SSLContext client(TlsClientSettings s) {
        String override = s.serverNameOverride();
        SslPolicy policy = new SslPolicy(protocols(s), cipherSuites(s), false,
                s.insecureSkipVerify() ? null : "HTTPS",
                override.isEmpty() || !isHostName(override) ? null : List.of(new SNIHostName(override)));
        return context(keyManagers(s), trustManagers(s), policy);
    }

    /** The certificate and key as a key manager factory; null when the settings have none. */
    public static KeyManagerFactory keyManagers(TlsSettings s) {
        if (!s.hasCert() && !s.hasKey()) {
            return null;
        }
        try {
            String certPem = s.certFile().isEmpty() ? s.certPem() : read(s.certFile());
            String keyPem = s.keyFile().isEmpty() ? s.keyPem() : read(s.keyFile());
            List<X509Certificate> chain = Pem.certificates(certPem);
            if (chain.isEmpty()) {
                throw new GeneralSecurityException("tls: failed to find any PEM data in certificate input");
            }
            PrivateKey key = PrivateKeys.read(keyPem, chain.get(0));
            KeyStore store = emptyStore();
            char[] password = new char[0];
            store.setKeyEntry("key", key, password, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsException("failed to load TLS config: failed to load TLS cert and key: " + e.getMessage(), e);
        }
    }

    /**
     * How a client verifies servers: trust-all for {@code insecure_skip_verify}; the configured CAs (plus the
     * JVM's roots with {@code include_system_ca_certs_pool}); or null for the JVM's roots. With
     * {@code server_name_override} the result checks that name instead of the dialled host.
     */
    public static TrustManagerFactory trustManagers(TlsClientSettings s) {
        if (s.insecureSkipVerify()) {
            return new FixedTrustManagerFactory(TrustAll.INSTANCE);
        }
        TrustManagerFactory base;
        if (s.hasCa()) {
            base = s.caFile().isEmpty()
                    ? trustFromPem(s.caPem(), s.includeSystemCaCertsPool(), "failed to load CA CertPool PEM: ")
                    : trustFromFile(s.caFile(), s.includeSystemCaCertsPool(), "failed to load CA CertPool File: ");
        } else if (!s.serverNameOverride().isEmpty()) {
            base = systemTrust();
        } else {
            return null;
        }
        if (s.serverNameOverride().isEmpty()) {
            return base;
        }
        return new FixedTrustManagerFactory(new ServerNameTrustManager(x509(base), s.serverNameOverride()));
    }

    /** How a server verifies client certificates ({@code client_ca_file}); null when it does not ask for them. */
    public static TrustManagerFactory clientCaTrustManagers(TlsServerSettings s) {
        if (s.clientCaFile().isEmpty()) {
            return null;
        }
        return trustFromFile(s.clientCaFile(), s.includeSystemCaCertsPool(), "");
    }

    /** The JSSE protocol names between min and max version, newest first ({@code ["TLSv1.3", "TLSv1.2"]}). */
    public static String[] protocols(TlsSettings s) {
        return TlsVersion.protocols(TlsVersion.parse(s.minVersion(), TlsVersion.TLS_1_2),
                TlsVersion.parse(s.maxVersion(), null));
    }

    /** JSSE names of the configured suites plus the TLS 1.3 ones; null when none are configured (JSSE defaults). */
    public static String[] cipherSuites(TlsSettings s) {
        List<String> names = CipherSuites.toJsse(s.cipherSuites(), s.includeInsecureCipherSuites());
        return names.isEmpty() ? null : names.toArray(String[]::new);
    }

    private static SSLContext context(KeyManagerFactory keys, TrustManagerFactory trust, SslPolicy policy) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return new ConfiguredSslContext(context, available(context, policy));
        } catch (GeneralSecurityException e) {
            throw new TlsException("failed to load TLS config: " + e.getMessage(), e);
        }
    }

    /**
     * The policy without suites this JVM lacks: a missing TLS 1.3 suite (which we add on our own) is dropped,
     * a missing configured one is an error.
     */
    private static SslPolicy available(SSLContext context, SslPolicy policy) {
        if (policy.cipherSuites() == null) {
            return policy;
        }
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
        List<String> missing = Arrays.stream(policy.cipherSuites()).filter(c -> !supported.contains(c))
                .filter(c -> !CipherSuites.isTls13(c)).toList();
        if (!missing.isEmpty()) {
            throw new TlsException("failed to load TLS config: cipher suites not available in this JVM: " + missing);
        }
        String[] usable = Arrays.stream(policy.cipherSuites()).filter(supported::contains).toArray(String[]::new);
        return new SslPolicy(policy.protocols(), usable, policy.needClientAuth(), policy.endpointIdentification(),
                policy.serverNames());
    }

    private static TrustManagerFactory trustFromFile(String file, boolean withSystem, String prefix) {
        String pem;
        try {
            pem = read(file);
        } catch (IOException e) {
            throw new TlsException("failed to load TLS config: " + prefix + "failed to load CA " + file + ": "
                    + e.getMessage(), e);
        }
        return trustFromPem(pem, withSystem, prefix + "failed to parse CA " + file + ": ");
    }

    private static TrustManagerFactory trustFromPem(String pem, boolean withSystem, String prefix) {
        try {
            List<X509Certificate> cas = Pem.certificates(pem);
            if (cas.isEmpty()) {
                throw new GeneralSecurityException("failed to parse cert");
            }
            List<X509Certificate> all = new ArrayList<>(cas);
            if (withSystem) {
                all.addAll(Arrays.asList(x509(systemTrust()).getAcceptedIssuers()));
            }
            KeyStore store = emptyStore();
            for (int i = 0; i < all.size(); i++) {
                store.setCertificateEntry("ca-" + i, all.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsException("failed to load TLS config: " + prefix + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory systemTrust() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new TlsException("failed to load TLS config: cannot load the system CA pool: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager x509(TrustManagerFactory factory) {
        for (TrustManager m : factory.getTrustManagers()) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new TlsException("failed to load TLS config: no X.509 trust manager available");
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static String read(String file) throws IOException {
        try {
            return Pem.text(Files.readAllBytes(Path.of(file)));
        } catch (NoSuchFileException e) {
            throw new IOException("open " + file + ": no such file or directory", e);
        }
    }

    private static boolean isHostName(String name) {
        return !name.isEmpty() && name.indexOf(':') < 0 && !name.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }
}
