package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.ParserOperator;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.GoTime;
import io.otelier.helper.stanza.internal.parse.TimeParser;
import io.otelier.helper.stanza.internal.parse.TypeNames;
import io.otelier.pdata.logs.SeverityNumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** syslog_parser (upstream operator/parser/syslog): rfc3164, rfc5424 or none, with framing options. */
public final class SyslogParser extends ParserOperator {

    private static final Pattern PRI = Pattern.compile("<\\d{1,3}>");
    private static final Pattern OCTET_PREFIX = Pattern.compile("^[1-9]\\d*\\s");
    private static final SeverityNumber[] SEVERITY = {SeverityNumber.FATAL, SeverityNumber.ERROR3,
        SeverityNumber.ERROR2, SeverityNumber.ERROR, SeverityNumber.WARN, SeverityNumber.INFO2, SeverityNumber.INFO,
        SeverityNumber.DEBUG};
    private static final String[] SEVERITY_TEXT = {"emerg", "alert", "crit", "err", "warning", "notice", "info",
        "debug"};
    private static final String[] FACILITY = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
        "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "cron2", "local0", "local1", "local2",
        "local3", "local4", "local5", "local6", "local7"};

    private final String protocol;
    private final ZoneId location;
    private final boolean octetCounting;
    private final boolean allowSkipPriHeader;
    private final String trailer;
    private final int maxOctets;

    public SyslogParser(Writer.Common common, Conf conf) {
        super(common, conf);
        this.protocol = conf.string("protocol", "").toLowerCase(Locale.ROOT);
        String locationName = conf.string("location", "");
        this.octetCounting = conf.bool("enable_octet_counting", false);
        this.allowSkipPriHeader = conf.bool("allow_skip_pri_header", false);
        this.trailer = conf.string("non_transparent_framing_trailer", null);
        this.maxOctets = (int) conf.integer("max_octets", 0);
        if (protocol.isEmpty()) {
            throw conf.fail("protocol", "missing field 'protocol'");
        }
        if (!protocol.equals("rfc5424") && !protocol.equals("rfc3164") && !protocol.equals("none")) {
            throw conf.fail("protocol", "unsupported protocol version: " + protocol);
        }
        if (trailer != null && octetCounting) {
            throw conf.fail("non_transparent_framing_trailer",
                    "only one of octet_counting or non_transparent_framing can be enabled");
        }
        if (protocol.equals("none") && trailer != null) {
            throw conf.fail("non_transparent_framing_trailer",
                    "non_transparent_framing is not compatible with protocol none");
        }
        if (!protocol.equals("rfc5424") && trailer != null) {
            throw conf.fail("non_transparent_framing_trailer",
                    "non_transparent_framing is only compatible with protocol rfc5424");
        }
        if (trailer != null && !trailer.equals("NUL") && !trailer.equals("LF")) {
            throw conf.fail("non_transparent_framing_trailer", "invalid non_transparent_framing_trailer '" + trailer
                    + "'. Must be either 'LF' or 'NUL'");
        }
        String name = locationName.isEmpty() ? "UTC" : locationName;
        try {
            this.location = name.equals("UTC") ? ZoneOffset.UTC
                    : name.equals("Local") ? ZoneId.systemDefault() : ZoneId.of(name, GoTime.LEGACY_ZONES);
        } catch (DateTimeException e) {
            throw conf.fail("location", "failed to load location " + name + ": unknown time zone " + name);
        }
    }

    @Override
    protected TimeParser defaultTimeParser(Conf conf) {
        Object p = conf.raw("protocol");
        boolean none = p instanceof String s && s.toLowerCase(Locale.ROOT).equals("none");
        return none ? null : TimeParser.nativeFrom(Field.attribute("timestamp"));
    }

    private boolean skipsPriority(String raw) {
        return !octetCounting && allowSkipPriHeader && raw.length() > 1 && raw.charAt(0) != '<';
    }

    @Override
    public void process(Entry entry) {
        if (!protocol.equals("none") && !octetCounting && allowSkipPriHeader && !(entry.body() instanceof String)) {
            handleError(entry, new IllegalArgumentException("unable to convert type '" + TypeNames.of(entry.body())
                    + "' to bytes"));
            return;
        }
        super.process(entry);
    }

    @Override
    protected void afterParse(Entry entry) {
        Field severity = Field.attribute("severity");
        if (protocol.equals("none")) {
            if (severity.has(entry)) {
                applySeverity(entry, severity.delete(entry));
            }
            return;
        }
        if (entry.body() instanceof String raw && skipsPriority(raw)) {
            cleanupTimestamp(entry);
            return;
        }
        if (!severity.has(entry)) {
            throw new IllegalStateException("severity field does not exist");
        }
        applySeverity(entry, severity.delete(entry));
        cleanupTimestamp(entry);
    }

    private static void applySeverity(Entry entry, Object value) {
        if (!(value instanceof Long sev)) {
            throw new IllegalStateException("severity field is not an int");
        }
        if (sev < 0 || sev > 7) {
            throw new IllegalStateException("invalid severity '" + sev + "'");
        }
        entry.setSeverity(SEVERITY[sev.intValue()]);
        entry.setSeverityText(SEVERITY_TEXT[sev.intValue()]);
    }

    private static void cleanupTimestamp(Entry entry) {
        Field timestamp = Field.attribute("timestamp");
        if (!timestamp.has(entry)) {
            throw new IllegalStateException("failed to cleanup timestamp");
        }
        timestamp.delete(entry);
    }

    @Override
    protected Object parse(Object value) {
        if (!(value instanceof String raw)) {
            throw new IllegalArgumentException("unable to convert type '" + TypeNames.of(value) + "' to bytes");
        }
        if (protocol.equals("none")) {
            String msg = raw;
            if (octetCounting) {
                Matcher m = OCTET_PREFIX.matcher(raw);
                if (m.find()) {
                    msg = raw.substring(m.end());
                }
            }
            return parseRaw(msg);
        }
        String input = raw;
        String continuation = "";
        if (protocol.equals("rfc3164") && !octetCounting) {
            int nl = input.indexOf('\n');
            if (nl >= 0) {
                continuation = input.substring(nl);
                input = input.substring(0, nl);
                if (input.endsWith("\r")) {
                    input = input.substring(0, input.length() - 1);
                }
            }
        }
        boolean skipPriority = skipsPriority(raw);
        Map<String, Object> parsed;
        if (octetCounting) {
            input = octetFrame(input);
        } else if (trailer != null) {
            int end = input.indexOf(trailer.equals("LF") ? '\n' : '\0');
            if (end >= 0) {
                input = input.substring(0, end);
            }
        } else if (allowSkipPriHeader && !PRI.matcher(input).find()) {
            input = "<0>" + input;
        }
        parsed = protocol.equals("rfc3164") ? Syslog.rfc3164(input, location) : Syslog.rfc5424(input);
        if (skipPriority) {
            parsed.remove("priority");
            parsed.remove("severity");
            parsed.remove("facility");
            parsed.remove("facility_text");
        }
        if (!continuation.isEmpty()) {
            Object message = parsed.get("message");
            parsed.put("message", (message instanceof String s ? s : "") + continuation);
        }
        return parsed;
    }

    /** One octet-counted frame: "<length> <message>". */
    private String octetFrame(String input) {
        Matcher m = Pattern.compile("^([1-9]\\d*) ").matcher(input);
        if (!m.find()) {
            throw new IllegalArgumentException("found " + (input.isEmpty() ? "EOF" : "\"" + input.charAt(0) + "\"")
                    + ", expecting a MSGLEN");
        }
        long length = Long.parseLong(m.group(1));
        if (maxOctets > 0 && length > maxOctets) {
            throw new IllegalArgumentException("message too long to parse. was size " + length + ", max length "
                    + maxOctets);
        }
        byte[] rest = input.substring(m.end()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (rest.length < length) {
            throw new IllegalArgumentException("unexpected EOF");
        }
        return new String(rest, 0, (int) length, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, Object> parseRaw(String msg) {
        Matcher m = PRI.matcher(msg);
        Map<String, Object> value = new LinkedHashMap<>();
        if (m.find() && m.start() == 0) {
            int pri = Integer.parseInt(msg.substring(1, m.end() - 1));
            if (pri <= 191) {
                value.put("priority", (long) pri);
                value.put("severity", (long) (pri % 8));
                value.put("facility", (long) (pri / 8));
                value.put("facility_text", FACILITY[pri / 8]);
            }
        }
        value.put("message", msg);
        return value;
    }
}
