package io.otelier.helper.stanza.internal.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Go's {@code time.ParseInLocation} for reference-time layouts ("2006-01-02T15:04:05Z07:00"), plus the
 * lenient mode strptime layouts are parsed with (numbers may be unpadded or space-padded, {@code %z}
 * accepts Z, ±hh, ±hhmm and ±hh:mm) as upstream's ctimefmt does by trying variants.
 */
public final class GoTime {

    enum Std {
        LITERAL, LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
        UNDER_YEARDAY, ZERO_YEARDAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND,
        LONG_YEAR, YEAR, PM_UPPER, PM_LOWER, TZ, ISO_TZ, ISO_TZ_SHORT, ISO_TZ_COLON, ISO_TZ_SECONDS,
        ISO_TZ_COLON_SECONDS, NUM_TZ, NUM_TZ_SHORT, NUM_TZ_COLON, NUM_TZ_SECONDS, NUM_TZ_COLON_SECONDS,
        FRAC0, FRAC9, FLEX_TZ
    }

    record Chunk(Std std, String text, int digits) {
    }

    private static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};

    private final String layout;
    private final List<Chunk> chunks;
    private final boolean lenient;

    private GoTime(String layout, List<Chunk> chunks, boolean lenient) {
        this.layout = layout;
        this.chunks = chunks;
        this.lenient = lenient;
    }

    public static GoTime layout(String layout) {
        return new GoTime(layout, split(layout), false);
    }

    static GoTime lenient(String displayLayout, List<Chunk> chunks) {
        return new GoTime(displayLayout, chunks, true);
    }

    public boolean hasTimeZoneName() {
        return chunks.stream().anyMatch(c -> c.std() == Std.TZ);
    }

    /** Splits a Go layout into literal and std chunks (Go's nextStdChunk). */
    static List<Chunk> split(String layout) {
        List<Chunk> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            Chunk chunk = stdAt(layout, i);
            if (chunk == null) {
                literal.append(layout.charAt(i));
                i++;
                continue;
            }
            if (literal.length() > 0) {
                out.add(new Chunk(Std.LITERAL, literal.toString(), 0));
                literal.setLength(0);
            }
            out.add(chunk);
            i += chunk.text().length();
        }
        if (literal.length() > 0) {
            out.add(new Chunk(Std.LITERAL, literal.toString(), 0));
        }
        return out;
    }

    private static Chunk stdAt(String l, int i) {
        char c = l.charAt(i);
        switch (c) {
            case 'J':
                if (l.startsWith("January", i)) {
                    return new Chunk(Std.LONG_MONTH, "January", 0);
                }
                if (l.startsWith("Jan", i)) {
                    return new Chunk(Std.MONTH, "Jan", 0);
                }
                return null;
            case 'M':
                if (l.startsWith("Monday", i)) {
                    return new Chunk(Std.LONG_WEEKDAY, "Monday", 0);
                }
                if (l.startsWith("Mon", i)) {
                    return new Chunk(Std.WEEKDAY, "Mon", 0);
                }
                if (l.startsWith("MST", i)) {
                    return new Chunk(Std.TZ, "MST", 0);
                }
                return null;
            case '0':
                if (i + 1 < l.length() && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
                    Std[] std = {Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE, Std.ZERO_SECOND,
                        Std.YEAR};
                    return new Chunk(std[l.charAt(i + 1) - '1'], l.substring(i, i + 2), 0);
                }
                if (l.startsWith("002", i)) {
                    return new Chunk(Std.ZERO_YEARDAY, "002", 0);
                }
                return null;
            case '1':
                if (l.startsWith("15", i)) {
                    return new Chunk(Std.HOUR, "15", 0);
                }
                return new Chunk(Std.NUM_MONTH, "1", 0);
            case '2':
                if (l.startsWith("2006", i)) {
                    return new Chunk(Std.LONG_YEAR, "2006", 0);
                }
                return new Chunk(Std.DAY, "2", 0);
            case '_':
                if (l.startsWith("_2", i)) {
                    if (l.startsWith("_2006", i)) {
                        return null;
                    }
                    return new Chunk(Std.UNDER_DAY, "_2", 0);
                }
                if (l.startsWith("__2", i)) {
                    return new Chunk(Std.UNDER_YEARDAY, "__2", 0);
                }
                return null;
            case '3':
                return new Chunk(Std.HOUR12, "3", 0);
            case '4':
                return new Chunk(Std.MINUTE, "4", 0);
            case '5':
                return new Chunk(Std.SECOND, "5", 0);
            case 'P':
                return l.startsWith("PM", i) ? new Chunk(Std.PM_UPPER, "PM", 0) : null;
            case 'p':
                return l.startsWith("pm", i) ? new Chunk(Std.PM_LOWER, "pm", 0) : null;
            case '-':
                if (l.startsWith("-070000", i)) {
                    return new Chunk(Std.NUM_TZ_SECONDS, "-070000", 0);
                }
                if (l.startsWith("-07:00:00", i)) {
                    return new Chunk(Std.NUM_TZ_COLON_SECONDS, "-07:00:00", 0);
                }
                if (l.startsWith("-0700", i)) {
                    return new Chunk(Std.NUM_TZ, "-0700", 0);
                }
                if (l.startsWith("-07:00", i)) {
                    return new Chunk(Std.NUM_TZ_COLON, "-07:00", 0);
                }
                if (l.startsWith("-07", i)) {
                    return new Chunk(Std.NUM_TZ_SHORT, "-07", 0);
                }
                return null;
            case 'Z':
                if (l.startsWith("Z070000", i)) {
                    return new Chunk(Std.ISO_TZ_SECONDS, "Z070000", 0);
                }
                if (l.startsWith("Z07:00:00", i)) {
                    return new Chunk(Std.ISO_TZ_COLON_SECONDS, "Z07:00:00", 0);
                }
                if (l.startsWith("Z0700", i)) {
                    return new Chunk(Std.ISO_TZ, "Z0700", 0);
                }
                if (l.startsWith("Z07:00", i)) {
                    return new Chunk(Std.ISO_TZ_COLON, "Z07:00", 0);
                }
                if (l.startsWith("Z07", i)) {
                    return new Chunk(Std.ISO_TZ_SHORT, "Z07", 0);
                }
                return null;
            case '.', ',':
                if (i + 1 < l.length() && (l.charAt(i + 1) == '0' || l.charAt(i + 1) == '9')) {
                    char ch = l.charAt(i + 1);
                    int j = i + 1;
                    while (j < l.length() && l.charAt(j) == ch) {
                        j++;
                    }
                    if (j < l.length() && Character.isDigit(l.charAt(j))) {
                        return null;
                    }
                    return new Chunk(ch == '0' ? Std.FRAC0 : Std.FRAC9, l.substring(i, j), j - i - 1);
                }
                return null;
            default:
                return null;
        }
    }

    /** Thrown with Go's message format when a value does not fit the layout. */
    public static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message);
        }
    }

    /** Parses to unix nanos; values without a zone are read in {@code location}. */
    public long parse(String value, ZoneId location) throws ParseError {
        int year = 0;
        int month = -1;
        int day = -1;
        int yday = -1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        long nanos = 0;
        boolean pmSet = false;
        boolean amSet = false;
        Integer offsetSeconds = null;
        String zoneName = null;
        boolean utc = false;
        String v = value;
        for (int ci = 0; ci < chunks.size(); ci++) {
            Chunk chunk = chunks.get(ci);
            String before = v;
            if (chunk.std() == Std.LITERAL) {
                v = skip(v, chunk.text(), value);
                continue;
            }
            if (lenient && chunk.std() != Std.FRAC0 && chunk.std() != Std.FRAC9) {
                v = v.stripLeading();
            }
            try {
                switch (chunk.std()) {
                    case YEAR -> {
                        if (v.length() < 2 || !digit(v, 0) || !digit(v, 1)) {
                            throw new NumberFormatException();
                        }
                        year = Integer.parseInt(v.substring(0, 2));
                        year += year >= 69 ? 1900 : 2000;
                        v = v.substring(2);
                    }
                    case LONG_YEAR -> {
                        if (v.length() < 4 || !digit(v, 0) || !digit(v, 1) || !digit(v, 2) || !digit(v, 3)) {
                            throw new NumberFormatException();
                        }
                        year = Integer.parseInt(v.substring(0, 4));
                        v = v.substring(4);
                    }
                    case MONTH, LONG_MONTH -> {
                        int found = -1;
                        for (int m = 0; m < 12; m++) {
                            String name = chunk.std() == Std.MONTH ? LONG_MONTHS[m].substring(0, 3) : LONG_MONTHS[m];
                            if (v.regionMatches(true, 0, name, 0, name.length())) {
                                found = m;
                                v = v.substring(name.length());
                                break;
                            }
                        }
                        if (found < 0) {
                            throw new NumberFormatException();
                        }
                        month = found + 1;
                    }
                    case NUM_MONTH, ZERO_MONTH -> {
                        int[] r = getnum(v, chunk.std() == Std.ZERO_MONTH && !lenient);
                        month = r[0];
                        v = v.substring(r[1]);
                        if (month <= 0 || month > 12) {
                            throw new ParseError(rangeError(value, "month"));
                        }
                    }
                    case WEEKDAY, LONG_WEEKDAY -> {
                        boolean found = false;
                        for (String d : LONG_DAYS) {
                            String name = chunk.std() == Std.WEEKDAY ? d.substring(0, 3) : d;
                            if (v.regionMatches(true, 0, name, 0, name.length())) {
                                v = v.substring(name.length());
                                found = true;
                                break;
                            }
                        }
                        if (!found) {
                            throw new NumberFormatException();
                        }
                    }
                    case DAY, UNDER_DAY, ZERO_DAY -> {
                        if (chunk.std() == Std.UNDER_DAY && v.startsWith(" ")) {
                            v = v.substring(1);
                        }
                        int[] r = getnum(v, chunk.std() == Std.ZERO_DAY && !lenient);
                        day = r[0];
                        v = v.substring(r[1]);
                    }
                    case UNDER_YEARDAY, ZERO_YEARDAY -> {
                        for (int k = 0; k < 2 && chunk.std() == Std.UNDER_YEARDAY && v.startsWith(" "); k++) {
                            v = v.substring(1);
                        }
                        int[] r = getnum3(v, chunk.std() == Std.ZERO_YEARDAY);
                        yday = r[0];
                        v = v.substring(r[1]);
                    }
                    case HOUR -> {
                        int[] r = getnum(v, false);
                        hour = r[0];
                        v = v.substring(r[1]);
                        if (hour < 0 || hour >= 24) {
                            throw new ParseError(rangeError(value, "hour"));
                        }
                    }
                    case HOUR12, ZERO_HOUR12 -> {
                        int[] r = getnum(v, chunk.std() == Std.ZERO_HOUR12 && !lenient);
                        hour = r[0];
                        v = v.substring(r[1]);
                        if (hour < 0 || hour > 12) {
                            throw new ParseError(rangeError(value, "hour"));
                        }
                    }
                    case MINUTE, ZERO_MINUTE -> {
                        int[] r = getnum(v, chunk.std() == Std.ZERO_MINUTE && !lenient);
                        minute = r[0];
                        v = v.substring(r[1]);
                        if (minute < 0 || minute >= 60) {
                            throw new ParseError(rangeError(value, "minute"));
                        }
                    }
                    case SECOND, ZERO_SECOND -> {
                        int[] r = getnum(v, chunk.std() == Std.ZERO_SECOND && !lenient);
                        second = r[0];
                        v = v.substring(r[1]);
                        if (second < 0 || second >= 60) {
                            throw new ParseError(rangeError(value, "second"));
                        }
                        boolean nextIsFrac = ci + 1 < chunks.size()
                                && (chunks.get(ci + 1).std() == Std.FRAC0 || chunks.get(ci + 1).std() == Std.FRAC9);
                        if (!nextIsFrac && v.length() >= 2 && (v.charAt(0) == '.' || v.charAt(0) == ',')
                                && digit(v, 1)) {
                            int n = 1;
                            while (n < v.length() && digit(v, n)) {
                                n++;
                            }
                            nanos = fraction(v.substring(1, n));
                            v = v.substring(n);
                        }
                    }
                    case PM_UPPER, PM_LOWER -> {
                        if (v.length() < 2) {
                            throw new NumberFormatException();
                        }
                        String p = v.substring(0, 2);
                        String pm = chunk.std() == Std.PM_UPPER ? "PM" : "pm";
                        String am = chunk.std() == Std.PM_UPPER ? "AM" : "am";
                        if (lenient) {
                            p = chunk.std() == Std.PM_UPPER ? p.toUpperCase(Locale.ROOT) : p.toLowerCase(Locale.ROOT);
                        }
                        if (p.equals(pm)) {
                            pmSet = true;
                        } else if (p.equals(am)) {
                            amSet = true;
                        } else {
                            throw new NumberFormatException();
                        }
                        v = v.substring(2);
                    }
                    case ISO_TZ, ISO_TZ_SHORT, ISO_TZ_COLON, ISO_TZ_SECONDS, ISO_TZ_COLON_SECONDS, NUM_TZ,
                            NUM_TZ_SHORT, NUM_TZ_COLON, NUM_TZ_SECONDS, NUM_TZ_COLON_SECONDS, FLEX_TZ -> {
                        boolean iso = chunk.std().name().startsWith("ISO") || chunk.std() == Std.FLEX_TZ;
                        if (iso && v.startsWith("Z")) {
                            v = v.substring(1);
                            utc = true;
                            break;
                        }
                        int[] r = numericZone(v, chunk.std());
                        offsetSeconds = r[0];
                        v = v.substring(r[1]);
                    }
                    case TZ -> {
                        if (v.startsWith("UTC")) {
                            v = v.substring(3);
                            utc = true;
                            break;
                        }
                        int n = timeZoneLength(v);
                        if (n <= 0) {
                            throw new NumberFormatException();
                        }
                        zoneName = v.substring(0, n);
                        v = v.substring(n);
                    }
                    case FRAC0 -> {
                        int ndigit = 1 + chunk.digits();
                        if (v.length() < ndigit || (v.charAt(0) != '.' && v.charAt(0) != ',')) {
                            throw new NumberFormatException();
                        }
                        for (int k = 1; k < ndigit; k++) {
                            if (!digit(v, k)) {
                                throw new NumberFormatException();
                            }
                        }
                        nanos = fraction(v.substring(1, ndigit));
                        v = v.substring(ndigit);
                    }
                    case FRAC9 -> {
                        if (v.length() < 2 || (v.charAt(0) != '.' && v.charAt(0) != ',') || !digit(v, 1)) {
                            break;
                        }
                        int n = 1;
                        while (n < 10 && n < v.length() && digit(v, n)) {
                            n++;
                        }
                        nanos = fraction(v.substring(1, n));
                        v = v.substring(n);
                    }
                    default -> throw new IllegalStateException(chunk.std().name());
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new ParseError("parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse "
                        + quote(before) + " as " + quote(chunk.text()));
            }
        }
        if (!v.isEmpty()) {
            throw new ParseError("parsing time " + quote(value) + ": extra text: " + quote(v));
        }
        if (pmSet && hour < 12) {
            hour += 12;
        } else if (amSet && hour == 12) {
            hour = 0;
        }
        if (yday >= 0) {
            LocalDateTime d = LocalDateTime.of(year, 1, 1, 0, 0).plusDays(yday - 1);
            if (month < 0) {
                month = d.getMonthValue();
            }
            if (day < 0) {
                day = d.getDayOfMonth();
            }
        }
        if (month < 0) {
            month = 1;
        }
        if (day < 0) {
            day = 1;
        }
        if (day < 1 || day > daysIn(month, year)) {
            throw new ParseError(rangeError(value, "day"));
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, (int) nanos);
        ZoneId zone;
        if (utc) {
            zone = ZoneOffset.UTC;
        } else if (offsetSeconds != null) {
            zone = ZoneOffset.ofTotalSeconds(offsetSeconds);
        } else if (zoneName != null) {
            zone = zoneFor(zoneName, local, location);
        } else {
            zone = location;
        }
        ZonedDateTime result = ZonedDateTime.ofLocal(local, zone, null);
        if (year == 0) {
            result = withCurrentYear(result);
        }
        Instant instant = result.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * Go uses the location's own offset when the abbreviation is the location's, else offset 0 under that
     * name; upstream's parseGotime then loads the abbreviation as a location and fails when it is unknown.
     */
    private static ZoneId zoneFor(String name, LocalDateTime local, ZoneId location) throws ParseError {
        String locationAbbreviation =
                java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ROOT).format(local.atZone(location));
        if (name.equals(locationAbbreviation)) {
            return location;
        }
        if (name.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name, LEGACY_ZONES);
        } catch (DateTimeException e) {
            throw new ParseError("failed to load location " + name + ": unknown time zone " + name);
        }
    }

    /** Zone names Go's time database has that Java's lacks (fixed offsets, as the tz database defines them). */
    public static final java.util.Map<String, String> LEGACY_ZONES =
            java.util.Map.of("EST", "-05:00", "MST", "-07:00", "HST", "-10:00");

    private static int daysIn(int month, int year) {
        return java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    private static long fraction(String digits) {
        String d = digits.length() > 9 ? digits.substring(0, 9) : digits;
        long n = Long.parseLong(d);
        for (int i = d.length(); i < 9; i++) {
            n *= 10;
        }
        return n;
    }

    private static int[] numericZone(String v, Std std) {
        if (v.isEmpty() || (v.charAt(0) != '+' && v.charAt(0) != '-')) {
            throw new NumberFormatException();
        }
        int sign = v.charAt(0) == '-' ? -1 : 1;
        String hh;
        String mm = "00";
        String ss = "00";
        int used;
        switch (std) {
            case FLEX_TZ -> {
                hh = v.substring(1, 3);
                used = 3;
                if (v.length() >= 6 && v.charAt(3) == ':' && digit(v, 4) && digit(v, 5)) {
                    mm = v.substring(4, 6);
                    used = 6;
                } else if (v.length() >= 5 && digit(v, 3) && digit(v, 4)) {
                    mm = v.substring(3, 5);
                    used = 5;
                }
            }
            case ISO_TZ_SHORT, NUM_TZ_SHORT -> {
                hh = v.substring(1, 3);
                used = 3;
            }
            case ISO_TZ_COLON, NUM_TZ_COLON -> {
                if (v.charAt(3) != ':') {
                    throw new NumberFormatException();
                }
                hh = v.substring(1, 3);
                mm = v.substring(4, 6);
                used = 6;
            }
            case ISO_TZ_COLON_SECONDS, NUM_TZ_COLON_SECONDS -> {
                if (v.charAt(3) != ':' || v.charAt(6) != ':') {
                    throw new NumberFormatException();
                }
                hh = v.substring(1, 3);
                mm = v.substring(4, 6);
                ss = v.substring(7, 9);
                used = 9;
            }
            case ISO_TZ_SECONDS, NUM_TZ_SECONDS -> {
                hh = v.substring(1, 3);
                mm = v.substring(3, 5);
                ss = v.substring(5, 7);
                used = 7;
            }
            default -> {
                hh = v.substring(1, 3);
                mm = v.substring(3, 5);
                used = 5;
            }
        }
        for (String part : new String[] {hh, mm, ss}) {
            if (!digit(part, 0) || !digit(part, 1)) {
                throw new NumberFormatException();
            }
        }
        int h = Integer.parseInt(hh);
        int m = Integer.parseInt(mm);
        int s = Integer.parseInt(ss);
        if (h > 24 || m > 60 || s > 60) {
            throw new NumberFormatException();
        }
        return new int[] {sign * (h * 3600 + m * 60 + s), used};
    }

    /** Go's parseTimeZone: 3 to 5 upper-case letters (with the special cases it allows). */
    private static int timeZoneLength(String v) {
        if (v.length() < 3) {
            return 0;
        }
        if (v.startsWith("ChST") || v.startsWith("MeST")) {
            return 4;
        }
        if (v.startsWith("GMT")) {
            int n = 3;
            if (v.length() > 3 && (v.charAt(3) == '+' || v.charAt(3) == '-')) {
                int k = 4;
                while (k < v.length() && digit(v, k)) {
                    k++;
                }
                return k > 4 ? k : 3;
            }
            return n;
        }
        if (v.charAt(0) == '+' || v.charAt(0) == '-') {
            int k = 1;
            while (k < v.length() && digit(v, k)) {
                k++;
            }
            return k == 3 || k == 5 ? k : 0;
        }
        int n = 0;
        while (n < v.length() && Character.isUpperCase(v.charAt(n)) && v.charAt(n) < 128) {
            n++;
        }
        return switch (n) {
            case 0, 1, 2 -> 0;
            case 5 -> v.charAt(4) == 'T' ? 5 : 0;
            case 4 -> v.charAt(3) == 'T' || v.startsWith("WITA") ? 4 : 0;
            case 3 -> 3;
            default -> 0;
        };
    }

    private static int[] getnum(String v, boolean fixed) {
        if (!digit(v, 0)) {
            throw new NumberFormatException();
        }
        if (!digit(v, 1)) {
            if (fixed) {
                throw new NumberFormatException();
            }
            return new int[] {v.charAt(0) - '0', 1};
        }
        return new int[] {(v.charAt(0) - '0') * 10 + (v.charAt(1) - '0'), 2};
    }

    private static int[] getnum3(String v, boolean fixed) {
        int n = 0;
        int i = 0;
        while (i < 3 && digit(v, i)) {
            n = n * 10 + (v.charAt(i) - '0');
            i++;
        }
        if (i == 0 || (fixed && i != 3)) {
            throw new NumberFormatException();
        }
        return new int[] {n, i};
    }

    private static boolean digit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** Go's skip: runs of spaces in the layout match runs of spaces in the value. */
    private String skip(String value, String prefix, String whole) throws ParseError {
        String v = value;
        String p = prefix;
        while (!p.isEmpty()) {
            if (p.charAt(0) == ' ') {
                if (!v.isEmpty() && v.charAt(0) != ' ') {
                    throw literalMismatch(whole, value, prefix);
                }
                p = p.stripLeading();
                v = v.stripLeading();
                continue;
            }
            if (v.isEmpty() || v.charAt(0) != p.charAt(0)) {
                throw literalMismatch(whole, value, prefix);
            }
            p = p.substring(1);
            v = v.substring(1);
        }
        return v;
    }

    private ParseError literalMismatch(String whole, String rest, String prefix) {
        return new ParseError("parsing time " + quote(whole) + " as " + quote(layout) + ": cannot parse "
                + quote(rest) + " as " + quote(prefix));
    }

    private static String rangeError(String value, String element) {
        return "parsing time " + quote(value) + ": " + element + " out of range";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Upstream's SetTimestampYear: a year-less time gets the current year, or last year if that is > 7 days ahead. */
    public static ZonedDateTime withCurrentYear(ZonedDateTime t) {
        ZonedDateTime now = ZonedDateTime.now(t.getZone());
        ZonedDateTime d = ZonedDateTime.ofLocal(t.toLocalDateTime().withYear(now.getYear()), t.getZone(), null);
        if (d.isAfter(now.plusDays(7))) {
            d = d.minusYears(1);
        }
        return d;
    }
}
