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
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	_ "google.golang.org/grpc/encoding/gzip" // the otlp exporters compress with gzip by default
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

type tracesServer struct {
	ptraceotlp.UnimplementedGRPCServer
	s *stats
}

func (t tracesServer) Export(_ context.Context, req ptraceotlp.ExportRequest) (ptraceotlp.ExportResponse, error) {
	td := req.Traces()
	stamps := make([]int64, 0, td.SpanCount())
	for i := 0; i < td.ResourceSpans().Len(); i++ {
		ss := td.ResourceSpans().At(i).ScopeSpans()
		for j := 0; j < ss.Len(); j++ {
			spans := ss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				stamps = append(stamps, int64(spans.At(k).StartTimestamp()))
			}
		}
	}
	t.s.record("traces", stamps)
	return ptraceotlp.NewExportResponse(), nil
}

type metricsServer struct {
	pmetricotlp.UnimplementedGRPCServer
	s *stats
}

func (m metricsServer) Export(_ context.Context, req pmetricotlp.ExportRequest) (pmetricotlp.ExportResponse, error) {
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
	m.s.record("metrics", stamps)
	return pmetricotlp.NewExportResponse(), nil
}

type logsServer struct {
	plogotlp.UnimplementedGRPCServer
	s *stats
}

func (l logsServer) Export(_ context.Context, req plogotlp.ExportRequest) (plogotlp.ExportResponse, error) {
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
	l.s.record("logs", stamps)
	return plogotlp.NewExportResponse(), nil
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
	server := grpc.NewServer(grpc.MaxRecvMsgSize(64 << 20))
	ptraceotlp.RegisterGRPCServer(server, &tracesServer{s: s})
	pmetricotlp.RegisterGRPCServer(server, &metricsServer{s: s})
	plogotlp.RegisterGRPCServer(server, &logsServer{s: s})
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
