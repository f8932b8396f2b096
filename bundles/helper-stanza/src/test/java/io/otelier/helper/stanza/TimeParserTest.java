package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases of upstream operator/parser/timeparser/parser_test.go, each through gotime and strptime layouts. */
class TimeParserTest {

    private static final ZoneId LOCAL = ZoneId.systemDefault();
    private static final ZoneId MST = ZoneOffset.ofHours(-7);
    private static final ZoneId HST = ZoneOffset.ofHours(-10);

    private static long nanos(int y, int mo, int d, int h, int mi, int s, int n, ZoneId zone) {
        java.time.Instant i = ZonedDateTime.of(LocalDateTime.of(y, mo, d, h, mi, s, n), zone).toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("unix-utc", "Mon Jan 2 15:04:05 UTC 2006", "Mon Jan 2 15:04:05 MST 2006",
                        "%a %b %e %H:%M:%S %Z %Y", nanos(2006, 1, 2, 15, 4, 5, 0, ZoneOffset.UTC)),
                Arguments.of("unix-mst", "Mon Jan 2 15:04:05 MST 2006", "Mon Jan 2 15:04:05 MST 2006",
                        "%a %b %e %H:%M:%S %Z %Y", nanos(2006, 1, 2, 15, 4, 5, 0, MST)),
                Arguments.of("unix-hst", "Mon Jan 2 15:04:05 HST 2006", "Mon Jan 2 15:04:05 MST 2006",
                        "%a %b %e %H:%M:%S %Z %Y", nanos(2006, 1, 2, 15, 4, 5, 0, HST)),
                Arguments.of("almost-unix", "Mon Jan 02 15:04:05 MST 2006", "Mon Jan 02 15:04:05 MST 2006",
                        "%a %b %d %H:%M:%S %Z %Y", nanos(2006, 1, 2, 15, 4, 5, 0, MST)),
                Arguments.of("opendistro", "2020-06-09T15:39:58", "2006-01-02T15:04:05", "%Y-%m-%dT%H:%M:%S",
                        nanos(2020, 6, 9, 15, 39, 58, 0, LOCAL)),
                Arguments.of("postgres", "2019-11-05 10:38:35.118 HST", "2006-01-02 15:04:05.999 MST",
                        "%Y-%m-%d %H:%M:%S.%L %Z", nanos(2019, 11, 5, 10, 38, 35, 118_000_000, HST)),
                Arguments.of("ibm-mq", "3/4/2018 11:52:29", "1/2/2006 15:04:05", "%q/%g/%Y %H:%M:%S",
                        nanos(2018, 3, 4, 11, 52, 29, 0, LOCAL)),
                Arguments.of("cassandra", "2019-11-27T09:34:32.901-1000", "2006-01-02T15:04:05.999-0700",
                        "%Y-%m-%dT%H:%M:%S.%L%z", nanos(2019, 11, 27, 9, 34, 32, 901_000_000, HST)),
                Arguments.of("oracle", "2019-10-15T10:42:01.900436-10:00", "2006-01-02T15:04:05.999999-07:00",
                        "%Y-%m-%dT%H:%M:%S.%f%j", nanos(2019, 10, 15, 10, 42, 1, 900_436_000, HST)),
                Arguments.of("oracle-listener", "22-JUL-2019 15:16:13", "02-Jan-2006 15:04:05", "%d-%b-%Y %H:%M:%S",
                        nanos(2019, 7, 22, 15, 16, 13, 0, LOCAL)),
                Arguments.of("k8s", "2019-03-08T18:41:12.152531115Z", "2006-01-02T15:04:05.999999999Z",
                        "%Y-%m-%dT%H:%M:%S.%sZ", nanos(2019, 3, 8, 18, 41, 12, 152_531_115, ZoneOffset.UTC)),
                Arguments.of("jetty", "05/Aug/2019:20:38:46 +0000", "02/Jan/2006:15:04:05 -0700",
                        "%d/%b/%Y:%H:%M:%S %z", nanos(2019, 8, 5, 20, 38, 46, 0, ZoneOffset.UTC)),
                Arguments.of("esxi", "2020-12-16T21:43:28.391Z", "2006-01-02T15:04:05.999Z", "%Y-%m-%dT%H:%M:%S.%LZ",
                        nanos(2020, 12, 16, 21, 43, 28, 391_000_000, ZoneOffset.UTC)));
    }

    private static long parse(String layoutType, String layout, Object value) {
        PipelineTestSupport p = new PipelineTestSupport("- type: time_parser\n  parse_from: body\n  layout_type: "
                + layoutType + "\n  layout: '" + layout + "'\n");
        Entry out = p.runOne(value);
        assertThat(p.logger.at(io.otelier.api.telemetry.Level.ERROR)).as("errors").isEmpty();
        return out.timestamp();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void parsesWithGotimeAndStrptime(String name, String sample, String gotime, String strptime, long expected) {
        assertThat(parse("gotime", gotime, sample)).as("gotime").isEqualTo(expected);
        assertThat(parse("strptime", strptime, sample)).as("strptime").isEqualTo(expected);
    }

    static Stream<Arguments> epochs() {
        return Stream.of(
                Arguments.of("1136214245", "s", 1136214245_000000000L),
                Arguments.of(1136214245L, "s", 1136214245_000000000L),
                Arguments.of(1136214245.0, "s", 1136214245_000000000L),
                Arguments.of("1136214245123", "ms", 1136214245_123000000L),
                Arguments.of(1136214245123L, "ms", 1136214245_123000000L),
                Arguments.of("1136214245123456", "us", 1136214245_123456000L),
                Arguments.of("1136214245123456789", "ns", 1136214245_123456789L),
                Arguments.of(1136214245123456789L, "ns", 1136214245_123456789L),
                Arguments.of("1136214245.123", "s.ms", 1136214245_123000000L),
                Arguments.of(1136214245L, "s.ms", 1136214245_000000000L),
                Arguments.of(1136214245.123, "s.ms", 1136214245_123000000L),
                Arguments.of("1136214245.123456", "s.us", 1136214245_123456000L),
                Arguments.of("1136214245.123456789", "s.ns", 1136214245_123456789L));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("epochs")
    void parsesEpochs(Object sample, String layout, long expected) {
        assertThat(parse("epoch", layout, sample)).isEqualTo(expected);
    }

    @Test
    void yearlessTimesGetTheCurrentYear() {
        long t = parse("strptime", "%b %d %H:%M:%S", "Jan 01 00:00:01");
        int year = java.time.Instant.ofEpochSecond(0, t).atZone(LOCAL).getYear();
        int now = ZonedDateTime.now(LOCAL).getYear();
        assertThat(year).isIn(now, now + 1, now - 1);
    }

    @Test
    void locationAppliesToZonelessTimes() {
        PipelineTestSupport p = new PipelineTestSupport("""
                - type: time_parser
                  parse_from: body
                  layout: '%Y-%m-%d %H:%M'
                  location: Asia/Tokyo
                """);
        assertThat(p.runOne("2024-01-01 09:00").timestamp()).isEqualTo(nanos(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void badValuesFollowOnError() {
        PipelineTestSupport p = new PipelineTestSupport("""
                - type: time_parser
                  parse_from: body
                  layout: '%Y-%m-%d'
                  on_error: drop
                """);
        assertThat(p.runOne("not a date")).isNull();
        assertThat(p.logger.at(io.otelier.api.telemetry.Level.ERROR).get(0).fields().toString())
                .contains("cannot parse");
    }
}
