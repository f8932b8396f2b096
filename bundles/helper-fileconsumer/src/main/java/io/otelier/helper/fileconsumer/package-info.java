/**
 * The file-tailing engine of upstream's {@code pkg/stanza/fileconsumer} (contrib v0.165.1), shared by the
 * {@code file_log} and {@code otlpjsonfile} receivers: {@link io.otelier.helper.fileconsumer.FileConsumerConfig}
 * holds upstream's keys (receiver configs extend it, as upstream squashes the struct into theirs) and
 * {@link io.otelier.helper.fileconsumer.FileConsumer} polls the matched files, reads what is new in each and hands
 * the tokens to an {@link io.otelier.helper.fileconsumer.Emitter}.
 */
@Export
@Version("0.1.0")
package io.otelier.helper.fileconsumer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
