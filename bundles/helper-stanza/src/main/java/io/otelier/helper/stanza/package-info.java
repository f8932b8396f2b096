/**
 * Stanza, the log-processing library behind the log receivers (upstream {@code pkg/stanza}, contrib v0.165.1):
 * the {@link io.otelier.helper.stanza.Entry} model, {@link io.otelier.helper.stanza.Field} references,
 * the operator pipeline built from a receiver's raw {@code operators} list
 * ({@link io.otelier.helper.stanza.OperatorPipeline}), the input-level {@code attributes}/{@code resource}
 * decoration ({@link io.otelier.helper.stanza.EntryDecorator}) and the adapter that batches entries and
 * converts them into {@link io.otelier.pdata.Logs} ({@link io.otelier.helper.stanza.LogEmitter},
 * {@link io.otelier.helper.stanza.EntryConverter}, {@link io.otelier.helper.stanza.LogsForwarder}).
 */
@Export
@Version("0.1.0")
package io.otelier.helper.stanza;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
