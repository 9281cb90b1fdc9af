package chart

import (
	"math"
	"strconv"
)

// maxAbs bounds plotted values so that spans and steps stay finite.
const maxAbs = 1e12

// niceStep rounds raw up to 1, 2 or 5 × 10^n (at least 1 when integer).
func niceStep(raw float64, integer bool) float64 {
	if !(raw > 0) || math.IsInf(raw, 0) {
		return 1
	}
	base := math.Pow(10, math.Floor(math.Log10(raw)))
	f := raw / base
	m := 10.0
	switch {
	case f <= 1+1e-9:
		m = 1
	case f <= 2+1e-9:
		m = 2
	case f <= 5+1e-9:
		m = 5
	}
	step := m * base
	if integer && step < 1 {
		step = 1
	}
	return step
}

// niceTicks returns evenly spaced ticks at a nice step that cover [lo, hi]
// with about intervals steps between the first and the last. Equal or
// reversed bounds are widened; the result always has at least two ticks.
func niceTicks(lo, hi float64, intervals int, integer bool) (ticks []float64, step float64) {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		lo, hi = 0, 1
	}
	lo = clamp(lo, -maxAbs, maxAbs)
	hi = clamp(hi, -maxAbs, maxAbs)
	if lo > hi {
		lo, hi = hi, lo
	}
	if intervals < 1 {
		intervals = 1
	}
	if hi-lo <= 1e-9*math.Max(1, math.Abs(hi)) {
		switch {
		case integer:
			lo, hi = lo-1, hi+1
		case hi == 0:
			hi = 1
		default:
			d := math.Abs(hi) * 0.1
			lo, hi = lo-d, hi+d
		}
	}
	step = niceStep((hi-lo)/float64(intervals), integer)
	k0 := math.Floor(lo/step + 1e-9)
	k1 := math.Ceil(hi/step - 1e-9)
	if k1 <= k0 {
		k1 = k0 + 1
	}
	for k := k0; k <= k1 && len(ticks) < 64; k++ {
		t := k * step
		if step < 1 {
			// Snap to the step's decimals: 0.30000000000000004 → 0.3.
			t, _ = strconv.ParseFloat(strconv.FormatFloat(t, 'f', decimals(step), 64), 64)
		}
		if t == 0 {
			t = 0 // no -0
		}
		ticks = append(ticks, t)
	}
	return ticks, step
}

// decimals is how many decimals a tick at this step needs.
func decimals(step float64) int {
	if !(step > 0) || step >= 1 {
		return 0
	}
	d := int(math.Ceil(-math.Log10(step) - 1e-9))
	if d < 0 {
		d = 0
	}
	if d > 12 {
		d = 12
	}
	return d
}

// tickLabel formats a tick: 10万 and 2亿 for large steps, a % for percent.
func tickLabel(v, step float64, unit string) string {
	var s string
	switch {
	case v == 0:
		s = "0"
	case step >= 1e8:
		s = trimFloat(v/1e8, decimals(step/1e8)) + "亿"
	case step >= 1e4:
		s = trimFloat(v/1e4, decimals(step/1e4)) + "万"
	default:
		s = trimFloat(v, decimals(step))
	}
	if unit == "percent" {
		s += "%"
	}
	return s
}

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
