/**
 * gRPC for components, as upstream's {@code config/configgrpc} (v0.165): server and client settings with
 * upstream's keys, defaults and validation; servers and channels built from them on grpc-java and netty; and
 * the OTLP {@code Export} services with marshallers over {@code io.otelier.pdata.otlp.OtlpProto}.
 */
@Export
@Version("0.2.0")
package io.otelier.helper.grpc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
