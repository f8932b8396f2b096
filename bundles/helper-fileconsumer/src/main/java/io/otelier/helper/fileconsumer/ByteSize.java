package io.otelier.helper.fileconsumer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes as upstream's {@code helper.ByteSize} reads it: a number ({@code 1024}, {@code 1.5}) or a string
 * with an optional decimal or binary unit ({@code "1MiB"}, {@code "64kb"}, {@code "16KiB"}).
 */
public record ByteSize(long bytes) {

    private static final Pattern TEXT = Pattern.compile("^(\\d+\\.?\\d*)\\s*([kKmMgGtTpP]i?[bB])?$");

    public static ByteSize of(long bytes) {
        return new ByteSize(bytes);
    }

    /** Binding from YAML: a number or a string. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ByteSize parse(Object value) {
        if (value instanceof Number n) {
            return new ByteSize(n.longValue());
        }
        if (value instanceof String s) {
            return parseText(s);
        }
        throw new IllegalArgumentException("failed to unmarshal to int64, float64, or string: got " + value);
    }

    private static ByteSize parseText(String text) {
        try {
            return new ByteSize(Long.parseLong(text));
        } catch (NumberFormatException notAnInteger) {
            // a float or a unit
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid byte size '" + text + "'");
        }
        double numeral = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        double multiplier = switch (unit) {
            case "" -> 1;
            case "kb" -> 1e3;
            case "kib" -> 1024d;
            case "mb" -> 1e6;
            case "mib" -> 1024d * 1024;
            case "gb" -> 1e9;
            case "gib" -> 1024d * 1024 * 1024;
            case "tb" -> 1e12;
            case "tib" -> 1024d * 1024 * 1024 * 1024;
            case "pb" -> 1e15;
            case "pib" -> 1024d * 1024 * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("invalid byte size '" + text + "'");
        };
        return new ByteSize((long) (numeral * multiplier));
    }

    @JsonValue
    @Override
    public long bytes() {
        return bytes;
    }

    /** The size as an int buffer length; sizes beyond 2 GiB are clamped. */
    public int asInt() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, bytes));
    }
}
