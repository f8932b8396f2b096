// Command loadgen sends OTLP to a collector at a fixed rate (items/s in batches) or as fast as the collector
// acknowledges (-max), and prints what it sent and what was acknowledged as one JSON object.
//
// Every item carries the moment its request was built (span start time, data point time, log time), so the
// sink can measure end-to-end latency on the same clock.
//
//	loadgen -endpoint 127.0.0.1:24317 -protocol grpc -signal traces -rate 10000 -batch 100 -duration 60s
//	loadgen -endpoint 127.0.0.1:24317 -max -workers 8 -batch 100 -duration 30s
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/pmetric/pmetricotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type result struct {
	Signal       string  `json:"signal"`
	Protocol     string  `json:"protocol"`
	Mode         string  `json:"mode"`
	TargetRate   int     `json:"target_rate"`
	Batch        int     `json:"batch"`
	Workers      int     `json:"workers"`
	DurationS    float64 `json:"duration_s"`
	SentItems    int64   `json:"sent_items"`
	AckedItems   int64   `json:"acked_items"`
	FailedItems  int64   `json:"failed_items"`
	Requests     int64   `json:"requests"`
	FirstError   string  `json:"first_error,omitempty"`
	AckedPerSec  float64 `json:"acked_per_s"`
	LateRequests int64   `json:"late_requests"` // fixed rate: requests that could not leave on time
}

func main() {
	endpoint := flag.String("endpoint", "127.0.0.1:24317", "host:port of the collector's OTLP receiver")
	protocol := flag.String("protocol", "grpc", "grpc or http")
	signal := flag.String("signal", "traces", "traces, metrics or logs")
	rate := flag.Int("rate", 10000, "items per second (fixed-rate mode)")
	batch := flag.Int("batch", 100, "items per request")
	duration := flag.Duration("duration", 60*time.Second, "how long to send")
	maxMode := flag.Bool("max", false, "closed loop: each worker sends its next request when the last is acknowledged")
	workers := flag.Int("workers", 4, "concurrent senders in -max mode")
	flag.Parse()

	send, err := newSender(*protocol, *endpoint, *signal)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(2)
	}
	res := result{Signal: *signal, Protocol: *protocol, TargetRate: *rate, Batch: *batch, Workers: *workers}
	var sent, acked, failed, requests, late atomic.Int64
	var firstErr atomic.Value
	var seq atomic.Int64
	// -max replays a ring of pre-encoded requests (their timestamps are those of the start, so the sink's
	// latency figures mean nothing in this mode); fixed-rate mode builds each request when it leaves.
	var ring [][]byte
	if *maxMode {
		for i := 0; i < 64; i++ {
			ring = append(ring, encode(build(*signal, *batch, int64(i**batch))))
		}
	}
	one := func() {
		n := int64(*batch)
		sent.Add(n)
		r := requests.Add(1)
		var payload any
		if ring != nil {
			payload = ring[r%int64(len(ring))]
		} else {
			payload = build(*signal, *batch, seq.Add(n)-n)
		}
		if err := send(payload); err != nil {
			failed.Add(n)
			firstErr.CompareAndSwap(nil, err.Error())
			return
		}
		acked.Add(n)
	}

	start := time.Now()
	deadline := start.Add(*duration)
	var wg sync.WaitGroup
	if *maxMode {
		res.Mode = "max"
		for i := 0; i < *workers; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for time.Now().Before(deadline) {
					one()
				}
			}()
		}
	} else {
		res.Mode = "rate"
		res.Workers = 0
		// One request every batch/rate seconds, each on its own goroutine so a slow answer does not
		// slow the offered load (as the upstream testbed's load generator keeps its rate).
		interval := time.Duration(float64(time.Second) * float64(*batch) / float64(*rate))
		next := start
		for next.Before(deadline) {
			if d := time.Until(next); d > 0 {
				time.Sleep(d)
			} else if -d > interval {
				late.Add(1)
			}
			wg.Add(1)
			go func() { defer wg.Done(); one() }()
			next = next.Add(interval)
		}
	}
	wg.Wait()
	elapsed := time.Since(start).Seconds()
	res.DurationS = elapsed
	res.SentItems, res.AckedItems, res.FailedItems, res.Requests = sent.Load(), acked.Load(), failed.Load(), requests.Load()
	res.LateRequests = late.Load()
	res.AckedPerSec = float64(res.AckedItems) / elapsed
	if v := firstErr.Load(); v != nil {
		res.FirstError = v.(string)
	}
	out, _ := json.Marshal(res)
	fmt.Println(string(out))
}

type sendFunc func(payload any) error

// rawCodec sends pre-encoded protobuf bytes unchanged, so in -max mode the generator spends no CPU on
// building or marshalling and cannot become the bottleneck.
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error)   { return v.([]byte), nil }
func (rawCodec) Unmarshal(_ []byte, _ any) error { return nil }
func (rawCodec) Name() string                    { return "proto" }

var methods = map[string]string{
	"traces":  "/opentelemetry.proto.collector.trace.v1.TraceService/Export",
	"metrics": "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export",
	"logs":    "/opentelemetry.proto.collector.logs.v1.LogsService/Export",
}

// encode turns a built request into the bytes of its Export*ServiceRequest.
func encode(payload any) []byte {
	var b []byte
	var err error
	switch p := payload.(type) {
	case ptrace.Traces:
		b, err = ptraceotlp.NewExportRequestFromTraces(p).MarshalProto()
	case pmetric.Metrics:
		b, err = pmetricotlp.NewExportRequestFromMetrics(p).MarshalProto()
	case plog.Logs:
		b, err = plogotlp.NewExportRequestFromLogs(p).MarshalProto()
	}
	if err != nil {
		panic(err)
	}
	return b
}

func newSender(protocol, endpoint, signal string) (sendFunc, error) {
	switch protocol {
	case "grpc":
		conn, err := grpc.NewClient(endpoint, grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			return nil, err
		}
		traces, metrics, logs := ptraceotlp.NewGRPCClient(conn), pmetricotlp.NewGRPCClient(conn), plogotlp.NewGRPCClient(conn)
		method := methods[signal]
		return func(payload any) error {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var err error
			switch p := payload.(type) {
			case []byte:
				var ignored []byte
				err = conn.Invoke(ctx, method, p, &ignored, grpc.ForceCodec(rawCodec{}))
			case ptrace.Traces:
				_, err = traces.Export(ctx, ptraceotlp.NewExportRequestFromTraces(p))
			case pmetric.Metrics:
				_, err = metrics.Export(ctx, pmetricotlp.NewExportRequestFromMetrics(p))
			case plog.Logs:
				_, err = logs.Export(ctx, plogotlp.NewExportRequestFromLogs(p))
			}
			return err
		}, nil
	case "http":
		client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
		path := map[string]string{"traces": "/v1/traces", "metrics": "/v1/metrics", "logs": "/v1/logs"}[signal]
		url := "http://" + endpoint + path
		return func(payload any) error {
			var body []byte
			var err error
			switch p := payload.(type) {
			case []byte:
				body = p
			case ptrace.Traces:
				body, err = ptraceotlp.NewExportRequestFromTraces(p).MarshalProto()
			case pmetric.Metrics:
				body, err = pmetricotlp.NewExportRequestFromMetrics(p).MarshalProto()
			case plog.Logs:
				body, err = plogotlp.NewExportRequestFromLogs(p).MarshalProto()
			}
			if err != nil {
				return err
			}
			resp, err := client.Post(url, "application/x-protobuf", bytes.NewReader(body))
			if err != nil {
				return err
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				return fmt.Errorf("HTTP %d", resp.StatusCode)
			}
			return nil
		}, nil
	}
	return nil, fmt.Errorf("unknown protocol %q (grpc or http)", protocol)
}

// build makes one request of n items shaped like the upstream testbed's load generator: one resource, items
// with a handful of attributes and a sequence number, all stamped with the current time.
func build(signal string, n int, firstSeq int64) any {
	now := pcommon.NewTimestampFromTime(time.Now())
	switch signal {
	case "metrics":
		md := pmetric.NewMetrics()
		rm := md.ResourceMetrics().AppendEmpty()
		resource(rm.Resource().Attributes())
		ms := rm.ScopeMetrics().AppendEmpty().Metrics()
		for i := 0; i < n; i++ {
			m := ms.AppendEmpty()
			m.SetName("load_generator_metric")
			m.SetUnit("1")
			dp := m.SetEmptyGauge().DataPoints().AppendEmpty()
			dp.SetTimestamp(now)
			dp.SetStartTimestamp(now)
			dp.SetIntValue(firstSeq + int64(i))
			attributes(dp.Attributes(), firstSeq+int64(i))
		}
		return md
	case "logs":
		ld := plog.NewLogs()
		rl := ld.ResourceLogs().AppendEmpty()
		resource(rl.Resource().Attributes())
		lrs := rl.ScopeLogs().AppendEmpty().LogRecords()
		for i := 0; i < n; i++ {
			lr := lrs.AppendEmpty()
			lr.SetTimestamp(now)
			lr.SetObservedTimestamp(now)
			lr.SetSeverityNumber(plog.SeverityNumberInfo)
			lr.SetSeverityText("INFO")
			lr.Body().SetStr("Load Generator Counter #" + fmt.Sprint(firstSeq+int64(i)))
			attributes(lr.Attributes(), firstSeq+int64(i))
		}
		return ld
	default:
		td := ptrace.NewTraces()
		rs := td.ResourceSpans().AppendEmpty()
		resource(rs.Resource().Attributes())
		spans := rs.ScopeSpans().AppendEmpty().Spans()
		for i := 0; i < n; i++ {
			seq := firstSeq + int64(i)
			s := spans.AppendEmpty()
			var tid [16]byte
			var sid [8]byte
			for b := 0; b < 8; b++ {
				tid[8+b] = byte(seq >> (8 * b))
				sid[b] = byte(seq >> (8 * b))
			}
			tid[0] = 1
			sid[7] |= 0x80
			s.SetTraceID(tid)
			s.SetSpanID(sid)
			s.SetName("load-generator-span")
			s.SetKind(ptrace.SpanKindClient)
			s.SetStartTimestamp(now)
			s.SetEndTimestamp(now + 1000)
			attributes(s.Attributes(), seq)
		}
		return td
	}
}

func resource(attrs pcommon.Map) {
	attrs.PutStr("service.name", "load-generator")
	attrs.PutStr("host.name", "bench-host")
}

func attributes(attrs pcommon.Map, seq int64) {
	attrs.PutInt("load_generator.span_seq_num", seq)
	attrs.PutInt("load_generator.trace_seq_num", seq/10)
	attrs.PutStr("http.request.method", "GET")
	attrs.PutStr("url.full", "https://example.com/api/v1/items")
	attrs.PutInt("http.response.status_code", 200)
}
