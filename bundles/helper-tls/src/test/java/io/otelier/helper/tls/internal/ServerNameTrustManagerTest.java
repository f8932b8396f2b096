package io.otelier.helper.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerNameTrustManagerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "localhost, true",
        "LOCALHOST, true",
        "127.0.0.1, true",
        "127.0.0.2, false",
        "::1, false",
        "client, false",
        "sub.localhost, false",
    })
    void matchesSubjectAlternativeNamesOnly(String name, boolean expected) throws Exception {
        X509Certificate server = Pem.certificates(PrivateKeysTest.resource("server.pem")).get(0);
        assertThat(ServerNameTrustManager.matches(name, server)).isEqualTo(expected);
    }
}
