#!/usr/bin/env bash
# The image test (issue 4, "Done means"): build the core distribution's image on the jlink base, push it to
# a registry on 127.0.0.1 (Debian's docker-registry), pull and run it with podman on the host network, send
# OTLP from the host and see the containerized collector print it; then stop it with SIGTERM.
#
# Needs (Debian): docker-registry podman runc curl iproute2 (ss). Run as root, after the project is built:
#   mvn -B install -DskipTests && tests/image/run-image-test.sh
# OTELIER_BUILDER replaces the builder command (the JUnit wrapper, builder/cli ImageRunTest, runs one that
# finds the project's modules in their target folders, so that `mvn verify` suffices).
# Everything lives in a temporary folder (registry storage, podman's storage) removed at the end; the ports
# are free ones picked at random; nothing but 127.0.0.1 is contacted.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
read -r -a builder <<< "${OTELIER_BUILDER:-$root/builder/target/otelier-builder/bin/otelier-builder}"

missing=()
for tool in docker-registry podman runc curl ss; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "image test: missing ${missing[*]} (apt-get install -y docker-registry podman runc curl iproute2)" >&2
  exit 2
fi

work=$(mktemp -d /tmp/otelier-image-test.XXXXXX)
name="otelier-image-test-$$"
podman=(podman --root "$work/containers" --runroot "$work/run" --storage-driver=vfs --cgroup-manager=cgroupfs
        --events-backend=file --runtime runc)
registry_pid=""
collector_pid=""

cleanup() {
  status=$?
  if [ "$status" -ne 0 ]; then
    echo "image test FAILED (status $status); collector log:" >&2
    tail -n 40 "$work/collector.log" 2>/dev/null >&2 || true
    echo "registry log:" >&2
    tail -n 20 "$work/registry.log" 2>/dev/null >&2 || true
  fi
  if [ -n "$collector_pid" ] && kill -0 "$collector_pid" 2>/dev/null; then
    "${podman[@]}" rm -f -t 5 "$name" >/dev/null 2>&1 || true
    wait "$collector_pid" 2>/dev/null || true
  fi
  if [ -n "$registry_pid" ]; then
    kill "$registry_pid" 2>/dev/null || true
    wait "$registry_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

# A free TCP port on the loopback range, not one of those already picked.
picked=""
free_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 20000))
    case " $picked " in *" $p "*) continue ;; esac
    if [ -z "$(ss -Hltn "sport = :$p")" ]; then
      picked="$picked $p"
      echo "$p"
      return
    fi
  done
  echo "image test: no free port found" >&2
  exit 1
}

# Waits up to $2 seconds for the file $1 to contain the fixed string $3.
wait_for() {
  local deadline=$((SECONDS + $2))
  until grep -qF -- "$3" "$1" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "image test: no \"$3\" in $1 after $2 s" >&2
      return 1
    fi
    sleep 0.2
  done
}

elapsed() {
  echo "$(( ($(date +%s%N) - $1) / 1000000 )) ms"
}

start=$(date +%s%N)
registry_port=$(free_port)
grpc_port=$(free_port)
http_port=$(free_port)
image="127.0.0.1:$registry_port/otelier/otelcol:image-test"

# 1. A registry on 127.0.0.1, storing in the work folder.
cat > "$work/registry.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: 127.0.0.1:$registry_port
EOF
docker-registry serve "$work/registry.yml" > "$work/registry.log" 2>&1 &
registry_pid=$!
deadline=$((SECONDS + 30))
until curl -sf "http://127.0.0.1:$registry_port/v2/" >/dev/null; do
  [ "$SECONDS" -lt "$deadline" ] || { echo "image test: the registry did not start" >&2; exit 1; }
  sleep 0.2
done
echo "image test: registry on 127.0.0.1:$registry_port"

# 2. The core distribution's manifest, its image pushed to that registry instead of written to a tarball (no
#    class archive training: images never carry the archive, its paths are the build folder's).
awk -v out="$work/otelcol" -v config="$root/distributions/core/config.yaml" '
  /^image:/ { skip = 1; next }
  skip && /^[^ #]/ { skip = 0 }
  skip { next }
  /^  output_path:/ { print "  output_path: " out; next }
  /^config:/ { print "config: " config; next }
  /^training_config:/ { next }
  { print }' "$root/distributions/core/manifest.yaml" > "$work/manifest.yaml"
cat >> "$work/manifest.yaml" <<EOF
image:
  name: $image
  base: jlink
  push: true
  allow_insecure_registries: true
EOF

t=$(date +%s%N)
"${builder[@]}" --config "$work/manifest.yaml" --offline
echo "image test: built and pushed $image in $(elapsed "$t")"

# 3. Pull it and look at what it says about itself.
t=$(date +%s%N)
"${podman[@]}" pull -q --tls-verify=false "$image" >/dev/null
echo "image test: pulled in $(elapsed "$t"): $("${podman[@]}" image inspect --format \
  'size {{.Size}} bytes, user {{.Config.User}}, entrypoint {{.Config.Entrypoint}}, cmd {{.Config.Cmd}}' "$image")"
user=$("${podman[@]}" image inspect --format '{{.Config.User}}' "$image")
[ "$user" = "10001:10001" ] || { echo "image test: user is \"$user\", not 10001:10001" >&2; exit 1; }
components=$("${podman[@]}" image inspect --format '{{index .Config.Labels "io.otelier.components"}}' "$image")
case "$components" in
  *'"otlp"'*) ;;
  *) echo "image test: label io.otelier.components is \"$components\"" >&2; exit 1 ;;
esac

# 4. Run it as the issue says, with its own config; only the ports move (free ones) and the internal metrics
#    server stays off, so that nothing else on this machine is in the way.
t=$(date +%s%N)
"${podman[@]}" run --rm --name "$name" --network=host --ulimit nofile=20000:20000 --ulimit nproc=32768:32768 \
  "$image" --config /etc/otelcol/config.yaml \
  --set "receivers::otlp::protocols::grpc::endpoint=0.0.0.0:$grpc_port" \
  --set "receivers::otlp::protocols::http::endpoint=0.0.0.0:$http_port" \
  --set "service::telemetry::metrics::level=none" \
  > "$work/collector.log" 2>&1 &
collector_pid=$!
wait_for "$work/collector.log" 120 "Everything is ready"
echo "image test: the collector is ready $(elapsed "$t") after podman run"

# 5. OTLP/HTTP from the host.
trace='{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"image-test"}}]},
"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
"name":"from-the-host","kind":1,"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000001000000000"}]}]}]}'
code=$(curl -s -o "$work/response" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  --max-time 10 --data "$trace" "http://127.0.0.1:$http_port/v1/traces")
[ "$code" = "200" ] || { echo "image test: OTLP/HTTP answered $code: $(cat "$work/response")" >&2; exit 1; }
wait_for "$work/collector.log" 30 'Traces {"resource spans": 1, "spans": 1}'
echo "image test: the containerized collector received the host's trace"

# 6. SIGTERM through podman: the collector drains and stops.
"${podman[@]}" stop -t 30 "$name" >/dev/null
wait "$collector_pid" || true
collector_pid=""
wait_for "$work/collector.log" 5 "Shutdown complete"
echo "image test passed in $(elapsed "$start")"
