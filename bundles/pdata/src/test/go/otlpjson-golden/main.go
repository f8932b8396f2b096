// Command otlpjson-golden writes, for every *.pb file (an OTLP Export*ServiceRequest named traces-*, metrics-*
// or logs-*) in the folder given as argument, the OTLP/JSON that upstream's pdata marshaler makes of it, as
// *.json beside it. The Java tests compare OtlpJson's output with these files byte for byte.
//
// Run: go run . ../../resources/io/otelier/pdata/otlp/golden
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

func main() {
	files, err := filepath.Glob(filepath.Join(os.Args[1], "*.pb"))
	if err != nil {
		panic(err)
	}
	for _, file := range files {
		in, err := os.ReadFile(file)
		if err != nil {
			panic(err)
		}
		var out []byte
		switch name := filepath.Base(file); {
		case strings.HasPrefix(name, "traces-"):
			td, err := (&ptrace.ProtoUnmarshaler{}).UnmarshalTraces(in)
			if err != nil {
				panic(fmt.Errorf("%s: %w", file, err))
			}
			out, err = (&ptrace.JSONMarshaler{}).MarshalTraces(td)
			if err != nil {
				panic(err)
			}
		case strings.HasPrefix(name, "metrics-"):
			md, err := (&pmetric.ProtoUnmarshaler{}).UnmarshalMetrics(in)
			if err != nil {
				panic(fmt.Errorf("%s: %w", file, err))
			}
			out, err = (&pmetric.JSONMarshaler{}).MarshalMetrics(md)
			if err != nil {
				panic(err)
			}
		case strings.HasPrefix(name, "logs-"):
			ld, err := (&plog.ProtoUnmarshaler{}).UnmarshalLogs(in)
			if err != nil {
				panic(fmt.Errorf("%s: %w", file, err))
			}
			out, err = (&plog.JSONMarshaler{}).MarshalLogs(ld)
			if err != nil {
				panic(err)
			}
		default:
			continue
		}
		if err := os.WriteFile(strings.TrimSuffix(file, ".pb")+".json", out, 0o644); err != nil {
			panic(err)
		}
	}
}
