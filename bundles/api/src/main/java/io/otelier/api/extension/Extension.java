package io.otelier.api.extension;

import io.otelier.api.component.Component;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An extension: started before every pipeline component, stopped after them. It offers capabilities by
 * implementing capability interfaces, which components find through the host.
 */
@ConsumerType
public interface Extension extends Component {
}
