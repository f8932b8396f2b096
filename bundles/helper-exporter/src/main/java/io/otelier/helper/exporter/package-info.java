/**
 * The exporter helper (upstream's {@code exporter/exporterhelper}, collector v0.165): the config sections
 * every queued exporter shares ({@code sending_queue}, {@code retry_on_failure}, {@code timeout}) and the
 * chain that applies them in front of an exporter's {@link io.otelier.helper.exporter.Sender}:
 * queue → send accounting → retry → timeout → send.
 */
@Export
@Version("0.1.0")
package io.otelier.helper.exporter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
