package io.otelier.receiver.prometheus.internal;

import io.otelier.helper.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches a target's exposition the way Prometheus's {@code targetScraper} does: content negotiation through
 * {@code Accept} (the configured protocols with decreasing weights), gzip, the scrape timeout header,
 * credentials, and a hard deadline: at {@code scrape_timeout} the connection is closed, whatever phase the
 * request is in, so a stalled target never holds a scrape longer than its timeout.
 *
 * <p>One instance per target loop; it reuses its body buffer between scrapes. Not thread-safe.
 */
final class TargetFetcher {

    /** A fetched body and its Content-Type (may be null). */
    record Body(byte[] bytes, int length, String contentType) {
    }

    private final ScrapeConfig cfg;
    private final String acceptHeader;
    private final String userAgent;
    private final ScheduledExecutorService deadlines;
    private final SSLSocketFactory sslSocketFactory;
    private byte[] buffer = new byte[16 * 1024];

    TargetFetcher(ScrapeConfig cfg, String userAgent, ScheduledExecutorService deadlines) {
        this.cfg = cfg;
        this.acceptHeader = acceptHeader(cfg.scrapeProtocols(), cfg.escapingScheme());
        this.userAgent = userAgent;
        this.deadlines = deadlines;
        this.sslSocketFactory = cfg.tls() == null ? null : TlsContexts.client(cfg.tls()).getSocketFactory();
    }

    /** Prometheus's {@code acceptHeader}: weights start at 0.7 (six known protocols + 1) and decrease. */
    static String acceptHeader(List<String> protocols, String escaping) {
        StringBuilder sb = new StringBuilder();
        int weight = 7;
        for (String p : protocols) {
            sb.append(PromConfigReader.PROTOCOL_MEDIA_TYPES.get(p));
            if (p.equals("PrometheusText1.0.0") || p.equals("OpenMetricsText1.0.0")) {
                sb.append(";escaping=").append(escaping);
            }
            sb.append(";q=0.").append(weight--).append(',');
        }
        return sb.append("*/*;q=0.").append(weight).toString();
    }

    /**
     * @throws IOException with Prometheus's wording ("server returned HTTP status …", "… context deadline
     *                     exceeded") when the scrape fails
     */
    Body fetch(URI url, Duration timeout) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) url.toURL().openConnection();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            conn.disconnect();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            configure(conn, timeout);
            int status = conn.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                drain(conn);
                throw new IOException("server returned HTTP status " + status + " " + reason(conn));
            }
            InputStream in = conn.getInputStream();
            if ("gzip".equalsIgnoreCase(conn.getContentEncoding())) {
                in = new GZIPInputStream(in);
            }
            int n = readAll(in);
            in.close();
            return new Body(buffer, n, conn.getContentType());
        } catch (IOException e) {
            if (expired.get() || e instanceof java.net.SocketTimeoutException) {
                throw new IOException("Get \"" + url + "\": context deadline exceeded", e);
            }
            throw e.getMessage() != null && e.getMessage().startsWith("server returned") ? e
                    : new IOException("Get \"" + url + "\": " + describe(e), e);
        } finally {
            deadline.cancel(false);
        }
    }

    private void configure(HttpURLConnection conn, Duration timeout) throws IOException {
        // the deadline task ends the request at the timeout; these only back it up
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1000, timeout.toMillis())) + 1000;
        conn.setConnectTimeout(millis);
        conn.setReadTimeout(millis);
        conn.setInstanceFollowRedirects(cfg.followRedirects());
        conn.setUseCaches(false);
        if (conn instanceof HttpsURLConnection https) {
            if (sslSocketFactory != null) {
                https.setSSLSocketFactory(sslSocketFactory);
            }
            if (cfg.tls() != null && cfg.tls().insecureSkipVerify()) {
                https.setHostnameVerifier((host, session) -> true);
            }
        }
        conn.setRequestProperty("Accept", acceptHeader);
        conn.setRequestProperty("Accept-Encoding", cfg.enableCompression() ? "gzip" : "identity");
        conn.setRequestProperty("User-Agent", userAgent);
        conn.setRequestProperty("X-Prometheus-Scrape-Timeout-Seconds",
                BigDecimal.valueOf(timeout.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString());
        cfg.httpHeaders().forEach(conn::setRequestProperty);
        String authorization = authorization();
        if (authorization != null) {
            conn.setRequestProperty("Authorization", authorization);
        }
    }

    /** The Authorization header; secret files are read at every scrape (rotation needs no restart). */
    private String authorization() throws IOException {
        ScrapeConfig.HttpAuth auth = cfg.auth();
        if (auth.isBasic()) {
            String password = auth.passwordFile().isEmpty() ? auth.password() : readSecret(auth.passwordFile());
            String pair = auth.username() + ":" + password;
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        if (auth.isAuthorization()) {
            String credentials = auth.credentialsFile().isEmpty() ? auth.credentials()
                    : readSecret(auth.credentialsFile());
            return auth.type() + " " + credentials;
        }
        return null;
    }

    private static String readSecret(String file) throws IOException {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new IOException("unable to read secret file " + file + ": " + e.getMessage(), e);
        }
    }

    private int readAll(InputStream in) throws IOException {
        int n = 0;
        while (true) {
            if (n == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) {
                return n;
            }
            n += r;
        }
    }

    private static void drain(HttpURLConnection conn) {
        try (InputStream err = conn.getErrorStream()) {
            if (err != null) {
                err.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            // the status is the error we report
        }
    }

    private static String reason(HttpURLConnection conn) {
        try {
            String msg = conn.getResponseMessage();
            return msg == null ? "" : msg;
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
