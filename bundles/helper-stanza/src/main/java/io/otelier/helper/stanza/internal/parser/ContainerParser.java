package io.otelier.helper.stanza.internal.parser;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.LogEmitter;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.op.ParserOperator;
import io.otelier.helper.stanza.internal.op.SinkOperator;
import io.otelier.helper.stanza.internal.op.Writer;
import io.otelier.helper.stanza.internal.parse.GoTime;
import io.otelier.helper.stanza.internal.parse.TypeNames;
import io.otelier.helper.stanza.internal.transformer.Recombine;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * container: docker (JSON), cri-o and containerd log lines (upstream operator/parser/container). CRI
 * partial lines (logtag P) are joined by an internal recombine until a logtag F line, then emitted through
 * an internal batching emitter, as upstream; Kubernetes metadata comes from the log.file.path attribute.
 */
public final class ContainerParser extends ParserOperator {

    private static final String DOCKER = "docker";
    private static final String CRIO = "crio";
    private static final String CONTAINERD = "containerd";
    private static final GoTime DOCKER_TIME = GoTime.layout("2006-01-02T15:04:05.999Z");
    private static final GoTime CRI_TIME = GoTime.layout("2006-01-02T15:04:05.999999999Z07:00");
    private static final int PATH_CACHE_SIZE = 1024;

    private final String format;
    private final boolean addMetadataFromFilePath;
    private final Recombine recombine;
    private final LogEmitter emitter;
    private final Map<String, Map<String, Object>> pathCache;
    private boolean recombineStarted;

    public ContainerParser(Writer.Common common, Conf conf) {
        super(common, conf);
        this.format = conf.string("format", "");
        this.addMetadataFromFilePath = conf.bool("add_metadata_from_filepath", true);
        long maxLogSize = conf.byteSize("max_log_size", 1024 * 1024);
        if (!format.isEmpty() && !format.equals(DOCKER) && !format.equals(CRIO) && !format.equals(CONTAINERD)) {
            throw conf.fail("format", "operator config has an invalid `format` field: ensure that the `format` "
                    + "field is set to one of `docker`, `crio`, `containerd` (format: " + format + ")");
        }
        this.emitter = new LogEmitter(batch -> batch.forEach(this::write), LogEmitter.DEFAULT_MAX_BATCH_SIZE,
                LogEmitter.DEFAULT_FLUSH_INTERVAL, "stanza-container-" + common.id());
        Map<String, Object> recombineConfig = new LinkedHashMap<>();
        recombineConfig.put("is_last_entry", "attributes.logtag == 'F'");
        recombineConfig.put("combine_field", "body");
        recombineConfig.put("combine_with", "");
        recombineConfig.put("source_identifier", "attributes[\"log.file.path\"]");
        recombineConfig.put("max_log_size", maxLogSize);
        recombineConfig.put("max_batch_size", 0);
        recombineConfig.put("max_unmatched_batch_size", 0);
        Conf internal = new Conf(recombineConfig, conf.path());
        this.recombine = new Recombine(new Writer.Common("recombine_container_internal", "recombine",
                List.of("container_emitter"), common.logger()), internal);
        SinkOperator sink = new SinkOperator("container_emitter", emitter, common.logger());
        recombine.connect(id -> sink);
        this.pathCache = addMetadataFromFilePath ? new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
                return size() > PATH_CACHE_SIZE;
            }
        } : null;
    }

    @Override
    public void process(Entry entry) {
        try {
            if (skip(entry)) {
                write(entry);
                return;
            }
        } catch (Exception e) {
            handleError(entry, e);
            return;
        }
        String detected = format;
        if (detected.isEmpty()) {
            try {
                detected = detect(entry);
            } catch (IllegalArgumentException e) {
                handleError(entry, new IllegalArgumentException("failed to detect a valid container log format: "
                        + e.getMessage()));
                return;
            }
        }
        if (!parseWith(entry)) {
            return;
        }
        if (detected.equals(DOCKER)) {
            try {
                mapTimeAndAttributes(entry, DOCKER_TIME, ZoneOffset.UTC);
            } catch (Exception e) {
                handleError(entry, e);
                return;
            }
            write(entry);
            return;
        }
        startRecombine();
        try {
            mapTimeAndAttributes(entry, CRI_TIME, ZoneId.systemDefault());
        } catch (Exception e) {
            handleError(entry, new IllegalStateException("failed to handle attribute mappings: " + e.getMessage()));
            return;
        }
        recombine.process(entry);
    }

    private synchronized void startRecombine() {
        if (!recombineStarted) {
            emitter.start();
            recombine.start();
            recombineStarted = true;
        }
    }

    @Override
    public void stop() {
        synchronized (this) {
            if (!recombineStarted) {
                return;
            }
            recombineStarted = false;
        }
        recombine.stop();
        emitter.stop();
    }

    @Override
    protected Object parse(Object value) throws Exception {
        if (!(value instanceof String raw)) {
            throw new IllegalArgumentException("type '" + TypeNames.of(value) + "' cannot be parsed as container logs");
        }
        String f = format.isEmpty() ? detectRaw(raw) : format;
        switch (f) {
            case DOCKER -> {
                Object parsed;
                try {
                    parsed = JsonValues.parse(raw, false);
                } catch (IOException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
                if (!(parsed instanceof Map)) {
                    throw new IllegalArgumentException("json: cannot unmarshal into Go value of type map[string]interface {}");
                }
                return parsed;
            }
            case CONTAINERD -> {
                return cri(raw, true);
            }
            default -> {
                return cri(raw, false);
            }
        }
    }

    private static Map<String, Object> cri(String raw, boolean containerd) {
        String problem = containerd ? "could not parse containerd fields" : "could not parse CRIO fields";
        int sp = raw.indexOf(' ');
        if (sp < 0) {
            throw new IllegalArgumentException(problem);
        }
        String time = raw.substring(0, sp);
        if (containerd && !isContainerdTimestamp(time)) {
            throw new IllegalArgumentException(problem);
        }
        String rest = raw.substring(sp + 1);
        int sp2 = rest.indexOf(' ');
        if (sp2 < 0) {
            throw new IllegalArgumentException(problem);
        }
        String stream = rest.substring(0, sp2);
        if (!stream.equals("stdout") && !stream.equals("stderr")) {
            throw new IllegalArgumentException(problem);
        }
        rest = rest.substring(sp2 + 1);
        int sp3 = rest.indexOf(' ');
        String logtag = sp3 < 0 ? rest : rest.substring(0, sp3);
        String log = sp3 < 0 ? "" : rest.substring(sp3 + 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time);
        m.put("stream", stream);
        m.put("logtag", logtag);
        m.put("log", log);
        return m;
    }

    private String detect(Entry entry) {
        if (!parseFrom.has(entry)) {
            throw new IllegalArgumentException("entry cannot be parsed as container logs");
        }
        Object value = parseFrom.get(entry);
        if (!(value instanceof String raw)) {
            throw new IllegalArgumentException("type '" + TypeNames.of(value) + "' cannot be parsed as container logs");
        }
        return detectRaw(raw);
    }

    private static String detectRaw(String raw) {
        if (!raw.isEmpty() && raw.charAt(0) == '{') {
            return DOCKER;
        }
        int sp = raw.indexOf(' ');
        if (sp < 0) {
            throw new IllegalArgumentException("could not split timestamp from log to detect format");
        }
        String rest = raw.substring(sp + 1);
        int sp2 = rest.indexOf(' ');
        String stream = sp2 < 0 ? null : rest.substring(0, sp2);
        if (stream == null || (!stream.equals("stdout") && !stream.equals("stderr"))) {
            throw new IllegalArgumentException("could not split stream from log to detect format");
        }
        return isContainerdTimestamp(raw.substring(0, sp)) ? CONTAINERD : CRIO;
    }

    static boolean isContainerdTimestamp(String s) {
        if (s.isEmpty()) {
            return false;
        }
        String prefix;
        if (s.endsWith("Z")) {
            prefix = s.substring(0, s.length() - 1);
        } else {
            if (s.length() < 7) {
                return false;
            }
            String off = s.substring(s.length() - 6);
            if ((off.charAt(0) != '+' && off.charAt(0) != '-') || off.charAt(3) != ':') {
                return false;
            }
            for (int i : new int[] {1, 2, 4, 5}) {
                if (off.charAt(i) < '0' || off.charAt(i) > '9') {
                    return false;
                }
            }
            prefix = s.substring(0, s.length() - 6);
        }
        return !prefix.isEmpty() && prefix.indexOf(' ') < 0 && prefix.indexOf('Z') < 0;
    }

    private void mapTimeAndAttributes(Entry entry, GoTime layout, ZoneId location) throws Exception {
        Field time = Field.attribute("time");
        if (!time.has(entry)) {
            throw new IllegalStateException("failed to parse time: failed to get the time from " + entry);
        }
        Object value = time.get(entry);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("failed to parse time: type " + TypeNames.of(value)
                    + " cannot be parsed as a time");
        }
        try {
            entry.setTimestamp(layout.parse(text, location));
        } catch (GoTime.ParseError e) {
            throw new IllegalArgumentException("failed to parse time: " + e.getMessage());
        }
        time.delete(entry);
        move(entry, "log", Field.body());
        move(entry, "stream", Field.attribute("log.iostream"));
        if (addMetadataFromFilePath) {
            addK8sMetadata(entry);
        }
    }

    private static void move(Entry entry, String key, Field to) {
        Field from = Field.attribute(key);
        if (!from.has(entry)) {
            throw new IllegalStateException("move: field " + key + " does not exist");
        }
        to.set(entry, from.delete(entry));
    }

    private void addK8sMetadata(Entry entry) {
        Map<String, Object> attributes = entry.attributes();
        if (attributes == null || !attributes.containsKey("log.file.path")) {
            throw new IllegalStateException("operator '" + id() + "' has 'add_metadata_from_filepath' enabled, but "
                    + "the log record attribute 'log.file.path' is missing. Perhaps enable the 'include_file_path' "
                    + "option?");
        }
        if (!(attributes.get("log.file.path") instanceof String path)) {
            throw new IllegalArgumentException("type '" + TypeNames.of(attributes.get("log.file.path"))
                    + "' cannot be parsed as log path field");
        }
        Map<String, Object> values;
        synchronized (pathCache) {
            values = pathCache.get(path);
        }
        if (values == null) {
            values = parseLogPath(path);
            if (values == null) {
                throw new IllegalArgumentException("failed to detect a valid log path");
            }
            synchronized (pathCache) {
                pathCache.put(path, values);
            }
        }
        values.forEach(entry::addResourceKey);
    }

    /** Upstream's parseLogPathInto: .../<namespace>_<pod>_<uid>/<container>/<restart>.log[.YYYYMMDD-HHMMSS]. */
    static Map<String, Object> parseLogPath(String raw) {
        int idx = raw.lastIndexOf(".log");
        if (idx < 0) {
            return null;
        }
        String after = raw.substring(idx + 4);
        if (!after.isEmpty()) {
            if (after.length() != 16 || after.charAt(0) != '.' || after.charAt(9) != '-') {
                return null;
            }
            String rotation = after.substring(1);
            for (int i = 0; i < rotation.length(); i++) {
                char c = rotation.charAt(i);
                if (i == 8 ? c != '-' : (c < '0' || c > '9')) {
                    return null;
                }
            }
        }
        String base = raw.substring(0, idx);
        int sep2 = lastSeparator(base);
        if (sep2 < 0) {
            return null;
        }
        String restart = base.substring(sep2 + 1);
        if (restart.isEmpty() || !restart.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        base = base.substring(0, sep2);
        int sep1 = lastSeparator(base);
        if (sep1 < 0) {
            return null;
        }
        String container = base.substring(sep1 + 1);
        if (container.isEmpty() || container.contains(".") || container.contains("_")) {
            return null;
        }
        base = base.substring(0, sep1);
        int sep0 = lastSeparator(base);
        if (sep0 < 0) {
            return null;
        }
        String triplet = base.substring(sep0 + 1);
        int lastUnderscore = triplet.lastIndexOf('_');
        if (lastUnderscore < 0) {
            return null;
        }
        String uid = triplet.substring(lastUnderscore + 1);
        if (uid.isEmpty() || !uid.chars().allMatch(c -> (c >= 'a' && c <= 'f') || (c >= '0' && c <= '9') || c == '-')) {
            return null;
        }
        triplet = triplet.substring(0, lastUnderscore);
        lastUnderscore = triplet.lastIndexOf('_');
        if (lastUnderscore < 0) {
            return null;
        }
        String namespace = triplet.substring(0, lastUnderscore);
        String pod = triplet.substring(lastUnderscore + 1);
        if (namespace.isEmpty() || namespace.contains("_") || pod.isEmpty() || pod.contains("_")) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k8s.namespace.name", namespace);
        m.put("k8s.pod.name", pod);
        m.put("k8s.pod.uid", uid);
        m.put("k8s.container.name", container);
        m.put("k8s.container.restart_count", restart);
        return m;
    }

    private static int lastSeparator(String s) {
        return Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    }
}
