package main

import (
	"fmt"
	"math"
	"math/rand"
)

// printExpTable prints "E <x bits> <math.Exp(x) bits>" rows: bucket boundaries as the debug exporter
// computes them for scales -4..10, plus random and edge arguments.
func printExpTable() {
	var xs []float64
	for scale := -4; scale <= 10; scale++ {
		factor := math.Ldexp(math.Ln2, -scale)
		for index := -40; index <= 40; index += 3 {
			xs = append(xs, float64(index)*factor)
		}
	}
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 200; i++ {
		xs = append(xs, (r.Float64()*2-1)*745)
		xs = append(xs, (r.Float64()*2-1)*2)
	}
	xs = append(xs, 0, math.Copysign(0, -1), 709.78, 709.79, 710, -708, -720, -745, -745.2, -746, -1e10, 1e-300,
		math.Inf(1), math.Inf(-1), 1, -1, 0.5)
	for _, x := range xs {
		fmt.Printf("E\t%016x\t%016x\n", math.Float64bits(x), math.Float64bits(math.Exp(x)))
	}
}
