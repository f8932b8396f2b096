package io.otelier.helper.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TlsSettingsTest {

    private static TlsClientSettings client(String caFile, String caPem, String certFile, String certPem,
            String keyFile, String keyPem, String min, String max, List<String> suites) {
        return new TlsClientSettings(caFile, caPem, certFile, certPem, keyFile, keyPem, min, max, suites, false,
                Duration.ZERO, List.of(), false, false, "", false, TpmSettings.defaults());
    }

    static Stream<Arguments> invalidClients() {
        return Stream.of(
                Arguments.of("ca file and pem", client("ca.pem", "PEM", "", "", "", "", "", "", List.of()),
                        "provide either a CA file or the PEM-encoded string, but not both"),
                Arguments.of("cert file and pem", client("", "", "c.pem", "PEM", "k.pem", "", "", "", List.of()),
                        "provide either certificate file or PEM, but not both"),
                Arguments.of("key file and pem", client("", "", "c.pem", "", "k.pem", "PEM", "", "", List.of()),
                        "provide either key file or PEM, but not both"),
                Arguments.of("cert without key", client("", "", "c.pem", "", "", "", "", "", List.of()),
                        "TLS configuration must include both certificate and key (CertFile/CertPem and KeyFile/KeyPem)"),
                Arguments.of("key without cert", client("", "", "", "", "", "PEM", "", "", List.of()),
                        "TLS configuration must include both certificate and key (CertFile/CertPem and KeyFile/KeyPem)"),
                Arguments.of("unknown min", client("", "", "", "", "", "", "1.5", "", List.of()),
                        "invalid TLS min_version: unsupported TLS version: \"1.5\""),
                Arguments.of("unknown max", client("", "", "", "", "", "", "", "TLSv1.3", List.of()),
                        "invalid TLS max_version: unsupported TLS version: \"TLSv1.3\""),
                Arguments.of("min above max", client("", "", "", "", "", "", "1.3", "1.2", List.of()),
                        "invalid TLS configuration: min_version cannot be greater than max_version"),
                Arguments.of("default min above max", client("", "", "", "", "", "", "", "1.1", List.of()),
                        "invalid TLS configuration: min_version cannot be greater than max_version"),
                Arguments.of("unknown cipher suites", client("", "", "", "", "", "", "", "",
                        List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "BOGUS", "TLS_RSA_WITH_AES_128_CBC_SHA")),
                        "invalid TLS cipher suite: \"BOGUS\"\ninvalid TLS cipher suite: \"TLS_RSA_WITH_AES_128_CBC_SHA\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidClients")
    void rejectsInvalidClientSettings(String name, TlsClientSettings settings, String message) {
        assertThatThrownBy(settings::validate).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).path()).isEmpty())
                .hasMessage(message);
    }

    @Test
    void clientDefaultsAreValidAndMirrorUpstream() {
        TlsClientSettings d = TlsClientSettings.defaults();
        assertThatCode(d::validate).doesNotThrowAnyException();
        assertThat(d.minVersion()).isEqualTo("1.2");
        assertThat(d.maxVersion()).isEmpty();
        assertThat(d.insecure()).isFalse();
        assertThat(d.insecureSkipVerify()).isFalse();
        assertThat(d.reloadInterval()).isZero();
        assertThat(d.tpm().enabled()).isFalse();
        assertThat(TlsContexts.isPlaintext(d)).isFalse();
    }

    @Test
    void plaintextIsInsecureWithoutCaOrNoSection() {
        assertThat(TlsContexts.isPlaintext(null)).isTrue();
        assertThat(TlsContexts.isPlaintext(TlsClientSettings.plaintext())).isTrue();
        // upstream: insecure with a CA still loads TLS
        assertThat(TlsContexts.isPlaintext(TlsClientSettings.plaintext().withCaFile("ca.pem"))).isFalse();
    }

    @Test
    void serverNeedsCertificateAndKey() {
        assertThatThrownBy(() -> TlsServerSettings.defaults().validate())
                .hasMessage("TLS configuration must include both certificate and key for server connections");
        assertThatCode(() -> TlsServerSettings.withFiles("c.pem", "k.pem").validate()).doesNotThrowAnyException();
    }

    @Test
    void serverRunsTheCommonRulesFirst() {
        assertThatThrownBy(() -> TlsServerSettings.withFiles("c.pem", "k.pem").withVersions("1.3", "1.0").validate())
                .hasMessage("invalid TLS configuration: min_version cannot be greater than max_version");
    }

    @Test
    void insecureSuitesNeedTheirSwitch() {
        UnaryOperator<Boolean> valid = include -> {
            try {
                new TlsClientSettings("", "", "", "", "", "", "", "", List.of("TLS_RSA_WITH_AES_128_GCM_SHA256"), false,
                        null, null, false, false, "", include, null).validate();
                return true;
            } catch (ConfigException e) {
                return false;
            }
        };
        assertThat(valid.apply(false)).isFalse();
        assertThat(valid.apply(true)).isTrue();
    }

    @Test
    void nullsFromBindingBecomeUpstreamZeroValues() {
        TlsServerSettings s = new TlsServerSettings(null, null, null, null, null, null, null, null, null, false, null,
                null, null, false, false, null);
        assertThat(s.caFile()).isEmpty();
        assertThat(s.cipherSuites()).isEmpty();
        assertThat(s.reloadInterval()).isEqualTo(Duration.ZERO);
        assertThat(s.tpm()).isEqualTo(TpmSettings.defaults());
    }

    @Test
    void toStringRedactsPems() {
        TlsClientSettings s = client("", "CA-SECRET", "", "CERT-SECRET", "", "KEY-SECRET", "", "", List.of());
        assertThat(s.toString()).doesNotContain("SECRET").contains("[REDACTED]");
    }

    @Test
    void unsupportedKeysAreListedUnderAPrefix() {
        assertThat(TlsServerSettings.UNSUPPORTED_KEYS).contains("tpm", "curve_preferences", "reload_interval",
                "client_ca_file_reload");
        assertThat(TlsSettings.UNSUPPORTED_KEYS).doesNotContain("client_ca_file_reload");
        assertThat(TlsSettings.unsupportedKeysUnder("protocols::grpc::tls", TlsSettings.UNSUPPORTED_KEYS))
                .contains("protocols::grpc::tls::tpm");
    }

    @Test
    void recordComponentsAreUpstreamKeysInSnakeCase() {
        List<String> server = Stream.of(TlsServerSettings.class.getRecordComponents()).map(c -> snake(c.getName()))
                .toList();
        assertThat(server).containsExactlyInAnyOrder("ca_file", "ca_pem", "cert_file", "cert_pem", "key_file",
                "key_pem", "min_version", "max_version", "cipher_suites", "include_system_ca_certs_pool",
                "reload_interval", "curve_preferences", "client_ca_file", "client_ca_file_reload",
                "include_insecure_cipher_suites", "tpm");
        List<String> client = Stream.of(TlsClientSettings.class.getRecordComponents()).map(c -> snake(c.getName()))
                .toList();
        assertThat(client).containsExactlyInAnyOrder("ca_file", "ca_pem", "cert_file", "cert_pem", "key_file",
                "key_pem", "min_version", "max_version", "cipher_suites", "include_system_ca_certs_pool",
                "reload_interval", "curve_preferences", "insecure", "insecure_skip_verify", "server_name_override",
                "include_insecure_cipher_suites", "tpm");
        List<String> tpm = Stream.of(TpmSettings.class.getRecordComponents()).map(c -> snake(c.getName())).toList();
        assertThat(tpm).containsExactlyInAnyOrder("enabled", "path", "owner_auth", "auth");
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
