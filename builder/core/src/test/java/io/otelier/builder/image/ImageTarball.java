package io.otelier.builder.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** A {@code docker save}/{@code docker load} tarball read back for tests: manifest.json, the config, the layers. */
final class ImageTarball {

    /** A file in a layer: its tar header and its bytes. */
    record File(TarArchiveEntry header, byte[] content) {
        int mode() {
            return header.getMode() & 07777;
        }

        String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, byte[]> entries;

    private ImageTarball(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    static ImageTarball read(Path tarball) throws IOException {
        try (InputStream in = Files.newInputStream(tarball)) {
            return new ImageTarball(untar(in));
        }
    }

    Map<String, byte[]> entries() {
        return entries;
    }

    JsonNode manifest() throws IOException {
        return JSON.readTree(entries.get("manifest.json")).get(0);
    }

    JsonNode config() throws IOException {
        return JSON.readTree(entries.get(manifest().get("Config").asText()));
    }

    int layerCount() throws IOException {
        return manifest().get("Layers").size();
    }

    /** The files of layer {@code i} (0 is the base's first), by path without the leading slash. */
    Map<String, File> layer(int i) throws IOException {
        String name = manifest().get("Layers").get(i).asText();
        Map<String, File> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                new ByteArrayInputStream(entries.get(name))))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                String path = e.getName().replaceFirst("^/", "").replaceFirst("/$", "");
                files.put(path, new File(e, tar.readAllBytes()));
            }
        }
        return files;
    }

    List<String> env() throws IOException {
        return JSON.convertValue(config().at("/config/Env"), JSON.getTypeFactory().constructCollectionType(List.class,
                String.class));
    }

    private static Map<String, byte[]> untar(InputStream in) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        return out;
    }
}
