package io.otelier.api.component;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void userAgentUsesGoPlatformNames() {
        String agent = new BuildInfo("otelcol", "Otelier core distribution", "1.2.3").userAgent();
        assertThat(agent).startsWith("Otelier core distribution/1.2.3 (").endsWith(")");
        assertThat(BuildInfo.goos("Linux")).isEqualTo("linux");
        assertThat(BuildInfo.goos("Mac OS X")).isEqualTo("darwin");
        assertThat(BuildInfo.goos("Windows 11")).isEqualTo("windows");
        assertThat(BuildInfo.goarch("x86_64")).isEqualTo("amd64");
        assertThat(BuildInfo.goarch("aarch64")).isEqualTo("arm64");
        assertThat(BuildInfo.goarch("i686")).isEqualTo("386");
        assertThat(BuildInfo.goarch("riscv64")).isEqualTo("riscv64");
    }
}
