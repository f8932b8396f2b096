#!/usr/bin/env bash
# Runs Otelier's core distribution against the upstream Go collector (core v0.165.0 made by upstream's builder
# ocb v0.165.0, with contrib's file exporter v0.165.1) and upstream telemetrygen (v0.161.0), all built from the
# Go module proxy, and records what the upstream file exporter writes as golden files for tests/e2e
# (UpstreamGoldenTest). Not run in CI; commit the changed goldens.
#
#   interop/run-upstream-interop.sh            # after `mvn -B verify` built distributions/core/target/otelcol
#
# Scenarios (each ends in an upstream collector whose file exporter writes <scenario>/<signal>.jsonl):
#   a-grpc       telemetrygen --grpc--> OURS --otlp_grpc--> upstream sink
#   a-http       telemetrygen --http--> OURS --otlp_http--> upstream sink
#   b-http       telemetrygen --grpc--> upstream front --otlp_http--> OURS --otlp_grpc--> upstream sink
#   b-grpc       telemetrygen --grpc--> upstream front --otlp_grpc--> OURS --otlp_http--> upstream sink
#   c-upstream   input/*.pb --curl--> upstream sink                       (upstream's JSON for fixed input)
#   c-ours       input/*.pb --curl--> OURS --otlp_grpc--> upstream sink
#   c-ours-json  input/*.pb --curl--> OURS --otlp_http (encoding: json)--> upstream sink
# input/*.pb is the fixed input that interop/fixed-input generates (fixed ids and timestamps).
#
# Binaries go to $OTELIER_INTEROP_CACHE (default ~/.cache/otelier-interop), never into the repo; Go's build
# cache makes the builds after the first one take seconds.
# Every process listens on 127.0.0.1 ports 243xx/244xx and is stopped when the script ends.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
golden="$root/tests/e2e/src/test/resources/upstream"
dist="$root/distributions/core/target/otelcol"
cache="${OTELIER_INTEROP_CACHE:-$HOME/.cache/otelier-interop}"
upstream="$cache/otelcol-upstream"
telemetrygen="$cache/telemetrygen"

# upstream sink (file exporter), upstream front (relays to ours), ours
SINK_GRPC=24317 SINK_HTTP=24318
FRONT_GRPC=24327 FRONT_HTTP=24328
OURS_GRPC=24417 OURS_HTTP=24418

export OTELIER_HEAP=256m
[ -x "$dist/bin/otelcol" ] || { echo "build the core distribution first (mvn -B verify)" >&2; exit 1; }

work="$(mktemp -d)"
pids=()    # every process started and not yet stopped, for the exit trap
started="" # the pid of the last process that start() launched
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

build() {
  mkdir -p "$cache"
  echo "building upstream's builder, telemetrygen and collector into $cache"
  (cd "$here/tools" && go build -o "$cache/builder" go.opentelemetry.io/collector/cmd/builder \
    && go build -o "$telemetrygen" github.com/open-telemetry/opentelemetry-collector-contrib/cmd/telemetrygen)
  # the builder generates the collector's sources from the manifest; the committed go.mod/go.sum pin what
  # they compile with (see the manifest for why the builder does not resolve modules itself)
  local src="$cache/upstream-collector-src"
  rm -rf "$src"
  sed "s#^dist:#dist:\n  output_path: $src#" "$here/upstream-collector/builder-config.yaml" >"$work/builder-config.yaml"
  "$cache/builder" --config "$work/builder-config.yaml" --skip-get-modules --skip-compilation >"$work/builder.log" 2>&1 \
    || { cat "$work/builder.log" >&2; exit 1; }
  cp "$here/upstream-collector/go.mod" "$here/upstream-collector/go.sum" "$src/"
  (cd "$src" && go build -trimpath -o "$upstream" .)
  (cd "$here/fixed-input" && mkdir -p "$golden/input" && go run . "$golden/input")
}

# start NAME LOGFILE COMMAND...: runs a collector in the background and waits until it says it is ready.
start() {
  local name="$1" log="$2"
  shift 2
  "$@" >"$log" 2>&1 &
  started=$!
  pids+=("$started")
  local pid=$started
  for _ in $(seq 1 300); do
    if grep -q "Everything is ready" "$log"; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  echo "$name did not become ready:" >&2
  cat "$log" >&2
  exit 1
}

# stop PID: SIGTERM, then wait (bounded) so that the collector drains its queues and flushes its files.
stop() {
  local pid="$1" i
  for i in "${!pids[@]}"; do
    [ "${pids[$i]}" != "$pid" ] || unset 'pids[i]'
  done
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  echo "process $pid did not stop within 30 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

pipelines() { # pipelines RECEIVER EXPORTERS
  local p
  echo "  pipelines:"
  for p in traces metrics logs; do
    echo "    $p: {receivers: [$1], exporters: [$(printf "$2" "$p")]}"
  done
}

upstream_sink_config() { # upstream_sink_config OUTDIR
  cat <<EOF
receivers:
  otlp:
    protocols:
      grpc: {endpoint: 127.0.0.1:$SINK_GRPC}
      http: {endpoint: 127.0.0.1:$SINK_HTTP}
exporters:
  debug: {verbosity: basic}
  file/traces: {path: $1/traces.jsonl}
  file/metrics: {path: $1/metrics.jsonl}
  file/logs: {path: $1/logs.jsonl}
service:
  telemetry: {metrics: {level: none}}
$(pipelines otlp 'file/%s, debug')
EOF
}

upstream_front_config() { # upstream_front_config EXPORTER_YAML EXPORTER_NAME
  cat <<EOF
receivers:
  otlp:
    protocols:
      grpc: {endpoint: 127.0.0.1:$FRONT_GRPC}
      http: {endpoint: 127.0.0.1:$FRONT_HTTP}
exporters:
  $1
service:
  telemetry: {metrics: {level: none}}
$(pipelines otlp "$2")
EOF
}

ours_config() { # ours_config EXPORTER_YAML EXPORTER_NAME
  cat <<EOF
receivers:
  otlp:
    protocols:
      grpc: {endpoint: 127.0.0.1:$OURS_GRPC}
      http: {endpoint: 127.0.0.1:$OURS_HTTP}
exporters:
  $1
service:
  telemetry: {metrics: {level: none}}
$(pipelines otlp "$2")
EOF
}

to_sink_grpc="otlp_grpc: {endpoint: 127.0.0.1:$SINK_GRPC, tls: {insecure: true}}"
to_sink_http="otlp_http: {endpoint: http://127.0.0.1:$SINK_HTTP}"
to_sink_json="otlp_http: {endpoint: http://127.0.0.1:$SINK_HTTP, encoding: json}"
to_ours_grpc="otlp_grpc: {endpoint: 127.0.0.1:$OURS_GRPC, tls: {insecure: true}}"
to_ours_http="otlp_http: {endpoint: http://127.0.0.1:$OURS_HTTP}"

# telemetrygen_all SCENARIO ENDPOINT [--otlp-http]: every signal, every metric type, with the scenario's
# name as service.name and as an attribute on every item. Counts: 4 traces of 1+2 spans, 3 points of each
# of the 4 metric types, 5 logs.
telemetrygen_all() {
  local scenario="$1" endpoint="$2"
  shift 2
  local common=(--otlp-endpoint "$endpoint" --otlp-insecure --rate 0 --workers 1 --service "otelier-$scenario"
    --telemetry-attributes "otelier.scenario=\"$scenario\"" "$@")
  generate traces "${common[@]}" --traces 4 --child-spans 2
  local type
  for type in Gauge Sum Histogram ExponentialHistogram; do
    generate metrics "${common[@]}" --metrics 3 --metric-type "$type" \
      --otlp-metric-name "gen.$type" --aggregation-temporality cumulative
  done
  generate logs "${common[@]}" --logs 5 --body "log from $scenario"
}

# generate ARGS...: one bounded telemetrygen run; its chatter goes to a log shown only when it fails.
generate() {
  timeout 60 "$telemetrygen" "$@" >"$work/telemetrygen.log" 2>&1 || {
    cat "$work/telemetrygen.log" >&2
    echo "telemetrygen $* failed" >&2
    exit 1
  }
}

# post_input ENDPOINT: POSTs every fixed input request (one request per file, in name order).
post_input() {
  local f signal
  for f in "$golden"/input/*.pb; do
    signal="$(basename "$f" | cut -d- -f1)"
    curl -sS --fail --max-time 10 -H 'Content-Type: application/x-protobuf' --data-binary "@$f" \
      "http://$1/v1/$signal" >/dev/null
  done
}

# scenario NAME FRONT_EXPORTER|- OURS_EXPORTER|- SEND_COMMAND...
scenario() {
  local name="$1" front="$2" ours="$3"
  shift 3
  echo "== $name"
  local out="$work/$name"
  mkdir -p "$out"
  local sink_pid ours_pid="" front_pid=""
  upstream_sink_config "$out" >"$work/$name-sink.yaml"
  start "upstream sink" "$work/$name-sink.log" "$upstream" --config "$work/$name-sink.yaml"
  sink_pid=$started
  if [ "$ours" != - ]; then
    ours_config "$ours" "${ours%%:*}" >"$work/$name-ours.yaml"
    start "otelier" "$work/$name-ours.log" "$dist/bin/otelcol" --config "$work/$name-ours.yaml"
    ours_pid=$started
  fi
  if [ "$front" != - ]; then
    upstream_front_config "$front" "${front%%:*}" >"$work/$name-front.yaml"
    start "upstream front" "$work/$name-front.log" "$upstream" --config "$work/$name-front.yaml"
    front_pid=$started
  fi
  "$@"
  # stop from the sender's side towards the sink: each one drains its queue into the next before it goes
  [ -z "$front_pid" ] || stop "$front_pid"
  [ -z "$ours_pid" ] || stop "$ours_pid"
  stop "$sink_pid"
  if grep -E $'\t(error|ERROR)\t|"level":"error"' "$work"/"$name"-*.log; then
    echo "$name: a collector logged an error (logs above)" >&2
    exit 1
  fi
  rm -rf "${golden:?}/$name"
  mkdir -p "$golden/$name"
  cp "$out"/*.jsonl "$golden/$name/"
  wc -l "$golden/$name"/*.jsonl | sed 's/^/   /'
}

build
scenario a-grpc - "$to_sink_grpc" telemetrygen_all a-grpc "127.0.0.1:$OURS_GRPC"
scenario a-http - "$to_sink_http" telemetrygen_all a-http "127.0.0.1:$OURS_HTTP" --otlp-http
scenario b-http "$to_ours_http" "$to_sink_grpc" telemetrygen_all b-http "127.0.0.1:$FRONT_GRPC"
scenario b-grpc "$to_ours_grpc" "$to_sink_http" telemetrygen_all b-grpc "127.0.0.1:$FRONT_GRPC"
scenario c-upstream - - post_input "127.0.0.1:$SINK_HTTP"
scenario c-ours - "$to_sink_grpc" post_input "127.0.0.1:$OURS_HTTP"
scenario c-ours-json - "$to_sink_json" post_input "127.0.0.1:$OURS_HTTP"

cat >"$golden/VERSIONS" <<EOF
recorded $(date -u +%Y-%m-%d) by interop/run-upstream-interop.sh
upstream collector: made by ocb v0.165.0 from interop/upstream-collector/builder-config.yaml (core v0.165.0 / v1.71.0, contrib fileexporter v0.165.1)
telemetrygen: github.com/open-telemetry/opentelemetry-collector-contrib/cmd/telemetrygen v0.161.0
$(go version)
otelier: core distribution $(grep -m1 -o "dist.version='[^']*'" "$dist/bin/otelcol" | cut -d"'" -f2), built from $(cd "$root" && git describe --always --dirty 2>/dev/null || echo "an unknown commit")
EOF
echo "golden files written under $golden"
