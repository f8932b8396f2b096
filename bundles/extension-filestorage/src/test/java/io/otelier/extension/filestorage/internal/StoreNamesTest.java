package io.otelier.extension.filestorage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreNamesTest {

    @ParameterizedTest(name = "{0} {1} \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // upstream's README examples and naming rule: <kind>_<type>_<name>[_<client name>]
        "RECEIVER  | file_log                        | ''       | receiver_file_log_",
        "RECEIVER  | journald/myservice              | ''       | receiver_journald_myservice",
        "RECEIVER  | journald/mynamespace/myservice  | ''       | receiver_journald_mynamespace~002Fmyservice",
        "EXPORTER  | otlp_grpc/backend               | queue    | exporter_otlp_grpc_backend_queue",
        "PROCESSOR | x/a~b?é                         | n m:     | processor_x_a~007Eb~003F~00E9_n~0020m~003A",
        "CONNECTOR | c/😀                            | ''       | connector_c_~1F600",
        "EXTENSION | e                               | ''       | extension_e_",
    })
    void namesFollowUpstreamAndAreSanitized(ComponentKind kind, String id, String client, String expected) {
        // built directly: ComponentId.parse refuses a slash in the name, which upstream's sanitizing still covers
        int slash = id.indexOf('/');
        ComponentId componentId = slash < 0 ? ComponentId.of(id) : ComponentId.of(id.substring(0, slash),
                id.substring(slash + 1));
        assertThat(StoreNames.rawName(kind, componentId, client)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"254,false", "255,false", "256,true"})
    void namesOverTheFileSystemLimitAreHashed(int length, boolean tooLong) {
        String name = "r".repeat(length);
        assertThat(StoreNames.tooLong(name)).isEqualTo(tooLong);
        assertThat(StoreNames.hashed(name)).hasSize(64).matches("[0-9a-f]+");
    }
}
