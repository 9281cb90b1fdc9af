package chart

import (
	"math"
	"strconv"
	"strings"
)

// Vertical layout of line, rank and column charts, in viewBox units.
const (
	plotH     = 236.0 // from the top of the plot to the x axis area
	lineGap   = 1.25  // line height of two-line period labels, in em
	labelGap  = 10.0  // minimum space between neighbouring period labels
	markerPad = 7.0   // distance of a value label from its point
)

// renderXY draws line and rank charts and vertical bars over periods.
func renderXY(b *strings.Builder, s Spec) {
	d := prepare(s)
	vals := d.finite()
	if len(vals) == 0 {
		renderEmpty(b, s)
		return
	}
	c := xy{s: s, d: d, bars: s.Kind == Bar, rank: s.Kind == Rank, multi: len(d.series) > 1}
	c.invert = invertAxis(s)
	c.dmin, c.dmax = minmax(vals)
	lo, hi := c.dmin, c.dmax
	switch {
	case c.bars:
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	case !c.rank && lo > 0 && lo < hi/3:
		lo = 0
	}
	integer := (c.rank || s.Unit == "count" || s.Unit == "rank" || s.Unit == "star") && allIntegers(vals)
	ticks, step := niceTicks(lo, hi, 4, integer)
	c.step = step
	out, pen := c.draw(ticks)
	// A value label that found no good place is usually one under the
	// lowest point, with the axis in the way: try one more tick below.
	if !c.bars && pen >= 10 {
		tlo, thi := ticks[0], ticks[len(ticks)-1]
		var more []float64
		switch {
		case c.invert:
			more = append(append(more, ticks...), thi+step)
		case tlo < 0 || tlo-step >= 0:
			more = append([]float64{tlo - step}, ticks...)
		}
		if more != nil {
			if alt, altPen := c.draw(more); altPen < pen {
				out = alt
			}
		}
	}
	b.WriteString(out)
}

// xy is what a line, rank or column chart's layout depends on.
type xy struct {
	s                         Spec
	d                         data
	bars, rank, invert, multi bool
	dmin, dmax                float64
	step                      float64 // of the ticks
}

// draw lays the chart out on the given ticks and returns the SVG and a
// penalty for value labels that cross lines or found no place.
func (c xy) draw(ticks []float64) (string, float64) {
	s, d := c.s, c.d
	bars, rank, invert, multi := c.bars, c.rank, c.invert, c.multi
	n := len(d.periods)
	step := c.step
	var sb strings.Builder
	b := &sb
	padT := fsValue + 12 // room for a value label above the top tick
	padB := 6.0
	if bars {
		padB = 0
		if c.dmin < 0 {
			padB = fsValue + 10
		}
	}
	tlo, thi := ticks[0], ticks[len(ticks)-1]
	type tick struct {
		v     float64
		label string
	}
	var shown []tick
	maxTW := 0.0
	for _, t := range ticks {
		if rank && c.dmin >= 1 && t < 1 {
			continue // there is no rank 0
		}
		l := tickLabel(t, step, s.Unit)
		shown = append(shown, tick{t, l})
		maxTW = math.Max(maxTW, textWidth(l, fsSmall))
	}
	left := math.Min(maxTW+10, width*0.3)
	for i := range shown {
		shown[i].label = truncate(shown[i].label, left-10, fsSmall)
	}
	right := 10.0
	pw := width - left - right

	// Top: the rank note, then the legend.
	top := 4.0
	note := ""
	noteY := 0.0
	if rank && s.Of > 0 {
		note = "位次（共" + strconv.Itoa(s.Of) + "家）"
		noteY = top + fsSmall
		top += fsSmall * 1.7
	}
	var legend []legendItem
	if multi {
		var h float64
		legend, h = layoutLegend(d.series, left, top)
		top += h
	}

	// X positions and period labels.
	xs := make([]float64, n)
	var xl xlabels
	switch {
	case bars:
		slot := pw / float64(n)
		for i := range xs {
			xs[i] = left + slot*(float64(i)+0.5)
		}
		xl = layoutX(d.periods, slot)
	case n == 1:
		xs[0] = left + pw/2
		xl = layoutX(d.periods, pw)
	default:
		padL, padR := 14.0, 14.0
		for iter := 0; iter < 3; iter++ {
			sp := (pw - padL - padR) / float64(n-1)
			xl = layoutX(d.periods, sp)
			padL = edgePad(xl, d, 0, pw)
			padR = edgePad(xl, d, n-1, pw)
		}
		sp := (pw - padL - padR) / float64(n-1)
		xl = layoutX(d.periods, sp)
		for i := range xs {
			xs[i] = left + padL + sp*float64(i)
		}
	}

	// Y positions.
	plotTop := top
	plotBottom := plotTop + plotH
	y0, y1 := plotTop+padT, plotBottom-padB
	yOf := func(v float64) float64 {
		t := (v - tlo) / (thi - tlo)
		if invert {
			return y0 + t*(y1-y0)
		}
		return y1 - t*(y1-y0)
	}
	labelTop := plotBottom + 8
	H := labelTop + float64(xl.rows)*fsLabel*lineGap + 4

	open(b, s, string(s.Kind), width, math.Ceil(H))

	// Note and legend.
	if note != "" {
		b.WriteString(`<text class="chart-note" x="` + num(left) + `" y="` + num(noteY) + `" font-size="` + num(fsSmall) + `">` + esc(note) + `</text>`)
	}
	if multi {
		drawLegend(b, legend, bars)
	}

	// Grid, axis and tick labels.
	axisV := tlo
	switch {
	case bars || (!rank && tlo < 0 && thi > 0):
		axisV = 0
	case invert:
		axisV = thi
	}
	var grid strings.Builder
	for _, t := range shown {
		if t.v != axisV {
			grid.WriteString("M" + num(left) + " " + num(yOf(t.v)) + "H" + num(width-right))
		}
	}
	if grid.Len() > 0 {
		b.WriteString(`<path class="chart-grid" d="` + grid.String() + `"/>`)
	}
	b.WriteString(`<path class="chart-axis" d="M` + num(left) + " " + num(yOf(axisV)) + "H" + num(width-right) + `" stroke="currentColor"/>`)
	b.WriteString(`<g class="chart-tick" font-size="` + num(fsSmall) + `" text-anchor="end">`)
	for _, t := range shown {
		text(b, left-8, yOf(t.v)+fsSmall*0.35, t.label)
	}
	b.WriteString(`</g>`)

	// Period labels, kept inside the viewBox.
	b.WriteString(`<g class="chart-label" text-anchor="middle">`)
	for i, lines := range xl.lines {
		if !xl.show[i] {
			continue
		}
		for j, line := range lines {
			hw := textWidth(line, fsLabel) / 2
			x := clamp(xs[i], hw+1, width-hw-1)
			text(b, x, labelTop+fsLabel*0.9+float64(j)*fsLabel*lineGap, line)
		}
	}
	b.WriteString(`</g>`)

	pen := 0.0
	if bars {
		drawBars(b, d, xs, pw/float64(n), yOf)
	} else {
		pen = drawLines(b, d, xs, yOf, left, plotTop, y1, multi)
	}
	b.WriteString(`</svg>`)
	return sb.String(), pen
}

// edgePad is the room the first or last period needs between the plot edge
// and its point: half its label, half its widest value label.
func edgePad(xl xlabels, d data, i int, pw float64) float64 {
	p := 14.0
	if xl.show[i] {
		for _, l := range xl.lines[i] {
			p = math.Max(p, textWidth(l, fsLabel)/2+2)
		}
	}
	for _, se := range d.series {
		if !math.IsNaN(se.vals[i]) {
			p = math.Max(p, valueWidth(se.disp[i])/2+2)
		}
	}
	return math.Min(p, pw/4)
}

// xlabels is how the period labels are set: each as one or two lines,
// every k-th shown when even two lines do not fit.
type xlabels struct {
	lines [][]string
	show  []bool
	rows  int
}

func layoutX(periods []string, sp float64) xlabels {
	n := len(periods)
	maxLine := math.Min(width-20, 14*fsLabel)
	one := make([][]string, n)
	two := make([][]string, n)
	w1, w2 := 0.0, 0.0
	for i, p := range periods {
		t := truncate(p, maxLine, fsLabel)
		one[i] = []string{t}
		w1 = math.Max(w1, textWidth(t, fsLabel))
		two[i] = splitLabel(p)
		for j := range two[i] {
			two[i][j] = truncate(two[i][j], maxLine, fsLabel)
			w2 = math.Max(w2, textWidth(two[i][j], fsLabel))
		}
	}
	slots := func(w float64) int {
		if sp <= 0 {
			return n
		}
		k := int(math.Ceil((w + labelGap) / sp))
		return max(k, 1)
	}
	lines, k := one, slots(w1)
	if k > 1 && n > 1 {
		if k2 := slots(w2); k2 < k {
			lines, k = two, k2
		}
		// A few long labels among short ones: wrap and cut those rather
		// than drop every other label.
		avail := sp - labelGap
		long := 0
		for _, ls := range two {
			for _, l := range ls {
				if textWidth(l, fsLabel) > avail {
					long++
					break
				}
			}
		}
		if long*2 <= n {
			for i, p := range periods {
				lines[i] = wrap2(p, avail)
			}
			k = 1
		}
	}
	xl := xlabels{lines: lines, show: make([]bool, n), rows: 1}
	for i := range lines {
		xl.show[i] = (n-1-i)%k == 0 // always the latest period
		if !xl.show[i] {
			continue
		}
		if n > 1 {
			for j := range lines[i] {
				lines[i][j] = truncate(lines[i][j], float64(k)*sp-labelGap, fsLabel)
			}
		}
		xl.rows = max(xl.rows, len(lines[i]))
	}
	return xl
}

// wrap2 sets a label on at most two lines of width avail: whole, split
// after 年 or in the middle, or filled and cut with an ellipsis.
func wrap2(s string, avail float64) []string {
	if textWidth(s, fsLabel) <= avail {
		return []string{s}
	}
	if two := splitLabel(s); len(two) == 2 && textWidth(two[0], fsLabel) <= avail && textWidth(two[1], fsLabel) <= avail {
		return two
	}
	w := 0.0
	for i, r := range s {
		rw := runeEm(r) * fsLabel
		if w+rw > avail {
			if i == 0 {
				return []string{truncate(s, avail, fsLabel)}
			}
			return []string{s[:i], truncate(strings.TrimSpace(s[i:]), avail, fsLabel)}
		}
		w += rw
	}
	return []string{s}
}

type legendItem struct {
	x, y  float64 // start and baseline
	index int
	name  string
}

// layoutLegend flows the series names in rows from x0.
func layoutLegend(ss []series, x0, top float64) ([]legendItem, float64) {
	var items []legendItem
	x, row := x0, 0
	rowH := fsSmall * 1.6
	for _, se := range ss {
		name := se.name
		if name == "" {
			name = "系列" + strconv.Itoa(se.index+1)
		}
		name = truncate(name, width-x0-40, fsSmall)
		w := 38 + textWidth(name, fsSmall)
		if x > x0 && x+w > width {
			row++
			x = x0
		}
		items = append(items, legendItem{x, top + float64(row)*rowH + fsSmall, se.index, name})
		x += w + 22
	}
	return items, float64(row+1)*rowH + 6
}

func drawLegend(b *strings.Builder, items []legendItem, bars bool) {
	b.WriteString(`<g class="chart-legend" font-size="` + num(fsSmall) + `">`)
	for _, it := range items {
		mid := it.y - fsSmall*0.35
		var m strings.Builder
		if bars {
			m.WriteString("M" + num(it.x+14) + " " + num(mid-7) + "h14v14h-14z")
			b.WriteString(`<path class="chart-bars ` + styleClass(it.index) + `" d="` + m.String() + `"/>`)
		} else {
			linePath(b, it.index, "M"+num(it.x)+" "+num(mid)+"h30")
			b.WriteString(markers(it.index, [][2]float64{{it.x + 15, mid}}))
		}
		text(b, it.x+38, it.y, it.name)
	}
	b.WriteString(`</g>`)
}

// drawBars draws each series as one path of columns, grouped per period,
// with value labels above (or, when negative, below) the columns.
func drawBars(b *strings.Builder, d data, xs []float64, slot float64, yOf func(float64) float64) {
	ns := len(d.series)
	groupW := math.Min(slot*0.62, 64*float64(ns))
	barW := groupW / float64(ns)
	y0 := yOf(0)
	type vlabel struct {
		x, y float64
		s    string
	}
	var labels []vlabel
	maxVW := 0.0
	for j, se := range d.series {
		var p strings.Builder
		for i, v := range se.vals {
			if math.IsNaN(v) {
				continue
			}
			x := xs[i] - groupW/2 + float64(j)*barW
			y := yOf(v)
			if v != 0 {
				p.WriteString("M" + num(x) + " " + num(y0) + "V" + num(y) + "h" + num(barW) + "V" + num(y0) + "z")
			}
			ly := y - 6
			if v < 0 {
				ly = y + 6 + fsValue*0.85
			}
			labels = append(labels, vlabel{x + barW/2, ly, se.disp[i]})
			maxVW = math.Max(maxVW, valueWidth(se.disp[i]))
		}
		if p.Len() > 0 {
			b.WriteString(`<path class="chart-bars ` + styleClass(se.index) + `" d="` + p.String() + `"/>`)
		}
	}
	// Value labels share the column's slot; shrink them to fit or leave
	// them to the table.
	avail := slot - 6
	if ns > 1 {
		avail = barW - 4 // neighbouring columns' labels need a gap
	}
	fs := fsValue
	if maxVW > avail {
		fs = fsValue * avail / maxVW
	}
	if fs < 12 || len(labels) == 0 {
		return
	}
	b.WriteString(`<g class="chart-value" text-anchor="middle"`)
	if fs != fsValue {
		fs = math.Floor(fs*2) / 2
		b.WriteString(` font-size="` + num(fs) + `"`)
	}
	b.WriteString(`>`)
	for _, l := range labels {
		text(b, l.x, l.y, l.s)
	}
	b.WriteString(`</g>`)
}

type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(c box) bool { return a.x0 < c.x1 && c.x0 < a.x1 && a.y0 < c.y1 && c.y0 < a.y1 }

type seg struct{ x0, y0, x1, y1 float64 }

// crosses reports whether the segment passes through the box (Liang–Barsky).
func (a box) crosses(s seg) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := s.x1-s.x0, s.y1-s.y0
	p := [4]float64{-dx, dx, -dy, dy}
	q := [4]float64{s.x0 - a.x0, a.x1 - s.x0, s.y0 - a.y0, a.y1 - s.y0}
	for i := range p {
		if p[i] == 0 {
			if q[i] < 0 {
				return false
			}
			continue
		}
		t := q[i] / p[i]
		if p[i] < 0 {
			if t > t1 {
				return false
			}
			t0 = math.Max(t0, t)
		} else {
			if t < t0 {
				return false
			}
			t1 = math.Min(t1, t)
		}
	}
	return true
}

// drawLines draws each series as one path plus one path of markers, then
// value labels placed where they cross no line, marker or other label.
func drawLines(b *strings.Builder, d data, xs []float64, yOf func(float64) float64, left, top, bottom float64, multi bool) (penalty float64) {
	type pt struct {
		x, y float64
		s    string
	}
	var segs []seg
	var marks []box
	pts := make([][]pt, len(d.series))
	for j, se := range d.series {
		var p strings.Builder
		var at [][2]float64
		prev := false
		for i, v := range se.vals {
			if math.IsNaN(v) {
				prev = false
				continue
			}
			x, y := xs[i], yOf(v)
			if prev {
				last := pts[j][len(pts[j])-1]
				segs = append(segs, seg{last.x, last.y, x, y})
				p.WriteString("L")
			} else {
				p.WriteString("M")
			}
			p.WriteString(num(x) + " " + num(y))
			at = append(at, [2]float64{x, y})
			marks = append(marks, box{x - 6, y - 6, x + 6, y + 6})
			pts[j] = append(pts[j], pt{x, y, se.disp[i]})
			prev = true
		}
		if p.Len() > 0 {
			linePath(b, se.index, p.String())
		}
		b.WriteString(markers(se.index, at))
	}

	// Which points get a value label: all of a single series when they
	// fit between the points, else the latest, the first and the extremes;
	// for several series the latest of each.
	type want struct {
		p      pt
		always bool // place it even across a line
		strict bool // place it only where it crosses nothing
	}
	var wants []want
	if !multi && len(pts) == 1 && len(pts[0]) > 0 {
		ps := pts[0]
		sp := width
		if len(xs) > 1 {
			sp = xs[1] - xs[0]
		}
		maxW := 0.0
		for _, p := range ps {
			maxW = math.Max(maxW, valueWidth(p.s))
		}
		if maxW+6 <= sp*1.4 {
			for _, p := range ps {
				wants = append(wants, want{p, false, false})
			}
		} else {
			hiI, loI := 0, 0
			for i, p := range ps {
				if p.y < ps[hiI].y {
					hiI = i
				}
				if p.y > ps[loI].y {
					loI = i
				}
			}
			seen := map[int]bool{}
			for k, i := range []int{len(ps) - 1, 0, hiI, loI} {
				if !seen[i] {
					seen[i] = true
					wants = append(wants, want{ps[i], k == 0, false})
				}
			}
		}
	} else {
		for _, ps := range pts {
			if len(ps) > 0 {
				wants = append(wants, want{ps[len(ps)-1], false, true})
			}
		}
	}

	region := box{left, top, width - 1, bottom}
	h := fsValue
	var placed []box
	type label struct {
		x, y float64
		s    string
	}
	var out []label
	for _, w := range wants {
		tw := valueWidth(w.p.s)
		x, y := w.p.x, w.p.y
		// Candidate boxes, in order of preference.
		cands := []box{
			{x - tw/2, y - markerPad - h, x + tw/2, y - markerPad},        // above
			{x - tw/2, y + markerPad, x + tw/2, y + markerPad + h},        // below
			{x - 4 - tw, y - 5 - h, x - 4, y - 5},                         // above left
			{x + 4, y - 5 - h, x + 4 + tw, y - 5},                         // above right
			{x - 4 - tw, y + 5, x - 4, y + 5 + h},                         // below left
			{x + 4, y + 5, x + 4 + tw, y + 5 + h},                         // below right
			{x - markerPad - 3 - tw, y - h/2, x - markerPad - 3, y + h/2}, // left
			{x + markerPad + 3, y - h/2, x + markerPad + 3 + tw, y + h/2}, // right
		}
		best, bestScore := box{}, math.Inf(1)
		for ci, c := range cands {
			if ci < 2 { // centred boxes may slide along to stay inside
				if c.x0 < region.x0 {
					c.x1 += region.x0 - c.x0
					c.x0 = region.x0
				}
				if c.x1 > region.x1 {
					c.x0 -= c.x1 - region.x1
					c.x1 = region.x1
				}
			}
			score := float64(ci) * 0.01
			if c.x0 < region.x0 || c.x1 > region.x1 || c.y0 < region.y0 || c.y1 > region.y1 {
				score += 1000
			}
			for _, sg := range segs {
				if c.crosses(sg) {
					score += 10
				}
			}
			for _, m := range marks {
				if c.overlaps(m) {
					score += 8
				}
			}
			for _, o := range placed {
				if c.overlaps(o) {
					score += 100
				}
			}
			if score < bestScore {
				best, bestScore = c, score
			}
		}
		limit := 100.0
		switch {
		case w.strict:
			limit = 8
		case w.always:
			limit = 1000
		}
		if bestScore >= limit {
			penalty += 50
			continue
		}
		penalty += bestScore
		placed = append(placed, best)
		// Glyphs sit on a baseline about 0.15 em above the box's bottom.
		out = append(out, label{(best.x0 + best.x1) / 2, best.y1 - h*0.15, w.p.s})
	}
	if len(out) == 0 {
		return penalty
	}
	b.WriteString(`<g class="chart-value" text-anchor="middle">`)
	for _, l := range out {
		text(b, l.x, l.y, l.s)
	}
	b.WriteString(`</g>`)
	return penalty
}

// renderEmpty draws a chart with no data: a frame that says so.
func renderEmpty(b *strings.Builder, s Spec) {
	open(b, s, string(s.Kind), width, 80)
	b.WriteString(`<text class="chart-note" x="` + num(width/2) + `" y="46" text-anchor="middle">暂无数据</text></svg>`)
}

func minmax(vs []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}

func allIntegers(vs []float64) bool {
	for _, v := range vs {
		if v != math.Trunc(v) {
			return false
		}
	}
	return true
}
