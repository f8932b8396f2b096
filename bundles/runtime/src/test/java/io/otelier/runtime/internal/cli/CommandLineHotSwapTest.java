package io.otelier.runtime.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineHotSwapTest {

    @Test
    void bundlesOperationsAreParsedWithTheirOperands() throws Exception {
        CommandLine list = CommandLine.parse("bundles", "list");
        assertThat(list.command()).isEqualTo(CommandLine.Command.BUNDLES);
        assertThat(list.arguments()).containsExactly("list");
        assertThat(list.remote()).isTrue();

        CommandLine update = CommandLine.parse("bundles", "update", "io.otelier.exporter-nop", "x.jar",
                "--admin-endpoint", "127.0.0.1:9", "--token-file=/t");
        assertThat(update.arguments()).containsExactly("update", "io.otelier.exporter-nop", "x.jar");
        assertThat(update.adminEndpoint()).isEqualTo("127.0.0.1:9");
        assertThat(update.tokenFile()).isEqualTo("/t");
    }

    @Test
    void reloadAndLiveComponentsTalkToARunningCollector() throws Exception {
        assertThat(CommandLine.parse("reload").remote()).isTrue();
        assertThat(CommandLine.parse("components", "--live").remote()).isTrue();
        assertThat(CommandLine.parse("components").remote()).isFalse();
        assertThat(CommandLine.parse("--config", "c.yaml").remote()).isFalse();
    }

    @Test
    void malformedBundlesCommandsAreUsageErrors() {
        for (List<String> args : List.of(List.of("bundles"), List.of("bundles", "remove", "x"),
                List.of("bundles", "install"), List.of("bundles", "update", "only-bsn"))) {
            assertThatThrownBy(() -> CommandLine.parse(args.toArray(String[]::new)))
                    .as(String.join(" ", args)).isInstanceOf(CommandLine.UsageException.class)
                    .hasMessageContaining("otelcol bundles");
        }
    }

    @Test
    void aJarPathIsSentAbsolute() {
        assertThat(AdminClient.source("some/dir/x.jar")).startsWith("/").endsWith("some/dir/x.jar");
        assertThat(AdminClient.source("io.otelier:exporter-nop:0.1.0")).isEqualTo("io.otelier:exporter-nop:0.1.0");
    }

    @Test
    void theHelpListsTheNewCommands() {
        assertThat(CommandLine.usage("otelcol")).contains("  bundles ").contains("  reload ")
                .contains("--admin-endpoint").contains("--token-file").contains("--live");
    }
}
