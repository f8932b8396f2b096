package io.otelier.receiver.prometheus.internal;

import io.otelier.api.config.ConfigException;
import io.otelier.helper.tls.TlsClientSettings;
import io.otelier.helper.tls.TpmSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the receiver's {@code config} section: Prometheus's configuration file format, restricted to what this
 * distribution scrapes with. Defaults and validation rules are Prometheus's ({@code config.Load}); keys of
 * Prometheus's schema that are not implemented are rejected as not supported yet, with their path; the
 * features upstream's receiver itself refuses (remote_write, rule_files, …) fail with upstream's message.
 */
final class PromConfigReader {

    static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofMinutes(1);
    static final Duration DEFAULT_SCRAPE_TIMEOUT = Duration.ofSeconds(10);
    static final String DEFAULT_METRICS_PATH = "/metrics";
    static final String ESCAPING_ALLOW_UTF8 = "allow-utf-8";

    /** Media types per scrape protocol (Prometheus's {@code ScrapeProtocolsHeaders}); proto is not offered. */
    static final Map<String, String> PROTOCOL_MEDIA_TYPES = Map.of(
            "PrometheusText0.0.4", "text/plain;version=0.0.4",
            "PrometheusText1.0.0", "text/plain;version=1.0.0",
            "OpenMetricsText0.0.1", "application/openmetrics-text;version=0.0.1",
            "OpenMetricsText1.0.0", "application/openmetrics-text;version=1.0.0");
    static final List<String> DEFAULT_SCRAPE_PROTOCOLS = List.of("OpenMetricsText1.0.0", "OpenMetricsText0.0.1",
            "PrometheusText1.0.0", "PrometheusText0.0.4");
    /** Upstream's receiver sets this when none is configured (targets without a proper Content-Type). */
    static final String DEFAULT_FALLBACK_PROTOCOL = "PrometheusText0.0.4";

    private static final Set<String> TOP_KEYS = Set.of("global", "scrape_configs");
    private static final Set<String> TOP_UNSUPPORTED = Set.of("scrape_config_files", "storage", "tracing", "otlp",
            "runtime");
    /** Refused by upstream's receiver itself (PromConfig.Validate). */
    private static final List<String> UPSTREAM_REFUSED = List.of("alerting", "remote_read", "remote_write",
            "rule_files");

    private static final Set<String> GLOBAL_KEYS = Set.of("scrape_interval", "scrape_timeout", "external_labels",
            "evaluation_interval", "sample_limit", "label_limit", "label_name_length_limit",
            "label_value_length_limit", "scrape_protocols", "extra_scrape_metrics", "metric_name_validation_scheme",
            "metric_name_escaping_scheme", "scrape_native_histograms", "always_scrape_classic_histograms",
            "convert_classic_histograms_to_nhcb");
    private static final Set<String> GLOBAL_UNSUPPORTED = Set.of("body_size_limit", "keep_dropped_targets",
            "query_log_file", "rule_query_offset", "scrape_failure_log_file", "target_limit");

    private static final Set<String> SCRAPE_KEYS = Set.of("job_name", "scrape_interval", "scrape_timeout",
            "metrics_path", "scheme", "params", "honor_labels", "honor_timestamps", "track_timestamps_staleness",
            "relabel_configs", "metric_relabel_configs", "static_configs", "file_sd_configs", "basic_auth",
            "authorization", "bearer_token", "bearer_token_file", "tls_config", "http_headers", "sample_limit",
            "label_limit", "label_name_length_limit", "label_value_length_limit", "scrape_protocols",
            "fallback_scrape_protocol", "metric_name_validation_scheme", "metric_name_escaping_scheme",
            "enable_compression", "follow_redirects", "enable_http2", "extra_scrape_metrics",
            "scrape_native_histograms", "always_scrape_classic_histograms", "convert_classic_histograms_to_nhcb");
    private static final Set<String> SCRAPE_UNSUPPORTED = Set.of("azure_sd_configs", "consul_sd_configs",
            "digitalocean_sd_configs", "dns_sd_configs", "ec2_sd_configs", "eureka_sd_configs", "gce_sd_configs",
            "hetzner_sd_configs", "http_sd_configs", "ionos_sd_configs", "kubernetes_sd_configs", "linode_sd_configs",
            "marathon_sd_configs", "moby_sd_configs", "nomad_sd_configs", "openstack_sd_configs",
            "outscale_sd_configs", "ovhcloud_sd_configs", "puppetdb_sd_configs", "scaleway_sd_configs",
            "stackit_sd_configs", "triton_sd_configs", "uyuni_sd_configs", "vultr_sd_configs", "xds_sd_configs",
            "zookeeper_sd_configs", "dockerswarm_sd_configs", "docker_sd_configs", "lightsail_sd_configs",
            "kuma_sd_configs", "serverset_sd_configs", "nerve_sd_configs", "oauth2",
            "proxy_url", "no_proxy", "proxy_from_environment", "proxy_connect_header", "body_size_limit",
            "target_limit", "keep_dropped_targets", "native_histogram_bucket_limit",
            "native_histogram_min_bucket_factor", "scrape_failure_log_file");

    private static final Set<String> RELABEL_KEYS = Set.of("source_labels", "separator", "regex", "modulus",
            "target_label", "replacement", "action");
    private static final Set<String> RELABEL_UNSUPPORTED = Set.of("if", "labels");
    private static final Set<String> STATIC_KEYS = Set.of("targets", "labels");
    private static final Set<String> FILE_SD_KEYS = Set.of("files", "refresh_interval");
    private static final Set<String> BASIC_AUTH_KEYS = Set.of("username", "password", "password_file");
    private static final Set<String> BASIC_AUTH_UNSUPPORTED = Set.of("username_file", "username_ref",
            "password_ref");
    private static final Set<String> AUTHORIZATION_KEYS = Set.of("type", "credentials", "credentials_file");
    private static final Set<String> AUTHORIZATION_UNSUPPORTED = Set.of("credentials_ref");
    private static final Set<String> TLS_KEYS = Set.of("ca", "ca_file", "cert", "cert_file", "key", "key_file",
            "insecure_skip_verify", "min_version", "max_version");
    private static final Set<String> TLS_UNSUPPORTED = Set.of("ca_ref", "cert_ref", "key_ref", "server_name");
    private static final Map<String, String> TLS_VERSIONS = Map.of("TLS10", "1.0", "TLS11", "1.1", "TLS12", "1.2",
            "TLS13", "1.3");
    private static final Set<String> ESCAPING_SCHEMES = Set.of(ESCAPING_ALLOW_UTF8, "underscores", "dots", "values");

    private PromConfigReader() {
    }

    /**
     * @param root the {@code config} node (its path is the prefix of every error)
     * @throws ConfigException naming the offending key
     */
    static PromConfig read(ConfigNode root) {
        Set<String> refused = new TreeSet<>();
        for (String key : UPSTREAM_REFUSED) {
            if (root.has(key) && !isEmpty(root.child(key).raw())) {
                refused.add(key.equals("alerting") ? "alert_config" : key);
            }
        }
        if (!refused.isEmpty()) {
            throw root.error("unsupported features:\n\t" + String.join("\n\t", refused));
        }
        Set<String> known = new HashSet<>(TOP_KEYS);
        known.addAll(UPSTREAM_REFUSED);
        root.checkKeys(known, TOP_UNSUPPORTED, "the Prometheus configuration");

        ConfigNode g = root.child("global");
        g.checkKeys(GLOBAL_KEYS, GLOBAL_UNSUPPORTED, "global");
        Global global = readGlobal(g);

        List<ScrapeConfig> scrapes = new ArrayList<>();
        Set<String> jobs = new HashSet<>();
        for (ConfigNode s : root.child("scrape_configs").list()) {
            if (s.isNull()) {
                throw s.error("empty or null scrape config section");
            }
            ScrapeConfig sc = readScrape(s, global);
            if (!jobs.add(sc.jobName())) {
                throw s.child("job_name").error("found multiple scrape configs with job name \"" + sc.jobName() + "\"");
            }
            scrapes.add(sc);
        }
        return new PromConfig(global.externalLabels, scrapes);
    }

    private static boolean isEmpty(Object v) {
        return v == null || (v instanceof List<?> l && l.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    private record Global(Duration scrapeInterval, Duration scrapeTimeout, Labels externalLabels, long sampleLimit,
            long labelLimit, long labelNameLengthLimit, long labelValueLengthLimit, List<String> protocols,
            boolean extraScrapeMetrics, String escaping) {
    }

    private static Global readGlobal(ConfigNode g) {
        Duration interval = positive(g.child("scrape_interval"), DEFAULT_SCRAPE_INTERVAL);
        Duration timeout = g.child("scrape_timeout").duration(null);
        if (timeout == null) {
            timeout = DEFAULT_SCRAPE_TIMEOUT.compareTo(interval) > 0 ? interval : DEFAULT_SCRAPE_TIMEOUT;
        } else if (timeout.compareTo(interval) > 0) {
            throw g.child("scrape_timeout").error("global scrape timeout greater than scrape interval");
        }
        g.child("evaluation_interval").duration(Duration.ZERO);
        LabelsBuilder ext = new LabelsBuilder();
        ConfigNode extNode = g.child("external_labels");
        extNode.stringMap().forEach((k, v) -> {
            if (k.equals("__name__") || !PromNames.isValidLabelName(k)) {
                throw extNode.child(k).error("\"" + k + "\" is not a valid label name");
            }
            ext.set(k, v);
        });
        unsupportedWhen(g.child("metric_name_validation_scheme"), "legacy");
        nativeHistogramKeys(g);
        return new Global(interval, timeout, ext.labels(), g.child("sample_limit").integer(0, 0),
                g.child("label_limit").integer(0, 0), g.child("label_name_length_limit").integer(0, 0),
                g.child("label_value_length_limit").integer(0, 0), protocols(g.child("scrape_protocols"), null),
                g.child("extra_scrape_metrics").bool(false), escaping(g.child("metric_name_escaping_scheme"),
                        ESCAPING_ALLOW_UTF8));
    }

    private static ScrapeConfig readScrape(ConfigNode s, Global global) {
        s.checkKeys(SCRAPE_KEYS, SCRAPE_UNSUPPORTED, "scrape_config");
        String job = s.child("job_name").string("");
        if (job.isEmpty()) {
            throw s.child("job_name").error("job_name is empty");
        }
        String forJob = " for scrape config with job name \"" + job + "\"";
        Duration interval = positive(s.child("scrape_interval"), global.scrapeInterval);
        Duration timeout = s.child("scrape_timeout").duration(Duration.ZERO);
        if (timeout.compareTo(interval) > 0) {
            throw s.child("scrape_timeout").error("scrape timeout greater than scrape interval" + forJob);
        }
        if (timeout.isZero()) {
            timeout = global.scrapeTimeout.compareTo(interval) > 0 ? interval : global.scrapeTimeout;
        }
        String scheme = s.child("scheme").string("http");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw s.child("scheme").error("unknown scheme \"" + scheme + "\" (valid: http, https)");
        }
        String metricsPath = s.child("metrics_path").string(DEFAULT_METRICS_PATH);
        Map<String, List<String>> params = new LinkedHashMap<>();
        ConfigNode p = s.child("params");
        p.map().keySet().forEach(k -> params.put(k, p.child(k).strings()));

        unsupportedWhen(s.child("metric_name_validation_scheme"), "legacy");
        nativeHistogramKeys(s);
        List<String> protocols = protocols(s.child("scrape_protocols"), global.protocols);
        String fallback = s.child("fallback_scrape_protocol").string("");
        if (!fallback.isEmpty()) {
            checkProtocol(s.child("fallback_scrape_protocol"), fallback);
        } else {
            fallback = DEFAULT_FALLBACK_PROTOCOL;
        }
        s.child("enable_http2").bool(true);

        return new ScrapeConfig(job, interval, timeout, metricsPath, scheme, params,
                s.child("honor_labels").bool(false), s.child("honor_timestamps").bool(true),
                s.child("track_timestamps_staleness").bool(false), relabelRules(s.child("relabel_configs")),
                relabelRules(s.child("metric_relabel_configs")), staticConfigs(s.child("static_configs")),
                fileSd(s.child("file_sd_configs")), auth(s), tls(s.child("tls_config")),
                s.child("http_headers").isNull() ? Map.of() : httpHeaders(s.child("http_headers")),
                limit(s.child("sample_limit"), global.sampleLimit), limit(s.child("label_limit"), global.labelLimit),
                limit(s.child("label_name_length_limit"), global.labelNameLengthLimit),
                limit(s.child("label_value_length_limit"), global.labelValueLengthLimit), protocols, fallback,
                escaping(s.child("metric_name_escaping_scheme"), global.escaping),
                s.child("enable_compression").bool(true), s.child("follow_redirects").bool(true),
                s.child("extra_scrape_metrics").bool(global.extraScrapeMetrics));
    }

    /** Native histograms need the protobuf format, which this distribution does not scrape yet. */
    private static void nativeHistogramKeys(ConfigNode n) {
        unsupportedWhen(n.child("scrape_native_histograms"), true);
        unsupportedWhen(n.child("convert_classic_histograms_to_nhcb"), true);
        n.child("always_scrape_classic_histograms").bool(false);
    }

    private static void unsupportedWhen(ConfigNode n, Object value) {
        Object actual = value instanceof Boolean ? (Object) n.bool(false) : n.string("");
        if (!n.isNull() && actual.equals(value)) {
            throw n.error("value " + ConfigNode.describe(value) + " " + ConfigNode.NOT_SUPPORTED);
        }
    }

    private static long limit(ConfigNode n, long global) {
        long v = n.integer(0, 0);
        return v == 0 ? global : v;
    }

    private static Duration positive(ConfigNode n, Duration def) {
        Duration d = n.duration(def);
        if (d.isZero()) {
            throw n.error("must be greater than 0");
        }
        return d;
    }

    private static String escaping(ConfigNode n, String def) {
        String v = n.string(def);
        if (!ESCAPING_SCHEMES.contains(v)) {
            throw n.error("unknown name escaping method \"" + v + "\" (valid: " + String.join(", ",
                    new TreeSet<>(ESCAPING_SCHEMES)) + ")");
        }
        return v;
    }

    private static List<String> protocols(ConfigNode n, List<String> def) {
        if (n.isNull()) {
            return def == null ? DEFAULT_SCRAPE_PROTOCOLS : def;
        }
        List<ConfigNode> items = n.list();
        if (items.isEmpty()) {
            throw n.error("scrape_protocols cannot be empty");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode item : items) {
            String sp = item.string("");
            checkProtocol(item, sp);
            if (!seen.add(sp.toLowerCase(java.util.Locale.ROOT))) {
                throw n.error("duplicated protocol in scrape_protocols, got " + item.string(""));
            }
            out.add(sp);
        }
        return List.copyOf(out);
    }

    private static void checkProtocol(ConfigNode n, String sp) {
        if (sp.equals("PrometheusProto")) {
            throw n.error("protocol \"PrometheusProto\" " + ConfigNode.NOT_SUPPORTED);
        }
        if (!PROTOCOL_MEDIA_TYPES.containsKey(sp)) {
            throw n.error("unknown scrape protocol \"" + sp + "\", supported: "
                    + String.join(", ", new TreeSet<>(PROTOCOL_MEDIA_TYPES.keySet())));
        }
    }

    static List<RelabelRule> relabelRules(ConfigNode list) {
        List<RelabelRule> rules = new ArrayList<>();
        for (ConfigNode r : list.list()) {
            if (r.isNull()) {
                throw r.error("empty or null relabeling rule");
            }
            rules.add(relabelRule(r));
        }
        return List.copyOf(rules);
    }

    /** Prometheus's {@code relabel.Config} with its defaults and {@code Validate} rules. */
    static RelabelRule relabelRule(ConfigNode r) {
        r.checkKeys(RELABEL_KEYS, RELABEL_UNSUPPORTED, "relabel_config");
        String actionName = r.child("action").string("replace");
        RelabelAction action = RelabelAction.parse(actionName);
        if (action == null) {
            throw r.child("action").error("unknown relabel action \"" + actionName + "\"");
        }
        List<String> sources = r.child("source_labels").strings();
        boolean sourcesSet = !r.child("source_labels").isNull();
        String separator = r.child("separator").string(RelabelRule.DEFAULT_SEPARATOR);
        String regexSource = r.child("regex").string(RelabelRule.DEFAULT_REGEX);
        GoRegex regex;
        try {
            regex = GoRegex.compile(regexSource);
        } catch (PatternSyntaxException e) {
            throw r.child("regex").error("invalid regular expression \"" + regexSource + "\": " + e.getDescription());
        }
        long modulus = r.child("modulus").integer(0, 0);
        String target = r.child("target_label").string("");
        String replacement = r.child("replacement").string(RelabelRule.DEFAULT_REPLACEMENT);
        String a = action.yamlName();

        if (modulus == 0 && action == RelabelAction.HASHMOD) {
            throw r.child("modulus").error("relabel configuration for hashmod requires non-zero modulus");
        }
        boolean needsTarget = switch (action) {
            case REPLACE, HASHMOD, LOWERCASE, UPPERCASE, KEEPEQUAL, DROPEQUAL -> true;
            default -> false;
        };
        if (needsTarget && target.isEmpty()) {
            throw r.child("target_label").error("relabel configuration for " + a + " action requires 'target_label' value");
        }
        if (action != RelabelAction.REPLACE && needsTarget && !PromNames.isValidLabelName(target)) {
            throw r.child("target_label").error("\"" + target + "\" is invalid 'target_label' for " + a + " action");
        }
        boolean replacementSet = !replacement.equals(RelabelRule.DEFAULT_REPLACEMENT);
        if ((action == RelabelAction.LOWERCASE || action == RelabelAction.UPPERCASE
                || action == RelabelAction.KEEPEQUAL || action == RelabelAction.DROPEQUAL) && replacementSet) {
            throw r.child("replacement").error("'replacement' can not be set for " + a + " action");
        }
        if (action == RelabelAction.LABELMAP && replacement.isEmpty()) {
            throw r.child("replacement").error("\"" + replacement + "\" is invalid 'replacement' for " + a + " action");
        }
        if ((action == RelabelAction.DROPEQUAL || action == RelabelAction.KEEPEQUAL)
                && (!regexSource.equals(RelabelRule.DEFAULT_REGEX) || modulus != 0
                        || !separator.equals(RelabelRule.DEFAULT_SEPARATOR) || replacementSet)) {
            throw r.error(a + " action requires only 'source_labels' and `target_label`, and no other fields");
        }
        if ((action == RelabelAction.LABELDROP || action == RelabelAction.LABELKEEP)
                && (sourcesSet || !target.isEmpty() || modulus != 0
                        || !separator.equals(RelabelRule.DEFAULT_SEPARATOR) || replacementSet)) {
            throw r.error(a + " action requires only 'regex', and no other fields");
        }
        return new RelabelRule(sources, separator, regex, modulus, target, replacement, action);
    }

    private static List<TargetGroup> staticConfigs(ConfigNode list) {
        List<TargetGroup> groups = new ArrayList<>();
        for (ConfigNode g : list.list()) {
            g.checkKeys(STATIC_KEYS, Set.of(), "static_config");
            groups.add(targetGroup(g, String.valueOf(groups.size())));
        }
        return List.copyOf(groups);
    }

    /** A {@code {targets: [...], labels: {...}}} group, as in static configs and file_sd files. */
    static TargetGroup targetGroup(ConfigNode g, String source) {
        List<Map<String, String>> targets = new ArrayList<>();
        ConfigNode tn = g.child("targets");
        List<String> addresses = tn.strings();
        for (int i = 0; i < addresses.size(); i++) {
            String address = addresses.get(i);
            if (address.contains("/")) {
                throw tn.list().get(i).error("\"" + address + "\" is not a valid hostname");
            }
            targets.add(Map.of("__address__", address));
        }
        ConfigNode ln = g.child("labels");
        Map<String, String> labels = ln.stringMap();
        labels.keySet().forEach(k -> {
            if (!PromNames.isValidLabelName(k)) {
                throw ln.child(k).error("\"" + k + "\" is not a valid label name");
            }
        });
        return new TargetGroup(targets, labels, source);
    }

    private static List<ScrapeConfig.FileSdConfig> fileSd(ConfigNode list) {
        List<ScrapeConfig.FileSdConfig> out = new ArrayList<>();
        for (ConfigNode f : list.list()) {
            f.checkKeys(FILE_SD_KEYS, Set.of(), "file_sd_config");
            List<String> files = f.child("files").strings();
            for (int i = 0; i < files.size(); i++) {
                if (!FileDiscovery.isValidPattern(files.get(i))) {
                    throw f.child("files").list().get(i).error("path name \"" + files.get(i)
                            + "\" is not valid for file discovery (must end with .json, .yml or .yaml)");
                }
            }
            out.add(new ScrapeConfig.FileSdConfig(files,
                    positive(f.child("refresh_interval"), ScrapeConfig.FileSdConfig.DEFAULT_REFRESH_INTERVAL)));
        }
        return List.copyOf(out);
    }

    private static ScrapeConfig.HttpAuth auth(ConfigNode s) {
        ConfigNode basic = s.child("basic_auth");
        ConfigNode authz = s.child("authorization");
        String bearer = s.child("bearer_token").string("");
        String bearerFile = s.child("bearer_token_file").string("");
        if (!bearer.isEmpty() && !bearerFile.isEmpty()) {
            throw s.child("bearer_token_file").error("at most one of bearer_token & bearer_token_file must be configured");
        }
        boolean hasBearer = !bearer.isEmpty() || !bearerFile.isEmpty();
        int kinds = (basic.isNull() ? 0 : 1) + (authz.isNull() ? 0 : 1) + (hasBearer ? 1 : 0);
        if (kinds > 1) {
            throw s.error("at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
        }
        if (!basic.isNull()) {
            basic.checkKeys(BASIC_AUTH_KEYS, BASIC_AUTH_UNSUPPORTED, "basic_auth");
            String password = basic.child("password").string("");
            String passwordFile = basic.child("password_file").string("");
            if (!password.isEmpty() && !passwordFile.isEmpty()) {
                throw basic.error("at most one of basic_auth password & password_file must be configured");
            }
            return new ScrapeConfig.HttpAuth(basic.child("username").string(""), password, passwordFile, "", "", "");
        }
        if (hasBearer) {
            return new ScrapeConfig.HttpAuth("", "", "", "Bearer", bearer, bearerFile);
        }
        if (!authz.isNull()) {
            authz.checkKeys(AUTHORIZATION_KEYS, AUTHORIZATION_UNSUPPORTED, "authorization");
            String type = authz.child("type").string("Bearer");
            if (type.isEmpty()) {
                type = "Bearer";
            }
            if (type.equalsIgnoreCase("basic")) {
                throw authz.child("type").error("authorization type cannot be set to \"basic\", use \"basic_auth\" instead");
            }
            String credentials = authz.child("credentials").string("");
            String credentialsFile = authz.child("credentials_file").string("");
            if (!credentials.isEmpty() && !credentialsFile.isEmpty()) {
                throw authz.error("at most one of authorization credentials & credentials_file must be configured");
            }
            mustExist(authz.child("credentials_file"), credentialsFile, "authorization credentials file");
            return new ScrapeConfig.HttpAuth("", "", "", type, credentials, credentialsFile);
        }
        return ScrapeConfig.HttpAuth.NONE;
    }

    private static Map<String, String> httpHeaders(ConfigNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : n.map().entrySet()) {
            ConfigNode h = n.child(e.getKey());
            h.checkKeys(Set.of("values"), Set.of("secrets", "files"), "http_headers");
            List<String> values = h.child("values").strings();
            out.put(e.getKey(), String.join(",", values));
        }
        return out;
    }

    private static TlsClientSettings tls(ConfigNode t) {
        if (t.isNull()) {
            return null;
        }
        t.checkKeys(TLS_KEYS, TLS_UNSUPPORTED, "tls_config");
        String ca = t.child("ca").string("");
        String caFile = t.child("ca_file").string("");
        if (!ca.isEmpty() && !caFile.isEmpty()) {
            throw t.error("at most one of ca and ca_file must be configured");
        }
        String cert = t.child("cert").string("");
        String certFile = t.child("cert_file").string("");
        String key = t.child("key").string("");
        String keyFile = t.child("key_file").string("");
        if (!cert.isEmpty() && !certFile.isEmpty()) {
            throw t.error("at most one of cert and cert_file must be configured");
        }
        if (!key.isEmpty() && !keyFile.isEmpty()) {
            throw t.error("at most one of key and key_file must be configured");
        }
        boolean hasCert = !cert.isEmpty() || !certFile.isEmpty();
        boolean hasKey = !key.isEmpty() || !keyFile.isEmpty();
        if (hasCert != hasKey) {
            throw t.error(hasCert ? "exactly one of key or key_file must be configured when a client certificate is configured"
                    : "exactly one of cert or cert_file must be configured when a client key is configured");
        }
        mustExist(t.child("cert_file"), certFile, "client cert file");
        mustExist(t.child("key_file"), keyFile, "client key file");
        return new TlsClientSettings(caFile, ca, certFile, cert, keyFile, key,
                tlsVersion(t.child("min_version"), "1.2"), tlsVersion(t.child("max_version"), ""), List.of(), false,
                Duration.ZERO, List.of(), false, t.child("insecure_skip_verify").bool(false), "", false, TpmSettings.defaults());
    }

    private static String tlsVersion(ConfigNode n, String def) {
        String v = n.string("");
        if (v.isEmpty()) {
            return def;
        }
        String mapped = TLS_VERSIONS.get(v);
        if (mapped == null) {
            throw n.error("unknown TLS version: " + v + " (valid: TLS10, TLS11, TLS12, TLS13)");
        }
        return mapped;
    }

    /** Upstream checks these files at startup (validateHTTPClientConfig). */
    private static void mustExist(ConfigNode n, String file, String what) {
        if (!file.isEmpty() && !Files.exists(Path.of(file))) {
            throw n.error("error checking " + what + " \"" + file + "\": stat " + file + ": no such file or directory");
        }
    }
}
