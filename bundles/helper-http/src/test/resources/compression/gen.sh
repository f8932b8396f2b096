#!/bin/sh
# Regenerates the Go-encoded fixtures with the library versions of confighttp v1.71.0 (collector v0.165.0).
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
cp gen.go "$work/main.go"
(cd "$work" && go mod init gen >/dev/null 2>&1 \
  && go get github.com/golang/snappy@v1.0.0 github.com/klauspost/compress@v1.20.3 github.com/pierrec/lz4/v4@v4.1.33 >/dev/null 2>&1 \
  && go run main.go)
mv "$work"/payload.* .
rm -rf "$work"
