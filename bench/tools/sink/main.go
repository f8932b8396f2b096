// Command sink is the minimal OTLP/gRPC server at the end of a benchmark pipeline: it counts the items it
// receives per signal and the end-to-end latency of each (receipt time minus the time the load generator
// stamped on it). GET /stats returns the figures as JSON; POST /reset clears them.
//
//	sink -grpc 127.0.0.1:24327 -stats 127.0.0.1:24328
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/pmetric/pmetricotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	_ "google.golang.org/grpc/encoding/gzip" // the otlp exporters compress with gzip by default
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protowire"
)

// latencies in 100 µs buckets up to 60 s: exact enough for p50/p99 and cheap at any rate
const bucketWidth = 100 * time.Microsecond
const buckets = 600_000

type stats struct {
	mu       sync.Mutex
	items    map[string]int64
	requests int64
	hist     []int64
	first    time.Time
	last     time.Time
}

func (s *stats) record(signal string, stamps []int64) {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.first.IsZero() {
		s.first = now
	}
	s.last = now
	s.requests++
	s.items[signal] += int64(len(stamps))
	nowNanos := now.UnixNano()
	for _, t := range stamps {
		b := (nowNanos - t) / int64(bucketWidth)
		if b < 0 {
			b = 0
		}
		if b >= buckets {
			b = buckets - 1
		}
		s.hist[b]++
	}
}

func (s *stats) percentile(p float64) float64 {
	var total int64
	for _, c := range s.hist {
		total += c
	}
	if total == 0 {
		return 0
	}
	want := int64(float64(total) * p)
	var seen int64
	for i, c := range s.hist {
		seen += c
		if seen > want {
			return float64(i+1) * float64(bucketWidth) / float64(time.Millisecond)
		}
	}
	return float64(buckets) * float64(bucketWidth) / float64(time.Millisecond)
}

// spanStamps reads the start time of every span straight from the ExportTraceServiceRequest bytes
// (resource_spans 1 -> scope_spans 2 -> spans 2 -> start_time_unix_nano 7): at several hundred thousand spans
// a second, decoding whole pdata trees cost the sink's core more than the collector under test spent.
func spanStamps(b []byte, stamps []int64) ([]int64, error) {
	return walk(b, stamps, []protowire.Number{1, 2, 2}, 7)
}

// walk descends the length-delimited fields path[0], path[1]... and collects the fixed64 field leaf of each
// message at the end of the path.
func walk(b []byte, stamps []int64, path []protowire.Number, leaf protowire.Number) ([]int64, error) {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return stamps, protowire.ParseError(n)
		}
		b = b[n:]
		if len(path) > 0 && num == path[0] && typ == protowire.BytesType {
			v, m := protowire.ConsumeBytes(b)
			if m < 0 {
				return stamps, protowire.ParseError(m)
			}
			b = b[m:]
			var err error
			if len(path) == 1 {
				stamps, err = leafValue(v, leaf, stamps)
			} else {
				stamps, err = walk(v, stamps, path[1:], leaf)
			}
			if err != nil {
				return stamps, err
			}
			continue
		}
		m := protowire.ConsumeFieldValue(num, typ, b)
		if m < 0 {
			return stamps, protowire.ParseError(m)
		}
		b = b[m:]
	}
	return stamps, nil
}

// leafValue appends the message's fixed64 field leaf (0 when absent): one entry per message, like one item.
func leafValue(b []byte, leaf protowire.Number, stamps []int64) ([]int64, error) {
	var value uint64
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return stamps, protowire.ParseError(n)
		}
		b = b[n:]
		if num == leaf && typ == protowire.Fixed64Type {
			v, m := protowire.ConsumeFixed64(b)
			if m < 0 {
				return stamps, protowire.ParseError(m)
			}
			value = v
			b = b[m:]
			continue
		}
		m := protowire.ConsumeFieldValue(num, typ, b)
		if m < 0 {
			return stamps, protowire.ParseError(m)
		}
		b = b[m:]
	}
	return append(stamps, int64(value)), nil
}

// rawCodec hands request bytes to the handlers as they arrived and sends responses that are already bytes.
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) { return v.([]byte), nil }
func (rawCodec) Unmarshal(data []byte, v any) error {
	*(v.(*[]byte)) = append([]byte(nil), data...)
	return nil
}
func (rawCodec) Name() string { return "proto" }

// exportService registers one OTLP Export method whose handler gets the raw request.
func exportService(server *grpc.Server, service string, handle func([]byte) error) {
	server.RegisterService(&grpc.ServiceDesc{
		ServiceName: service,
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{{
			MethodName: "Export",
			Handler: func(_ any, _ context.Context, dec func(any) error, _ grpc.UnaryServerInterceptor) (any, error) {
				var req []byte
				if err := dec(&req); err != nil {
					return nil, err
				}
				if err := handle(req); err != nil {
					return nil, status.Error(codes.InvalidArgument, err.Error())
				}
				return []byte{}, nil // an empty Export*ServiceResponse
			},
		}},
	}, struct{}{})
}

func metricStamps(b []byte, s *stats) error {
	req := pmetricotlp.NewExportRequest()
	if err := req.UnmarshalProto(b); err != nil {
		return err
	}
	md := req.Metrics()
	stamps := make([]int64, 0, md.DataPointCount())
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		sm := md.ResourceMetrics().At(i).ScopeMetrics()
		for j := 0; j < sm.Len(); j++ {
			ms := sm.At(j).Metrics()
			for k := 0; k < ms.Len(); k++ {
				if ms.At(k).Type() == pmetric.MetricTypeGauge {
					dps := ms.At(k).Gauge().DataPoints()
					for d := 0; d < dps.Len(); d++ {
						stamps = append(stamps, int64(dps.At(d).Timestamp()))
					}
				}
			}
		}
	}
	s.record("metrics", stamps)
	return nil
}

func logStamps(b []byte, s *stats) error {
	req := plogotlp.NewExportRequest()
	if err := req.UnmarshalProto(b); err != nil {
		return err
	}
	ld := req.Logs()
	stamps := make([]int64, 0, ld.LogRecordCount())
	for i := 0; i < ld.ResourceLogs().Len(); i++ {
		sl := ld.ResourceLogs().At(i).ScopeLogs()
		for j := 0; j < sl.Len(); j++ {
			lrs := sl.At(j).LogRecords()
			for k := 0; k < lrs.Len(); k++ {
				stamps = append(stamps, int64(lrs.At(k).Timestamp()))
			}
		}
	}
	s.record("logs", stamps)
	return nil
}

func main() {
	grpcAddr := flag.String("grpc", "127.0.0.1:24327", "OTLP/gRPC listen address")
	statsAddr := flag.String("stats", "127.0.0.1:24328", "HTTP address of /stats and /reset")
	flag.Parse()

	s := &stats{items: map[string]int64{}, hist: make([]int64, buckets)}
	lis, err := net.Listen("tcp", *grpcAddr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sink:", err)
		os.Exit(2)
	}
	server := grpc.NewServer(grpc.MaxRecvMsgSize(64<<20), grpc.ForceServerCodec(rawCodec{}))
	exportService(server, "opentelemetry.proto.collector.trace.v1.TraceService", func(b []byte) error {
		stamps, err := spanStamps(b, nil)
		if err == nil {
			s.record("traces", stamps)
		}
		return err
	})
	exportService(server, "opentelemetry.proto.collector.metrics.v1.MetricsService",
		func(b []byte) error { return metricStamps(b, s) })
	exportService(server, "opentelemetry.proto.collector.logs.v1.LogsService",
		func(b []byte) error { return logStamps(b, s) })
	go func() { _ = server.Serve(lis) }()

	http.HandleFunc("/stats", func(w http.ResponseWriter, _ *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		_ = json.NewEncoder(w).Encode(map[string]any{
			"items":    s.items,
			"requests": s.requests,
			"p50_ms":   s.percentile(0.50),
			"p99_ms":   s.percentile(0.99),
			"span_s":   s.last.Sub(s.first).Seconds(),
		})
	})
	http.HandleFunc("/reset", func(w http.ResponseWriter, _ *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.items = map[string]int64{}
		s.requests = 0
		s.hist = make([]int64, buckets)
		s.first, s.last = time.Time{}, time.Time{}
	})
	fmt.Fprintln(os.Stderr, "sink: OTLP/gRPC on", *grpcAddr, "stats on", *statsAddr)
	if err := http.ListenAndServe(*statsAddr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "sink:", err)
		os.Exit(2)
	}
}
