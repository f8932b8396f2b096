package io.otelier.builder;

import java.util.Optional;

/**
 * Maven coordinates in the usual short form: {@code groupId:artifactId[:extension[:classifier]]:version}.
 */
public record Coordinates(String groupId, String artifactId, String extension, String classifier, String version) {

    public Coordinates {
        require(groupId, "groupId");
        require(artifactId, "artifactId");
        require(extension, "extension");
        require(version, "version");
        classifier = classifier == null ? "" : classifier;
    }

    public static Coordinates jar(String groupId, String artifactId, String version) {
        return new Coordinates(groupId, artifactId, "jar", "", version);
    }

    /** Parses the short form, or returns empty when {@code text} is not one. */
    public static Optional<Coordinates> parse(String text) {
        if (text == null || text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        String[] p = text.split(":", -1);
        for (String part : p) {
            if (part.isEmpty()) {
                return Optional.empty();
            }
        }
        return switch (p.length) {
            case 3 -> Optional.of(new Coordinates(p[0], p[1], "jar", "", p[2]));
            case 4 -> Optional.of(new Coordinates(p[0], p[1], p[2], "", p[3]));
            case 5 -> Optional.of(new Coordinates(p[0], p[1], p[2], p[3], p[4]));
            default -> Optional.empty();
        };
    }

    private static void require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(groupId).append(':').append(artifactId);
        if (!"jar".equals(extension) || !classifier.isEmpty()) {
            s.append(':').append(extension);
        }
        if (!classifier.isEmpty()) {
            s.append(':').append(classifier);
        }
        return s.append(':').append(version).toString();
    }
}
