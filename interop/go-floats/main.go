// Prints go-format.tsv: how Go prints doubles (%v, %f), timestamps and computes math.Exp.
// Run: go run . > ../../resources/go-format.tsv
package main

import (
	"fmt"
	"math"
	"math/rand"
	"time"
)

func main() {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100, 1e5, 1e6, 999999.9999, 123456.7,
		0.00012345, 1e-4, 1e-5, 5e-324, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Ldexp(1, 60), math.Ldexp(1, -60),
		9007199254740993, 1e23, 2.5e-7, 0.5, 0.25, 0.125, 1.0000000000000002, 0.9999999999999999, 123.456, -987654.321,
		1e15, 1e16, 1e17, 1.5e300, -2.2250738585072014e-308, 0.7071067811865476, 1.4142135623730951, 2.828427124746190,
		4.35, 0.000001, 0.0000015, 1e21, 12345678901234567890.0, math.Ldexp(1, 1023), math.Ldexp(1, -1022), 0.0000005,
		0.0000004999, 2.0000005, 1.0000005, 1.00000050000001}
	r := rand.New(rand.NewSource(42))
	for i := 0; i < 300; i++ {
		vals = append(vals, math.Float64frombits(r.Uint64()))
		vals = append(vals, r.NormFloat64()*math.Pow(10, float64(r.Intn(30)-15)))
	}
	for _, v := range vals {
		if math.IsNaN(v) {
			continue
		}
		fmt.Printf("%016x\t%v\t%f\n", math.Float64bits(v), v, v)
	}
	printExpTable()
	// timestamps: nanos -> String
	for _, ns := range []int64{0, 1, -1, 1581452773000000789, 1581452773100000000, math.MaxInt64, math.MinInt64, 951782400123456789} {
		fmt.Printf("T\t%d\t%s\n", ns, time.Unix(0, ns).UTC().String())
	}
}
