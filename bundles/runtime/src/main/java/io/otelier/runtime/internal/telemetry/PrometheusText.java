package io.otelier.runtime.internal.telemetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders instruments the way upstream's stack does (OTel Go Prometheus exporter → client_golang registry →
 * expfmt text 0.0.4 with underscore escaping): families sorted by name, labels sorted by name, series sorted by
 * label values, names with characters outside {@code [a-zA-Z0-9_:]} escaped to '_', values printed as Go's
 * {@code %g}, the resource as {@code target_info}.
 */
final class PrometheusText {

    static final String TARGET_INFO = "target_info";
    private static final String TARGET_INFO_HELP = "Target metadata";
    private static final String SCOPE_NAME = "otel_scope_name";
    private static final String SCOPE_VERSION = "otel_scope_version";
    private static final String SCOPE_SCHEMA_URL = "otel_scope_schema_url";

    /** otlptranslator's unit words for the name suffix. */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("d", "days"), Map.entry("h", "hours"), Map.entry("min", "minutes"),
            Map.entry("s", "seconds"), Map.entry("ms", "milliseconds"), Map.entry("us", "microseconds"),
            Map.entry("ns", "nanoseconds"), Map.entry("By", "bytes"), Map.entry("KiBy", "kibibytes"),
            Map.entry("MiBy", "mebibytes"), Map.entry("GiBy", "gibibytes"), Map.entry("TiBy", "tibibytes"),
            Map.entry("KBy", "kilobytes"), Map.entry("MBy", "megabytes"), Map.entry("GBy", "gigabytes"),
            Map.entry("TBy", "terabytes"), Map.entry("m", "meters"), Map.entry("V", "volts"),
            Map.entry("A", "amperes"), Map.entry("J", "joules"), Map.entry("W", "watts"), Map.entry("g", "grams"),
            Map.entry("Cel", "celsius"), Map.entry("Hz", "hertz"), Map.entry("1", ""), Map.entry("%", "percent"));
    private static final Map<String, String> PER_UNITS = Map.of("s", "second", "m", "minute", "h", "hour",
            "d", "day", "w", "week", "mo", "month", "y", "year");

    private static final Comparator<Row> ROW_ORDER = (a, b) -> {
        if (a.names.length != b.names.length) {
            return Integer.compare(a.names.length, b.names.length);
        }
        for (int i = 0; i < a.values.length; i++) {
            int c = a.values[i].compareTo(b.values[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private PrometheusText() {
    }

    static String render(List<Instrument> instruments, Map<String, String> resource, PrometheusFormat format) {
        // Stable input order, so that when two instruments share a family the same one gives HELP and TYPE.
        instruments.sort(Comparator.comparing((Instrument i) -> i.name).thenComparing(i -> i.scope));
        Map<String, String> constantLabels = constantLabels(resource, format);
        TreeMap<String, Family> families = new TreeMap<>();
        for (Instrument instrument : instruments) {
            Family family = families.computeIfAbsent(metricName(instrument, format),
                    n -> new Family(instrument.description, instrument.kind.prometheusType));
            instrument.series.forEach((labels, sample) -> {
                double value;
                try {
                    value = sample.read();
                } catch (RuntimeException | LinkageError e) {
                    return; // an observer that fails skips its series this scrape, as an OTel callback error does
                }
                family.rows.add(Row.of(labels, instrument.scope, format, constantLabels, value));
            });
        }
        if (!resource.isEmpty()) {
            Family info = families.computeIfAbsent(TARGET_INFO, n -> new Family(TARGET_INFO_HELP, "gauge"));
            info.rows.add(Row.of(new TreeMap<>(resource), 1));
        }
        StringBuilder out = new StringBuilder(4096);
        families.forEach((name, family) -> family.write(out, escapeName(name)));
        return out.toString();
    }

    private static Map<String, String> constantLabels(Map<String, String> resource, PrometheusFormat format) {
        Map<String, String> labels = new TreeMap<>();
        if (format.resourceConstantLabels() != null) {
            resource.forEach((k, v) -> {
                if (format.resourceConstantLabels().test(k)) {
                    labels.put(k, v);
                }
            });
        }
        return labels;
    }

    /** The exposed name: as is, or with otlptranslator's unit, per-unit, {@code _total} and {@code _ratio} suffixes. */
    static String metricName(Instrument instrument, PrometheusFormat format) {
        String name = instrument.name;
        if (!format.addsSuffixes()) {
            return name;
        }
        boolean ratio = "1".equals(instrument.unit) && instrument.kind == Instrument.Kind.GAUGE;
        boolean total = instrument.kind == Instrument.Kind.COUNTER;
        if (ratio) {
            name = trimSuffixAndDelimiter(name, "ratio");
        }
        if (total) {
            name = trimSuffixAndDelimiter(name, "total");
        }
        String[] unitParts = instrument.unit.split("/", 2);
        String main = unitWord(unitParts[0], UNITS);
        String per = unitParts.length > 1 ? unitWord(unitParts[1], PER_UNITS) : "";
        per = per.isEmpty() ? "" : "per_" + per;
        if (!per.isEmpty()) {
            name = trimSuffixAndDelimiter(name, per);
        }
        if (!main.isEmpty() && !name.endsWith(main)) {
            name = name + "_" + main;
        }
        if (!per.isEmpty()) {
            name = name + "_" + per;
        }
        if (total) {
            name = name + "_total";
        }
        if (ratio) {
            name = name + "_ratio";
        }
        return name;
    }

    /** Units in curly braces are annotations ({@code {span}}) and add no suffix. */
    private static String unitWord(String unit, Map<String, String> words) {
        String u = unit.strip();
        if (u.isEmpty() || u.contains("{") || u.contains("}")) {
            return "";
        }
        return words.getOrDefault(u, u);
    }

    private static String trimSuffixAndDelimiter(String name, String suffix) {
        if (name.endsWith(suffix) && name.length() > suffix.length() + 1) {
            return name.substring(0, name.length() - suffix.length() - 1);
        }
        return name;
    }

    /** expfmt's underscore escaping: every character outside the legacy name charset becomes '_'. */
    static String escapeName(String name) {
        if (isLegacyName(name)) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length());
        int[] index = {0};
        name.codePoints().forEach(cp -> {
            sb.appendCodePoint(isLegacyChar(cp, index[0]) ? cp : '_');
            index[0]++;
        });
        return sb.toString();
    }

    private static boolean isLegacyName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isLegacyChar(name.charAt(i), i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLegacyChar(int c, int index) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
                || (c >= '0' && c <= '9' && index > 0);
    }

    /** expfmt's writeFloat. */
    static String formatValue(double v) {
        if (v == 1) {
            return "1";
        }
        if (v == 0) {
            return "0";
        }
        if (v == -1) {
            return "-1";
        }
        return GoFloat.formatG(v);
    }

    private static void appendEscaped(StringBuilder sb, String s, boolean quote) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '"' -> sb.append(quote ? "\\\"" : "\"");
                default -> sb.append(c);
            }
        }
    }

    private static final class Family {
        final String help;
        final String type;
        final List<Row> rows = new ArrayList<>();

        Family(String help, String type) {
            this.help = help;
            this.type = type;
        }

        void write(StringBuilder out, String name) {
            if (rows.isEmpty()) {
                return; // an instrument nobody reported to yet has no data points, so no family
            }
            rows.sort(ROW_ORDER);
            out.append("# HELP ").append(name).append(' ');
            appendEscaped(out, help, false);
            out.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
            Row previous = null;
            for (Row row : rows) {
                if (previous != null && row.sameLabels(previous)) {
                    continue; // client_golang would reject the duplicate; keep the first reading
                }
                row.write(out, name);
                previous = row;
            }
        }
    }

    /** One sample: label names sorted, with their values, and the reading. */
    private record Row(String[] names, String[] values, double value) {

        static Row of(LabelSet labels, String scope, PrometheusFormat format, Map<String, String> constant,
                double value) {
            TreeMap<String, String> all = new TreeMap<>();
            for (int i = 0; i < labels.size(); i++) {
                all.put(labels.names[i], labels.values[i]);
            }
            if (!format.withoutScopeInfo()) {
                all.putIfAbsent(SCOPE_NAME, scope);
                all.putIfAbsent(SCOPE_VERSION, "");
                all.putIfAbsent(SCOPE_SCHEMA_URL, "");
            }
            constant.forEach(all::putIfAbsent);
            return of(all, value);
        }

        static Row of(TreeMap<String, String> labels, double value) {
            return new Row(labels.keySet().toArray(new String[0]), labels.values().toArray(new String[0]), value);
        }

        boolean sameLabels(Row other) {
            return java.util.Arrays.equals(names, other.names) && java.util.Arrays.equals(values, other.values);
        }

        void write(StringBuilder out, String name) {
            out.append(name);
            if (names.length > 0) {
                out.append('{');
                for (int i = 0; i < names.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(escapeName(names[i])).append("=\"");
                    appendEscaped(out, values[i], true);
                    out.append('"');
                }
                out.append('}');
            }
            out.append(' ').append(formatValue(value)).append('\n');
        }
    }
}
