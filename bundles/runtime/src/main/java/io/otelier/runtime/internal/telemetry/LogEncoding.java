package io.otelier.runtime.internal.telemetry;

import io.otelier.api.telemetry.Level;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The two line formats of service.telemetry.logs.encoding, shaped like upstream's zap output (production encoder
 * config with ISO-8601 times; we have no caller column).
 *
 * <pre>
 * console: 2026-11-26T04:00:00.123Z\tinfo\tmessage\t{"key": "value", "n": 3}
 * json:    {"level":"info","ts":"2026-11-26T04:00:00.123Z","msg":"message","key":"value","n":3}
 * </pre>
 *
 * Context fields (from {@code with}) come first, then {@code error}, then the call's fields, as zap orders
 * them when a call passes {@code zap.Error(err)} first. A stack trace follows the line (console) or closes the
 * object as {@code stacktrace} (json).
 */
enum LogEncoding {
    CONSOLE("console", new ZapJson(true)),
    JSON("json", new ZapJson(false));

    private final String id;
    private final ZapJson json;

    LogEncoding(String id, ZapJson json) {
        this.id = id;
        this.json = json;
    }

    String id() {
        return id;
    }

    static LogEncoding parse(String id) {
        for (LogEncoding e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown log encoding \"" + id + "\" (valid: console, json)");
    }

    /** Renders {@code with(...)} fields once, as the fragment that goes between the braces of every line. */
    String renderContext(String parentContext, Object[] fields) {
        StringBuilder sb = new StringBuilder(parentContext);
        json.appendFields(sb, fields);
        return sb.toString();
    }

    String encode(String timestamp, Level level, String message, String context, Throwable error,
            boolean withStackTrace, Object[] fields) {
        StringBuilder sb = new StringBuilder(128 + context.length());
        if (this == CONSOLE) {
            sb.append(timestamp).append('\t').append(level.id()).append('\t').append(message);
            int beforeFields = sb.length();
            sb.append("\t{");
            int emptyLength = sb.length();
            appendFields(sb, context, error, fields);
            if (sb.length() == emptyLength) {
                sb.setLength(beforeFields);
            } else {
                sb.append('}');
            }
            if (error != null && withStackTrace) {
                sb.append('\n').append(stackTrace(error).stripTrailing());
            }
        } else {
            sb.append("{\"level\":\"").append(level.id()).append("\",\"ts\":\"").append(timestamp).append("\",\"msg\":");
            ZapJson.appendString(sb, message);
            appendFields(sb, context, error, fields);
            if (error != null && withStackTrace) {
                json.appendField(sb, "stacktrace", stackTrace(error).stripTrailing());
            }
            sb.append('}');
        }
        return sb.append('\n').toString();
    }

    private void appendFields(StringBuilder sb, String context, Throwable error, Object[] fields) {
        if (!context.isEmpty()) {
            json.separate(sb);
            sb.append(context);
        }
        if (error != null) {
            json.appendField(sb, "error", Logging.errorText(error));
        }
        json.appendFields(sb, fields);
    }

    private static String stackTrace(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
