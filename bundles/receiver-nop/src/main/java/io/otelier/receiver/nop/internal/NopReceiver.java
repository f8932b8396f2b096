package io.otelier.receiver.nop.internal;

import io.otelier.api.receiver.Receiver;

/**
 * Receives nothing and so never calls its consumer. A pipeline needs at least one receiver; this one lets a
 * pipeline (and its exporters) be configured without any data source.
 */
final class NopReceiver implements Receiver {
}
