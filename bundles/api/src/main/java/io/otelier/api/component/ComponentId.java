package io.otelier.api.component;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A component id as written in the config: {@code type[/name]}. The type must match
 * {@code ^[a-zA-Z][0-9a-zA-Z_]{0,62}$}; the name may not be empty when the slash is present and may not
 * contain whitespace or control characters (upstream component.ID rules).
 */
public record ComponentId(String type, String name) implements Comparable<ComponentId> {

    public static final Pattern TYPE_PATTERN = Pattern.compile("^[a-zA-Z][0-9a-zA-Z_]{0,62}$");
    private static final Pattern NAME_PATTERN = Pattern.compile("^[^\\p{Cntrl}\\s/]{1,1024}$");

    public ComponentId {
        Objects.requireNonNull(type, "type");
        name = name == null ? "" : name;
    }

    public static ComponentId of(String type) {
        return new ComponentId(type, "");
    }

    public static ComponentId of(String type, String name) {
        return new ComponentId(type, name);
    }

    /**
     * Parses {@code type[/name]}.
     *
     * @throws IllegalArgumentException with a message that names what is wrong with the id
     */
    public static ComponentId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String type = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String name = slash < 0 ? "" : trimmed.substring(slash + 1);
        if (!TYPE_PATTERN.matcher(type).matches()) {
            throw new IllegalArgumentException("invalid character(s) in type \"" + type
                    + "\": a type must start with a letter and contain only letters, digits and '_' (at most 63)");
        }
        if (slash >= 0 && name.isEmpty()) {
            throw new IllegalArgumentException("name part must be specified after '/' in id \"" + text + "\"");
        }
        if (slash >= 0 && !NAME_PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid character(s) in name \"" + name + "\"");
        }
        return new ComponentId(type, name);
    }

    @Override
    public String toString() {
        return name.isEmpty() ? type : type + "/" + name;
    }

    @Override
    public int compareTo(ComponentId o) {
        return toString().compareTo(o.toString());
    }
}
