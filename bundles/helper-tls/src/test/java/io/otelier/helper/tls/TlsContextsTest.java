package io.otelier.helper.tls;

import static io.otelier.helper.tls.Fixtures.file;
import static io.otelier.helper.tls.Fixtures.handshake;
import static io.otelier.helper.tls.Fixtures.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class TlsContextsTest {

    private final SSLContext server = TlsContexts.server(Fixtures.server());

    @Test
    void clientTrustingTheCaConnectsByNameAndByAddress() throws Exception {
        SSLContext client = TlsContexts.client(Fixtures.trustingCa());
        assertThat(handshake(server, client, "localhost").client().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(handshake(server, client, "127.0.0.1").client().getPeerPrincipal().getName())
                .isEqualTo("CN=localhost");
    }

    @Test
    void clientWithJvmRootsRejectsThePrivateCa() {
        SSLContext client = TlsContexts.client(TlsClientSettings.defaults());
        assertThatThrownBy(() -> handshake(server, client, "localhost")).isInstanceOf(SSLException.class);
    }

    @Test
    void serverSignedByAnotherCaIsRejected() {
        SSLContext other = TlsContexts.server(TlsServerSettings.withFiles(file("other-server.pem"),
                file("other-server-key.pem")));
        assertThatThrownBy(() -> handshake(other, TlsContexts.client(Fixtures.trustingCa()), "localhost"))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void insecureSkipVerifyAcceptsAnyServerAndName() throws Exception {
        SSLContext other = TlsContexts.server(TlsServerSettings.withFiles(file("other-server.pem"),
                file("other-server-key.pem")));
        SSLContext client = TlsContexts.client(TlsClientSettings.defaults().withInsecureSkipVerify(true));
        assertThat(handshake(other, client, "127.0.0.1").client().isValid()).isTrue();
        assertThat(client.getDefaultSSLParameters().getEndpointIdentificationAlgorithm()).isNull();
    }

    @Test
    void hostnameIsVerified() {
        // the server certificate names localhost and 127.0.0.1 only; a client naming it otherwise must fail
        TlsClientSettings wrongName = Fixtures.trustingCa().withServerNameOverride("collector.example");
        assertThatThrownBy(() -> handshake(server, TlsContexts.client(wrongName), "127.0.0.1"))
                .isInstanceOf(SSLException.class).hasStackTraceContaining("not valid for collector.example");
        assertThat(TlsContexts.client(Fixtures.trustingCa()).getDefaultSSLParameters()
                .getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    }

    @Test
    void serverNameOverrideIsTheNameVerified() throws Exception {
        SSLContext client = TlsContexts.client(Fixtures.trustingCa().withServerNameOverride("localhost"));
        assertThat(handshake(server, client, "127.0.0.1").client().isValid()).isTrue();
        assertThat(client.getDefaultSSLParameters().getServerNames()).hasSize(1);
    }

    @Test
    void mutualTlsRequiresAClientCertificateFromTheClientCa() throws Exception {
        SSLContext mtls = TlsContexts.server(Fixtures.server().withClientCaFile(file("ca.pem")));
        assertThat(mtls.getDefaultSSLParameters().getNeedClientAuth()).isTrue();

        SSLContext withCert = TlsContexts.client(Fixtures.trustingCa()
                .withCertificate(file("client.pem"), file("client-key-sec1.pem")));
        Fixtures.Result ok = handshake(mtls, withCert, "localhost");
        assertThat(((X509Certificate) ok.server().getPeerCertificates()[0]).getSubjectX500Principal().getName())
                .isEqualTo("CN=client");

        SSLContext withoutCert = TlsContexts.client(Fixtures.trustingCa());
        assertThatThrownBy(() -> handshake(mtls, withoutCert, "localhost")).isInstanceOf(Exception.class);

        SSLContext foreignCert = TlsContexts.client(Fixtures.trustingCa()
                .withCertificate(file("other-server.pem"), file("other-server-key.pem")));
        assertThatThrownBy(() -> handshake(mtls, foreignCert, "localhost")).isInstanceOf(Exception.class);
    }

    @Test
    void versionsBoundTheHandshake() throws Exception {
        SSLContext tls12Server = TlsContexts.server(Fixtures.server().withVersions("", "1.2"));
        assertThat(tls12Server.getDefaultSSLParameters().getProtocols()).containsExactly("TLSv1.2");
        assertThat(handshake(tls12Server, TlsContexts.client(Fixtures.trustingCa()), "localhost").client()
                .getProtocol()).isEqualTo("TLSv1.2");

        TlsClientSettings only13 = new TlsClientSettings(file("ca.pem"), "", "", "", "", "", "1.3", "", List.of(),
                false, Duration.ZERO, List.of(), false, false, "", false, null);
        assertThatThrownBy(() -> handshake(tls12Server, TlsContexts.client(only13), "localhost"))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void configuredCipherSuitesAreTheOnlyTls12Ones() throws Exception {
        TlsServerSettings s = new TlsServerSettings("", "", file("server.pem"), "", file("server-key.pem"), "", "",
                "1.2", List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), false, null, null, "", false, false, null);
        SSLContext context = TlsContexts.server(s);
        assertThat(TlsContexts.cipherSuites(s)).containsExactly("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
                "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(handshake(context, TlsContexts.client(Fixtures.trustingCa()), "localhost").client()
                .getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void inlinePemsWorkLikeFiles() throws Exception {
        TlsServerSettings s = new TlsServerSettings("", "", "", pem("server.pem"), "", pem("server-key-pkcs1.pem"),
                "", "", List.of(), false, null, null, "", false, false, null);
        TlsClientSettings c = new TlsClientSettings("", pem("ca.pem"), "", pem("client.pem"), "",
                pem("client-key.pem"), "", "", List.of(), false, null, null, false, false, "", false, null);
        assertThat(handshake(TlsContexts.server(s), TlsContexts.client(c), "localhost").client().isValid()).isTrue();
    }

    @Test
    void protocolsRunNewestFirstFromMinToMax() {
        assertThat(TlsContexts.protocols(TlsClientSettings.defaults())).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsContexts.protocols(Fixtures.server().withVersions("1.0", "1.1")))
                .containsExactly("TLSv1.1", "TLSv1");
        assertThat(TlsContexts.cipherSuites(TlsClientSettings.defaults())).isNull();
    }

    @Test
    void engineAndParametersCarryThePolicy() {
        SSLParameters p = TlsContexts.server(Fixtures.server().withVersions("1.3", "")).createSSLEngine()
                .getSSLParameters();
        assertThat(p.getProtocols()).containsExactly("TLSv1.3");
    }

    @Test
    void systemPoolIsAddedOnlyWhenAsked() {
        TlsClientSettings caOnly = Fixtures.trustingCa();
        TlsClientSettings withSystem = new TlsClientSettings(file("ca.pem"), "", "", "", "", "", "", "", List.of(),
                true, null, null, false, false, "", false, null);
        assertThat(issuers(TlsContexts.trustManagers(caOnly))).hasSize(1);
        assertThat(issuers(TlsContexts.trustManagers(withSystem))).hasSizeGreaterThan(1)
                .anyMatch(c -> c.getSubjectX500Principal().getName().equals("CN=Otelier Test CA"));
        assertThat(TlsContexts.trustManagers(TlsClientSettings.defaults())).isNull();
    }

    @Test
    void loadErrorsReadLikeUpstream() {
        assertThatThrownBy(() -> TlsContexts.client(TlsClientSettings.defaults().withCaFile("/nonexistent/ca.pem")))
                .isInstanceOf(TlsException.class)
                .hasMessage("failed to load TLS config: failed to load CA CertPool File: failed to load CA "
                        + "/nonexistent/ca.pem: open /nonexistent/ca.pem: no such file or directory");
        assertThatThrownBy(() -> TlsContexts.client(TlsClientSettings.defaults().withCaFile(file("server-key.pem"))))
                .hasMessageEndingWith("failed to parse cert");
        assertThatThrownBy(() -> TlsContexts.server(TlsServerSettings.withFiles(file("server.pem"),
                file("client-key.pem")))).isInstanceOf(TlsException.class)
                .hasMessageContaining("failed to load TLS cert and key: tls: private key type does not match");
        assertThatThrownBy(() -> TlsContexts.server(TlsServerSettings.withFiles(file("server.pem"),
                file("other-server-key.pem"))))
                .hasMessageContaining("tls: private key does not match public key");
        assertThatThrownBy(() -> TlsContexts.server(TlsServerSettings.withFiles(file("ca.pem"), file("ca.pem"))))
                .hasMessageContaining("tls: failed to find any PEM data in key input");
        assertThatThrownBy(() -> TlsContexts.server(TlsServerSettings.defaults()))
                .hasMessageContaining("must include both certificate and key");
    }

    private static List<X509Certificate> issuers(TrustManagerFactory factory) {
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).flatMap(m -> Arrays.stream(m.getAcceptedIssuers())).toList();
    }
}
