package io.otelier.runtime.internal.config;

import io.otelier.api.config.ConfigException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into plain Java trees (LinkedHashMap, ArrayList, String, Integer/Long/BigInteger, Double,
 * Boolean, null) and records each value's line. Keys containing {@code ::} are split into nested maps, as
 * upstream's confmap does for every source. Duplicate keys are errors (as in Go's yaml.v3); merge keys
 * ({@code <<: *anchor}) are honoured.
 */
final class YamlReader {

    /** A parsed document: the tree and the origin of each key path in it. */
    record Parsed(Object value, Map<List<String>, Origin> origins) {
    }

    private static final Tag PLAIN = new Tag("tag:otelier.io,2025:plain");
    private static final int MAX_DEPTH = 200;

    private final String originLabel;
    private final boolean hasLines;
    private final List<String> prefix;
    private final Map<List<String>, Origin> origins = new HashMap<>();

    private YamlReader(String originLabel, boolean hasLines, List<String> prefix) {
        this.originLabel = originLabel;
        this.hasLines = hasLines;
        this.prefix = prefix;
    }

    /**
     * Parses one document.
     *
     * @param originLabel how origins name this source ({@code config.yaml})
     * @param hasLines    whether line numbers mean something to the user (not for one-line inline values)
     * @param prefix      key path under which the document sits (for origins of expanded files)
     * @param described   the source as error messages name it ({@code config file "config.yaml"})
     */
    static Parsed read(String text, String originLabel, boolean hasLines, List<String> prefix, String described) {
        YamlReader reader = new YamlReader(originLabel, hasLines, prefix);
        Node root;
        try {
            root = newYaml().compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            throw ConfigException.of("cannot parse " + described + ": " + position(e.getProblemMark()) + e.getProblem());
        } catch (YAMLException e) {
            throw ConfigException.of("cannot parse " + described + ": " + e.getMessage());
        }
        try {
            Object value = root == null ? null : reader.convert(root, prefix, 0);
            // the document as a whole has no useful line: a later source would claim the whole tree
            reader.origins.remove(prefix);
            return new Parsed(value, reader.origins);
        } catch (StructureException e) {
            throw ConfigException.of("cannot parse " + described + ": " + e.getMessage());
        }
    }

    /** Parses a value the way upstream types an expanded {@code ${…}}; text that is not valid YAML stays text. */
    static Object parseValue(String text) {
        try {
            return read(text, "", false, List.of(), "").value();
        } catch (ConfigException e) {
            return text;
        }
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by convert() with both lines
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new PlainResolver());
    }

    private static String position(Mark mark) {
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    private Object convert(Node node, List<String> path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new StructureException(position(node.getStartMark()) + "too deeply nested");
        }
        origins.putIfAbsent(path, originOf(node));
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                List<String> itemPath = ConfigPath.child(path, list.size());
                origins.put(itemPath, originOf(item));
                list.add(convert(item, itemPath, depth + 1));
            }
            return list;
        }
        return mapping((MappingNode) node, path, depth);
    }

    private Map<String, Object> mapping(MappingNode node, List<String> path, int depth) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Map<String, Object> explicit = new LinkedHashMap<>();
        Map<String, Integer> seenAt = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new StructureException(position(tuple.getKeyNode().getStartMark())
                        + "mapping keys must be scalars");
            }
            String key = keyNode.getValue();
            int line = keyNode.getStartMark().getLine() + 1;
            if (keyNode.getTag().equals(PLAIN) && key.equals("<<")) {
                mergeKey(tuple.getValueNode(), path, depth, merged);
                continue;
            }
            Integer previous = seenAt.putIfAbsent(key, line);
            if (previous != null) {
                throw new StructureException("line " + line + ": mapping key \"" + key + "\" already defined at line "
                        + previous);
            }
            List<String> segments = ConfigPath.split(key);
            List<String> valuePath = ConfigPath.child(path, segments.toArray(String[]::new));
            origins.put(valuePath, originOf(keyNode));
            insert(explicit, segments, convert(tuple.getValueNode(), valuePath, depth + 1));
        }
        TreeMerger.mergeInto(merged, explicit);
        return merged;
    }

    /** {@code <<: *a} or {@code <<: [*a, *b]}: earlier maps win over later ones, explicit keys over all. */
    private void mergeKey(Node value, List<String> path, int depth, Map<String, Object> into) {
        List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        Map<String, Object> collected = new LinkedHashMap<>();
        for (Node source : sources) {
            if (!(source instanceof MappingNode)) {
                throw new StructureException(position(source.getStartMark()) + "merge key \"<<\" needs a map");
            }
            Map<String, Object> map = mapping((MappingNode) source, path, depth + 1);
            map.forEach(collected::putIfAbsent);
        }
        TreeMerger.mergeInto(into, collected);
    }

    /** Puts a value at a (possibly {@code ::}-split) key, merging with maps already there. */
    private static void insert(Map<String, Object> map, List<String> segments, Object value) {
        Map<String, Object> current = map;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object next = current.get(segments.get(i));
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                current.put(segments.get(i), next);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) next;
            current = nested;
        }
        String last = segments.get(segments.size() - 1);
        TreeMerger.mergeEntry(current, last, value);
    }

    private Object scalar(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (tag.equals(PLAIN)) {
            return YamlScalars.resolvePlain(text);
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
            Object typed = YamlScalars.resolvePlain(text);
            if (typed instanceof String) {
                throw new StructureException(position(node.getStartMark()) + "\"" + text + "\" is not a valid "
                        + tag.getValue());
            }
            return typed;
        }
        return text;
    }

    private Origin originOf(Node node) {
        return new Origin(originLabel, hasLines ? node.getStartMark().getLine() + 1 : 0);
    }

    /** A document that parses but does not make a config tree. */
    private static final class StructureException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StructureException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Marks every plain scalar as "untyped" instead of applying snakeyaml's YAML 1.1 rules; quoted scalars stay
     * strings and explicit tags ({@code !!int}) are kept.
     */
    private static final class PlainResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // none: plain scalars are typed by YamlScalars
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind == NodeId.scalar && implicit) {
                return PLAIN;
            }
            return super.resolve(kind, value, implicit);
        }
    }
}
