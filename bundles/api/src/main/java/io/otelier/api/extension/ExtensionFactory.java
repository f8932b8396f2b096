package io.otelier.api.extension;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Factory;
import io.otelier.api.component.Stability;
import io.otelier.api.config.ComponentConfig;
import org.osgi.annotation.versioning.ConsumerType;

/** Creates extensions; one instance per id listed in service.extensions. */
@ConsumerType
public interface ExtensionFactory<C extends ComponentConfig> extends Factory<C> {

    @Override
    default ComponentKind kind() {
        return ComponentKind.EXTENSION;
    }

    Stability stability();

    Extension create(CreateSettings settings, C config) throws Exception;
}
