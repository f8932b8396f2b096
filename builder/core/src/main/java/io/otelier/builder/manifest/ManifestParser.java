package io.otelier.builder.manifest;

import io.otelier.builder.BuildException;
import io.otelier.builder.Coordinates;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a manifest strictly: every key must be known, every value of the expected shape; each problem is
 * reported with the file, the line and the key's path ({@code manifest.yaml:4: dist::nmae: unknown key (valid
 * keys: …)}). Scalars are taken as written, so {@code version: 1.0} stays "1.0". Relative paths are relative
 * to the manifest's folder.
 */
public final class ManifestParser {

    private static final List<String> ROOT_KEYS = List.of("dist", "receivers", "processors", "exporters",
            "connectors", "extensions", "config", "training_config", "image");
    private static final List<String> DIST_KEYS = List.of("name", "description", "version", "output_path");
    private static final List<String> ENTRY_KEYS = List.of("bundle", "path");
    private static final List<String> IMAGE_KEYS = List.of("name", "base", "tarball", "push",
            "allow_insecure_registries", "format", "labels");
    private static final List<String> IMAGE_FORMATS = List.of(ImageSpec.DOCKER_FORMAT, ImageSpec.OCI_FORMAT);
    /** A name that is a file name on every platform and reads well as a command. */
    private static final Pattern DIST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** registry[:port]/path[:tag][@digest], lower-case repository as registries require. */
    private static final Pattern IMAGE_REFERENCE = Pattern.compile(
            "([A-Za-z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._/-][a-z0-9]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                    + "(@sha256:[a-f0-9]{64})?");

    private final Path file;
    private final Path folder;

    private ManifestParser(Path file) {
        this.file = file;
        Path parent = file.toAbsolutePath().normalize().getParent();
        this.folder = parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    public static Manifest parse(Path file) throws BuildException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BuildException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
        return new ManifestParser(file).parseText(text);
    }

    /** Parses {@code text} as if read from {@code file} (which need not exist). */
    public static Manifest parse(Path file, String text) throws BuildException {
        return new ManifestParser(file).parseText(text);
    }

    private Manifest parseText(String text) throws BuildException {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new BuildException(at(e.getProblemMark()) + "not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new BuildException(file + ": not valid YAML: " + e.getMessage());
        }
        if (root == null || isNull(root)) {
            throw new BuildException(file + ": the manifest is empty; it needs at least a component list");
        }
        Map<String, Node> top = mapping(root, "", ROOT_KEYS);
        DistInfo dist = dist(top.get("dist"));
        List<ComponentEntry> components = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            components.addAll(entries(kind, top.get(kind.section())));
        }
        if (components.isEmpty()) {
            throw new BuildException(file + ": lists no component (receivers, processors, exporters, connectors, "
                    + "extensions)");
        }
        Node configNode = top.get("config");
        Optional<Path> config = configNode == null || isNull(configNode) ? Optional.empty()
                : Optional.of(existingFile(configNode, "config"));
        Node trainingNode = top.get("training_config");
        Optional<Path> trainingConfig = trainingNode == null || isNull(trainingNode) ? Optional.empty()
                : Optional.of(existingFile(trainingNode, "training_config"));
        Node imageNode = top.get("image");
        Optional<ImageSpec> image = imageNode == null || isNull(imageNode) ? Optional.empty()
                : Optional.of(image(imageNode));
        return new Manifest(file, text, dist, components, config, trainingConfig, image);
    }

    private DistInfo dist(Node node) throws BuildException {
        Map<String, Node> m = node == null || isNull(node) ? Map.of() : mapping(node, "dist", DIST_KEYS);
        String name = optionalString(m.get("name"), "dist::name").orElse(DistInfo.DEFAULT_NAME);
        if (!DIST_NAME.matcher(name).matches()) {
            throw new BuildException(at(m.get("name")) + "dist::name: \"" + name
                    + "\" is not a valid launcher name (letters, digits, '.', '_' and '-', not starting with "
                    + "'.', '_' or '-')");
        }
        String description = optionalString(m.get("description"), "dist::description")
                .orElse(DistInfo.DEFAULT_DESCRIPTION);
        String version = optionalString(m.get("version"), "dist::version").orElse(DistInfo.DEFAULT_VERSION);
        String output = optionalString(m.get("output_path"), "dist::output_path").orElse(DistInfo.DEFAULT_OUTPUT_PATH);
        return new DistInfo(name, description, version, folder.resolve(output).normalize());
    }

    private List<ComponentEntry> entries(ComponentKind kind, Node node) throws BuildException {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            throw new BuildException(at(node) + kind.section() + ": must be a list of {bundle: \"group:artifact:version\"}"
                    + " or {path: ./file.jar}");
        }
        List<ComponentEntry> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String location = kind.section() + "[" + i + "]";
            Node item = seq.getValue().get(i);
            Map<String, Node> m = mapping(item, location, ENTRY_KEYS);
            Node bundle = m.get("bundle");
            Node path = m.get("path");
            if ((bundle == null) == (path == null)) {
                throw new BuildException(at(item) + location + ": needs exactly one of bundle (Maven coordinates) "
                        + "and path (a local jar)");
            }
            if (bundle != null) {
                String text = string(bundle, location + "::bundle");
                Coordinates c = Coordinates.parse(text).orElseThrow(() -> new BuildException(at(bundle) + location
                        + "::bundle: \"" + text + "\" is not Maven coordinates (groupId:artifactId:version)"));
                out.add(new ComponentEntry(kind, location, c, null));
            } else {
                out.add(new ComponentEntry(kind, location, null, existingFile(path, location + "::path")));
            }
        }
        return out;
    }

    private ImageSpec image(Node node) throws BuildException {
        Map<String, Node> m = mapping(node, "image", IMAGE_KEYS);
        Node nameNode = m.get("name");
        if (nameNode == null) {
            throw new BuildException(at(node) + "image::name: missing (the image reference to build, e.g. "
                    + "registry.example.com/otelcol-custom:1.0.0)");
        }
        String name = imageReference(nameNode, "image::name");
        String base = ImageSpec.JLINK_BASE;
        Node baseNode = m.get("base");
        if (baseNode != null && !isNull(baseNode)) {
            base = string(baseNode, "image::base");
            if (base.startsWith(ImageSpec.TAR_PREFIX)) {
                base = ImageSpec.TAR_PREFIX
                        + existingFile(scalarAt(baseNode, base.substring(ImageSpec.TAR_PREFIX.length())), "image::base");
            } else if (!base.equals(ImageSpec.JLINK_BASE)) {
                imageReference(baseNode, "image::base");
            }
        }
        Optional<String> tarballText = optionalString(m.get("tarball"), "image::tarball");
        Path tarball = tarballText.isPresent() ? folder.resolve(tarballText.get()).normalize() : null;
        boolean push = bool(m.get("push"), "image::push");
        boolean insecure = bool(m.get("allow_insecure_registries"), "image::allow_insecure_registries");
        String format = optionalString(m.get("format"), "image::format").orElse(ImageSpec.DOCKER_FORMAT);
        if (!IMAGE_FORMATS.contains(format)) {
            throw new BuildException(at(m.get("format")) + "image::format: unknown value \"" + format + "\" (valid: "
                    + String.join(", ", IMAGE_FORMATS) + ")");
        }
        return new ImageSpec(name, base, tarball, push, insecure, format, labels(m.get("labels")));
    }

    /** {@code labels:} a mapping of label keys to string values, in the order written. */
    private Map<String, String> labels(Node node) throws BuildException {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || isNull(node)) {
            return out;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new BuildException(at(node) + "image::labels: must be a mapping of label keys to values");
        }
        for (NodeTuple t : mapping.getValue()) {
            String key = string(t.getKeyNode(), "image::labels");
            if (out.containsKey(key)) {
                throw new BuildException(at(t.getKeyNode()) + "image::labels::" + key + ": defined twice");
            }
            out.put(key, string(t.getValueNode(), "image::labels::" + key));
        }
        return out;
    }

    private String imageReference(Node node, String path) throws BuildException {
        String ref = string(node, path);
        if (!IMAGE_REFERENCE.matcher(ref).matches()) {
            throw new BuildException(at(node) + path + ": \"" + ref + "\" is not an image reference "
                    + "([registry/]repository[:tag][@digest], repository in lower case)");
        }
        return ref;
    }

    private Path existingFile(Node node, String path) throws BuildException {
        String text = string(node, path);
        Path p = folder.resolve(text).normalize();
        if (!Files.isRegularFile(p)) {
            throw new BuildException(at(node) + path + ": " + text + " does not exist"
                    + (text.equals(p.toString()) ? "" : " (" + p + ")"));
        }
        return p;
    }

    // ---- YAML shapes

    /** A mapping whose keys are all in {@code valid}; duplicate keys are an error. */
    private Map<String, Node> mapping(Node node, String path, List<String> valid) throws BuildException {
        if (!(node instanceof MappingNode mapping)) {
            throw new BuildException(at(node) + (path.isEmpty() ? "the manifest" : path) + ": must be a mapping "
                    + "(keys: " + String.join(", ", valid) + ")");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            Node keyNode = t.getKeyNode();
            String key = keyNode instanceof ScalarNode s ? s.getValue() : "?";
            String keyPath = path.isEmpty() ? key : path + "::" + key;
            if (!valid.contains(key)) {
                throw new BuildException(at(keyNode) + keyPath + ": unknown key (valid keys: "
                        + String.join(", ", valid) + ")");
            }
            if (out.containsKey(key)) {
                throw new BuildException(at(keyNode) + keyPath + ": defined twice");
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    private String string(Node node, String path) throws BuildException {
        if (!(node instanceof ScalarNode s) || isNull(node)) {
            throw new BuildException(at(node) + path + ": must be a string");
        }
        if (s.getValue().isBlank()) {
            throw new BuildException(at(node) + path + ": must not be empty");
        }
        return s.getValue();
    }

    private Optional<String> optionalString(Node node, String path) throws BuildException {
        if (node == null) {
            return Optional.empty();
        }
        return Optional.of(string(node, path));
    }

    private boolean bool(Node node, String path) throws BuildException {
        if (node == null || isNull(node)) {
            return false;
        }
        if (node instanceof ScalarNode s && Set.of("true", "false").contains(s.getValue())) {
            return Boolean.parseBoolean(s.getValue());
        }
        throw new BuildException(at(node) + path + ": must be true or false");
    }

    private static boolean isNull(Node node) {
        return node.getTag().equals(Tag.NULL);
    }

    /** A scalar holding {@code value} at {@code node}'s position, for messages about part of a value. */
    private static Node scalarAt(Node node, String value) {
        return new ScalarNode(Tag.STR, value, node.getStartMark(), node.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
    }

    private String at(Node node) {
        return node == null ? file + ": " : at(node.getStartMark());
    }

    private String at(Mark mark) {
        return mark == null ? file + ": " : file + ":" + (mark.getLine() + 1) + ": ";
    }
}
