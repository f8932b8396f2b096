#!/usr/bin/env bash
# Regenerates the debug exporter's golden files from upstream's own exporter (collector v0.165.0,
# fetched through the Go module proxy). Not run in CI; commit the changed goldens.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
golden="$here/../bundles/exporter-debug/src/test/resources"
(cd "$here/debug-exporter" && go run . "$golden/golden")
(cd "$here/go-floats" && go run . > "$golden/go-format.tsv")
echo "golden files written under $golden"
