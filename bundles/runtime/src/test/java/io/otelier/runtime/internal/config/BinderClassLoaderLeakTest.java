package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.Signal;
import io.otelier.api.config.ComponentConfig;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot swap replaces a component bundle's class loader; binding must not leave anything static that keeps the
 * old one alive (a shared ObjectMapper or Jackson's default type cache would).
 */
class BinderClassLoaderLeakTest {

    @TempDir
    Path dir;

    @Test
    void bindingLeavesNoReferenceToTheComponentsClassLoader() throws Exception {
        Path classes = compileConfigRecord();
        WeakReference<ClassLoader> loader = bindWithThrowawayLoader(classes);
        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(loader.get()).as("component class loader still reachable after binding").isNull();
    }

    private Path compileConfigRecord() throws IOException {
        Path src = dir.resolve("src/leak/LeakConfig.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package leak;
                public record LeakConfig(String endpoint, java.time.Duration timeout, Nested nested)
                        implements io.otelier.api.config.ComponentConfig {
                    public record Nested(int size) {
                        public static Nested defaults() { return new Nested(3); }
                    }
                    public static LeakConfig defaults() {
                        return new LeakConfig("x:1", java.time.Duration.ofSeconds(1), null);
                    }
                }
                """);
        Path out = Files.createDirectories(dir.resolve("classes"));
        String api = Path.of(ComponentConfig.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), "-cp", api,
                src.toString());
        assertThat(rc).isZero();
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private WeakReference<ClassLoader> bindWithThrowawayLoader(Path classes) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        Class<ComponentConfig> type = (Class<ComponentConfig>) loader.loadClass("leak.LeakConfig");
        TestFactories.Exporter factory = new TestFactories.Exporter<>("leak", null, type, () -> defaults(type),
                Set.of(), Signal.TRACES);
        Object bound = new ConfigBinder(SourceMap.empty()).bind(List.of("exporters", "leak"), factory,
                Map.of("timeout", "5s", "nested", Map.of()));
        // checked through accessors: a record's toString() is linked by the JDK's ObjectMethods bootstrap, which
        // itself keeps the class reachable for a while and would hide what this test is about
        assertThat(type.getMethod("timeout").invoke(bound)).isEqualTo(Duration.ofSeconds(5));
        Object nested = type.getMethod("nested").invoke(bound);
        assertThat(nested.getClass().getMethod("size").invoke(nested)).isEqualTo(3);
        loader.close();
        return new WeakReference<>(loader);
    }

    private static ComponentConfig defaults(Class<ComponentConfig> type) {
        try {
            return (ComponentConfig) type.getMethod("defaults").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
