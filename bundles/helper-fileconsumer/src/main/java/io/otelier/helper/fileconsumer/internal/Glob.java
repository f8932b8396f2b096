package io.otelier.helper.fileconsumer.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path glob with the semantics of the doublestar library upstream uses: {@code *} and {@code ?} stay inside one
 * path segment, {@code **} as a whole segment spans any number of directories (none included), {@code [...]} and
 * {@code [!...]} are character classes, {@code {a,b}} are alternatives, {@code \} escapes, and dot files are not
 * special. Matching is on the path as written, with {@code /} separators.
 */
public final class Glob {

    private static final String META = "*?[{\\";

    private final String pattern;
    private final Pattern regex;
    private final Path base;
    private final int maxDepth;

    private Glob(String pattern, Pattern regex, Path base, int maxDepth) {
        this.pattern = pattern;
        this.regex = regex;
        this.base = base;
        this.maxDepth = maxDepth;
    }

    /** @throws IllegalArgumentException "syntax error in pattern" as doublestar's ErrBadPattern */
    public static Glob compile(String glob) {
        String clean = clean(glob);
        String regex = toRegex(clean, 0, clean.length(), false);
        List<String> segments = List.of(clean.split("/", -1));
        int staticCount = 0;
        while (staticCount < segments.size() - 1 && !hasMeta(segments.get(staticCount))) {
            staticCount++;
        }
        String baseText = String.join("/", segments.subList(0, staticCount));
        if (baseText.isEmpty()) {
            baseText = clean.startsWith("/") ? "/" : ".";
        }
        boolean deep = clean.contains("**") || clean.contains("{");
        int depth = deep ? Integer.MAX_VALUE : segments.size() - staticCount;
        return new Glob(clean, Pattern.compile(regex), Path.of(baseText), depth);
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    /** The regular files (or links to them) matching this glob; unreadable directories are skipped. */
    public List<String> findFiles() {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            if (maxDepth == 0 && Files.isRegularFile(base) && matches(base.toString())) {
                out.add(base.toString());
            }
            return out;
        }
        boolean relative = !pattern.startsWith("/") && base.toString().equals(".");
        try {
            Files.walkFileTree(base, EnumSet.noneOf(java.nio.file.FileVisitOption.class), maxDepth,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String text = relative ? base.relativize(file).toString() : file.toString();
                            if ((attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file))
                                    && matches(text)) {
                                out.add(text);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // the base vanished between the check and the walk: nothing matches this time
        }
        return out;
    }

    /** Like Go's filepath.Clean for the parts that matter here: no "./" segments, no doubled slashes. */
    private static String clean(String glob) {
        String s = glob.replaceAll("/{2,}", "/");
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        s = s.replace("/./", "/");
        if (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static boolean hasMeta(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (META.indexOf(segment.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static IllegalArgumentException bad() {
        return new IllegalArgumentException("syntax error in pattern");
    }

    /** Translates {@code glob[from, to)}; inside alternatives a top-level comma ends an alternative. */
    private static String toRegex(String glob, int from, int to, boolean inAlternative) {
        StringBuilder out = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= to) {
                        throw bad();
                    }
                    out.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                    i += 2;
                }
                case '*' -> {
                    boolean doubleStar = i + 1 < to && glob.charAt(i + 1) == '*';
                    boolean segmentStart = i == from || glob.charAt(i - 1) == '/';
                    if (doubleStar && segmentStart && (i + 2 == to || glob.charAt(i + 2) == '/')) {
                        if (i + 2 == to) {
                            out.append(".*");
                            i += 2;
                        } else {
                            out.append("(?:[^/]*/)*");
                            i += 3;
                        }
                    } else {
                        out.append("[^/]*");
                        i += doubleStar ? 2 : 1;
                    }
                }
                case '?' -> {
                    out.append("[^/]");
                    i++;
                }
                case '[' -> i = characterClass(glob, i, to, out);
                case '{' -> i = alternatives(glob, i, to, out);
                default -> {
                    out.append(Pattern.quote(String.valueOf(c)));
                    i++;
                }
            }
        }
        return out.toString();
    }

    private static int characterClass(String glob, int open, int to, StringBuilder out) {
        int i = open + 1;
        StringBuilder cls = new StringBuilder("[");
        if (i < to && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            cls.append('^');
            i++;
        }
        boolean any = false;
        while (i < to && (glob.charAt(i) != ']' || !any)) {
            char c = glob.charAt(i);
            if (c == '\\') {
                if (i + 1 >= to) {
                    throw bad();
                }
                c = glob.charAt(++i);
            }
            if (c == '/') {
                throw bad();
            }
            if (c == '-' && any && i + 1 < to && glob.charAt(i + 1) != ']') {
                cls.append('-');
            } else {
                cls.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            }
            any = true;
            i++;
        }
        if (i >= to) {
            throw bad();
        }
        out.append(cls).append(']');
        return i + 1;
    }

    private static int alternatives(String glob, int open, int to, StringBuilder out) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < to; i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    throw bad();
                }
                i = close;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(toRegex(glob, start, i, true));
                start = i + 1;
            } else if (c == '}') {
                parts.add(toRegex(glob, start, i, true));
                out.append("(?:").append(String.join("|", parts)).append(')');
                return i + 1;
            }
        }
        throw bad();
    }
}
