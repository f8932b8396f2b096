#!/usr/bin/env bash
# Builds an upstream collector with upstream's builder (ocb v0.165.0, pinned by interop/tools) from a folder
# holding builder-config.yaml, go.mod and go.sum: interop/upstream-contrib (goldens) or bench/upstream
# (benchmarks). Not run in CI. The binary is named after the manifest's dist name.
#
#   interop/build-upstream.sh interop/upstream-contrib   # prints the binary's path on stdout; progress on stderr
#
# It builds only when the binary is missing or was built from other inputs (a stamp beside the binary keeps
# the hash of the manifest, go.mod, go.sum and the Go version), so callers can run it every time:
#   collector="$("$root/interop/upstream-contrib/build.sh")"   (a wrapper naming its own folder)
# A first build compiles a few thousand packages: 10 to 25 minutes on 2 cores; Go's build cache makes a
# rebuild with a warm cache take about ten seconds.
#
# Environment: OTELIER_INTEROP_CACHE (default ~/.cache/otelier-interop) holds the builder, the generated
# sources and the binary, never the repo; OTELIER_UPSTREAM_READY (default /tmp/otelier/<dist name>.ready)
# is touched once the binary is ready, for scripts that wait on a build started elsewhere.
set -euo pipefail

[ $# -eq 1 ] && [ -f "$1/builder-config.yaml" ] || { echo "usage: $0 FOLDER (with builder-config.yaml, go.mod, go.sum)" >&2; exit 2; }
here="$(cd "$1" && pwd)"
interop="$(cd "$(dirname "$0")" && pwd)"
name="$(sed -n 's/^  name: *//p' "$here/builder-config.yaml" | head -1)"
[ -n "$name" ] || { echo "$here/builder-config.yaml has no dist name" >&2; exit 2; }
short="${name#otelcol-}"
cache="${OTELIER_INTEROP_CACHE:-$HOME/.cache/otelier-interop}"
ready="${OTELIER_UPSTREAM_READY:-/tmp/otelier/$short.ready}"
binary="$cache/$name"
stamp="$binary.stamp"
src="$cache/$short-src"

log() { echo "$short: $*" >&2; }

inputs_hash() {
  { cat "$here/builder-config.yaml" "$here/go.mod" "$here/go.sum"; go version; } | sha256sum | cut -d' ' -f1
}

mark_ready() {
  mkdir -p "$(dirname "$ready")"
  touch "$ready"
  echo "$binary"
}

mkdir -p "$cache"
# one build at a time: a second caller waits here and then finds the binary up to date
exec 9>"$cache/$short.lock"
flock 9

want="$(inputs_hash)"
if [ -x "$binary" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  log "up to date"
  mark_ready
  exit 0
fi

if [ ! -x "$cache/builder" ]; then
  log "building upstream's builder (ocb, pinned by interop/tools)"
  (cd "$interop/tools" && go build -o "$cache/builder" go.opentelemetry.io/collector/cmd/builder) >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# the builder only generates the sources; the committed go.mod/go.sum pin what they compile with (the
# builder's own `go mod tidy` would fail on test dependencies that the Go module proxy does not serve)
log "generating sources into $src"
rm -rf "$src"
sed "s#^dist:#dist:\n  output_path: $src#" "$here/builder-config.yaml" >"$work/builder-config.yaml"
"$cache/builder" --config "$work/builder-config.yaml" --skip-get-modules --skip-compilation >"$work/builder.log" 2>&1 \
  || { cat "$work/builder.log" >&2; exit 1; }
cp "$here/go.mod" "$here/go.sum" "$src/"

log "compiling $binary (the first time takes 10-25 minutes)"
started=$SECONDS
rm -f "$stamp"
(cd "$src" && go build -mod=readonly -trimpath -o "$binary.tmp" .) >&2
mv "$binary.tmp" "$binary"
echo "$want" >"$stamp"
log "built in $((SECONDS - started)) s, $(du -h "$binary" | cut -f1)"
mark_ready
