/**
 * The OTLP wire formats of the model: protobuf ({@link io.otelier.pdata.otlp.OtlpProto}) and OTLP/JSON
 * ({@link io.otelier.pdata.otlp.OtlpJson}), for the {@code Export*ServiceRequest} and {@code Export*ServiceResponse}
 * messages of opentelemetry-proto 1.x.
 */
@Export
@Version("0.1.0")
package io.otelier.pdata.otlp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
