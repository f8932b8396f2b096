#!/usr/bin/env bash
# Builds the upstream contrib collector (core v0.165.0 / v1.71.0, contrib v0.165.1) that interop scripts run to
# record golden files; prints its path. See ../build-upstream.sh.
exec "$(dirname "$0")/../build-upstream.sh" "$(dirname "$0")"
