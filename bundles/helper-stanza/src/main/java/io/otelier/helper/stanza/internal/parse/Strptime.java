package io.otelier.helper.stanza.internal.parse;

import io.otelier.helper.stanza.internal.parse.GoTime.Chunk;
import io.otelier.helper.stanza.internal.parse.GoTime.Std;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** strptime layouts (upstream ctimefmt directives), parsed leniently as upstream's iterative parser does. */
public final class Strptime {

    private static final Pattern DIRECTIVE = Pattern.compile("%.");
    private static final Pattern INVALID_FRACTION = Pattern.compile("[^.,]%[Lfs]");
    private static final String SUPPORTED = "YymoqbhBdegaAHlIpPMSLfsZzwijkDxFTXrRnt%c";

    private final List<GoTime> variants;

    private Strptime(List<GoTime> variants) {
        this.variants = variants;
    }

    /** Validates and compiles; the exception message is upstream's. */
    public static Strptime compile(String format) {
        if (format.chars().anyMatch(Character::isDigit)) {
            throw new IllegalArgumentException("format string should not contain decimals");
        }
        Matcher fraction = INVALID_FRACTION.matcher(format);
        if (fraction.find()) {
            throw new IllegalArgumentException("invalid fractional seconds directive: '" + fraction.group()
                    + "'. must be preceded with '.' or ','");
        }
        List<String> unsupported = new ArrayList<>();
        Matcher m = DIRECTIVE.matcher(format);
        while (m.find()) {
            if (SUPPORTED.indexOf(m.group().charAt(1)) < 0) {
                unsupported.add("unsupported ctimefmt.toNative() directive: " + m.group());
            }
        }
        if (format.endsWith("%") && !format.endsWith("%%")) {
            unsupported.add("unsupported ctimefmt.toNative() directive: %");
        }
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException("invalid strptime format: [" + String.join(" ", unsupported) + "]");
        }
        List<List<Chunk>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                literal.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'n' -> literal.append('\n');
                case 't' -> literal.append('\t');
                case '%' -> literal.append('%');
                case 'L', 'f', 's' -> {
                    char sep = literal.charAt(literal.length() - 1);
                    literal.setLength(literal.length() - 1);
                    flush(variants, literal);
                    addAll(variants, List.of(new Chunk(Std.FRAC9, sep + "999", 3)));
                }
                case 'D', 'x' -> {
                    flush(variants, literal);
                    List<List<Chunk>> doubled = new ArrayList<>();
                    for (String yearKind : new String[] {"2006", "06"}) {
                        for (List<Chunk> v : variants) {
                            List<Chunk> copy = new ArrayList<>(v);
                            copy.add(new Chunk(Std.NUM_MONTH, "1", 0));
                            copy.add(new Chunk(Std.LITERAL, "/", 0));
                            copy.add(new Chunk(Std.DAY, "2", 0));
                            copy.add(new Chunk(Std.LITERAL, "/", 0));
                            copy.add(yearKind.length() == 4 ? new Chunk(Std.LONG_YEAR, "2006", 0)
                                    : new Chunk(Std.YEAR, "06", 0));
                            doubled.add(copy);
                        }
                    }
                    variants = doubled;
                }
                default -> {
                    flush(variants, literal);
                    addAll(variants, chunksFor(d));
                }
            }
        }
        flush(variants, literal);
        List<GoTime> compiled = new ArrayList<>();
        for (List<Chunk> v : variants) {
            compiled.add(GoTime.lenient(format, v));
        }
        return new Strptime(compiled);
    }

    private static List<Chunk> chunksFor(char d) {
        Chunk y4 = new Chunk(Std.LONG_YEAR, "2006", 0);
        Chunk mon = new Chunk(Std.NUM_MONTH, "1", 0);
        Chunk day = new Chunk(Std.DAY, "2", 0);
        Chunk h = new Chunk(Std.HOUR, "15", 0);
        Chunk min = new Chunk(Std.MINUTE, "4", 0);
        Chunk sec = new Chunk(Std.SECOND, "5", 0);
        Chunk colon = new Chunk(Std.LITERAL, ":", 0);
        Chunk space = new Chunk(Std.LITERAL, " ", 0);
        return switch (d) {
            case 'Y' -> List.of(y4);
            case 'y' -> List.of(new Chunk(Std.YEAR, "06", 0));
            case 'm', 'o', 'q' -> List.of(mon);
            case 'b', 'h' -> List.of(new Chunk(Std.MONTH, "Jan", 0));
            case 'B' -> List.of(new Chunk(Std.LONG_MONTH, "January", 0));
            case 'd', 'e', 'g' -> List.of(day);
            case 'a' -> List.of(new Chunk(Std.WEEKDAY, "Mon", 0));
            case 'A' -> List.of(new Chunk(Std.LONG_WEEKDAY, "Monday", 0));
            case 'H' -> List.of(h);
            case 'l', 'I' -> List.of(new Chunk(Std.HOUR12, "3", 0));
            case 'p' -> List.of(new Chunk(Std.PM_UPPER, "PM", 0));
            case 'P' -> List.of(new Chunk(Std.PM_LOWER, "pm", 0));
            case 'M' -> List.of(min);
            case 'S' -> List.of(sec);
            case 'Z' -> List.of(new Chunk(Std.TZ, "MST", 0));
            case 'z' -> List.of(new Chunk(Std.FLEX_TZ, "Z0700", 0));
            case 'w' -> List.of(new Chunk(Std.NUM_TZ_SECONDS, "-070000", 0));
            case 'i' -> List.of(new Chunk(Std.NUM_TZ_SHORT, "-07", 0));
            case 'j' -> List.of(new Chunk(Std.NUM_TZ_COLON, "-07:00", 0));
            case 'k' -> List.of(new Chunk(Std.NUM_TZ_COLON_SECONDS, "-07:00:00", 0));
            case 'F' -> List.of(y4, new Chunk(Std.LITERAL, "-", 0), mon, new Chunk(Std.LITERAL, "-", 0), day);
            case 'T', 'X' -> List.of(h, colon, min, colon, sec);
            case 'r' -> List.of(new Chunk(Std.HOUR12, "3", 0), colon, min, colon, sec, space,
                    new Chunk(Std.PM_LOWER, "pm", 0));
            case 'R' -> List.of(h, colon, min);
            case 'c' -> List.of(new Chunk(Std.WEEKDAY, "Mon", 0), space, new Chunk(Std.MONTH, "Jan", 0), space, day,
                    space, h, colon, min, colon, sec, space, y4);
            default -> throw new IllegalArgumentException("unsupported ctimefmt.toNative() directive: %" + d);
        };
    }

    private static void flush(List<List<Chunk>> variants, StringBuilder literal) {
        if (literal.length() > 0) {
            addAll(variants, List.of(new Chunk(Std.LITERAL, literal.toString(), 0)));
            literal.setLength(0);
        }
    }

    private static void addAll(List<List<Chunk>> variants, List<Chunk> chunks) {
        for (List<Chunk> v : variants) {
            v.addAll(chunks);
        }
    }

    public boolean hasTimeZoneName() {
        return variants.get(0).hasTimeZoneName();
    }

    public long parse(String value, ZoneId location) throws GoTime.ParseError {
        GoTime.ParseError first = null;
        for (GoTime variant : variants) {
            try {
                return variant.parse(value, location);
            } catch (GoTime.ParseError e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }
}
