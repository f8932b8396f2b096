#!/usr/bin/env bash
# Builder benchmark (not a test): warm build time of a 5-component distribution and of contrib, and the
# sizes of the core and contrib distributions (and their image tarballs when the manifests build images).
# Run after `mvn -B install` at the root. Prints a Markdown table; figures are wall-clock on this machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
builder="$root/builder/target/otelier-builder/bin/otelier-builder"
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/five.yaml" <<YAML
dist:
  name: otelcol-five
  version: 1.0.0
  output_path: ./out
receivers:
  - bundle: io.otelier:receiver-otlp:$version
processors:
  - bundle: io.otelier:processor-batch:$version
  - bundle: io.otelier:processor-memorylimiter:$version
exporters:
  - bundle: io.otelier:exporter-debug:$version
  - bundle: io.otelier:exporter-otlp-grpc:$version
YAML

run() { # label, args…  → best of 3 warm runs (the first run warms the local repository and the page cache)
  local label=$1; shift
  "$@" >/dev/null 2>&1
  local best=""
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    local t
    t=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  printf '| %s | %.1f s |\n' "$label" "$best"
}

size() { du -sm "$1" | cut -f1; }

echo "| build (warm, best of 3) | wall time |"
echo "| --- | --- |"
run "5-component distribution (CLI, --skip-image)" "$builder" --config "$work/five.yaml" --skip-image --offline
run "contrib distribution (CLI, --skip-image)" "$builder" --config "$root/distributions/contrib/manifest.yaml" \
  --output-path "$work/contrib" --skip-image --offline
echo
echo "| artifact | size |"
echo "| --- | --- |"
for d in "$root/distributions/core/target/otelcol" "$root/distributions/contrib/target/otelcol-contrib"; do
  [ -d "$d" ] && echo "| ${d#$root/} (folder) | $(size "$d") MB |"
done
for f in "$root"/distributions/*/target/*.tar.gz "$root"/distributions/*/target/*image*.tar; do
  [ -f "$f" ] && echo "| ${f#$root/} | $(size "$f") MB |"
done
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
