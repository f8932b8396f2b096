package io.otelier.runtime.internal.config;

import io.otelier.api.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns {@code --config} and {@code --set} values into one config tree, as upstream's confmap resolver does:
 * every {@code --config} source is read ({@code path}, {@code file:path}, {@code env:VAR} holding YAML,
 * {@code yaml:a::b: value}) and merged in order — maps merge, lists and scalars are replaced, later wins —
 * then each {@code --set a::b=v} is merged the same way (upstream turns it into a {@code yaml:} source
 * appended last, dots in the key included), and finally {@code ${…}} references are expanded.
 */
public final class ConfigResolver {

    /** The merged, expanded tree; where each value came from; warnings for the log (unset variables). */
    public record Resolved(Map<String, Object> tree, SourceMap sources, List<String> warnings) {
    }

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:[\\\\/].*", Pattern.DOTALL);

    private final Function<String, String> env;

    /** @param env looks up environment variables; null means unset */
    public ConfigResolver(Function<String, String> env) {
        this.env = env;
    }

    public Resolved resolve(List<String> configUris, List<String> sets) {
        if (configUris.isEmpty()) {
            throw ConfigException.of("at least one config flag must be provided");
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        SourceMap sources = new SourceMap();
        for (String uri : configUris) {
            mergeSource(merged, sources, readConfigUri(uri));
        }
        for (String set : sets) {
            mergeSource(merged, sources, readSet(set));
        }
        Set<List<String>> present = new HashSet<>();
        collectPaths(merged, List.of(), present);
        sources.retainPaths(present);
        List<String> warnings = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> expanded = (Map<String, Object>) new Expander(env, sources, warnings).expand(merged, List.of());
        return new Resolved(expanded, sources, List.copyOf(warnings));
    }

    private static void mergeSource(Map<String, Object> merged, SourceMap sources, YamlReader.Parsed parsed) {
        if (parsed.value() != null) {
            TreeMerger.mergeInto(merged, TreeMerger.asTree(parsed.value()));
        }
        sources.putAll(parsed.origins());
    }

    private YamlReader.Parsed readConfigUri(String uri) {
        if (DRIVE_LETTER.matcher(uri).matches() || !uri.contains(":")) {
            return readFile(uri);
        }
        String scheme = uri.substring(0, uri.indexOf(':'));
        String opaque = uri.substring(scheme.length() + 1);
        return switch (scheme) {
            case "file" -> readFile(opaque);
            case "env" -> readEnv(opaque);
            case "yaml" -> topLevelMap(YamlReader.read(opaque, abbreviate(uri), false, List.of(), "\"" + uri + "\""),
                    "\"" + uri + "\"");
            default -> throw ConfigException.of("unsupported scheme on URI \"" + uri
                    + "\" (supported: file, env, yaml)");
        };
    }

    private static YamlReader.Parsed readFile(String location) {
        String text;
        try {
            text = Files.readString(Path.of(location), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ConfigException.of("cannot read config file \"" + location + "\": no such file");
        } catch (IOException | RuntimeException e) {
            throw ConfigException.of("cannot read config file \"" + location + "\": " + e.getMessage());
        }
        String described = "config file \"" + location + "\"";
        return topLevelMap(YamlReader.read(text, location, true, List.of(), described), described);
    }

    private YamlReader.Parsed readEnv(String name) {
        String text = env.apply(name);
        String described = "environment variable \"" + name + "\"";
        // unset reads as an empty document, as upstream's env provider does
        return topLevelMap(YamlReader.read(text == null ? "" : text, "env:" + name, true, List.of(), described),
                described);
    }

    private static YamlReader.Parsed readSet(String set) {
        int equals = set.indexOf('=');
        if (equals < 0) {
            throw ConfigException.of("--set \"" + set + "\": missing equal sign");
        }
        String key = set.substring(0, equals).strip().replace(".", ConfigPath.DELIMITER);
        String yaml = key + ": " + set.substring(equals + 1).strip();
        String described = "--set \"" + set + "\"";
        return topLevelMap(YamlReader.read(yaml, "--set " + set, false, List.of(), described), described);
    }

    private static YamlReader.Parsed topLevelMap(YamlReader.Parsed parsed, String described) {
        if (parsed.value() != null && !(parsed.value() instanceof Map<?, ?>)) {
            throw ConfigException.of(described + " must hold a map at the top level, got "
                    + ConfigErrors.describe(parsed.value()));
        }
        return parsed;
    }

    private static String abbreviate(String uri) {
        return uri.length() <= 60 ? uri : uri.substring(0, 57) + "...";
    }

    private static void collectPaths(Object value, List<String> path, Set<List<String>> out) {
        out.add(path);
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectPaths(v, ConfigPath.child(path, (String) k), out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectPaths(list.get(i), ConfigPath.child(path, i), out);
            }
        }
    }
}
