#!/usr/bin/env bash
# Records upstream's prometheus receiver output for the scrape corpus (never runs in CI): the upstream contrib
# collector (interop/upstream-contrib, v0.165.1) scrapes src/test/resources/upstream-golden/scrape-corpus/
# (served by serve_corpus.py) and writes OTLP/JSON with its file exporter; the first batch of each job is kept as
# upstream-golden/scrape-<job>.json (text, openmetrics, malformed), and the first two batches of /changing
# (its series disappear after the first scrape) as upstream-golden/scrape-changing.jsonl, and the target address as upstream-golden/scrape-address.txt.
# UpstreamScrapeGoldenTest compares ours with these.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../../.." && pwd)"
root="$(cd "$module/../.." && pwd)"
golden="$module/src/test/resources/upstream-golden"
ready="${OTELIER_UPSTREAM_READY:-/tmp/otelier/upstream-contrib.ready}"
for _ in $(seq 1 600); do [ -e "$ready" ] && break; sleep 2; done
collector="$("$root/interop/upstream-contrib/build.sh")"
work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 "$here/serve_corpus.py" "$port" "$golden/scrape-corpus" & pids+=($!)
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$port/text" 2>/dev/null && break; sleep 0.1; done

cat > "$work/config.yaml" <<YAML
receivers:
  prometheus:
    discovery_reload_on_startup: true
    config:
      scrape_configs:
        - job_name: text
          scrape_interval: 1s
          metrics_path: /text
          static_configs: [{targets: ['127.0.0.1:$port'], labels: {static: label}}]
        - job_name: openmetrics
          scrape_interval: 1s
          metrics_path: /openmetrics
          static_configs: [{targets: ['127.0.0.1:$port']}]
        - job_name: malformed
          scrape_interval: 1s
          metrics_path: /malformed
          static_configs: [{targets: ['127.0.0.1:$port']}]
        - job_name: changing
          scrape_interval: 1s
          metrics_path: /changing
          static_configs: [{targets: ['127.0.0.1:$port']}]
exporters:
  file:
    path: $work/out.json
service:
  telemetry:
    metrics:
      level: none
  pipelines:
    metrics:
      receivers: [prometheus]
      exporters: [file]
YAML
"$collector" --config "$work/config.yaml" > "$work/collector.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do
  [ -s "$work/out.json" ] && [ "$(grep -c '"service.name"' "$work/out.json")" -ge 10 ] && break
  sleep 0.2
done
kill "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true
for job in text openmetrics malformed; do
  grep -m1 "{\"key\":\"service.name\",\"value\":{\"stringValue\":\"$job\"}}" "$work/out.json" > "$golden/scrape-$job.json"
done
grep "{\"key\":\"service.name\",\"value\":{\"stringValue\":\"changing\"}}" "$work/out.json" | head -2 \
  > "$golden/scrape-changing.jsonl"
echo "127.0.0.1:$port" > "$golden/scrape-address.txt"
echo "wrote $golden/scrape-{text,openmetrics,malformed}.json"
