package chart

import (
	"math"
	"strings"
)

// Horizontal bars: one row per indicator, its name on a line above the bar
// (Chinese names are long), the value at the bar's end.
const (
	barH   = 22.0
	rowGap = 16.0
)

func renderHBar(b *strings.Builder, s Spec) {
	type row struct {
		name, disp string
		v          float64
	}
	var rows []row
	for _, se := range s.Series {
		r := row{name: clean(se.Name), v: math.NaN()}
		if len(se.Points) > 0 {
			p := se.Points[0]
			if !math.IsNaN(p.Value) && !math.IsInf(p.Value, 0) {
				r.v = clamp(p.Value, -maxAbs, maxAbs)
			}
			r.disp = clean(p.Display)
			if r.disp == "" {
				r.disp = formatValue(r.v, s.Unit, s.Kind)
			}
		}
		if r.disp == "" {
			r.disp = "—"
		}
		r.name = truncate(r.name, width-2, fsLabel)
		rows = append(rows, r)
	}

	// Room for the value labels on each side of the bars.
	lo, hi := 0.0, 0.0
	wPos, wNeg := 0.0, 0.0
	maxVW := width * 0.35
	for i := range rows {
		r := &rows[i]
		r.disp = truncate(r.disp, maxVW/boldFactor, fsValue)
		w := valueWidth(r.disp)
		if r.v < 0 {
			lo = math.Min(lo, r.v)
			wNeg = math.Max(wNeg, w)
		} else {
			if !math.IsNaN(r.v) {
				hi = math.Max(hi, r.v)
			}
			wPos = math.Max(wPos, w)
		}
	}
	if hi == lo {
		hi = 1
	}
	x0 := 0.0
	if wNeg > 0 {
		x0 = wNeg + 8
	}
	x1 := width - wPos - 8
	xOf := func(v float64) float64 { return x0 + (v-lo)/(hi-lo)*(x1-x0) }
	zx := xOf(0)

	rowH := fsLabel*lineGap + 4 + barH + rowGap
	top := 4.0
	H := top + float64(len(rows))*rowH - rowGap + 6
	open(b, s, "bar chart-bar-h", width, math.Ceil(H))

	var bars strings.Builder
	var names, pos, neg, axis strings.Builder
	for i, r := range rows {
		y := top + float64(i)*rowH
		by := y + fsLabel*lineGap + 4
		axis.WriteString("M" + num(zx) + " " + num(by-3) + "v" + num(barH+6))
		text(&names, 0, y+fsLabel, r.name)
		vy := by + barH/2 + fsValue*0.35
		if math.IsNaN(r.v) {
			text(&pos, zx+6, vy, r.disp)
			continue
		}
		x := xOf(r.v)
		if x != zx {
			bars.WriteString("M" + num(zx) + " " + num(by) + "H" + num(x) + "v" + num(barH) + "H" + num(zx) + "z")
		}
		if r.v < 0 {
			text(&neg, x-6, vy, r.disp)
		} else {
			text(&pos, x+6, vy, r.disp)
		}
	}
	b.WriteString(`<g class="chart-label">` + names.String() + `</g>`)
	if bars.Len() > 0 {
		b.WriteString(`<path class="chart-bars chart-series-1" d="` + bars.String() + `"/>`)
	}
	if axis.Len() > 0 {
		b.WriteString(`<path class="chart-axis" d="` + axis.String() + `" stroke="currentColor"/>`)
	}
	if pos.Len() > 0 {
		b.WriteString(`<g class="chart-value">` + pos.String() + `</g>`)
	}
	if neg.Len() > 0 {
		b.WriteString(`<g class="chart-value" text-anchor="end">` + neg.String() + `</g>`)
	}
	b.WriteString(`</svg>`)
}
