package chart

import (
	"math"
	"strings"
)

// renderSpark draws a sparkline: the first series as a line with a dot on
// its latest value, no axes and no text besides the title and description.
func renderSpark(b *strings.Builder, s Spec) {
	open(b, s, "sparkline", sparkW, sparkH)
	d := prepare(s)
	if len(d.series) == 0 {
		b.WriteString(`</svg>`)
		return
	}
	se := d.series[0]
	var vals []float64
	for _, v := range se.vals {
		if !math.IsNaN(v) {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		b.WriteString(`</svg>`)
		return
	}
	const pad = 4.0
	lo, hi := minmax(vals)
	n := len(se.vals)
	xOf := func(i int) float64 {
		if n == 1 {
			return sparkW / 2
		}
		return pad + float64(i)*(sparkW-2*pad)/float64(n-1)
	}
	invert := invertAxis(s)
	yOf := func(v float64) float64 {
		if hi-lo <= 1e-9*math.Max(1, math.Abs(hi)) {
			return sparkH / 2
		}
		t := (v - lo) / (hi - lo)
		if invert {
			t = 1 - t
		}
		return sparkH - pad - t*(sparkH-2*pad)
	}
	var p strings.Builder
	prev := false
	lastX, lastY := 0.0, 0.0
	for i, v := range se.vals {
		if math.IsNaN(v) {
			prev = false
			continue
		}
		if prev {
			p.WriteString("L")
		} else {
			p.WriteString("M")
		}
		lastX, lastY = xOf(i), yOf(v)
		p.WriteString(num(lastX) + " " + num(lastY))
		prev = true
	}
	if len(vals) > 1 {
		b.WriteString(`<path class="chart-path chart-series-1" d="` + p.String() + `" fill="none" stroke="currentColor"/>`)
	}
	b.WriteString(`<circle class="chart-dot chart-series-1" cx="` + num(lastX) + `" cy="` + num(lastY) + `" r="2.5" fill="currentColor"/>`)
	b.WriteString(`</svg>`)
}
