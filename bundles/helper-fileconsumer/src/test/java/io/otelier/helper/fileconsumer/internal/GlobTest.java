package io.otelier.helper.fileconsumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "/var/log/*.log, /var/log/a.log, true",
        "/var/log/*.log, /var/log/.hidden.log, true",
        "/var/log/*.log, /var/log/sub/a.log, false",
        "/var/log/**/*.log, /var/log/a.log, true",
        "/var/log/**/*.log, /var/log/x/y/z.log, true",
        "/var/log/**, /var/log/x/y/z.txt, true",
        "/var/log/cndt-*.json, /var/log/cndt-2023.json, true",
        "/var/log/cndt-*.json, /var/log/all.json, false",
        "/var/log/?.log, /var/log/a.log, true",
        "/var/log/?.log, /var/log/ab.log, false",
        "/var/log/[ab].log, /var/log/b.log, true",
        "/var/log/[!ab].log, /var/log/b.log, false",
        "/var/log/[a-c].log, /var/log/c.log, true",
        "'/var/log/{app,web}.log', /var/log/web.log, true",
        "'/var/log/{app,web}.log', /var/log/db.log, false",
        "/var/log/\\*.log, /var/log/*.log, true",
        "/var/log/\\*.log, /var/log/a.log, false",
        "./logs/*.log, logs/a.log, true",
        "/var//log/*.log, /var/log/a.log, true",
    })
    void matchesLikeDoublestar(String glob, String path, boolean matches) {
        assertThat(Glob.compile(glob).matches(path)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"/var/log/[.log", "'/var/log/{a,b.log'", "/var/log/a\\"})
    void badPatternsAreRejected(String glob) {
        assertThatThrownBy(() -> Glob.compile(glob)).hasMessage("syntax error in pattern");
    }

    @Test
    void findsRegularFilesOnlyAndFollowsLinksToFiles() throws Exception {
        Files.createDirectories(dir.resolve("d.log"));
        Files.writeString(dir.resolve("a.log"), "x");
        Files.createSymbolicLink(dir.resolve("l.log"), dir.resolve("a.log"));
        Files.createSymbolicLink(dir.resolve("dangling.log"), dir.resolve("missing"));
        assertThat(Glob.compile(dir + "/*.log").findFiles())
                .containsExactlyInAnyOrder(dir + "/a.log", dir + "/l.log");
    }

    @Test
    void aMissingBaseDirectoryFindsNothing() {
        assertThat(Glob.compile(dir + "/nope/*.log").findFiles()).isEmpty();
    }
}
