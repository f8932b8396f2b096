#!/usr/bin/env bash
# Sends the hands-on's metrics through our prometheus_remote_write exporter to a real Prometheus
# (Debian's package: apt-get install prometheus) and queries them back (RealPrometheusInteropTest).
# Not run in CI. Needs the module's dependencies in ~/.m2 (a build of the project).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${PROMETHEUS_PORT:-19090}"
data="$(mktemp -d)"
config="$data/prometheus.yml"
printf 'global:\n  scrape_interval: 1h\n' > "$config"
prometheus --config.file="$config" --storage.tsdb.path="$data/tsdb" --web.listen-address="127.0.0.1:$port" \
  --web.enable-remote-write-receiver > "$data/prometheus.log" 2>&1 &
prom_pid=$!
trap 'kill "$prom_pid" 2>/dev/null || true; wait "$prom_pid" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/-/ready" > /dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/-/ready" > /dev/null || { cat "$data/prometheus.log"; exit 1; }
cd "$here/.."
OTELIER_PROMETHEUS_URL="http://127.0.0.1:$port" mvn -B -o -q -pl bundles/exporter-prometheusremotewrite test \
  -Dtest=RealPrometheusInteropTest -Dsurefire.failIfNoSpecifiedTests=false
grep -h -o 'tests="[0-9]*" errors="[0-9]*" skipped="[0-9]*" failures="[0-9]*"' \
  bundles/exporter-prometheusremotewrite/target/surefire-reports/TEST-*RealPrometheusInteropTest.xml
echo "series arrived in a real Prometheus ($(prometheus --version 2>&1 | head -1))"
