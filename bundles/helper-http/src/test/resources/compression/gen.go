//go:build ignore

// Writes the encodings of a text payload (CompressionTest rebuilds the same text) made by the libraries upstream's confighttp uses
// (klauspost/compress zstd, golang/snappy, pierrec/lz4, compress/gzip and zlib), so the Java decoders are
// checked against what real upstream clients send. Run once with gen.sh; the outputs are committed.
package main

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"os"

	"github.com/golang/snappy"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
)

func main() {
	var payload bytes.Buffer
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&payload, "span-%d service=checkout status=ok; ", i%977)
	}
	data := payload.Bytes()

	var gz bytes.Buffer
	gw := gzip.NewWriter(&gz)
	gw.Write(data)
	gw.Close()
	write("payload.gzip", gz.Bytes())

	var zl bytes.Buffer
	zw := zlib.NewWriter(&zl)
	zw.Write(data)
	zw.Close()
	write("payload.zlib", zl.Bytes())

	var zs bytes.Buffer
	enc, _ := zstd.NewWriter(&zs, zstd.WithEncoderConcurrency(1))
	enc.Write(data)
	enc.Close()
	write("payload.zstd", zs.Bytes())

	write("payload.snappy", snappy.Encode(nil, data))

	var sf bytes.Buffer
	sw := snappy.NewBufferedWriter(&sf)
	sw.Write(data)
	sw.Close()
	write("payload.x-snappy-framed", sf.Bytes())

	var l4 bytes.Buffer
	lw := lz4.NewWriter(&l4)
	lw.Apply(lz4.ConcurrencyOption(1))
	lw.Write(data)
	lw.Close()
	write("payload.lz4", l4.Bytes())
}

func write(name string, b []byte) {
	if err := os.WriteFile(name, b, 0o644); err != nil {
		panic(err)
	}
}
