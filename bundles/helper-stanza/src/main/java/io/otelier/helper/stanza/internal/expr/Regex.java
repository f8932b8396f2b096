package io.otelier.helper.stanza.internal.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Go RE2 syntax to java.util.regex: {@code (?P<name>)} groups (whose names Java would refuse when they
 * hold '_' and the like) become positional, POSIX classes become {@code \p{..}}.
 */
public final class Regex {

    /** A compiled pattern and the names of its capture groups in order ({@code null} for unnamed ones). */
    public record Compiled(Pattern pattern, List<String> groupNames) {
    }

    private Regex() {
    }

    public static Compiled compile(String goPattern) {
        List<String> names = new ArrayList<>();
        String java = translate(goPattern, names);
        return new Compiled(Pattern.compile(java), names);
    }

    public static String toJava(String goPattern) {
        return translate(goPattern, new ArrayList<>());
    }

    private static String translate(String s, List<String> names) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                out.append(c).append(s.charAt(i + 1));
                i++;
                continue;
            }
            if (inClass) {
                if (c == '[' && s.startsWith("[:", i)) {
                    int end = s.indexOf(":]", i + 2);
                    if (end > 0) {
                        String name = s.substring(i + 2, end);
                        boolean negated = name.startsWith("^");
                        String posix = posix(negated ? name.substring(1) : name);
                        if (posix != null) {
                            out.append(negated ? "\\P{" : "\\p{").append(posix).append('}');
                            i = end + 1;
                            continue;
                        }
                    }
                }
                if (c == '[') {
                    out.append("\\[");
                    continue;
                }
                if (c == ']') {
                    inClass = false;
                }
                out.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < s.length() && s.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < s.length() && s.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == '(') {
                if (s.startsWith("(?P<", i) || (s.startsWith("(?<", i) && !s.startsWith("(?<=", i)
                        && !s.startsWith("(?<!", i))) {
                    int nameStart = s.indexOf('<', i) + 1;
                    int nameEnd = s.indexOf('>', nameStart);
                    names.add(s.substring(nameStart, nameEnd));
                    out.append('(');
                    i = nameEnd;
                    continue;
                }
                if (!s.startsWith("(?", i)) {
                    names.add(null);
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String posix(String name) {
        return switch (name) {
            case "alnum" -> "Alnum";
            case "alpha" -> "Alpha";
            case "ascii" -> "ASCII";
            case "blank" -> "Blank";
            case "cntrl" -> "Cntrl";
            case "digit" -> "Digit";
            case "graph" -> "Graph";
            case "lower" -> "Lower";
            case "print" -> "Print";
            case "punct" -> "Punct";
            case "space" -> "Space";
            case "upper" -> "Upper";
            case "word" -> "Alnum";
            case "xdigit" -> "XDigit";
            default -> null;
        };
    }
}
