package io.otelier.api.receiver;

import io.otelier.api.component.Component;
import org.osgi.annotation.versioning.ConsumerType;

/** A source of telemetry: it pushes what it receives or scrapes into the consumer it was created with. */
@ConsumerType
public interface Receiver extends Component {
}
