package io.otelier.exporter.otlp.http.internal;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RetryableException;
import io.otelier.helper.http.HttpResult;
import io.otelier.pdata.otlp.OtlpDecodeException;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.pdata.otlp.OtlpProto;
import io.otelier.pdata.otlp.PartialSuccess;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How upstream's otlphttpexporter reads an answer: the partial success of a 2xx, the failure of anything else. */
final class ExportResponses {

    static final String PROTOBUF = "application/x-protobuf";
    static final String JSON = "application/json";

    /** Upstream reads at most this much of a response body. */
    static final int MAX_READ_BYTES = 64 * 1024;

    private ExportResponses() {
    }

    /**
     * The partial success in a 2xx answer's body, decoded by its Content-Type; {@link PartialSuccess#NONE} for an
     * empty body or another content type.
     *
     * @throws PermanentException when the body does not decode (upstream drops the request's data then)
     */
    static PartialSuccess partialSuccess(HttpResult result) throws PermanentException {
        byte[] body = limited(result.body());
        if (body.length == 0) {
            return PartialSuccess.NONE;
        }
        String type = mediaType(result.headers().get("content-type"));
        try {
            return switch (type) {
                case PROTOBUF -> OtlpProto.decodeExportResponse(body);
                case JSON -> OtlpJson.decodeExportResponse(body);
                default -> PartialSuccess.NONE;
            };
        } catch (OtlpDecodeException e) {
            String format = type.equals(PROTOBUF) ? "protobuf" : "json";
            throw new PermanentException("error parsing " + format + " response: " + e.getMessage(), e);
        }
    }

    /**
     * The failure a non-2xx answer means. 429, 502, 503 and 504 are retryable (OTLP spec, "Retryable Response
     * Codes"), every other status is permanent; a 429 or 503 with {@code Retry-After} (seconds or an HTTP date)
     * asks for that delay. The message is upstream's: its text wrapped as a gRPC status error, with the
     * {@code google.rpc.Status} of the body when it has one.
     */
    static ConsumerException failure(URI uri, HttpResult result, Clock clock) {
        int status = result.status();
        Optional<RpcStatus> rpc = status >= 400 && status <= 599 ? RpcStatus.decode(limited(result.body()))
                : Optional.empty();
        String text = "error exporting items, request to " + redacted(uri) + " responded with HTTP Status Code "
                + status + rpc.map(s -> ", Message=" + s.message() + ", Details=" + s.detailsText()).orElse("");
        String message = "rpc error: code = " + grpcCodeName(status) + " desc = " + text;
        if (!isRetryable(status)) {
            return new PermanentException(message);
        }
        if (status == 429 || status == 503) {
            Optional<Duration> delay = result.headers().first("retry-after").flatMap(v -> retryAfter(v, clock));
            if (delay.isPresent()) {
                return new RetryableException(message, null, delay.get());
            }
        }
        return new RetryableException(message);
    }

    static boolean isRetryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * A {@code Retry-After} value: delay-seconds first (what OTLP receivers send), then an HTTP date (RFC 1123).
     * Empty when it is neither or asks for no wait at all.
     */
    static Optional<Duration> retryAfter(String value, Clock clock) {
        Duration delay;
        try {
            delay = Duration.ofSeconds(Integer.parseInt(value));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                delay = Duration.between(clock.instant(), date.toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        return delay.isNegative() || delay.isZero() ? Optional.empty() : Optional.of(delay);
    }

    /** The gRPC code upstream's statusutil gives an HTTP status, by Go's name. */
    static String grpcCodeName(int status) {
        return switch (status) {
            case 400 -> "InvalidArgument";
            case 401 -> "Unauthenticated";
            case 403 -> "PermissionDenied";
            case 404 -> "Unimplemented";
            case 429 -> "ResourceExhausted";
            case 502, 503, 504 -> "Unavailable";
            default -> "Unknown";
        };
    }

    /** Go's {@code URL.Redacted}: a password in the user info becomes {@code xxxxx}. */
    static String redacted(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || !userInfo.contains(":")) {
            return uri.toString();
        }
        String user = userInfo.substring(0, userInfo.indexOf(':'));
        return uri.toString().replaceFirst(java.util.regex.Pattern.quote(userInfo + "@"),
                java.util.regex.Matcher.quoteReplacement(user + ":xxxxx@"));
    }

    private static byte[] limited(byte[] body) {
        return body.length <= MAX_READ_BYTES ? body : Arrays.copyOf(body, MAX_READ_BYTES);
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
