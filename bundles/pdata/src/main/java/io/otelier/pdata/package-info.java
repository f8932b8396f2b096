/** Traces, metrics and logs: the mutable in-memory model of OTLP. */
@Export
@Version("0.1.0")
package io.otelier.pdata;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
