// Command fixed-input writes the deterministic OTLP requests of the interop run (scenario C): fixed ids,
// timestamps and values that exercise every field of the three signals. Each file is one
// Export{Traces,Metrics,Logs}ServiceRequest in protobuf, as an OTLP/HTTP client would POST it.
//
// Run: go run . <output dir>
package main

import (
	"math"
	"os"
	"path/filepath"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// 2024-03-01T10:00:00Z and offsets from it, with nanoseconds that a float64 would lose.
const (
	t0 = pcommon.Timestamp(1709287200000000001)
	t1 = t0 + 1_250_000_333
	t2 = t0 + 2_999_999_999
)

var (
	traceOne = pcommon.TraceID([16]byte{0x5b, 0x8e, 0xff, 0xf7, 0x98, 0x03, 0x81, 0x03, 0xd2, 0x69, 0xb6, 0x33, 0x81, 0x3f, 0xc6, 0x0c})
	traceTwo = pcommon.TraceID([16]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})
	spanRoot = pcommon.SpanID([8]byte{0xee, 0xe1, 0x9b, 0x7e, 0xc3, 0xc1, 0xb1, 0x74})
	spanDB   = pcommon.SpanID([8]byte{0xee, 0xe1, 0x9b, 0x7e, 0xc3, 0xc1, 0xb1, 0x73})
	spanMQ   = pcommon.SpanID([8]byte{0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2a})
)

// quietNaN is the NaN without payload bits. JSON spells every NaN "NaN", so a payload (Go's math.NaN() has one)
// would not survive the trip through OTLP/JSON, and the comparison of the decoded data would fail on it.
var quietNaN = math.Float64frombits(0x7ff8000000000000)

// putValues fills m with one attribute of each value type, with values at the edges of their encodings.
func putValues(m pcommon.Map) {
	m.PutStr("str", "grüße \"quoted\" <tag> & \\ \t\n\u2028")
	m.PutStr("empty.str", "")
	m.PutInt("int.max", math.MaxInt64)
	m.PutInt("int.min", math.MinInt64)
	m.PutInt("int.zero", 0)
	m.PutBool("bool.true", true)
	m.PutBool("bool.false", false)
	m.PutDouble("double", 2.718281828459045)
	m.PutDouble("double.large", 6.02214076e23)
	m.PutDouble("double.small", -1.6e-19)
	m.PutDouble("double.whole", 42)
	m.PutEmptyBytes("bytes").FromRaw([]byte{0x00, 0x7f, 0x80, 0xff, 0xfe})
	list := m.PutEmptySlice("array")
	list.AppendEmpty().SetStr("one")
	list.AppendEmpty().SetInt(-2)
	list.AppendEmpty().SetDouble(3.5)
	list.AppendEmpty().SetBool(true)
	list.AppendEmpty()
	list.AppendEmpty().SetEmptySlice().AppendEmpty().SetStr("nested")
	kv := m.PutEmptyMap("kvlist")
	kv.PutStr("b", "second")
	kv.PutStr("a", "first")
	kv.PutEmptyMap("inner").PutInt("depth", 2)
	m.PutEmpty("empty.value")
	m.PutEmptySlice("empty.array")
	m.PutEmptyMap("empty.kvlist")
}

func traces1() ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.SetSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
	rs.Resource().Attributes().PutStr("service.name", "fixed-frontend")
	rs.Resource().Attributes().PutStr("service.version", "1.0.0")
	rs.Resource().SetDroppedAttributesCount(3)
	ss := rs.ScopeSpans().AppendEmpty()
	ss.SetSchemaUrl("https://opentelemetry.io/schemas/1.25.0")
	ss.Scope().SetName("otelier.interop")
	ss.Scope().SetVersion("0.0.1")
	ss.Scope().Attributes().PutStr("scope.kind", "fixed")
	ss.Scope().SetDroppedAttributesCount(1)

	root := ss.Spans().AppendEmpty()
	root.SetTraceID(traceOne)
	root.SetSpanID(spanRoot)
	root.SetName("GET /checkout")
	root.SetKind(ptrace.SpanKindServer)
	root.SetStartTimestamp(t0)
	root.SetEndTimestamp(t2)
	root.SetFlags(0x301)
	root.TraceState().FromRaw("ot=th:8;rv:9b8233f7e3a151,vendor=a")
	putValues(root.Attributes())
	root.SetDroppedAttributesCount(4)
	root.Status().SetCode(ptrace.StatusCodeError)
	root.Status().SetMessage("payment declined")
	ev := root.Events().AppendEmpty()
	ev.SetTimestamp(t1)
	ev.SetName("exception")
	ev.Attributes().PutStr("exception.type", "PaymentError")
	ev.Attributes().PutStr("exception.stacktrace", "at pay()\n\tat checkout()")
	ev.SetDroppedAttributesCount(1)
	root.Events().AppendEmpty().SetName("bare event")
	root.SetDroppedEventsCount(5)
	link := root.Links().AppendEmpty()
	link.SetTraceID(traceTwo)
	link.SetSpanID(spanMQ)
	link.TraceState().FromRaw("k=v")
	link.Attributes().PutBool("link.sampled", true)
	link.SetDroppedAttributesCount(2)
	link.SetFlags(0x100)
	root.SetDroppedLinksCount(6)

	db := ss.Spans().AppendEmpty()
	db.SetTraceID(traceOne)
	db.SetSpanID(spanDB)
	db.SetParentSpanID(spanRoot)
	db.SetName("SELECT orders")
	db.SetKind(ptrace.SpanKindClient)
	db.SetStartTimestamp(t0 + 1000)
	db.SetEndTimestamp(t1)
	db.Attributes().PutStr("db.system", "postgresql")
	db.Status().SetCode(ptrace.StatusCodeOk)

	ss.Spans().AppendEmpty() // a span with nothing set

	unnamed := rs.ScopeSpans().AppendEmpty() // no scope at all
	internal := unnamed.Spans().AppendEmpty()
	internal.SetTraceID(traceOne)
	internal.SetSpanID(spanMQ)
	internal.SetParentSpanID(spanDB)
	internal.SetName("internal")
	internal.SetKind(ptrace.SpanKindInternal)
	return td
}

func traces2() ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "fixed-queue")
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName("otelier.interop.mq")
	for i, kind := range []ptrace.SpanKind{ptrace.SpanKindProducer, ptrace.SpanKindConsumer, ptrace.SpanKindUnspecified} {
		s := ss.Spans().AppendEmpty()
		s.SetTraceID(traceTwo)
		s.SetSpanID(pcommon.SpanID([8]byte{1, 2, 3, 4, 5, 6, 7, byte(i + 1)}))
		s.SetName("message " + kind.String())
		s.SetKind(kind)
		s.SetStartTimestamp(t1)
		s.SetEndTimestamp(t1 + pcommon.Timestamp(i))
		s.Attributes().PutInt("messaging.batch.message_count", int64(i*1000))
	}
	td.ResourceSpans().AppendEmpty() // a resource with nothing in it
	return td
}

func metrics1() pmetric.Metrics {
	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	rm.SetSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
	rm.Resource().Attributes().PutStr("service.name", "fixed-meter")
	sm := rm.ScopeMetrics().AppendEmpty()
	sm.Scope().SetName("otelier.interop")
	sm.Scope().SetVersion("0.0.1")
	sm.SetSchemaUrl("https://opentelemetry.io/schemas/1.25.0")

	g := sm.Metrics().AppendEmpty()
	g.SetName("queue.depth")
	g.SetDescription("items waiting")
	g.SetUnit("{item}")
	g.Metadata().PutStr("source", "fixed")
	gp := g.SetEmptyGauge().DataPoints()
	p := gp.AppendEmpty()
	p.SetTimestamp(t1)
	p.SetIntValue(math.MaxInt64)
	putValues(p.Attributes())
	ex := p.Exemplars().AppendEmpty()
	ex.SetTimestamp(t0)
	ex.SetIntValue(-17)
	ex.SetTraceID(traceOne)
	ex.SetSpanID(spanRoot)
	ex.FilteredAttributes().PutStr("user", "u-1")
	for _, v := range []float64{0, math.Copysign(0, -1), 0.1, -1e300, 5e-324, 1e21, 1e20, 123456.789, quietNaN, math.Inf(1), math.Inf(-1)} {
		dp := gp.AppendEmpty()
		dp.SetStartTimestamp(t0)
		dp.SetTimestamp(t2)
		dp.SetDoubleValue(v)
	}
	gp.AppendEmpty().SetFlags(pmetric.DefaultDataPointFlags.WithNoRecordedValue(true))

	s := sm.Metrics().AppendEmpty()
	s.SetName("requests")
	s.SetUnit("1")
	sum := s.SetEmptySum()
	sum.SetIsMonotonic(true)
	sum.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	sp := sum.DataPoints().AppendEmpty()
	sp.SetStartTimestamp(t0)
	sp.SetTimestamp(t2)
	sp.SetIntValue(1234)
	sp.Attributes().PutStr("http.route", "/checkout")
	ds := sm.Metrics().AppendEmpty()
	ds.SetName("cpu.time")
	ds.SetUnit("s")
	dsum := ds.SetEmptySum()
	dsum.SetAggregationTemporality(pmetric.AggregationTemporalityDelta)
	dsp := dsum.DataPoints().AppendEmpty()
	dsp.SetTimestamp(t1)
	dsp.SetDoubleValue(0.015625)
	dx := dsp.Exemplars().AppendEmpty()
	dx.SetDoubleValue(1.5)

	h := sm.Metrics().AppendEmpty()
	h.SetName("latency")
	h.SetUnit("ms")
	hist := h.SetEmptyHistogram()
	hist.SetAggregationTemporality(pmetric.AggregationTemporalityDelta)
	hp := hist.DataPoints().AppendEmpty()
	hp.SetStartTimestamp(t0)
	hp.SetTimestamp(t1)
	hp.SetCount(21)
	hp.SetSum(1234.5)
	hp.SetMin(0.25)
	hp.SetMax(999)
	hp.ExplicitBounds().FromRaw([]float64{0, 5, 10, 100, 1000})
	hp.BucketCounts().FromRaw([]uint64{1, 2, 3, 5, 8, 2})
	hp.Attributes().PutStr("http.route", "/checkout")
	hx := hp.Exemplars().AppendEmpty()
	hx.SetDoubleValue(12.5)
	hx.SetTimestamp(t1)
	hx.SetTraceID(traceOne)
	hx.SetSpanID(spanDB)
	hist.DataPoints().AppendEmpty().SetCount(0) // no buckets, no optional fields

	e := sm.Metrics().AppendEmpty()
	e.SetName("latency.exponential")
	eh := e.SetEmptyExponentialHistogram()
	eh.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	ep := eh.DataPoints().AppendEmpty()
	ep.SetStartTimestamp(t0)
	ep.SetTimestamp(t2)
	ep.SetScale(-2)
	ep.SetCount(12)
	ep.SetSum(-3.5)
	ep.SetMin(-10)
	ep.SetMax(80)
	ep.SetZeroCount(2)
	ep.SetZeroThreshold(1e-9)
	ep.Positive().SetOffset(-3)
	ep.Positive().BucketCounts().FromRaw([]uint64{1, 0, 3, 2})
	ep.Negative().SetOffset(4)
	ep.Negative().BucketCounts().FromRaw([]uint64{4})
	ep.SetFlags(pmetric.DefaultDataPointFlags)
	ep.Exemplars().AppendEmpty().SetIntValue(7)
	eh.DataPoints().AppendEmpty().SetScale(20)

	su := sm.Metrics().AppendEmpty()
	su.SetName("gc.pause")
	su.SetUnit("ms")
	sup := su.SetEmptySummary().DataPoints().AppendEmpty()
	sup.SetStartTimestamp(t0)
	sup.SetTimestamp(t2)
	sup.SetCount(100)
	sup.SetSum(250.75)
	for _, q := range [][2]float64{{0, 0.5}, {0.5, 2}, {0.9, 4.25}, {1, 12}} {
		qv := sup.QuantileValues().AppendEmpty()
		qv.SetQuantile(q[0])
		qv.SetValue(q[1])
	}

	sm.Metrics().AppendEmpty().SetName("no.data")
	return md
}

func metrics2() pmetric.Metrics {
	md := pmetric.NewMetrics()
	for _, svc := range []string{"fixed-a", "fixed-b"} {
		rm := md.ResourceMetrics().AppendEmpty()
		rm.Resource().Attributes().PutStr("service.name", svc)
		m := rm.ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
		m.SetName("up")
		dp := m.SetEmptyGauge().DataPoints().AppendEmpty()
		dp.SetTimestamp(t2)
		dp.SetIntValue(1)
	}
	return md
}

func logs1() plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.SetSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
	rl.Resource().Attributes().PutStr("service.name", "fixed-logger")
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().SetName("otelier.interop")
	sl.SetSchemaUrl("https://opentelemetry.io/schemas/1.25.0")

	lr := sl.LogRecords().AppendEmpty()
	lr.SetTimestamp(t1)
	lr.SetObservedTimestamp(t2)
	lr.SetSeverityNumber(plog.SeverityNumberError3)
	lr.SetSeverityText("ERROR3")
	lr.SetEventName("payment.declined")
	lr.Body().SetStr("card declined\nretry later")
	putValues(lr.Attributes())
	lr.SetDroppedAttributesCount(9)
	lr.SetFlags(plog.DefaultLogRecordFlags.WithIsSampled(true))
	lr.SetTraceID(traceOne)
	lr.SetSpanID(spanRoot)

	body := sl.LogRecords().AppendEmpty()
	body.SetObservedTimestamp(t0)
	putValues(body.Body().SetEmptyMap())
	sl.LogRecords().AppendEmpty().Body().SetInt(math.MinInt64)
	sl.LogRecords().AppendEmpty().Body().SetDouble(-0.5)
	sl.LogRecords().AppendEmpty().Body().SetBool(false)
	sl.LogRecords().AppendEmpty().Body().SetEmptyBytes().FromRaw([]byte("raw\x00bytes"))
	arr := sl.LogRecords().AppendEmpty().Body().SetEmptySlice()
	arr.AppendEmpty().SetStr("a")
	arr.AppendEmpty().SetEmptyMap().PutInt("n", 1)
	sl.LogRecords().AppendEmpty() // nothing set
	return ld
}

func logs2() plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "fixed-logger")
	for _, sev := range []plog.SeverityNumber{plog.SeverityNumberTrace, plog.SeverityNumberDebug4, plog.SeverityNumberInfo, plog.SeverityNumberWarn2, plog.SeverityNumberFatal4} {
		lr := rl.ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
		lr.SetTimestamp(t0 + pcommon.Timestamp(sev))
		lr.SetSeverityNumber(sev)
		lr.SetSeverityText(sev.String())
		lr.Body().SetStr("severity " + sev.String())
	}
	return ld
}

func write(dir, name string, data []byte, err error) {
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		panic(err)
	}
}

func main() {
	dir := os.Args[1]
	traces := &ptrace.ProtoMarshaler{}
	metrics := &pmetric.ProtoMarshaler{}
	logs := &plog.ProtoMarshaler{}
	b, err := traces.MarshalTraces(traces1())
	write(dir, "traces-1.pb", b, err)
	b, err = traces.MarshalTraces(traces2())
	write(dir, "traces-2.pb", b, err)
	b, err = metrics.MarshalMetrics(metrics1())
	write(dir, "metrics-1.pb", b, err)
	b, err = metrics.MarshalMetrics(metrics2())
	write(dir, "metrics-2.pb", b, err)
	b, err = logs.MarshalLogs(logs1())
	write(dir, "logs-1.pb", b, err)
	b, err = logs.MarshalLogs(logs2())
	write(dir, "logs-2.pb", b, err)
}
