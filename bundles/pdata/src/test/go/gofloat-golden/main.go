// Command gofloat-golden prints "<float64 bits in hex> <text>" lines: how upstream's OTLP/JSON marshaler
// (json-iterator WriteFloat64) writes each double. Run: go run . > ../../resources/io/otelier/pdata/otlp/go-floats.txt
package main

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
)

func format(val float64) string {
	abs := math.Abs(val)
	f := byte('f')
	if abs != 0 {
		if abs < 1e-6 || abs >= 1e21 {
			f = 'e'
		}
	}
	return strconv.FormatFloat(val, f, -1, 64)
}

func main() {
	r := rand.New(rand.NewSource(42))
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 1.5, 100, 1e20, 1e21, 9.999999999999999e20, 1e-6, 9.99999e-7, 1e-7,
		5e-324, math.SmallestNonzeroFloat64 * 3, math.MaxFloat64, -math.MaxFloat64, 123456789012345680000, 1.7976931348623157e308,
		2.2250738585072014e-308, 2.225073858507201e-308, 8.41e21, 1e23, 0.3, 2.0 / 3, 1e15, 1e16, 1e17, 12345.678}
	for i := 0; i < 3000; i++ {
		var v float64
		switch i % 3 {
		case 0:
			v = math.Float64frombits(r.Uint64())
		case 1:
			v = (r.Float64() - 0.5) * math.Pow(10, float64(r.Intn(60)-30))
		default:
			v = math.Float64frombits(r.Uint64() & 0x000FFFFFFFFFFFFF) // subnormals
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		vals = append(vals, v)
	}
	for _, v := range vals {
		fmt.Printf("%016x %s\n", math.Float64bits(v), format(v))
	}
}
