package io.otelier.helper.prometheus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Metric, unit and label names as Prometheus's {@code otlptranslator} v1.0.0 builds them for remote write 1.0
 * (the underscore-escaping strategies: UTF-8 names need remote write 2.0 or a UTF-8 scrape). Upstream's {@code MetricNamer}, {@code UnitNamer}
 * and {@code LabelNamer} with {@code PreserveMultipleUnderscores}, as the contrib translator configures them.
 */
public final class PrometheusNames {

    /** UCUM units to the Prometheus word for them; {@code 1} has none (gauges get {@code _ratio} instead). */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("d", "days"), Map.entry("h", "hours"), Map.entry("min", "minutes"), Map.entry("s", "seconds"),
            Map.entry("ms", "milliseconds"), Map.entry("us", "microseconds"), Map.entry("ns", "nanoseconds"),
            Map.entry("By", "bytes"), Map.entry("KiBy", "kibibytes"), Map.entry("MiBy", "mebibytes"),
            Map.entry("GiBy", "gibibytes"), Map.entry("TiBy", "tibibytes"), Map.entry("KBy", "kilobytes"),
            Map.entry("MBy", "megabytes"), Map.entry("GBy", "gigabytes"), Map.entry("TBy", "terabytes"),
            Map.entry("m", "meters"), Map.entry("V", "volts"), Map.entry("A", "amperes"), Map.entry("J", "joules"),
            Map.entry("W", "watts"), Map.entry("g", "grams"), Map.entry("Cel", "celsius"), Map.entry("Hz", "hertz"),
            Map.entry("1", ""), Map.entry("%", "percent"));

    /** The denominator of {@code x/y} units, singular. */
    private static final Map<String, String> PER_UNITS = Map.of("s", "second", "m", "minute", "h", "hour",
            "d", "day", "w", "week", "mo", "month", "y", "year");

    /** The other direction, for receivers: Prometheus unit words to UCUM ({@code ratio} is the word for {@code 1}). */
    private static final Map<String, String> UNIT_WORDS = inverted(UNITS, Map.of("ratio", "1"));
    private static final Map<String, String> PER_UNIT_WORDS = inverted(PER_UNITS, Map.of());

    private PrometheusNames() {
    }

    private static Map<String, String> inverted(Map<String, String> table, Map<String, String> extra) {
        Map<String, String> inverse = new java.util.HashMap<>(extra);
        table.forEach((ucum, word) -> {
            if (!word.isEmpty()) {
                inverse.put(word, ucum);
            }
        });
        return Map.copyOf(inverse);
    }

    /**
     * The UCUM unit a Prometheus unit word stands for, as upstream's {@code UnitWordToUCUM} (with its default
     * CorrectUCUMUnits gate off): {@code seconds} → {@code s}, {@code bytes_per_second} → {@code By/s}; words
     * without a UCUM counterpart stay as they are.
     */
    public static String unitWordToUcum(String unit) {
        int per = unit.indexOf("_per_");
        String first = per < 0 ? unit : unit.substring(0, per);
        String ucum = UNIT_WORDS.getOrDefault(first, first);
        if (per >= 0) {
            String second = unit.substring(per + "_per_".length());
            if (!second.isEmpty()) {
                ucum += "/" + PER_UNIT_WORDS.getOrDefault(second, second);
            }
        }
        return ucum;
    }

    /**
     * The series name for an OTLP metric, or empty when nothing valid is left of it (upstream then drops the
     * metric with "normalization for metric … resulted in …").
     *
     * @param withSuffixes {@code add_metric_suffixes}: unit words, {@code _total}, {@code _ratio}
     */
    public static Optional<String> metricName(String name, String unit, MetricKind kind, String namespace,
            boolean withSuffixes) {
        String normalized = withSuffixes ? normalizeWithSuffixes(name, unit, kind, namespace)
                : normalizeWithoutSuffixes(name, namespace);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        if (!normalized.equals(name) && onlyUnderscores(normalized)) {
            return Optional.empty();
        }
        return Optional.of(normalized);
    }

    private static String normalizeWithSuffixes(String name, String unit, MetricKind kind, String namespace) {
        List<String> tokens = fields(name, c -> !isMetricChar(c));
        String[] suffixes = unitSuffixes(unit);
        addUnitTokens(tokens, cleanUpUnit(suffixes[0]), cleanUpUnit(suffixes[1]));
        if (kind == MetricKind.MONOTONIC_COUNTER) {
            tokens.removeIf("total"::equals);
            tokens.add("total");
        }
        if (unit.equals("1") && kind == MetricKind.GAUGE) {
            tokens.removeIf("ratio"::equals);
            tokens.add("ratio");
        }
        if (!namespace.isEmpty()) {
            tokens.add(0, namespace);
        }
        return prefixLeadingDigit(String.join("_", tokens));
    }

    private static String normalizeWithoutSuffixes(String name, String namespace) {
        IntPredicate separator = c -> !isMetricChar(c) && c != '_';
        String metricName = String.join("_", fields(name, separator));
        if (!namespace.isEmpty()) {
            // upstream adds no digit guard on this path: the namespace comes first
            return String.join("_", fields(namespace, separator)) + "_" + metricName;
        }
        return prefixLeadingDigit(metricName);
    }

    private static void addUnitTokens(List<String> tokens, String mainSuffix, String perSuffix) {
        if (tokens.contains(mainSuffix)) {
            mainSuffix = "";
        }
        if (perSuffix.equals("per_")) {
            perSuffix = "";
        } else {
            perSuffix = perSuffix.endsWith("_") ? perSuffix.substring(0, perSuffix.length() - 1) : perSuffix;
            if (tokens.contains(perSuffix)) {
                perSuffix = "";
            }
        }
        if (!perSuffix.isEmpty() && mainSuffix.endsWith("_")) {
            mainSuffix = mainSuffix.substring(0, mainSuffix.length() - 1);
        }
        if (!mainSuffix.isEmpty()) {
            tokens.add(mainSuffix);
        }
        if (!perSuffix.isEmpty()) {
            tokens.add(perSuffix);
        }
    }

    /** {@code [main, per]} words of a unit like {@code By/s}; {@code {packets}} annotations give none. */
    static String[] unitSuffixes(String unit) {
        String main = "";
        String per = "";
        int slash = unit.indexOf('/');
        String mainUnit = (slash < 0 ? unit : unit.substring(0, slash)).strip();
        if (!mainUnit.isEmpty() && !hasBraces(mainUnit)) {
            main = UNITS.getOrDefault(mainUnit, mainUnit);
        }
        if (slash >= 0 && slash + 1 < unit.length()) {
            String perUnit = unit.substring(slash + 1).strip();
            if (!perUnit.isEmpty() && !hasBraces(perUnit)) {
                per = PER_UNITS.getOrDefault(perUnit, perUnit);
            }
            if (!per.isEmpty()) {
                per = "per_" + per;
            }
        }
        return new String[] {main, per};
    }

    /** Upstream's {@code UnitNamer.Build}: the unit as a name part (the {@code unit} of metadata). */
    public static String unitName(String unit) {
        String[] suffixes = unitSuffixes(unit);
        String main = cleanUpUnit(suffixes[0]);
        String per = cleanUpUnit(suffixes[1]);
        String u = !main.isEmpty() && !per.isEmpty() ? main + "_" + per : !main.isEmpty() ? main : per;
        if (u.startsWith("_")) {
            u = u.substring(1);
        }
        if (u.endsWith("_")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * A label name Prometheus accepts: every character outside {@code [a-zA-Z0-9_]} becomes {@code _}, a leading
     * digit gets {@code key_} in front.
     *
     * @throws IllegalArgumentException for an empty name or one of only underscores (upstream's errors)
     */
    public static String labelName(String label) {
        if (label.isEmpty()) {
            throw new IllegalArgumentException("label name is empty");
        }
        StringBuilder out = new StringBuilder(label.length());
        label.codePoints().forEach(c -> out.append(isLabelChar(c) ? (char) c : '_'));
        String normalized = out.toString();
        if (isDigit(normalized.charAt(0))) {
            normalized = "key_" + normalized;
        }
        if (onlyUnderscores(normalized)) {
            throw new IllegalArgumentException(
                    "normalization for label name \"" + label + "\" resulted in invalid name \"" + normalized + "\"");
        }
        return normalized;
    }

    private static String cleanUpUnit(String unit) {
        StringBuilder out = new StringBuilder(unit.length());
        unit.codePoints().forEach(c -> {
            char mapped = isMetricChar(c) ? (char) c : '_';
            if (mapped != '_' || out.length() == 0 || out.charAt(out.length() - 1) != '_') {
                out.append(mapped);
            }
        });
        return out.length() > 0 && out.charAt(0) == '_' ? out.substring(1) : out.toString();
    }

    /** Go's {@code strings.FieldsFunc}: the non-empty runs between separators. */
    private static List<String> fields(String s, IntPredicate separator) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (separator.test(c)) {
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.appendCodePoint(c);
            }
        });
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private static String prefixLeadingDigit(String name) {
        return !name.isEmpty() && isDigit(name.charAt(0)) ? "_" + name : name;
    }

    private static boolean hasBraces(String s) {
        return s.indexOf('{') >= 0 || s.indexOf('}') >= 0;
    }

    private static boolean onlyUnderscores(String s) {
        return s.chars().allMatch(c -> c == '_');
    }

    private static boolean isMetricChar(int c) {
        return isLabelChar(c) || c == ':';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLabelChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
