/**
 * OTLP metrics in Prometheus terms, shared by the {@code prometheus} (pull) and {@code prometheus_remote_write}
 * exporters: metric names with unit and type suffixes, label names, the {@code job}/{@code instance} labels and
 * {@code target_info} attributes of a resource, scope labels, resource-to-telemetry conversion and Go's float
 * formatting for {@code le}/{@code quantile} values. As Prometheus's {@code otlptranslator} v1.0.0 with the
 * underscore-escaping strategies and contrib's pkg/translator/prometheus v0.165.
 */
@Export
@Version("0.1.0")
package io.otelier.helper.prometheus;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
