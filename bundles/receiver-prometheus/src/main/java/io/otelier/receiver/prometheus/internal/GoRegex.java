package io.otelier.receiver.prometheus.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A relabeling regex with Prometheus's semantics: RE2 syntax, anchored at both ends ({@code ^(?s:re)$}), and
 * Go's {@code Regexp.Expand} for templates ({@code $1}, {@code ${1}}, {@code $name}, {@code $$}; {@code $1x}
 * names the group "1x", which does not exist, so it expands to nothing, exactly as in Go).
 *
 * <p>RE2 constructs Java spells differently are translated: {@code (?P<name>…)} and POSIX classes such as
 * {@code [[:alpha:]]}.
 */
final class GoRegex {

    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(Map.entry("alnum", "Alnum"),
            Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"), Map.entry("blank", "Blank"),
            Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"), Map.entry("graph", "Graph"),
            Map.entry("lower", "Lower"), Map.entry("print", "Print"), Map.entry("punct", "Punct"),
            Map.entry("space", "Space"), Map.entry("upper", "Upper"), Map.entry("xdigit", "XDigit"));

    private final String source;
    private final Pattern pattern;

    private GoRegex(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /** @throws PatternSyntaxException when the expression is not valid */
    static GoRegex compile(String source) {
        return new GoRegex(source, Pattern.compile("(?s:" + translate(source) + ")"));
    }

    String source() {
        return source;
    }

    boolean matches(CharSequence value) {
        return pattern.matcher(value).matches();
    }

    /** A matcher positioned on a whole-value match, or null when the value does not match. */
    Matcher match(CharSequence value) {
        Matcher m = pattern.matcher(value);
        return m.matches() ? m : null;
    }

    /** Go's {@code Regexp.ExpandString} of {@code template} with the groups of {@code m}. */
    static String expand(String template, Matcher m) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int next;
            if (i + 1 < n && template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i + 2);
                name = close < 0 ? "" : template.substring(i + 2, close);
                next = close + 1;
                if (close < 0 || name.isEmpty() || !isWord(name)) {
                    out.append('$'); // malformed: Go keeps the '$' as text
                    i++;
                    continue;
                }
            } else {
                int j = i + 1;
                while (j < n && isWordChar(template.charAt(j))) {
                    j++;
                }
                name = template.substring(i + 1, j);
                next = j;
                if (name.isEmpty()) {
                    out.append('$');
                    i++;
                    continue;
                }
            }
            out.append(group(m, name));
            i = next;
        }
        return out.toString();
    }

    private static String group(Matcher m, String name) {
        String value;
        if (allDigits(name)) {
            int index;
            try {
                index = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return "";
            }
            value = index <= m.groupCount() ? m.group(index) : null;
        } else {
            try {
                value = m.group(name);
            } catch (IllegalArgumentException e) {
                value = null;
            }
        }
        return value == null ? "" : value;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isWordChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** RE2 → java.util.regex for the constructs that differ. */
    static String translate(String re) {
        StringBuilder out = new StringBuilder(re.length());
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                out.append(c).append(re.charAt(i + 1));
                i += 2;
            } else if (re.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 4;
            } else if (re.startsWith("[:", i) && re.indexOf(":]", i + 2) > 0) {
                int end = re.indexOf(":]", i + 2);
                String name = re.substring(i + 2, end);
                boolean negated = name.startsWith("^");
                String java = POSIX_CLASSES.get(negated ? name.substring(1) : name);
                if (java == null) {
                    out.append(c);
                    i++;
                } else {
                    out.append(negated ? "\\P{" : "\\p{").append(java).append('}');
                    i = end + 2;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoRegex other && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
