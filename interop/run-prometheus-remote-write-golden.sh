#!/usr/bin/env bash
# Records upstream's Prometheus output for the OTLP corpus in
# bundles/exporter-prometheusremotewrite/src/test/resources/upstream-golden/corpus/ (never runs in CI):
#  - the upstream contrib collector (interop/upstream-contrib, v0.165.1) receives each corpus file over OTLP/HTTP
#    and sends it with prometheus_remote_write to prometheus-remote-write-capture/, which decodes the write
#    requests (send_metadata on); its stable JSON is committed as upstream-golden/<file>.json and
#    <file>.metadata.json beside the corpus; a second prometheus_remote_write with non-default options
#    (namespace, no target_info, no scope labels, no suffixes, resource_constant_labels) gives <file>.options.json;
#  - the same collector's prometheus exporter (text format, and OpenMetrics on a second one) is scraped after
#    the whole corpus: bundles/exporter-prometheus/src/test/resources/upstream-golden/metrics{.txt,-openmetrics.txt},
#    and one with non-default options in both formats (metrics-options{.txt,-openmetrics.txt}).
# CI compares ours with these (UpstreamGoldenTest in both modules).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
corpus="$root/bundles/exporter-prometheusremotewrite/src/test/resources/upstream-golden/corpus"
prw_out="$root/bundles/exporter-prometheusremotewrite/src/test/resources/upstream-golden"
prom_out="$root/bundles/exporter-prometheus/src/test/resources/upstream-golden"
ready="${OTELIER_UPSTREAM_READY:-/tmp/otelier/upstream-contrib.ready}"
for _ in $(seq 1 600); do [ -e "$ready" ] && break; sleep 2; done
collector="$("$here/upstream-contrib/build.sh")"
work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "no answer from $1" >&2; return 1; }

(cd "$here/prometheus-remote-write-capture" && GOFLAGS=-mod=mod go build -o "$work/capture" .)
capture_port="$(free_port)"; otlp_port="$(free_port)"; prom_port="$(free_port)"; om_port="$(free_port)"
opt_port="$(free_port)"; capture2_port="$(free_port)"
"$work/capture" -listen "127.0.0.1:$capture_port" & pids+=($!)
"$work/capture" -listen "127.0.0.1:$capture2_port" & pids+=($!)
cat > "$work/config.yaml" <<YAML
receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:$otlp_port
exporters:
  prometheus_remote_write:
    endpoint: http://127.0.0.1:$capture_port/api/v1/write
    external_labels:
      oteltest: cndt2023
    remote_write_queue:
      enabled: false
    send_metadata: true
  prometheus_remote_write/options:
    endpoint: http://127.0.0.1:$capture2_port/api/v1/write
    external_labels:
      env: prod
    remote_write_queue:
      enabled: false
    namespace: otel
    target_info:
      enabled: false
    disable_scope_info: true
    add_metric_suffixes: false
    resource_constant_labels:
      included: ["service.*", "host.*"]
      excluded: ["service.namespace"]
  prometheus:
    endpoint: 127.0.0.1:$prom_port
  prometheus/openmetrics:
    endpoint: 127.0.0.1:$om_port
    enable_open_metrics: true
  prometheus/options:
    endpoint: 127.0.0.1:$opt_port
    enable_open_metrics: true
    namespace: otel
    const_labels:
      env: prod
    send_timestamps: true
    without_scope_info: true
    add_metric_suffixes: false
    resource_constant_labels:
      included: ["host.*"]
service:
  telemetry:
    metrics:
      level: none
  pipelines:
    metrics:
      receivers: [otlp]
      exporters: [prometheus_remote_write, prometheus_remote_write/options, prometheus, prometheus/openmetrics,
        prometheus/options]
YAML
"$collector" --config "$work/config.yaml" > "$work/collector.log" 2>&1 & pids+=($!)
wait_http "http://127.0.0.1:$capture_port/dump"
wait_http "http://127.0.0.1:$prom_port/metrics"

mkdir -p "$prom_out"
for file in "$corpus"/*.json; do
  name="$(basename "$file" .json)"
  curl -fsS "http://127.0.0.1:$capture_port/reset" > /dev/null
  curl -fsS "http://127.0.0.1:$capture2_port/reset" > /dev/null
  curl -fsS -X POST -H 'Content-Type: application/json' --data-binary "@$file" \
    "http://127.0.0.1:$otlp_port/v1/metrics" > /dev/null
  curl -fsS "http://127.0.0.1:$capture_port/dump" > "$prw_out/$name.json"
  curl -fsS "http://127.0.0.1:$capture_port/metadata" > "$prw_out/$name.metadata.json"
  curl -fsS "http://127.0.0.1:$capture2_port/dump" > "$prw_out/$name.options.json"
  echo "$name: $(grep -c '"labels"' "$prw_out/$name.json") series" >&2
done
sleep 1
curl -fsS "http://127.0.0.1:$prom_port/metrics" > "$prom_out/metrics.txt"
curl -fsS -H 'Accept: application/openmetrics-text;version=1.0.0,text/plain;q=0.5' \
  "http://127.0.0.1:$om_port/metrics" > "$prom_out/metrics-openmetrics.txt"
curl -fsS "http://127.0.0.1:$opt_port/metrics" > "$prom_out/metrics-options.txt"
curl -fsS -H 'Accept: application/openmetrics-text;version=1.0.0,text/plain;q=0.5' \
  "http://127.0.0.1:$opt_port/metrics" > "$prom_out/metrics-options-openmetrics.txt"
echo "goldens written (upstream: $("$collector" --version 2>&1 | head -1))" >&2
grep -i 'error\|warn' "$work/collector.log" | head -20 >&2 || true
