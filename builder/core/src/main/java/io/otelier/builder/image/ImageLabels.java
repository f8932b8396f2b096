package io.otelier.builder.image;

import io.otelier.builder.manifest.ComponentKind;
import io.otelier.builder.manifest.DistInfo;
import io.otelier.builder.output.Listing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image's labels: the OCI annotations for title, description and version, the base image when it comes from a
 * registry, and {@value #COMPONENTS} listing the components per kind as JSON, in the shape of the
 * {@code components} command ({@code {"receivers":["nop","otlp"],"processors":[…],…}}) so tools (the operator)
 * can check a config against an image without running it. The manifest's {@code image::labels} come last and
 * win; {@code org.opencontainers.image.source} is one of those (a project's URL is not the builder's to know).
 */
public final class ImageLabels {

    public static final String TITLE = "org.opencontainers.image.title";
    public static final String DESCRIPTION = "org.opencontainers.image.description";
    public static final String VERSION = "org.opencontainers.image.version";
    public static final String SOURCE = "org.opencontainers.image.source";
    public static final String BASE_NAME = "org.opencontainers.image.base.name";
    public static final String COMPONENTS = "io.otelier.components";

    private ImageLabels() {
    }

    /**
     * @param registryBase the base image's reference when it comes from a registry, else null
     */
    public static Map<String, String> of(DistInfo dist, List<Listing> components, String registryBase,
            Map<String, String> manifestLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(TITLE, dist.name());
        labels.put(DESCRIPTION, dist.description());
        labels.put(VERSION, dist.version());
        if (registryBase != null) {
            labels.put(BASE_NAME, registryBase);
        }
        labels.put(COMPONENTS, componentsJson(components));
        labels.putAll(manifestLabels);
        return labels;
    }

    static String componentsJson(List<Listing> components) {
        StringBuilder json = new StringBuilder("{");
        for (ComponentKind kind : ComponentKind.values()) {
            List<String> names = components.stream().filter(l -> l.kind() == kind).map(Listing::name).sorted()
                    .toList();
            if (names.isEmpty()) {
                continue;
            }
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(kind.section())).append(":[");
            for (int i = 0; i < names.size(); i++) {
                json.append(i == 0 ? "" : ",").append(quote(names.get(i)));
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
