package io.otelier.helper.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PrivateKeysTest {

    static String resource(String name) throws IOException {
        try (InputStream in = PrivateKeysTest.class.getResourceAsStream("/tls/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    static X509Certificate cert(String name) throws Exception {
        return Pem.certificates(resource(name)).get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "server-key.pem, server.pem, RSA",
        "server-key-pkcs1.pem, server.pem, RSA",
        "client-key-sec1.pem, client.pem, EC",
        "client-key.pem, client.pem, EC",
    })
    void readsEveryPemKeyForm(String key, String cert, String algorithm) throws Exception {
        PrivateKey k = PrivateKeys.read(resource(key), cert(cert));
        assertThat(k.getAlgorithm()).isEqualTo(algorithm);
    }

    @Test
    void pkcs1AndPkcs8AreTheSameKey() throws Exception {
        RSAPrivateCrtKey a = (RSAPrivateCrtKey) PrivateKeys.read(resource("server-key.pem"), cert("server.pem"));
        RSAPrivateCrtKey b = (RSAPrivateCrtKey) PrivateKeys.read(resource("server-key-pkcs1.pem"), cert("server.pem"));
        assertThat(a.getPrivateExponent()).isEqualTo(b.getPrivateExponent());
        ECPrivateKey c = (ECPrivateKey) PrivateKeys.read(resource("client-key-sec1.pem"), cert("client.pem"));
        ECPrivateKey d = (ECPrivateKey) PrivateKeys.read(resource("client-key.pem"), cert("client.pem"));
        assertThat(c.getS()).isEqualTo(d.getS());
    }

    @Test
    void sec1WithoutParametersTakesTheCurveFromTheCertificate() throws Exception {
        // strip the optional [0] parameters (and [1] public key) from the SEC1 structure
        byte[] sec1 = Pem.blocks(resource("client-key-sec1.pem")).get(0).der();
        Der.Reader r = new Der.Reader(sec1).enter(Der.SEQUENCE);
        byte[] version = r.element();
        byte[] secret = r.element();
        String bare = "-----BEGIN EC PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(Der.encode(Der.SEQUENCE, version, secret))
                + "\n-----END EC PRIVATE KEY-----\n";
        ECPrivateKey k = (ECPrivateKey) PrivateKeys.read(bare, cert("client.pem"));
        assertThat(k.getS()).isEqualTo(((ECPrivateKey) PrivateKeys.read(resource("client-key.pem"),
                cert("client.pem"))).getS());
    }

    @Test
    void textAroundBlocksIsIgnored() throws Exception {
        String noisy = "Bag Attributes\n  friendlyName: x\n" + resource("server-key.pem") + "\ntrailing\n";
        assertThat(PrivateKeys.read(noisy, cert("server.pem")).getAlgorithm()).isEqualTo("RSA");
        assertThat(Pem.certificates("junk\n" + resource("ca.pem") + resource("server.pem"))).hasSize(2);
    }

    @Test
    void rejectsWhatGoRejects() throws Exception {
        assertThatThrownBy(() -> PrivateKeys.read("no pem here", cert("server.pem")))
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessage("tls: failed to find any PEM data in key input");
        assertThatThrownBy(() -> PrivateKeys.read(
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", cert("server.pem")))
                .hasMessage("tls: failed to parse private key");
        assertThatThrownBy(() -> PrivateKeys.read(resource("other-server-key.pem"), cert("server.pem")))
                .hasMessage("tls: private key does not match public key");
        assertThatThrownBy(() -> PrivateKeys.read(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
                cert("server.pem"))).hasMessageContaining("encrypted private keys are not supported");
    }
}
