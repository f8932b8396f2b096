package io.otelier.builder.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SharedLibrariesTest {

    /** ldd on two files, as on Debian 12: the runtime's own libraries, a missing libjvm, the loader. */
    private static final String TWO_FILES = """
            /jre/bin/java:
            \tlinux-vdso.so.1 (0x00007ffd5c3f2000)
            \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f1c2a1e0000)
            \tlibjli.so => /jre/bin/../lib/libjli.so (0x00007f1c2a1c0000)
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1c29fdf000)
            \t/lib64/ld-linux-x86-64.so.2 (0x00007f1c2a21c000)
            /jre/lib/libnet.so:
            \tlibjvm.so => not found
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f8e6f5a5000)
            \t/lib64/ld-linux-x86-64.so.2 (0x00007f8e6f7e0000)
            /jre/lib/static.a:
            \tnot a dynamic executable
            """;

    @Test
    void readsLibrariesPerFile() {
        SharedLibraries.Report r = SharedLibraries.parse(TWO_FILES, null);
        assertThat(r.found()).containsOnlyKeys("/lib/x86_64-linux-gnu/libz.so.1", "/lib/x86_64-linux-gnu/libc.so.6",
                "/jre/lib/libjli.so", "/lib64/ld-linux-x86-64.so.2");
        assertThat(r.found().get("/lib/x86_64-linux-gnu/libc.so.6")).containsExactly("/jre/bin/java",
                "/jre/lib/libnet.so");
        assertThat(r.notFound()).isEqualTo(Map.of("libjvm.so", Set.of("/jre/lib/libnet.so")));
        assertThat(SharedLibraries.outside(r.found(), Path.of("/jre")).keySet()).containsExactly(
                "/lib/x86_64-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libz.so.1", "/lib64/ld-linux-x86-64.so.2");
    }

    @Test
    void oneFileHasNoHeader() {
        SharedLibraries.Report r = SharedLibraries.parse("""
                \tlinux-vdso.so.1 (0x00007ffc1d5e5000)
                \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2d0e5d6000)
                \tlibX11.so.6 => not found
                \t/lib64/ld-linux-x86-64.so.2 (0x00007f2d0e7f1000)
                """, "/usr/bin/dash");
        assertThat(r.found()).containsOnlyKeys("/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2");
        assertThat(r.notFound()).isEqualTo(Map.of("libX11.so.6", Set.of("/usr/bin/dash")));
    }

    @Test
    void lddOnThisMachinesShellFindsTheLoader() throws Exception {
        SharedLibraries.Report r = SharedLibraries.ldd(java.util.List.of(Path.of("/bin/sh").toRealPath()));
        assertThat(r.found().keySet()).anyMatch(p -> p.contains("ld-linux")).anyMatch(p -> p.contains("libc.so"));
        assertThat(r.notFound()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "org/xerial/snappy/native/Linux/x86_64/libsnappyjava.so, true",
        "org/xerial/snappy/native/Linux/x86_64-musl/libsnappyjava.so, false",
        "linux/amd64/libzstd-jni-1.5.7-28.so, true",
        "freebsd/amd64/libzstd-jni-1.5.7-28.so, false",
        "darwin/x86_64/libzstd-jni-1.5.7-28.dylib, false",
        "META-INF/native/libnetty_transport_native_epoll_x86_64.so, true",
        "META-INF/native/libnetty_transport_native_epoll_aarch_64.so, false",
        "win/amd64/libzstd-jni.dll, false",
        "io/otelier/Thing.class, false"})
    void nativeLibrariesForLinuxOnAmd64(String entry, boolean expected) {
        org.junit.jupiter.api.Assumptions.assumeTrue(ImageBuilder.architecture().equals("amd64"));
        assertThat(JlinkBase.nativeForThisPlatform(entry)).isEqualTo(expected);
    }
}
