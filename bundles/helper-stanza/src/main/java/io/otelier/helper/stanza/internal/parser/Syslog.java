package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.internal.parse.GoTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 3164 and RFC 5424 message parsing with go-syslog v4's grammar (as used by upstream's syslog_parser with
 * rfc3164 lenient day and locale time zone): produces the fields upstream's parser maps, with go-syslog's
 * error messages.
 */
final class Syslog {

    private static final String[] FACILITY = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
        "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "cron2", "local0", "local1", "local2",
        "local3", "local4", "local5", "local6", "local7"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final GoTime RFC3339_MICRO = GoTime.layout("2006-01-02T15:04:05.999999Z07:00");

    private Syslog() {
    }

    /** A parse failure with go-syslog's message. */
    static final class SyslogException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SyslogException(String message, int col) {
            super(message + " [col " + col + "]");
        }
    }

    private static final class Cursor {
        final String s;
        int p;

        Cursor(String s) {
            this.s = s;
        }

        boolean eof() {
            return p >= s.length();
        }

        char peek() {
            return p < s.length() ? s.charAt(p) : 0;
        }
    }

    /** The PRI part; returns the priority. */
    private static int priority(Cursor c) {
        if (c.peek() != '<') {
            throw new SyslogException("expecting a priority value within angle brackets", c.p);
        }
        c.p++;
        int start = c.p;
        while (!c.eof() && Character.isDigit(c.peek()) && c.p - start < 3) {
            c.p++;
        }
        String digits = c.s.substring(start, c.p);
        if (digits.isEmpty() || (digits.length() > 1 && digits.charAt(0) == '0') || Integer.parseInt(digits) > 191) {
            throw new SyslogException("expecting a priority value in the range 1-191 or equal to 0", c.p);
        }
        if (c.peek() != '>') {
            throw new SyslogException(Character.isDigit(c.peek())
                    ? "expecting a priority value in the range 1-191 or equal to 0"
                    : "expecting a priority value within angle brackets", c.p);
        }
        c.p++;
        return Integer.parseInt(digits);
    }

    private static void putPriority(Map<String, Object> m, int pri) {
        m.put("priority", (long) pri);
        m.put("severity", (long) (pri % 8));
        m.put("facility", (long) (pri / 8));
        m.put("facility_text", FACILITY[pri / 8]);
    }

    /** RFC 3164 ("<34>Oct 11 22:14:15 mymachine su: 'su root' failed"). */
    static Map<String, Object> rfc3164(String input, ZoneId location) {
        Cursor c = new Cursor(input);
        int pri = priority(c);
        while (c.peek() == ' ') {
            c.p++;
        }
        ZonedDateTime timestamp = stamp(c, location);
        if (c.peek() != ' ') {
            throw new SyslogException(c.eof() ? "parsing error" : "expecting a Stamp timestamp", c.p);
        }
        while (c.peek() == ' ') {
            c.p++;
        }
        MessageParts parts = messageParts(input, c.p);
        String hostname = parts.hostname;
        String tag = parts.tag;
        String content = parts.content;
        int messageStart = parts.messageStart;
        if (messageStart >= input.length()) {
            throw new SyslogException("parsing error", input.length());
        }
        String message = input.substring(messageStart);
        for (int i = 0; i < message.length(); i++) {
            char ch = message.charAt(i);
            if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
                if (ch == '\n' && i == message.length() - 1) {
                    message = message.substring(0, i);
                    break;
                }
                throw new SyslogException("parsing error", messageStart + i);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", timestamp);
        if (hostname != null && !hostname.equals("-")) {
            m.put("hostname", hostname);
        }
        if (tag != null && !tag.equals("-") && !tag.isEmpty()) {
            m.put("appname", tag);
        }
        if (content != null && !content.equals("-") && !content.isEmpty()) {
            m.put("proc_id", content);
        }
        if (!message.isEmpty()) {
            m.put("message", message);
        }
        putPriority(m, pri);
        return m;
    }

    private static boolean isHostname(String token) {
        if (token.isEmpty() || token.length() > 255) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char ch = token.charAt(i);
            if (ch < 33 || ch > 126 || ch == ':') {
                return false;
            }
        }
        return true;
    }

    private static final class MessageParts {
        String hostname;
        String tag;
        String content;
        int messageStart;
    }

    /**
     * What go-syslog's RFC 3164 machine yields for "(hostname SP+)? (tag [content]? ':' SP)? message". Its
     * determinized grammar runs the readings side by side and every reading's actions take effect as it
     * passes them: the message starts at the latest mark any reading set, and tag/content keep the latest
     * value set, even by a reading that later failed ("host app[1] x" gives appname app, proc_id 1 and
     * message "1] x", as upstream does).
     */
    private static MessageParts messageParts(String input, int start) {
        MessageParts parts = new MessageParts();
        int s1 = start;
        while (s1 < input.length() && input.charAt(s1) == ' ') {
            s1++;
        }
        parts.messageStart = s1;
        tagReading(input, s1, parts);
        int e1 = s1;
        while (e1 < input.length() && input.charAt(e1) >= 33 && input.charAt(e1) <= 126 && input.charAt(e1) != ':') {
            e1++;
        }
        boolean hostname = e1 > s1 && e1 - s1 <= 255 && e1 < input.length() && input.charAt(e1) == ' ';
        if (hostname) {
            parts.hostname = input.substring(s1, e1);
            int s2 = e1;
            while (s2 < input.length() && input.charAt(s2) == ' ') {
                s2++;
            }
            if (s2 < input.length()) {
                parts.messageStart = s2;
                tagReading(input, s2, parts);
            }
        }
        return parts;
    }

    /** One reading of "tag [content]? ':' SP" from {@code at}, applying its actions as it gets through them. */
    private static void tagReading(String input, int at, MessageParts parts) {
        int i = at;
        while (i < input.length() && i - at < 48) {
            char ch = input.charAt(i);
            if (ch < 0x20 || ch > 0x7e || ch == ' ' || ch == ':' || ch == '[') {
                break;
            }
            i++;
        }
        if (i == at || i >= input.length() || (input.charAt(i) != '[' && input.charAt(i) != ':')) {
            return;
        }
        parts.tag = input.substring(at, i);
        if (input.charAt(i) == '[') {
            int contentStart = i + 1;
            parts.messageStart = contentStart;
            int close = contentStart;
            while (close < input.length() && input.charAt(close) != ']' && input.charAt(close) != '['
                    && (input.charAt(close) >= 0x20 || input.charAt(close) == '\t')) {
                close++;
            }
            if (close >= input.length() || input.charAt(close) != ']') {
                return;
            }
            parts.content = input.substring(contentStart, close);
            i = close + 1;
        }
        if (i + 2 <= input.length() && input.charAt(i) == ':' && i + 1 < input.length() && input.charAt(i + 1) == ' '
                && i + 2 < input.length()) {
            parts.messageStart = i + 2;
        }
    }

    /** "Mmm dd hh:mm:ss" with a space-padded or (lenient) zero-padded day; the year is 0 as Go leaves it. */
    private static ZonedDateTime stamp(Cursor c, ZoneId location) {
        String s = c.s;
        int p = c.p;
        if (s.length() < p + 15) {
            throw new SyslogException("expecting a Stamp timestamp", Math.min(s.length(), p));
        }
        int month = -1;
        for (int i = 0; i < 12; i++) {
            if (s.startsWith(MONTHS[i], p)) {
                month = i + 1;
            }
        }
        if (month < 0 || s.charAt(p + 3) != ' ') {
            throw new SyslogException("expecting a Stamp timestamp", p);
        }
        char d1 = s.charAt(p + 4);
        char d2 = s.charAt(p + 5);
        int day;
        if (d1 == ' ' && d2 >= '1' && d2 <= '9') {
            day = d2 - '0';
        } else if (d1 == '0' && d2 >= '1' && d2 <= '9') {
            day = d2 - '0';
        } else if ((d1 == '1' || d1 == '2') && Character.isDigit(d2)) {
            day = (d1 - '0') * 10 + (d2 - '0');
        } else if (d1 == '3' && (d2 == '0' || d2 == '1')) {
            day = 30 + (d2 - '0');
        } else {
            throw new SyslogException("expecting a Stamp timestamp", p + 4);
        }
        String time = s.substring(p + 7, p + 15);
        if (s.charAt(p + 6) != ' ' || !time.matches("([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]")) {
            throw new SyslogException("expecting a Stamp timestamp", p + 7);
        }
        c.p = p + 15;
        try {
            LocalDateTime local = LocalDateTime.of(0, month, day, Integer.parseInt(time.substring(0, 2)),
                    Integer.parseInt(time.substring(3, 5)), Integer.parseInt(time.substring(6, 8)));
            return ZonedDateTime.ofLocal(local, location, null);
        } catch (DateTimeException e) {
            throw new SyslogException("parsing time \"" + s.substring(p, p + 15) + "\": day out of range", c.p);
        }
    }

    /** RFC 5424 ("<165>1 2003-10-11T22:14:15.003Z host app 1 ID47 [id k="v"] msg"). */
    static Map<String, Object> rfc5424(String input) {
        Cursor c = new Cursor(input);
        int pri = priority(c);
        int vStart = c.p;
        while (!c.eof() && Character.isDigit(c.peek()) && c.p - vStart < 3) {
            c.p++;
        }
        String version = input.substring(vStart, c.p);
        if (version.isEmpty() || version.charAt(0) == '0') {
            throw new SyslogException("expecting a version value in the range 1-999", c.p);
        }
        expectSpace(c, "expecting a version value in the range 1-999");
        Object timestamp = null;
        String ts = token(c);
        if (!ts.equals("-")) {
            try {
                long nanos = RFC3339_MICRO.parse(ts, ZoneOffset.UTC);
                if (!ts.matches("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d"
                        + "(\\.\\d{1,6})?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)")) {
                    throw new SyslogException("expecting a RFC3339MICRO timestamp or a nil value", c.p);
                }
                timestamp = Instant.ofEpochSecond(0, nanos);
            } catch (GoTime.ParseError e) {
                throw new SyslogException("expecting a RFC3339MICRO timestamp or a nil value", c.p);
            }
        }
        expectSpace(c, "expecting a RFC3339MICRO timestamp or a nil value");
        String hostname = field(c, 255, "expecting an hostname (from 1 to max 255 US-ASCII characters) or a nil value");
        String appname = field(c, 48, "expecting an app-name (from 1 to max 48 US-ASCII characters) or a nil value");
        String procid = field(c, 128, "expecting a procid (from 1 to max 128 US-ASCII characters) or a nil value");
        String msgid = fieldLast(c);
        Map<String, Object> structured = null;
        if (c.peek() == '-') {
            c.p++;
        } else if (c.peek() == '[') {
            structured = structuredData(c);
        } else {
            throw new SyslogException("expecting a structured data section containing one or more elements "
                    + "(`[id( key=\"value\")*]+`) or a nil value", c.p);
        }
        String message = null;
        if (!c.eof()) {
            if (c.peek() != ' ') {
                throw new SyslogException("parsing error", c.p);
            }
            c.p++;
            message = input.substring(c.p);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (timestamp != null) {
            m.put("timestamp", timestamp);
        }
        if (hostname != null) {
            m.put("hostname", hostname);
        }
        if (appname != null) {
            m.put("appname", appname);
        }
        if (procid != null) {
            m.put("proc_id", procid);
        }
        if (msgid != null) {
            m.put("msg_id", msgid);
        }
        if (message != null && !message.isEmpty()) {
            m.put("message", message);
        }
        if (structured != null) {
            m.put("structured_data", structured);
        }
        m.put("version", Long.parseLong(version));
        putPriority(m, pri);
        return m;
    }

    private static void expectSpace(Cursor c, String problem) {
        if (c.peek() != ' ') {
            throw new SyslogException(problem, c.p);
        }
        c.p++;
    }

    private static String token(Cursor c) {
        int start = c.p;
        while (!c.eof() && c.peek() != ' ') {
            c.p++;
        }
        return c.s.substring(start, c.p);
    }

    private static String field(Cursor c, int max, String problem) {
        String value = header(c, max, problem);
        expectSpace(c, problem);
        return value;
    }

    private static String fieldLast(Cursor c) {
        String problem = "expecting a msgid (from 1 to max 32 US-ASCII characters) or a nil value";
        String value = header(c, 32, problem);
        expectSpace(c, problem);
        return value;
    }

    private static String header(Cursor c, int max, String problem) {
        String t = token(c);
        if (t.isEmpty() || t.length() > max) {
            throw new SyslogException(problem, c.p);
        }
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch < 33 || ch > 126) {
                throw new SyslogException(problem, c.p);
            }
        }
        return t.equals("-") ? null : t;
    }

    private static Map<String, Object> structuredData(Cursor c) {
        Map<String, Object> elements = new LinkedHashMap<>();
        String sdidProblem = "expecting a structured data element id (from 1 to max 32 US-ASCII characters; except "
                + "`=`, ` `, `]`, and `\"`";
        String paramProblem = "expecting a structured data parameter (`key=\"value\"`, both part from 1 to max 32 "
                + "US-ASCII characters; key cannot contain `=`, ` `, `]`, and `\"`, while value cannot contain `]`, "
                + "backslash, and `\"` unless escaped)";
        while (c.peek() == '[') {
            c.p++;
            String id = sdName(c, sdidProblem);
            if (elements.containsKey(id)) {
                throw new SyslogException("duplicate structured data element id", c.p);
            }
            Map<String, Object> params = new LinkedHashMap<>();
            elements.put(id, params);
            while (c.peek() == ' ') {
                c.p++;
                String name = sdName(c, paramProblem);
                if (c.peek() != '=') {
                    throw new SyslogException(paramProblem, c.p);
                }
                c.p++;
                if (c.peek() != '"') {
                    throw new SyslogException(paramProblem, c.p);
                }
                c.p++;
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (c.eof()) {
                        throw new SyslogException(paramProblem, c.p);
                    }
                    char ch = c.peek();
                    if (ch == '"') {
                        c.p++;
                        break;
                    }
                    if (ch == '\\') {
                        char next = c.p + 1 < c.s.length() ? c.s.charAt(c.p + 1) : 0;
                        if (next == '"' || next == '\\' || next == ']') {
                            value.append(next);
                            c.p += 2;
                            continue;
                        }
                        throw new SyslogException("expecting chars `]`, `\"`, and `\\` to be escaped within param value",
                                c.p + 1);
                    }
                    if (ch == ']') {
                        throw new SyslogException(paramProblem, c.p);
                    }
                    value.append(ch);
                    c.p++;
                }
                params.put(name, value.toString());
            }
            if (c.peek() != ']') {
                throw new SyslogException(paramProblem, c.p);
            }
            c.p++;
        }
        return elements;
    }

    private static String sdName(Cursor c, String problem) {
        int start = c.p;
        while (!c.eof()) {
            char ch = c.peek();
            if (ch < 33 || ch > 126 || ch == '=' || ch == ' ' || ch == ']' || ch == '"') {
                break;
            }
            c.p++;
        }
        if (c.p == start || c.p - start > 32) {
            throw new SyslogException(problem, c.p);
        }
        return c.s.substring(start, c.p);
    }
}
