// Command prometheus-remote-write-capture is a remote write 1.0 endpoint for golden files: it decodes each
// snappy-compressed prometheus.WriteRequest it receives and keeps the series; GET /dump writes them as stable
// JSON (series sorted by their labels, samples by time), GET /reset forgets them.
// Used by interop/run-prometheus-remote-write-golden.sh; never runs in CI.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/golang/snappy"
	"google.golang.org/protobuf/encoding/protowire"
)

type sample struct {
	Timestamp int64  `json:"timestamp"`
	Value     string `json:"value"`
}

// histogram is a prometheus.Histogram (a native histogram); uint64 counts are strings, floats as samples'.
type histogram struct {
	Count          string     `json:"count"`
	Sum            string     `json:"sum"`
	Schema         int32      `json:"schema"`
	ZeroThreshold  string     `json:"zero_threshold"`
	ZeroCount      string     `json:"zero_count"`
	NegativeSpans  [][2]int64 `json:"negative_spans"`
	NegativeDeltas []int64    `json:"negative_deltas"`
	PositiveSpans  [][2]int64 `json:"positive_spans"`
	PositiveDeltas []int64    `json:"positive_deltas"`
	ResetHint      uint64     `json:"reset_hint"`
	Timestamp      int64      `json:"timestamp"`
}

// exemplar is a prometheus.Exemplar; its labels keep their order.
type exemplar struct {
	Labels    [][2]string `json:"labels"`
	Value     string      `json:"value"`
	Timestamp int64       `json:"timestamp"`
}

type series struct {
	Labels     map[string]string `json:"labels"`
	Samples    []sample          `json:"samples"`
	Exemplars  []exemplar        `json:"exemplars,omitempty"`
	Histograms []histogram       `json:"histograms,omitempty"`
	key        string
}

// metadata is a prometheus.MetricMetadata; type is prompb's enum number.
type metadata struct {
	Type             uint64 `json:"type"`
	MetricFamilyName string `json:"metric_family_name"`
	Help             string `json:"help"`
	Unit             string `json:"unit"`
}

var (
	mu       sync.Mutex
	received []series
	metas    []metadata
	requests int
)

func main() {
	addr := flag.String("listen", "127.0.0.1:0", "address to listen on")
	flag.Parse()
	http.HandleFunc("/api/v1/write", write)
	http.HandleFunc("/dump", dump)
	http.HandleFunc("/metadata", dumpMetadata)
	http.HandleFunc("/reset", func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		received, metas, requests = nil, nil, 0
		mu.Unlock()
	})
	log.Fatal(http.ListenAndServe(*addr, nil))
}

func write(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err == nil {
		body, err = snappy.Decode(nil, body)
	}
	var got []series
	var gotMeta []metadata
	if err == nil {
		got, gotMeta, err = decodeWriteRequest(body)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	mu.Lock()
	received = append(received, got...)
	metas = append(metas, gotMeta...)
	requests++
	mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// dump merges the series received (a series split over requests becomes one) and writes them sorted.
func dump(w http.ResponseWriter, _ *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	merged := map[string]*series{}
	var keys []string
	for _, s := range received {
		if m, ok := merged[s.key]; ok {
			m.Samples = append(m.Samples, s.Samples...)
			m.Histograms = append(m.Histograms, s.Histograms...)
			m.Exemplars = append(m.Exemplars, s.Exemplars...)
			continue
		}
		c := s
		merged[s.key] = &c
		keys = append(keys, s.key)
	}
	sort.Strings(keys)
	out := make([]series, 0, len(keys))
	for _, k := range keys {
		s := merged[k]
		sort.SliceStable(s.Samples, func(i, j int) bool { return s.Samples[i].Timestamp < s.Samples[j].Timestamp })
		out = append(out, *s)
	}
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}

func decodeWriteRequest(b []byte) ([]series, []metadata, error) {
	var out []series
	var metas []metadata
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return nil, nil, protowire.ParseError(n)
		}
		b = b[n:]
		if (num == 1 || num == 3) && typ == protowire.BytesType {
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return nil, nil, protowire.ParseError(n)
			}
			b = b[n:]
			if num == 3 {
				metas = append(metas, decodeMetadata(v))
				continue
			}
			s, err := decodeSeries(v)
			if err != nil {
				return nil, nil, err
			}
			out = append(out, s)
			continue
		}
		n = protowire.ConsumeFieldValue(num, typ, b)
		if n < 0 {
			return nil, nil, protowire.ParseError(n)
		}
		b = b[n:]
	}
	return out, metas, nil
}

func decodeMetadata(b []byte) metadata {
	var m metadata
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		b = b[n:]
		if typ == protowire.VarintType {
			v, n := protowire.ConsumeVarint(b)
			b = b[n:]
			if num == 1 {
				m.Type = v
			}
			continue
		}
		v, n := protowire.ConsumeBytes(b)
		b = b[n:]
		switch num {
		case 2:
			m.MetricFamilyName = string(v)
		case 4:
			m.Help = string(v)
		case 5:
			m.Unit = string(v)
		}
	}
	return m
}

// dumpMetadata writes the metadata received, sorted (requests may arrive in any order).
func dumpMetadata(w http.ResponseWriter, _ *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	out := append([]metadata{}, metas...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.MetricFamilyName != b.MetricFamilyName {
			return a.MetricFamilyName < b.MetricFamilyName
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.Help != b.Help {
			return a.Help < b.Help
		}
		return a.Unit < b.Unit
	})
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}

func decodeSeries(b []byte) (series, error) {
	s := series{Labels: map[string]string{}, Samples: []sample{}}
	var names []string
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return s, protowire.ParseError(n)
		}
		b = b[n:]
		if typ != protowire.BytesType {
			n = protowire.ConsumeFieldValue(num, typ, b)
			b = b[n:]
			continue
		}
		v, n := protowire.ConsumeBytes(b)
		if n < 0 {
			return s, protowire.ParseError(n)
		}
		b = b[n:]
		switch num {
		case 1:
			name, value := decodeLabel(v)
			s.Labels[name] = value
			names = append(names, name)
		case 2:
			s.Samples = append(s.Samples, decodeSample(v))
		case 3:
			s.Exemplars = append(s.Exemplars, decodeExemplar(v))
		case 4:
			s.Histograms = append(s.Histograms, decodeHistogram(v))
		}
	}
	if !sort.StringsAreSorted(names) {
		return s, fmt.Errorf("labels not sorted: %v", names)
	}
	var key strings.Builder
	for _, n := range names {
		key.WriteString(n + "=" + strconv.Quote(s.Labels[n]) + ",")
	}
	s.key = key.String()
	return s, nil
}

func decodeLabel(b []byte) (name, value string) {
	for len(b) > 0 {
		num, _, n := protowire.ConsumeTag(b)
		b = b[n:]
		v, n := protowire.ConsumeBytes(b)
		b = b[n:]
		if num == 1 {
			name = string(v)
		} else if num == 2 {
			value = string(v)
		}
	}
	return name, value
}

func decodeSample(b []byte) sample {
	var value float64
	var ts int64
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		b = b[n:]
		switch {
		case num == 1 && typ == protowire.Fixed64Type:
			v, n := protowire.ConsumeFixed64(b)
			value = math.Float64frombits(v)
			b = b[n:]
		case num == 2 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			ts = int64(v)
			b = b[n:]
		default:
			b = b[protowire.ConsumeFieldValue(num, typ, b):]
		}
	}
	return sample{Timestamp: ts, Value: formatValue(value)}
}

// formatValue is strconv's shortest 'g' form; a NaN carries its bits (Prometheus's stale marker is one).
func formatValue(v float64) string {
	if math.IsNaN(v) {
		return fmt.Sprintf("NaN(0x%x)", math.Float64bits(v))
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func decodeHistogram(b []byte) histogram {
	h := histogram{Sum: "0", ZeroThreshold: "0", ZeroCount: "0", Count: "0",
		NegativeSpans: [][2]int64{}, NegativeDeltas: []int64{}, PositiveSpans: [][2]int64{}, PositiveDeltas: []int64{}}
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		b = b[n:]
		switch {
		case typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			b = b[n:]
			switch num {
			case 1:
				h.Count = strconv.FormatUint(v, 10)
			case 4:
				h.Schema = int32(protowire.DecodeZigZag(v))
			case 6:
				h.ZeroCount = strconv.FormatUint(v, 10)
			case 14:
				h.ResetHint = v
			case 15:
				h.Timestamp = int64(v)
			}
		case typ == protowire.Fixed64Type:
			v, n := protowire.ConsumeFixed64(b)
			b = b[n:]
			switch num {
			case 2:
				h.Count = formatValue(math.Float64frombits(v))
			case 3:
				h.Sum = formatValue(math.Float64frombits(v))
			case 5:
				h.ZeroThreshold = formatValue(math.Float64frombits(v))
			case 7:
				h.ZeroCount = formatValue(math.Float64frombits(v))
			}
		case typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			b = b[n:]
			switch num {
			case 8:
				h.NegativeSpans = append(h.NegativeSpans, decodeSpan(v))
			case 11:
				h.PositiveSpans = append(h.PositiveSpans, decodeSpan(v))
			case 9:
				h.NegativeDeltas = append(h.NegativeDeltas, decodeSint64s(v)...)
			case 12:
				h.PositiveDeltas = append(h.PositiveDeltas, decodeSint64s(v)...)
			}
		default:
			b = b[protowire.ConsumeFieldValue(num, typ, b):]
		}
	}
	return h
}

func decodeSpan(b []byte) [2]int64 {
	var span [2]int64
	for len(b) > 0 {
		num, _, n := protowire.ConsumeTag(b)
		b = b[n:]
		v, n := protowire.ConsumeVarint(b)
		b = b[n:]
		if num == 1 {
			span[0] = int64(int32(protowire.DecodeZigZag(v)))
		} else if num == 2 {
			span[1] = int64(v)
		}
	}
	return span
}

func decodeSint64s(b []byte) []int64 {
	var out []int64
	for len(b) > 0 {
		v, n := protowire.ConsumeVarint(b)
		b = b[n:]
		out = append(out, protowire.DecodeZigZag(v))
	}
	return out
}

func decodeExemplar(b []byte) exemplar {
	e := exemplar{Labels: [][2]string{}, Value: "0"}
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		b = b[n:]
		switch {
		case num == 1 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			b = b[n:]
			name, value := decodeLabel(v)
			e.Labels = append(e.Labels, [2]string{name, value})
		case num == 2 && typ == protowire.Fixed64Type:
			v, n := protowire.ConsumeFixed64(b)
			b = b[n:]
			e.Value = formatValue(math.Float64frombits(v))
		case num == 3 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			b = b[n:]
			e.Timestamp = int64(v)
		default:
			b = b[protowire.ConsumeFieldValue(num, typ, b):]
		}
	}
	return e
}
