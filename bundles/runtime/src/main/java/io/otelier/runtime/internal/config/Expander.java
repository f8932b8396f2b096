package io.otelier.runtime.internal.config;

import io.otelier.api.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Expands references in string values, as upstream's confmap resolver does after merging the sources:
 * {@code ${env:X}}, {@code ${X}} (env is the default scheme), {@code ${env:X:-default}}, {@code ${file:path}},
 * and {@code $$} for a literal {@code $}. A value that is exactly one reference takes the referenced YAML's
 * type ({@code ${env:PORT}} → 4317); references embedded in text are concatenated as text. References may
 * nest ({@code ${env:A:-${env:B}}}); the inner one is expanded first.
 *
 * <p>Differences from upstream, on purpose: an unterminated {@code ${} is an error instead of literal text,
 * and expanded values are not scanned again (an environment variable holding {@code $$} or {@code ${…}} is
 * taken literally).
 */
final class Expander {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+");
    private static final Pattern ENV_NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");

    /** A referenced value: typed for whole-value use, and as text for embedding. */
    private record Reference(Object typed, String text, Map<List<String>, Origin> origins) {
        Reference(Object typed, String text) {
            this(typed, text, Map.of());
        }
    }

    private final Function<String, String> env;
    private final SourceMap sources;
    private final List<String> warnings;

    Expander(Function<String, String> env, SourceMap sources, List<String> warnings) {
        this.env = env;
        this.sources = sources;
        this.warnings = warnings;
    }

    Object expand(Object value, List<String> path) {
        if (value instanceof String s) {
            return expandString(s, path, true);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, expand(v, ConfigPath.child(path, (String) k))));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(expand(item, ConfigPath.child(path, out.size())));
            }
            return out;
        }
        return value;
    }

    /** @param typed whether a value that is exactly one reference takes the referenced type (else: text) */
    private Object expandString(String s, List<String> path, boolean typed) {
        if (s.indexOf('$') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '$' && s.startsWith("$$", i)) {
                out.append('$');
                i += 2;
            } else if (c == '$' && s.startsWith("${", i)) {
                int close = closingBrace(s, i, path);
                Reference ref = resolve(expandInner(s.substring(i + 2, close), path), path);
                if (typed && i == 0 && close == s.length() - 1) {
                    if (!(ref.typed() instanceof String)) {
                        sources.putExpandedText(path, ref.text());
                    }
                    // a file's own lines locate what it contributes; the value itself stays where it was referenced
                    ref.origins().forEach(sources::put);
                    return ref.typed();
                }
                out.append(ref.text());
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index of the brace closing the reference opened at {@code open}, counting nested references. */
    private int closingBrace(String s, int open, List<String> path) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            if (s.startsWith("${", j)) {
                depth++;
                j++;
            } else if (s.charAt(j) == '}' && --depth == 0) {
                return j;
            }
        }
        throw ConfigErrors.at(sources, path, "unterminated \"${\" in " + ConfigErrors.describe(s));
    }

    private String expandInner(String uri, List<String> path) {
        if (!uri.contains("${")) {
            return uri;
        }
        // inner references are part of the outer one's text
        String expanded = (String) expandString(uri, path, false);
        if (expanded.contains("$")) {
            throw ConfigErrors.at(sources, path, "the uri \"" + expanded + "\" contains unsupported characters ('$')");
        }
        return expanded;
    }

    private Reference resolve(String uri, List<String> path) {
        if (uri.contains("$")) {
            throw ConfigErrors.at(sources, path, "the uri \"" + uri + "\" contains unsupported characters ('$')");
        }
        int colon = uri.indexOf(':');
        if (colon < 0) {
            return env(uri, path); // env is upstream's default scheme
        }
        String scheme = uri.substring(0, colon);
        String opaque = uri.substring(colon + 1);
        if (scheme.equals("env")) {
            return env(opaque, path);
        }
        if (scheme.equals("file")) {
            return file(opaque, path);
        }
        if (!SCHEME.matcher(scheme).matches()) {
            throw ConfigErrors.at(sources, path, "invalid uri: \"" + uri + "\"");
        }
        String hint = opaque.startsWith("-") && ENV_NAME.matcher(scheme).matches()
                ? "; for a default value write ${env:" + uri + "}"
                : " (supported: env, file)";
        throw ConfigErrors.at(sources, path, "scheme \"" + scheme + "\" is not supported for uri \"" + uri + "\"" + hint);
    }

    private Reference env(String reference, List<String> path) {
        int defaultAt = reference.indexOf(":-");
        String name = defaultAt < 0 ? reference : reference.substring(0, defaultAt);
        String fallback = defaultAt < 0 ? null : reference.substring(defaultAt + 2);
        if (!ENV_NAME.matcher(name).matches()) {
            throw ConfigErrors.at(sources, path, "environment variable \"" + name
                    + "\" has invalid name: must match regex " + ENV_NAME.pattern());
        }
        String value = env.apply(name);
        if (value == null && fallback != null) {
            value = fallback;
        } else if (value == null) {
            warnings.add("Configuration references unset environment variable \"" + name + "\" at "
                    + ConfigPath.render(path) + sources.locate(path));
            value = "";
        }
        return new Reference(value.isEmpty() ? "" : YamlReader.parseValue(value), value);
    }

    private Reference file(String location, List<String> path) {
        String content;
        try {
            content = Files.readString(Path.of(location), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ConfigErrors.at(sources, path, "cannot read file \"" + location + "\": no such file");
        } catch (IOException | RuntimeException e) {
            throw ConfigErrors.at(sources, path, "cannot read file \"" + location + "\": " + e.getMessage());
        }
        try {
            YamlReader.Parsed parsed = YamlReader.read(content, location, true, path, "file \"" + location + "\"");
            return new Reference(parsed.value(), content, parsed.origins());
        } catch (ConfigException e) {
            return new Reference(content, content); // not YAML: the text itself, as upstream does
        }
    }
}
