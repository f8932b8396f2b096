package io.otelier.builder.bundle;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import io.otelier.builder.manifest.ComponentKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a jar's bundle identity and the component factories it declares, without running any of its code.
 *
 * <p>A factory is a Declarative Services component (listed in {@code Service-Component}) that provides one of
 * the api bundle's {@code *Factory} interfaces. Its type name comes from an {@code io.otelier.component}
 * capability when the bundle declares one ({@code Provide-Capability: io.otelier.component;
 * io.otelier.component=debug;kind=exporter;deprecated=…}), otherwise from the bytecode of the implementation's
 * {@code type()} when that returns a constant, as every factory of this project does.
 */
public final class BundleInspector {

    /** The capability namespace a component bundle may declare its factories in. */
    public static final String COMPONENT_NAMESPACE = "io.otelier.component";
    private static final String TYPE_DESCRIPTOR = "()Ljava/lang/String;";
    private static final String OPTIONAL_DESCRIPTOR = "()Ljava/util/Optional;";
    /** How far up the class hierarchy inside the bundle to look for an inherited type(). */
    private static final int MAX_SUPER_DEPTH = 8;

    private BundleInspector() {
    }

    public static BundleInfo inspect(Path file) throws IOException {
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest = jar.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String bsn = headerValue(main.getValue("Bundle-SymbolicName"));
            if (bsn.isEmpty()) {
                return new BundleInfo(file, "", "", List.of());
            }
            String version = Optional.ofNullable(main.getValue("Bundle-Version")).map(String::trim)
                    .filter(v -> !v.isEmpty()).orElse("0.0.0");
            List<FactoryInfo> factories = new ArrayList<>();
            Map<ComponentKind, List<Capability>> declared = declaredTypes(main.getValue("Provide-Capability"));
            for (DsComponent c : dsComponents(jar, main.getValue("Service-Component"))) {
                for (String service : c.services()) {
                    Optional<ComponentKind> kind = ComponentKind.ofFactoryInterface(service);
                    if (kind.isEmpty()) {
                        continue;
                    }
                    factories.add(factory(jar, kind.get(), c.implementation(), declared));
                }
            }
            return new BundleInfo(file, bsn, version, factories);
        }
    }

    private static FactoryInfo factory(JarFile jar, ComponentKind kind, String className,
            Map<ComponentKind, List<Capability>> declared) throws IOException {
        List<Capability> caps = declared.getOrDefault(kind, List.of());
        if (caps.size() == 1) {
            Capability cap = caps.get(0);
            return new FactoryInfo(kind, Optional.of(cap.type()), cap.deprecated(), className);
        }
        Optional<String> type = Optional.empty();
        Optional<String> deprecated = Optional.empty();
        String name = className;
        for (int depth = 0; depth < MAX_SUPER_DEPTH && name != null; depth++) {
            ClassFile cf = classFile(jar, name);
            if (cf == null) {
                break;
            }
            if (deprecated.isEmpty() && cf.declares("deprecatedType", OPTIONAL_DESCRIPTOR)) {
                deprecated = cf.returnedOfConstant("deprecatedType", OPTIONAL_DESCRIPTOR, "java/util/Optional");
            }
            if (cf.declares("type", TYPE_DESCRIPTOR)) {
                type = cf.returnedConstant("type", TYPE_DESCRIPTOR);
                break;
            }
            name = cf.superName() == null ? null : cf.superName().replace('/', '.');
        }
        return new FactoryInfo(kind, type, deprecated, className);
    }

    private static ClassFile classFile(JarFile jar, String className) throws IOException {
        JarEntry entry = jar.getJarEntry(className.replace('.', '/') + ".class");
        if (entry == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return ClassFile.parse(in.readAllBytes());
        }
    }

    private record Capability(String type, Optional<String> deprecated) {
    }

    private static Map<ComponentKind, List<Capability>> declaredTypes(String provideCapability) {
        Map<ComponentKind, List<Capability>> out = new LinkedHashMap<>();
        if (provideCapability == null) {
            return out;
        }
        Parameters parameters = new Parameters(provideCapability);
        for (Map.Entry<String, Attrs> e : parameters.entrySet()) {
            if (!stripDuplicateMarker(e.getKey()).equals(COMPONENT_NAMESPACE)) {
                continue;
            }
            Attrs a = e.getValue();
            String type = a.get(COMPONENT_NAMESPACE);
            Optional<ComponentKind> kind = ComponentKind.ofSingular(a.get("kind"));
            if (type == null || kind.isEmpty()) {
                continue;
            }
            out.computeIfAbsent(kind.get(), k -> new ArrayList<>())
                    .add(new Capability(type, Optional.ofNullable(a.get("deprecated"))));
        }
        return out;
    }

    /** bnd's Parameters mark repeated keys with trailing '~'. */
    private static String stripDuplicateMarker(String key) {
        int end = key.length();
        while (end > 0 && key.charAt(end - 1) == '~') {
            end--;
        }
        return key.substring(0, end);
    }

    private record DsComponent(String implementation, List<String> services) {
    }

    private static List<DsComponent> dsComponents(JarFile jar, String serviceComponent) throws IOException {
        List<DsComponent> out = new ArrayList<>();
        if (serviceComponent == null || serviceComponent.isBlank()) {
            return out;
        }
        DocumentBuilder xml = documentBuilder();
        for (String path : new Parameters(serviceComponent).keySet()) {
            for (JarEntry entry : entries(jar, stripDuplicateMarker(path))) {
                Document doc;
                try (InputStream in = jar.getInputStream(entry)) {
                    doc = xml.parse(in);
                } catch (SAXException e) {
                    throw new IOException(entry.getName() + " is not valid component XML: " + e.getMessage(), e);
                }
                NodeList components = doc.getElementsByTagNameNS("*", "component");
                for (int i = 0; i < components.getLength(); i++) {
                    out.add(dsComponent((Element) components.item(i)));
                }
            }
        }
        return out;
    }

    private static DsComponent dsComponent(Element component) {
        String implementation = "";
        List<String> services = new ArrayList<>();
        NodeList impl = component.getElementsByTagNameNS("*", "implementation");
        if (impl.getLength() > 0) {
            implementation = ((Element) impl.item(0)).getAttribute("class");
        }
        NodeList provides = component.getElementsByTagNameNS("*", "provide");
        for (int i = 0; i < provides.getLength(); i++) {
            services.add(((Element) provides.item(i)).getAttribute("interface"));
        }
        return new DsComponent(implementation, services);
    }

    /** The entries a Service-Component path names: one file, or a glob in its last segment. */
    private static List<JarEntry> entries(JarFile jar, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.indexOf('*') < 0) {
            JarEntry e = jar.getJarEntry(p);
            return e == null ? List.of() : List.of(e);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
        List<JarEntry> out = new ArrayList<>();
        for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements();) {
            JarEntry e = en.nextElement();
            if (!e.isDirectory() && matcher.matches(Path.of(e.getName()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static DocumentBuilder documentBuilder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

    /** The value of a header without its directives and attributes ({@code a.b;singleton:=true} → {@code a.b}). */
    private static String headerValue(String header) {
        if (header == null) {
            return "";
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim();
    }
}
