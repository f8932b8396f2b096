#!/usr/bin/env bash
# Runs each case of receiver-filelog's fileconsumer corpus (how files are cut into entries: line endings, trimming,
# max_log_size, multiline, encodings, gzip, file attributes) through the upstream contrib collector (file_log with
# the case's settings, start_at: beginning, no operators -> file exporter, format json) and writes what it exported
# as the case's golden file. Never runs in CI; the goldens are committed and FileConsumerParityTest compares ours.
#
#   interop/run-fileconsumer-goldens.sh [case...]     (default: every case)
#
# A case is a folder under fileconsumer-corpus/ with receiver.yaml (settings added to the receiver), the input file
# (input.log, or the name given as file=<name> in case.properties). Paths in the output are written as ${DIR}.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
module="$here/../bundles/receiver-filelog/src/test/resources"
corpus="$module/fileconsumer-corpus"
golden="$module/upstream-golden/fileconsumer"
work_root=/tmp/otelier-fileconsumer-corpus

binary="${OTELIER_UPSTREAM_CONTRIB:-$HOME/.cache/otelier-interop/otelcol-upstream-contrib}"
if [[ ! -x "$binary" ]]; then
  binary="$("$here/upstream-contrib/build.sh")"
fi

run_case() {
  local name="$1"
  local dir="$work_root/$name"
  local file="input.log"
  if [[ -f "$corpus/$name/case.properties" ]]; then
    file="$(grep -E '^file=' "$corpus/$name/case.properties" | cut -d= -f2-)"
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$corpus/$name/$file" "$dir/$file"
  python3 - "$corpus/$name/receiver.yaml" "$dir/$file" "$dir/out.json" > "$dir/config.yaml" <<'PY'
import sys, yaml
receiver = yaml.safe_load(open(sys.argv[1])) or {}
receiver.update({"include": [sys.argv[2]], "start_at": "beginning"})
config = {
    "receivers": {"file_log": receiver},
    "exporters": {"file": {"path": sys.argv[3], "format": "json"}},
    "service": {
        "telemetry": {"metrics": {"level": "none"}, "logs": {"level": "warn"}},
        "pipelines": {"logs": {"receivers": ["file_log"], "exporters": ["file"]}},
    },
}
yaml.safe_dump(config, sys.stdout, sort_keys=False, allow_unicode=True)
PY
  "$binary" --config "$dir/config.yaml" > "$dir/collector.log" 2>&1 &
  local pid=$!
  # several polls, and past force_flush_period (500 ms) for unterminated last lines
  sleep 3
  kill -TERM "$pid"
  wait "$pid" || true
  mkdir -p "$golden"
  sed "s#$dir#\${DIR}#g" "$dir/out.json" > "$golden/$name.json"
  echo "$name: $(wc -l < "$golden/$name.json") batches"
}

cases=("$@")
if [[ ${#cases[@]} -eq 0 ]]; then
  mapfile -t cases < <(ls "$corpus")
fi
for c in "${cases[@]}"; do
  run_case "$c"
done
