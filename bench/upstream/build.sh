#!/usr/bin/env bash
# Builds the upstream collector the benchmarks compare against (otlp receiver, batch, otlp/otlphttp/debug/nop
# exporters at v0.165.0); prints its path. See interop/build-upstream.sh.
exec "$(dirname "$0")/../../interop/build-upstream.sh" "$(dirname "$0")"
