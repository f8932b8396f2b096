#!/usr/bin/env bash
# Runs each case of helper-stanza's upstream-parity corpus through the upstream contrib collector
# (file_log receiver with the case's operators, start_at: beginning -> file exporter, format json) and
# writes the output as the case's golden file. Never runs in CI; the goldens are committed and
# bundles/helper-stanza's UpstreamCorpusTest compares our pipeline with them.
#
#   interop/run-stanza-corpus.sh [case...]     (default: every case)
#
# A case is a folder under upstream-corpus/ with operators.yaml (the operators list), input.log and an
# optional case.properties: file=<relative path the input is written to> (default input.log),
# include_file_path=true|false (default false), include_file_name=true|false (default true). Inputs are written under /tmp/otelier-stanza-corpus/<case>/,
# a fixed place because log.file.path ends up in the records.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
module="$here/../bundles/helper-stanza/src/test/resources"
corpus="$module/upstream-corpus"
golden="$module/upstream-golden"
work_root=/tmp/otelier-stanza-corpus

binary="${OTELIER_UPSTREAM_CONTRIB:-$HOME/.cache/otelier-interop/otelcol-upstream-contrib}"
if [[ ! -x "$binary" ]]; then
  binary="$("$here/upstream-contrib/build.sh")"
fi

property() { # case key default
  local file="$corpus/$1/case.properties"
  local value=""
  if [[ -f "$file" ]]; then
    value="$(grep -E "^$2=" "$file" | tail -n1 | cut -d= -f2- || true)"
  fi
  echo "${value:-$3}"
}

run_case() {
  local name="$1"
  local dir="$work_root/$name"
  local file include_path
  file="$(property "$name" file input.log)"
  include_path="$(property "$name" include_file_path false)"
  include_name="$(property "$name" include_file_name true)"
  rm -rf "$dir"
  mkdir -p "$dir/$(dirname "$file")"
  cp "$corpus/$name/input.log" "$dir/$file"
  python3 - "$corpus/$name/operators.yaml" "$dir/$file" "$include_path" "$dir/out.json" "$include_name" > "$dir/config.yaml" <<'PY'
import sys, yaml
def escape(value):
    # the collector's config resolver expands ${...}; operators.yaml holds values as the receiver gets them
    if isinstance(value, str):
        return value.replace("$", "$$")
    if isinstance(value, list):
        return [escape(v) for v in value]
    if isinstance(value, dict):
        return {k: escape(v) for k, v in value.items()}
    return value
operators = escape(yaml.safe_load(open(sys.argv[1])) or [])
config = {
    "receivers": {"file_log": {
        "include": [sys.argv[2]],
        "start_at": "beginning",
        "include_file_path": sys.argv[3] == "true",
        "include_file_name": sys.argv[5] == "true",
        "operators": operators,
    }},
    "exporters": {"file": {"path": sys.argv[4], "format": "json"}},
    "service": {
        "telemetry": {"metrics": {"level": "none"}, "logs": {"level": "warn"}},
        "pipelines": {"logs": {"receivers": ["file_log"], "exporters": ["file"]}},
    },
}
yaml.safe_dump(config, sys.stdout, sort_keys=False, allow_unicode=True)
PY
  "$binary" --config "$dir/config.yaml" > "$dir/collector.log" 2>&1 &
  local pid=$!
  sleep 4
  kill -TERM "$pid" 2>/dev/null || echo "$name: collector exited early (see $dir/collector.log)" >&2
  wait "$pid" || true
  if [[ ! -s "$dir/out.json" ]]; then
    echo "$name: no output (see $dir/collector.log)" >&2
    : > "$golden/$name.json"
  else
    cp "$dir/out.json" "$golden/$name.json"
  fi
  echo "$name: $(grep -o '"logRecords"' "$golden/$name.json" | wc -l) scope group(s) -> upstream-golden/$name.json"
}

mkdir -p "$golden" "$work_root"
if [[ $# -gt 0 ]]; then
  cases=("$@")
else
  mapfile -t cases < <(cd "$corpus" && ls -d */ | tr -d /)
fi
for c in "${cases[@]}"; do
  run_case "$c"
done
