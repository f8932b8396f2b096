package io.otelier.receiver.prometheus.internal;

import io.otelier.helper.tls.TlsClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One {@code scrape_configs} entry after Prometheus's defaulting from {@code global} (interval, timeout,
 * limits, protocols).
 *
 * @param tls null: the JVM's default TLS for https targets
 */
record ScrapeConfig(String jobName, Duration scrapeInterval, Duration scrapeTimeout, String metricsPath,
        String scheme, Map<String, List<String>> params, boolean honorLabels, boolean honorTimestamps,
        boolean trackTimestampsStaleness, List<RelabelRule> relabelConfigs, List<RelabelRule> metricRelabelConfigs,
        List<TargetGroup> staticConfigs, List<FileSdConfig> fileSdConfigs, HttpAuth auth, TlsClientSettings tls,
        Map<String, String> httpHeaders, long sampleLimit, long labelLimit, long labelNameLengthLimit,
        long labelValueLengthLimit, List<String> scrapeProtocols, String fallbackScrapeProtocol,
        String escapingScheme, boolean enableCompression, boolean followRedirects, boolean extraScrapeMetrics) {

    /** {@code file_sd_configs} entry. */
    record FileSdConfig(List<String> files, Duration refreshInterval) {
        static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(5);
    }

    /**
     * Credentials for the scrape request: {@code basic_auth}, or {@code authorization} (where
     * {@code bearer_token[_file]} end up, as in Prometheus). Files are read at every scrape, so rotated secrets
     * apply without a restart.
     */
    record HttpAuth(String username, String password, String passwordFile, String type, String credentials,
            String credentialsFile) {
        static final HttpAuth NONE = new HttpAuth("", "", "", "", "", "");

        boolean isBasic() {
            return !username.isEmpty() || !password.isEmpty() || !passwordFile.isEmpty();
        }

        boolean isAuthorization() {
            return !credentials.isEmpty() || !credentialsFile.isEmpty();
        }
    }
}
