package io.otelier.helper.stanza.internal.parse;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.op.Conf;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code timestamp} block and the time_parser operator (upstream {@code helper.TimeParser}). */
public final class TimeParser {

    private static final Pattern TZ_ABBREVIATION = Pattern.compile("\\b([A-Z]{2,5})\\b");
    private static final Pattern INVALID_GOTIME_FRACTION = Pattern.compile("[^.,9]9+");

    private final Field parseFrom;
    private final String layout;
    private final String layoutType;
    private final ZoneId location;
    private final Map<String, ZoneId> zoneByAbbreviation;
    private final Strptime strptime;
    private final GoTime gotime;

    private TimeParser(Field parseFrom, String layout, String layoutType, ZoneId location,
            Map<String, ZoneId> zoneByAbbreviation, Strptime strptime, GoTime gotime) {
        this.parseFrom = parseFrom;
        this.layout = layout;
        this.layoutType = layoutType;
        this.location = location;
        this.zoneByAbbreviation = zoneByAbbreviation;
        this.strptime = strptime;
        this.gotime = gotime;
    }

    /** A parser reading native time values (what syslog_parser leaves in attributes.timestamp). */
    public static TimeParser nativeFrom(Field parseFrom) {
        return new TimeParser(parseFrom, "", "native", ZoneOffset.UTC, Map.of(), null, null);
    }

    /** Reads the keys of a timestamp block (the caller decides whether other keys are allowed). */
    public static TimeParser read(Conf conf) {
        Field parseFrom = conf.field("parse_from", null);
        String layout = conf.string("layout", "");
        String layoutType = conf.string("layout_type", "strptime");
        if (layoutType.isEmpty()) {
            layoutType = "strptime";
        }
        String locationName = conf.string("location", "");
        Map<String, Object> zones = conf.map("time_zone_locations");
        if (parseFrom == null) {
            throw conf.fail("parse_from", "missing required parameter 'parse_from'");
        }
        if (layout.isEmpty() && !layoutType.equals("native")) {
            throw conf.fail("layout", "missing required configuration parameter `layout`");
        }
        Strptime strptime = null;
        GoTime gotime = null;
        String timezoneDirective = "MST";
        switch (layoutType) {
            case "native" -> { }
            case "gotime" -> {
                Matcher m = INVALID_GOTIME_FRACTION.matcher(layout);
                if (m.find()) {
                    throw conf.fail("layout", "invalid gotime layout: invalid fractional seconds directive: '"
                            + m.group() + "'. must be preceded with '.' or ','");
                }
                gotime = GoTime.layout(layout);
            }
            case "strptime" -> {
                try {
                    strptime = Strptime.compile(layout);
                } catch (IllegalArgumentException e) {
                    throw conf.fail("layout", "invalid strptime layout: " + e.getMessage());
                }
                timezoneDirective = "%Z";
            }
            case "epoch" -> {
                switch (layout) {
                    case "s", "ms", "us", "ns", "s.ms", "s.us", "s.ns" -> { }
                    default -> throw conf.fail("layout", "invalid `layout` for `epoch` type: specify 's', 'ms', "
                            + "'us', 'ns', 's.ms', 's.us', or 's.ns'");
                }
            }
            default -> throw conf.fail("layout_type", "unsupported layout_type " + layoutType
                    + ": valid values are 'strptime', 'gotime', and 'epoch'");
        }
        ZoneId location = ZoneId.systemDefault();
        Map<String, ZoneId> byAbbreviation = new LinkedHashMap<>();
        if (layoutType.equals("gotime") || layoutType.equals("strptime")) {
            if (!locationName.isEmpty()) {
                location = loadLocation(conf, "location", locationName, "invalid 'location': failed to load location "
                        + locationName + ": unknown time zone " + locationName);
            } else if (layout.endsWith("Z") && (!layoutType.equals("strptime") || !layout.endsWith("%Z"))) {
                location = ZoneOffset.UTC;
            }
            if (zones != null && !zones.isEmpty()) {
                for (Map.Entry<String, Object> z : zones.entrySet()) {
                    String name = String.valueOf(z.getValue());
                    byAbbreviation.put(z.getKey(), loadLocation(conf, "time_zone_locations", name,
                            "invalid 'location': invalid time_zone_locations entry \"" + z.getKey()
                                    + "\": failed to load location \"" + name + "\": unknown time zone " + name));
                }
                if (!layout.contains(timezoneDirective)) {
                    throw conf.fail("time_zone_locations", "'time_zone_locations' requires the layout to contain a "
                            + "timezone abbreviation directive (%Z for strptime / MST for gotime), but layout \""
                            + layout + "\" has none");
                }
            }
        }
        return new TimeParser(parseFrom, layout, layoutType, location, byAbbreviation, strptime, gotime);
    }

    private static ZoneId loadLocation(Conf conf, String key, String name, String problem) {
        if (name.equals("UTC") || name.isEmpty()) {
            return ZoneOffset.UTC;
        }
        if (name.equals("Local")) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(name, GoTime.LEGACY_ZONES);
        } catch (DateTimeException e) {
            throw conf.fail(key, problem);
        }
    }

    /** Sets the entry's timestamp from parse_from. */
    public void parse(Entry entry) throws Exception {
        if (!parseFrom.has(entry)) {
            throw new IllegalStateException("log entry does not have the expected parse_from field (parse_from: "
                    + parseFrom + ")");
        }
        Object value = parseFrom.get(entry);
        switch (layoutType) {
            case "native" -> {
                if (value instanceof java.time.Instant instant) {
                    entry.setTimestamp(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
                } else if (value instanceof java.time.ZonedDateTime zoned) {
                    java.time.Instant instant = (zoned.getYear() > 0 ? zoned : GoTime.withCurrentYear(zoned)).toInstant();
                    entry.setTimestamp(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
                } else {
                    throw new IllegalArgumentException("native time.Time field required, but found " + value);
                }
            }
            case "gotime" -> entry.setTimestamp(gotime.parse(text(value), resolveLocation(value)));
            case "strptime" -> entry.setTimestamp(strptime.parse(text(value), resolveLocation(value)));
            default -> entry.setTimestamp(epoch(value));
        }
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("type " + TypeNames.of(value) + " cannot be parsed as a time");
    }

    private ZoneId resolveLocation(Object value) {
        if (zoneByAbbreviation.isEmpty() || !(value instanceof String s)) {
            return location;
        }
        Matcher m = TZ_ABBREVIATION.matcher(s);
        while (m.find()) {
            ZoneId zone = zoneByAbbreviation.get(m.group());
            if (zone != null) {
                return zone;
            }
        }
        return location;
    }

    private long epoch(Object value) {
        String stamp = epochStamp(value);
        switch (layout) {
            case "s", "ms", "us", "ns" -> {
                long i;
                try {
                    i = Long.parseLong(stamp);
                } catch (NumberFormatException e) {
                    throw invalidEpoch(stamp);
                }
                long nanos = switch (layout) {
                    case "s" -> Math.multiplyExact(i, 1_000_000_000L);
                    case "ms" -> Math.multiplyExact(i, 1_000_000L);
                    case "us" -> Math.multiplyExact(i, 1_000L);
                    default -> i;
                };
                return nanos;
            }
            default -> {
                String[] parts = stamp.split("\\.", -1);
                if (parts.length != 2) {
                    throw invalidEpoch(stamp);
                }
                long sec;
                long subsec;
                try {
                    sec = Long.parseLong(parts[0]);
                    subsec = Long.parseLong(parts[1]);
                } catch (NumberFormatException e) {
                    throw invalidEpoch(stamp);
                }
                long multiplier = switch (layout) {
                    case "s.ms" -> 1_000_000L;
                    case "s.us" -> 1_000L;
                    default -> 1L;
                };
                return sec * 1_000_000_000L + subsec * multiplier;
            }
        }
    }

    private IllegalArgumentException invalidEpoch(String stamp) {
        return new IllegalArgumentException("invalid value '" + stamp + "' for layout '" + layout + "'");
    }

    private String epochStamp(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (value instanceof Long || value instanceof Integer) {
            return switch (layout) {
                case "s", "ms", "us", "ns" -> String.valueOf(value);
                default -> value + ".0";
            };
        }
        if (value instanceof Double d) {
            return switch (layout) {
                case "s", "ms", "us", "ns" -> String.valueOf((long) d.doubleValue());
                case "s.ms" -> fixed(d, 3);
                case "s.us" -> fixed(d, 6);
                default -> fixed(d, 9);
            };
        }
        throw new IllegalArgumentException("type " + TypeNames.of(value) + " cannot be parsed as a time");
    }

    /** Go's %10.Nf: exact decimal expansion of the double, rounded half-even, left-padded to 10. */
    private static String fixed(double d, int decimals) {
        String s = new BigDecimal(d).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
        return s.length() >= 10 ? s : " ".repeat(10 - s.length()) + s;
    }
}
