// Generates the golden files of upstream's debug exporter (collector v0.165.0) for the data set that
// src/test/java/.../GoldenData.java builds. Run: go run . <output dir>
package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/configtelemetry"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/exporter/debugexporter"
	"go.opentelemetry.io/collector/exporter/exportertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

const (
	tStart = pcommon.Timestamp(1581452772000000321)
	tEnd   = pcommon.Timestamp(1581452773000000789)
	tEvent = pcommon.Timestamp(1581452773000000123)
)

var (
	traceA = pcommon.TraceID([16]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	traceB = pcommon.TraceID([16]byte{0xf0, 0xe1, 0xd2, 0xc3, 0xb4, 0xa5, 0x96, 0x87, 0x78, 0x69, 0x5a, 0x4b, 0x3c, 0x2d, 0x1e, 0x0f})
	spanA  = pcommon.SpanID([8]byte{0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18})
	spanB  = pcommon.SpanID([8]byte{0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28})
	spanC  = pcommon.SpanID([8]byte{0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6, 0x07, 0x08})
)

// putEveryType fills m with one attribute of every value type.
func putEveryType(m pcommon.Map) {
	m.PutStr("service.name", "checkout")
	m.PutInt("host.cores", 8)
	m.PutBool("sampled", true)
	m.PutDouble("load", 0.75)
	m.PutEmptyBytes("blob").FromRaw([]byte{1, 2, 3, 255})
	tags := m.PutEmptySlice("tags")
	tags.AppendEmpty().SetStr("a")
	tags.AppendEmpty().SetInt(1)
	tags.AppendEmpty().SetBool(false)
	tags.AppendEmpty().SetDouble(2.5)
	tags.AppendEmpty()
	labels := m.PutEmptyMap("labels")
	labels.PutStr("z", "last")
	labels.PutInt("a", 1)
	labels.PutEmptyMap("nested").PutStr("k", "v\t\"q\"\\")
	m.PutEmpty("nothing")
}

func buildTraces() ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.SetSchemaUrl("https://opentelemetry.io/schemas/1.25.0")
	putEveryType(rs.Resource().Attributes())

	ss := rs.ScopeSpans().AppendEmpty()
	ss.SetSchemaUrl("https://opentelemetry.io/schemas/1.24.0")
	ss.Scope().SetName("io.otelier.test")
	ss.Scope().SetVersion("1.2.3")
	ss.Scope().Attributes().PutStr("lib.lang", "java")

	s := ss.Spans().AppendEmpty()
	s.SetTraceID(traceA)
	s.SetSpanID(spanA)
	s.SetParentSpanID(spanB)
	s.SetName("GET /cart")
	s.SetKind(ptrace.SpanKindServer)
	s.TraceState().FromRaw("ot=th:0;rv:abc")
	s.SetStartTimestamp(tStart)
	s.SetEndTimestamp(tEnd)
	s.Status().SetCode(ptrace.StatusCodeError)
	s.Status().SetMessage("boom")
	s.SetDroppedAttributesCount(1)
	s.SetDroppedEventsCount(2)
	s.SetDroppedLinksCount(3)
	s.Attributes().PutStr("http.method", "GET")
	s.Attributes().PutInt("http.status_code", 500)
	ev := s.Events().AppendEmpty()
	ev.SetName("exception")
	ev.SetTimestamp(tEvent)
	ev.SetDroppedAttributesCount(2)
	ev.Attributes().PutStr("exception.message", "oops\nline two")
	ev2 := s.Events().AppendEmpty()
	ev2.SetName("retry")
	l := s.Links().AppendEmpty()
	l.SetTraceID(traceB)
	l.SetSpanID(spanC)
	l.TraceState().FromRaw("k=v")
	l.SetDroppedAttributesCount(1)
	l.Attributes().PutStr("link.kind", "follows")
	s.Links().AppendEmpty()

	ss.Spans().AppendEmpty() // a span with nothing set

	ss2 := rs.ScopeSpans().AppendEmpty()
	db := ss2.Spans().AppendEmpty()
	db.SetTraceID(traceA)
	db.SetSpanID(spanC)
	db.SetParentSpanID(spanA)
	db.SetName("db.query")
	db.SetKind(ptrace.SpanKindClient)
	db.SetStartTimestamp(tStart)
	db.SetEndTimestamp(tEnd)
	db.Status().SetCode(ptrace.StatusCodeOk)
	db.Attributes().PutStr("db.system", "postgresql")

	rs2 := td.ResourceSpans().AppendEmpty()
	onlyName := rs2.ScopeSpans().AppendEmpty()
	onlyName.Scope().SetName("only-name")
	p := onlyName.Spans().AppendEmpty()
	p.SetName("publish")
	p.SetKind(ptrace.SpanKindProducer)
	p.SetTraceID(traceB)
	p.SetSpanID(spanB)
	onlyVersion := rs2.ScopeSpans().AppendEmpty()
	onlyVersion.Scope().SetVersion("0.0.1")
	c := onlyVersion.Spans().AppendEmpty()
	c.SetName("consume")
	c.SetKind(ptrace.SpanKindConsumer)
	onlySchema := rs2.ScopeSpans().AppendEmpty()
	onlySchema.SetSchemaUrl("https://example.com/scope-schema")
	in := onlySchema.Spans().AppendEmpty()
	in.SetName("internal-work")
	in.SetKind(ptrace.SpanKindInternal)
	in.Attributes().PutDouble("ratio", 1e21)
	in.Attributes().PutDouble("tiny", 1.5e-7)
	return td
}

func buildMetrics() pmetric.Metrics {
	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	rm.SetSchemaUrl("https://opentelemetry.io/schemas/1.25.0")
	rm.Resource().Attributes().PutStr("service.name", "meter-svc")
	sm := rm.ScopeMetrics().AppendEmpty()
	sm.SetSchemaUrl("https://example.com/scope-schema")
	sm.Scope().SetName("io.otelier.metrics")
	sm.Scope().SetVersion("0.1.0")
	sm.Scope().Attributes().PutBool("scope.attr", true)

	gi := sm.Metrics().AppendEmpty()
	gi.SetName("gauge-int")
	gi.SetDescription("an int gauge")
	gi.SetUnit("1")
	gip := gi.SetEmptyGauge().DataPoints()
	p := gip.AppendEmpty()
	p.SetStartTimestamp(tStart)
	p.SetTimestamp(tEnd)
	p.SetIntValue(123)
	p.Attributes().PutStr("label-1", "v1")
	p.Attributes().PutInt("label-2", 2)
	ex := p.Exemplars().AppendEmpty()
	ex.SetIntValue(5)
	ex.SetTimestamp(tEvent)
	ex.SetTraceID(traceA)
	ex.SetSpanID(spanA)
	ex.FilteredAttributes().PutStr("ex", "1")
	p2 := gip.AppendEmpty()
	p2.SetTimestamp(tEnd)
	p2.SetIntValue(-7)

	gd := sm.Metrics().AppendEmpty()
	gd.SetName("gauge-double")
	gd.SetUnit("s")
	gdp := gd.SetEmptyGauge().DataPoints()
	for _, v := range []float64{0.1, 1e21, 1.23e-7, 123456789, math.Copysign(0, -1), math.NaN(), math.Inf(1), 2.5} {
		dp := gdp.AppendEmpty()
		dp.SetTimestamp(tEnd)
		dp.SetDoubleValue(v)
	}
	gdp.AppendEmpty().SetTimestamp(tEnd) // no value at all

	si := sm.Metrics().AppendEmpty()
	si.SetName("sum-int")
	si.SetUnit("By")
	si.Metadata().PutStr("prometheus.type", "counter")
	sum := si.SetEmptySum()
	sum.SetIsMonotonic(true)
	sum.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	sp := sum.DataPoints().AppendEmpty()
	sp.SetStartTimestamp(tStart)
	sp.SetTimestamp(tEnd)
	sp.SetIntValue(1000000)
	sp.Attributes().PutStr("state", "used")

	sd := sm.Metrics().AppendEmpty()
	sd.SetName("sum-double")
	sumD := sd.SetEmptySum()
	sumD.SetAggregationTemporality(pmetric.AggregationTemporalityDelta)
	sdp := sumD.DataPoints().AppendEmpty()
	sdp.SetTimestamp(tEnd)
	sdp.SetDoubleValue(3.75)
	sdx := sdp.Exemplars().AppendEmpty()
	sdx.SetDoubleValue(0.5)

	h := sm.Metrics().AppendEmpty()
	h.SetName("histogram")
	h.SetUnit("ms")
	hist := h.SetEmptyHistogram()
	hist.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	hp := hist.DataPoints().AppendEmpty()
	hp.SetStartTimestamp(tStart)
	hp.SetTimestamp(tEnd)
	hp.SetCount(10)
	hp.SetSum(55.5)
	hp.SetMin(0.5)
	hp.SetMax(20)
	hp.ExplicitBounds().FromRaw([]float64{1, 5, 10})
	hp.BucketCounts().FromRaw([]uint64{1, 2, 3, 4})
	hp.Attributes().PutStr("route", "/a")
	hx := hp.Exemplars().AppendEmpty()
	hx.SetDoubleValue(7.25)
	hx.SetTimestamp(tEvent)
	hx.SetTraceID(traceB)
	hx.SetSpanID(spanB)
	hist.DataPoints().AppendEmpty().SetTimestamp(tEnd) // count 0, nothing optional
	hp3 := hist.DataPoints().AppendEmpty()
	hp3.SetCount(3)
	hp3.ExplicitBounds().FromRaw([]float64{2.5})
	hp3.BucketCounts().FromRaw([]uint64{1, 2})

	e := sm.Metrics().AppendEmpty()
	e.SetName("exponential-histogram")
	eh := e.SetEmptyExponentialHistogram()
	eh.SetAggregationTemporality(pmetric.AggregationTemporalityDelta)
	ep := eh.DataPoints().AppendEmpty()
	ep.SetStartTimestamp(tStart)
	ep.SetTimestamp(tEnd)
	ep.SetScale(1)
	ep.SetCount(5)
	ep.SetSum(0.15)
	ep.SetMin(-1.2)
	ep.SetMax(2.5)
	ep.SetZeroCount(1)
	ep.Positive().SetOffset(1)
	ep.Positive().BucketCounts().FromRaw([]uint64{1, 1})
	ep.Negative().SetOffset(0)
	ep.Negative().BucketCounts().FromRaw([]uint64{1, 1})
	ep.Attributes().PutStr("label-1", "v1")
	ep2 := eh.DataPoints().AppendEmpty()
	ep2.SetScale(0)
	ep2.SetCount(3)
	ep2.SetSum(1.25)
	ep2.SetMin(0)
	ep2.Positive().SetOffset(-2)
	ep2.Positive().BucketCounts().FromRaw([]uint64{1, 0, 2})
	ep3 := eh.DataPoints().AppendEmpty()
	ep3.SetScale(-1)
	ep3.SetCount(2)
	ep3.Negative().SetOffset(3)
	ep3.Negative().BucketCounts().FromRaw([]uint64{2})
	ep4 := eh.DataPoints().AppendEmpty()
	ep4.SetScale(3)
	ep4.SetCount(4)
	ep4.Positive().SetOffset(-5)
	ep4.Positive().BucketCounts().FromRaw([]uint64{1, 1, 1, 1})
	epx := ep4.Exemplars().AppendEmpty()
	epx.SetIntValue(9)

	su := sm.Metrics().AppendEmpty()
	su.SetName("summary")
	su.SetDescription("latency summary")
	sup := su.SetEmptySummary().DataPoints().AppendEmpty()
	sup.SetStartTimestamp(tStart)
	sup.SetTimestamp(tEnd)
	sup.SetCount(4)
	sup.SetSum(17.5)
	for _, q := range [][2]float64{{0, 1.5}, {0.5, 4}, {0.99, 9.75}, {1, 10}} {
		qv := sup.QuantileValues().AppendEmpty()
		qv.SetQuantile(q[0])
		qv.SetValue(q[1])
	}
	sup.Attributes().PutStr("label-1", "v1")
	su.Summary().DataPoints().AppendEmpty()

	em := sm.Metrics().AppendEmpty()
	em.SetName("empty-metric")
	em.SetDescription("no data type")

	rm2 := md.ResourceMetrics().AppendEmpty()
	solo := rm2.ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	solo.SetName("solo")
	solo.SetEmptyGauge().DataPoints().AppendEmpty().SetDoubleValue(1)
	return md
}

func buildLogs() plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.SetSchemaUrl("https://opentelemetry.io/schemas/1.25.0")
	rl.Resource().Attributes().PutStr("service.name", "log-svc")
	sl := rl.ScopeLogs().AppendEmpty()
	sl.SetSchemaUrl("https://example.com/scope-schema")
	sl.Scope().SetName("io.otelier.logs")
	sl.Scope().SetVersion("2.0")
	sl.Scope().Attributes().PutStr("scope.kind", "app")

	lr := sl.LogRecords().AppendEmpty()
	lr.SetTimestamp(tEnd)
	lr.SetObservedTimestamp(tEvent)
	lr.SetSeverityText("INFO")
	lr.SetSeverityNumber(plog.SeverityNumberInfo)
	lr.SetEventName("user.login")
	lr.Body().SetStr("hello world")
	lr.Attributes().PutInt("user.id", 42)
	lr.Attributes().PutStr("outcome", "ok")
	lr.SetTraceID(traceA)
	lr.SetSpanID(spanA)
	lr.SetFlags(plog.LogRecordFlags(1))

	sl.LogRecords().AppendEmpty().Body().SetInt(42)
	dbl := sl.LogRecords().AppendEmpty()
	dbl.Body().SetDouble(3.14159)
	dbl.SetSeverityNumber(plog.SeverityNumberWarn2)
	dbl.SetSeverityText("WARN2")
	sl.LogRecords().AppendEmpty().Body().SetBool(true)
	sl.LogRecords().AppendEmpty().Body().SetEmptyBytes().FromRaw([]byte{0xde, 0xad, 0xbe, 0xef})

	arr := sl.LogRecords().AppendEmpty()
	s := arr.Body().SetEmptySlice()
	s.AppendEmpty().SetStr("x")
	s.AppendEmpty().SetInt(2)
	s.AppendEmpty().SetEmptyMap().PutBool("k", false)
	s.AppendEmpty()
	arr.Attributes().PutStr("kind", "array")

	mp := sl.LogRecords().AppendEmpty()
	m := mp.Body().SetEmptyMap()
	m.PutStr("b", "two")
	m.PutDouble("a", 1.5)
	m.PutEmptySlice("c").AppendEmpty().SetInt(1)
	m.PutDouble("big", 1e21)
	m.PutDouble("tiny", 1e-7)
	m.PutStr("quote", "say \"hi\"\n")
	m.PutEmptyBytes("raw").FromRaw([]byte{0, 1})
	m.PutEmpty("none")

	sl.LogRecords().AppendEmpty() // empty body, nothing else

	ml := sl.LogRecords().AppendEmpty()
	ml.Body().SetStr("first line\nsecond line")
	ml.SetSeverityNumber(plog.SeverityNumberFatal4)
	ml.SetSeverityText("FATAL4")
	ml.Attributes().PutBool("crash", true)
	ml.Attributes().PutDouble("load", 0.5)

	rl2 := ld.ResourceLogs().AppendEmpty()
	rl2.ScopeLogs().AppendEmpty().LogRecords().AppendEmpty().Body().SetStr("")
	return ld
}

// buildAsStringCorners holds the values whose AsString form pdata must get exactly right: no HTML escaping
// in JSON, and non-finite doubles.
func buildAsStringCorners() plog.Logs {
	ld := plog.NewLogs()
	sl := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty()
	sl.LogRecords().AppendEmpty().Body().SetStr("<b>&</b>")
	sl.LogRecords().AppendEmpty().Body().SetEmptyMap().PutStr("html", "<b>&</b>")
	sl.LogRecords().AppendEmpty().Body().SetEmptySlice().AppendEmpty().SetStr("a<b")
	sl.LogRecords().AppendEmpty().Body().SetDouble(math.NaN())
	sl.LogRecords().AppendEmpty().Body().SetDouble(math.Inf(1))
	sl.LogRecords().AppendEmpty().Body().SetDouble(math.Inf(-1))
	sl.LogRecords().AppendEmpty().Body().SetEmptyMap().PutDouble("nan", math.NaN())
	lr := sl.LogRecords().AppendEmpty()
	lr.Body().SetStr("attributes")
	lr.Attributes().PutDouble("nan", math.NaN())
	lr.Attributes().PutEmptyMap("m").PutStr("k", "x>y&z")
	return ld
}

func run(dir, name string, level configtelemetry.Level, create func(exporter.Factory, *debugexporter.Config) error) {
	out := filepath.Join(dir, name+".raw")
	_ = os.Remove(out)
	f := debugexporter.NewFactory()
	cfg := f.CreateDefaultConfig().(*debugexporter.Config)
	cfg.Verbosity = level
	cfg.UseInternalLogger = false
	cfg.OutputPaths = []string{out}
	if err := create(f, cfg); err != nil {
		panic(err)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		panic(err)
	}
	_ = os.Remove(out)
	text := string(raw)
	nl := strings.IndexByte(text, '\n')
	summary, dump := text[:nl], text[nl+1:]
	// zap's console encoder ends the dump message with its own line ending: drop it again.
	dump = strings.TrimSuffix(dump, "\n")
	if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(dump), 0o644); err != nil {
		panic(err)
	}
	fmt.Printf("%s: %q\n", name, summary)
}

func main() {
	dir := os.Args[1]
	ctx := context.Background()
	host := componenttest.NewNopHost()
	for _, lv := range []configtelemetry.Level{configtelemetry.LevelNormal, configtelemetry.LevelDetailed} {
		v := strings.ToLower(lv.String())
		run(dir, v+"-traces", lv, func(f exporter.Factory, cfg *debugexporter.Config) error {
			e, err := f.CreateTraces(ctx, exportertest.NewNopSettings(f.Type()), cfg)
			if err != nil {
				return err
			}
			_ = e.Start(ctx, host)
			err = e.ConsumeTraces(ctx, buildTraces())
			_ = e.Shutdown(ctx)
			return err
		})
		run(dir, v+"-metrics", lv, func(f exporter.Factory, cfg *debugexporter.Config) error {
			e, err := f.CreateMetrics(ctx, exportertest.NewNopSettings(f.Type()), cfg)
			if err != nil {
				return err
			}
			_ = e.Start(ctx, host)
			err = e.ConsumeMetrics(ctx, buildMetrics())
			_ = e.Shutdown(ctx)
			return err
		})
		for name, build := range map[string]func() plog.Logs{v + "-logs": buildLogs, "asstring-" + v + "-logs": buildAsStringCorners} {
			run(dir, name, lv, func(f exporter.Factory, cfg *debugexporter.Config) error {
				e, err := f.CreateLogs(ctx, exportertest.NewNopSettings(f.Type()), cfg)
				if err != nil {
					return err
				}
				_ = e.Start(ctx, host)
				err = e.ConsumeLogs(ctx, build())
				_ = e.Shutdown(ctx)
				return err
			})
		}
	}
}
