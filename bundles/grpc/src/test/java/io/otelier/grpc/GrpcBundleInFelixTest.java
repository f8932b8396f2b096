package io.otelier.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Proves the bundle works where it matters: inside Felix on Java 17, next to nothing but the bundles
 * it imports from. {@link #RUNTIME_BUNDLES} is the set a distribution must ship with it.
 */
class GrpcBundleInFelixTest {

    /** Artifact names (without version) of every bundle io.otelier.grpc needs at runtime. */
    static final List<String> RUNTIME_BUNDLES = List.of(
            "guava", "failureaccess",
            "netty-common", "netty-buffer", "netty-resolver", "netty-transport",
            "netty-transport-native-unix-common", "netty-codec-base", "netty-codec-compression",
            "netty-codec-http", "netty-codec-http2", "netty-handler", "netty-codec-socks", "netty-handler-proxy");

    @TempDir
    Path tmp;

    private Framework framework;

    @AfterEach
    void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void resolvesAndFindsNettyProvidersFromInside() throws Exception {
        framework = startFramework();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : runtimeBundleJars()) {
            installed.add(context.installBundle(jar.toUri().toString()));
        }
        Bundle grpc = context.installBundle(bundleUnderTest().toUri().toString());
        installed.add(grpc);
        for (Bundle bundle : installed) {
            bundle.start();
        }

        assertThat(grpc.getSymbolicName()).isEqualTo("io.otelier.grpc");
        assertThat(grpc.getState()).isEqualTo(Bundle.ACTIVE);

        ClassLoader grpcLoader = grpc.adapt(BundleWiring.class).getClassLoader();
        Object serverProvider = callStatic(grpc.loadClass("io.grpc.ServerProvider"), "provider");
        assertThat(serverProvider.getClass().getName()).isEqualTo("io.grpc.netty.NettyServerProvider");
        assertThat(serverProvider.getClass().getClassLoader()).isSameAs(grpcLoader);

        Object channelProvider = callStatic(grpc.loadClass("io.grpc.ManagedChannelProvider"), "provider");
        assertThat(channelProvider.getClass().getName()).isEqualTo("io.grpc.netty.NettyChannelProvider");

        // upstream's default balancer_name is round_robin (grpc-util); the default scheme is dns (grpc-core)
        Object balancers = callStatic(grpc.loadClass("io.grpc.LoadBalancerRegistry"), "getDefaultRegistry");
        assertThat(call(balancers, "getProvider", "round_robin")).isNotNull();
        assertThat(call(balancers, "getProvider", "pick_first")).isNotNull();
        Object resolvers = callStatic(grpc.loadClass("io.grpc.NameResolverRegistry"), "getDefaultRegistry");
        assertThat(call(resolvers, "getDefaultScheme")).isEqualTo("dns");

        // netty classes really link: a server binds and stops
        Object builder = callStatic(grpc.loadClass("io.grpc.ServerBuilder"), "forPort", 0);
        Object server = call(call(builder, "build"), "start");
        try {
            assertThat((Integer) call(server, "getPort")).isPositive();
        } finally {
            call(server, "shutdownNow");
        }
    }

    private Framework startFramework() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework fw = new FrameworkFactory().newFramework(config);
        fw.start();
        return fw;
    }

    /** The dependency bundles, taken from the test classpath by artifact name; all must be there. */
    private static List<Path> runtimeBundleJars() {
        List<Path> jars = new ArrayList<>();
        String[] classpath = System.getProperty("java.class.path").split(File.pathSeparator);
        for (String artifact : RUNTIME_BUNDLES) {
            Path found = null;
            for (String entry : classpath) {
                String name = Path.of(entry).getFileName().toString();
                if (name.matches(java.util.regex.Pattern.quote(artifact) + "-\\d.*\\.jar")) {
                    found = Path.of(entry);
                }
            }
            assertThat(found).as("bundle %s on the test classpath", artifact).isNotNull();
            jars.add(found);
        }
        return jars;
    }

    /**
     * bnd-process has written the complete bundle (manifest and embedded jars) into target/classes
     * before tests run; the jar is packaged only later, so pack the folder here.
     */
    private Path bundleUnderTest() throws IOException {
        Path classes = Path.of("target", "classes");
        Manifest manifest;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        Path jar = tmp.resolve("io.otelier.grpc.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                zip.putNextEntry(new JarEntry(name));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static Object callStatic(Class<?> type, String name, Object... args) throws Exception {
        return find(type, name, args).invoke(null, args);
    }

    private static Object call(Object target, String name, Object... args) throws Exception {
        return find(target.getClass(), name, args).invoke(target, args);
    }

    /** Public methods by name and arity, so that reflection reaches through non-public implementation classes. */
    private static Method find(Class<?> type, String name, Object[] args) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == args.length
                        && java.lang.reflect.Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                    return m;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }
}
