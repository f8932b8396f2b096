package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.logs.SeverityNumber;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases of upstream operator/parser/syslog/syslogtest/data.go. */
class SyslogParserTest {

    private static final String SECURE_AUTH = "1 2015-08-05T21:58:59.693Z 192.168.2.132 SecureAuth0 23108 ID52020 "
            + "[SecureAuth@27389 UserHostAddress=\"192.168.2.132\" Realm=\"SecureAuth0\" UserID=\"Tester2\" PEN=\"27389\"] "
            + "Found the user for retrieving user's profile";
    private static final Map<String, Object> SECURE_AUTH_SD = Map.of("SecureAuth@27389", Map.of(
            "UserHostAddress", "192.168.2.132", "Realm", "SecureAuth0", "UserID", "Tester2", "PEN", "27389"));
    private static final long SECURE_AUTH_TIME = 1438811939693000000L;

    private static Entry parse(String options, String body) {
        PipelineTestSupport p = new PipelineTestSupport("- type: syslog_parser\n" + options);
        Entry out = p.runOne(body);
        assertThat(p.logger.at(io.otelier.api.telemetry.Level.ERROR)).as("errors").isEmpty();
        return out;
    }

    @Test
    void rfc5424() {
        Entry e = parse("  protocol: rfc5424\n", "<86>" + SECURE_AUTH);
        assertThat(e.timestamp()).isEqualTo(SECURE_AUTH_TIME);
        assertThat(e.severity()).isEqualTo(SeverityNumber.INFO);
        assertThat(e.severityText()).isEqualTo("info");
        assertThat(e.attributes()).isEqualTo(Map.of("appname", "SecureAuth0", "facility", 10L, "facility_text",
                "authpriv", "hostname", "192.168.2.132", "message", "Found the user for retrieving user's profile",
                "msg_id", "ID52020", "priority", 86L, "proc_id", "23108", "structured_data", SECURE_AUTH_SD,
                "version", 1L));
    }

    @Test
    void rfc5424WithoutPriHeaderWhenAllowed() {
        Entry e = parse("  protocol: rfc5424\n  allow_skip_pri_header: true\n", SECURE_AUTH);
        assertThat(e.severity()).isEqualTo(SeverityNumber.UNSPECIFIED);
        assertThat(e.severityText()).isEmpty();
        assertThat(e.attributes()).doesNotContainKeys("priority", "facility", "facility_text", "timestamp")
                .containsEntry("version", 1L).containsEntry("structured_data", SECURE_AUTH_SD);
        Entry withPri = parse("  protocol: rfc5424\n  allow_skip_pri_header: true\n", "<123>" + SECURE_AUTH);
        assertThat(withPri.severity()).isEqualTo(SeverityNumber.ERROR);
        assertThat(withPri.severityText()).isEqualTo("err");
        assertThat(withPri.attributes()).containsEntry("facility_text", "cron2").containsEntry("priority", 123L);
    }

    @Test
    void rfc5424OctetCountingKeepsSpaces() {
        Entry e = parse("  protocol: rfc5424\n  enable_octet_counting: true\n",
                "77 <86>1 2015-08-05T21:58:59.693Z 192.168.2.132 inactive - - -  partition is p2 ");
        assertThat(e.attributes()).isEqualTo(Map.of("appname", "inactive", "facility", 10L, "facility_text",
                "authpriv", "hostname", "192.168.2.132", "message", " partition is p2 ", "priority", 86L,
                "version", 1L));
        Entry framed = parse("  protocol: rfc5424\n  enable_octet_counting: true\n", "215 <86>" + SECURE_AUTH);
        assertThat(framed.attributes()).containsEntry("message", "Found the user for retrieving user's profile");
    }

    @Test
    void rfc5424NonTransparentFraming() {
        Entry e = parse("  protocol: rfc5424\n  non_transparent_framing_trailer: NUL\n", "<86>" + SECURE_AUTH + "\0");
        assertThat(e.attributes()).containsEntry("message", "Found the user for retrieving user's profile");
    }

    @Test
    void rfc5424EscapesAndANilTimestampWhichUpstreamTreatsAsAnError() {
        // as upstream: a nil timestamp leaves nothing for the native time parser, so the entry is sent as parsed
        // so far (severity still an attribute) and the error logged; the corpus golden shows the same
        PipelineTestSupport p = new PipelineTestSupport("- type: syslog_parser\n  protocol: rfc5424\n");
        Entry e = p.runOne("<13>1 - - - - - [id k=\"a\\\"b\\]c\\\\d\"]");
        assertThat(e.attributes()).isEqualTo(Map.of("facility", 1L, "facility_text", "user", "priority", 13L,
                "severity", 5L, "version", 1L, "structured_data", Map.of("id", Map.of("k", "a\"b]c\\d"))));
        assertThat(p.logger.entries().toString()).contains("time parser: log entry does not have the expected parse_from");
    }

    @Test
    void rfc3164WithYearAndLocation() {
        Entry e = parse("  protocol: rfc3164\n  location: America/Detroit\n",
                "<34>Jan 12 06:30:00 1.2.3.4 apache_server: test message");
        assertThat(e.attributes()).isEqualTo(Map.of("appname", "apache_server", "facility", 4L, "facility_text",
                "auth", "hostname", "1.2.3.4", "message", "test message", "priority", 34L));
        assertThat(e.severity()).isEqualTo(SeverityNumber.ERROR2);
        assertThat(e.severityText()).isEqualTo("crit");
        ZonedDateTime t = java.time.Instant.ofEpochSecond(0, e.timestamp()).atZone(java.time.ZoneId.of("America/Detroit"));
        assertThat(t.toLocalDateTime().withYear(2000)).isEqualTo(LocalDateTime.of(2000, 1, 12, 6, 30));
        int now = ZonedDateTime.now(ZoneOffset.UTC).getYear();
        assertThat(t.getYear()).isBetween(now - 1, now);
    }

    @Test
    void rfc3164Variants() {
        Entry tag = parse("  protocol: rfc3164\n", "<13>Feb  5 17:32:18 10.0.0.99 myapp[1234]: Use the BFG!");
        assertThat(tag.attributes()).containsEntry("hostname", "10.0.0.99").containsEntry("appname", "myapp")
                .containsEntry("proc_id", "1234").containsEntry("message", "Use the BFG!");
        Entry lenient = parse("  protocol: rfc3164\n", "<14>Mar 03 01:02:03 host kernel: zero-padded day");
        assertThat(lenient.attributes()).containsEntry("appname", "kernel");
        Entry noTag = parse("  protocol: rfc3164\n", "<15>Apr 12 10:11:12 justhost plain message");
        assertThat(noTag.attributes()).containsEntry("hostname", "justhost").containsEntry("message", "plain message")
                .doesNotContainKey("appname");
        Entry noPri = parse("  protocol: rfc3164\n  allow_skip_pri_header: true\n",
                "Apr 12 10:11:12 1.2.3.4 apache_server: test message");
        assertThat(noPri.attributes()).doesNotContainKeys("priority", "facility").containsEntry("appname", "apache_server");
        Entry continued = parse("  protocol: rfc3164\n", "<34>Oct 11 22:14:15 host app: first\nsecond line");
        assertThat(continued.attributes()).containsEntry("message", "first\nsecond line");
    }

    @Test
    void protocolNone() {
        Entry plain = parse("  protocol: none\n", "my custom syslog message without any timestamp");
        assertThat(plain.attributes()).isEqualTo(Map.of("message", "my custom syslog message without any timestamp"));
        Entry octets = parse("  protocol: none\n  enable_octet_counting: true\n",
                "46 my custom syslog message without any timestamp");
        assertThat(octets.attributes()).containsEntry("message", "my custom syslog message without any timestamp");
        Entry intact = parse("  protocol: none\n  enable_octet_counting: true\n", "46<13>raw message left intact");
        assertThat(intact.attributes()).isEqualTo(Map.of("message", "46<13>raw message left intact"));
        Entry pri = parse("  protocol: none\n", "<34>my raw message with a pri header");
        assertThat(pri.attributes()).isEqualTo(Map.of("message", "<34>my raw message with a pri header",
                "priority", 34L, "facility", 4L, "facility_text", "auth"));
        assertThat(pri.severity()).isEqualTo(SeverityNumber.ERROR2);
        Entry invalid = parse("  protocol: none\n", "<999>this is not a valid pri header");
        assertThat(invalid.attributes()).isEqualTo(Map.of("message", "<999>this is not a valid pri header"));
    }

    @Test
    void invalidMessagesFollowOnError() {
        PipelineTestSupport p = new PipelineTestSupport("- type: syslog_parser\n  protocol: rfc5424\n");
        Entry out = p.runOne("<999>1 - - - - - -");
        assertThat(out.body()).isEqualTo("<999>1 - - - - - -");
        assertThat(out.attributes()).isNull();
        assertThat(p.logger.entries().toString()).contains("expecting a priority value in the range 1-191 or equal to 0");
    }
}
