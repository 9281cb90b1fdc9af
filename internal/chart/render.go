package chart

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Layout constants, in viewBox units. The charts are drawn 540 wide and
// shown at most 540 px wide (charts.css), so 18 units are 18 px on a
// desktop and still about 11 px on a 375 px phone. Wider drawings would
// shrink the text on phones further.
const (
	width     = 540.0
	fsLabel   = 18.0 // period and category labels
	fsValue   = 18.0 // value labels on points and bars
	fsSmall   = 16.0 // tick labels, legend, notes
	sparkW    = 120.0
	sparkH    = 32.0
	maxSeries = 4 // distinct series styles; more series cycle through them
)

// Render writes s as one inline <svg> element. Its only error is an
// unknown Kind (or a failed write); any data, even none, draws something.
func Render(w io.Writer, s Spec) error {
	var b strings.Builder
	switch s.Kind {
	case Line, Rank:
		renderXY(&b, s)
	case Bar:
		if isComparison(s) {
			renderHBar(&b, s)
		} else {
			renderXY(&b, s)
		}
	case Sparkline:
		renderSpark(&b, s)
	default:
		return fmt.Errorf("chart: unknown chart type %q (want %s)", string(s.Kind), kindList())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func kindList() string {
	var names []string
	for _, k := range Kinds {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// isComparison reports whether s compares several indicators at one point
// each (drawn as horizontal bars, tabled as one row per series).
func isComparison(s Spec) bool {
	if len(s.Series) < 2 {
		return false
	}
	for _, se := range s.Series {
		if len(se.Points) > 1 {
			return false
		}
	}
	return true
}

// invertAxis reports whether small values go at the top: ranks (Kind
// Rank, or Unit "rank" on a line or sparkline) where LowerIsBetter.
func invertAxis(s Spec) bool {
	return s.LowerIsBetter && (s.Kind == Rank || s.Unit == "rank")
}

// idPrefix is the Spec.ID made safe for id and aria-labelledby values.
func idPrefix(id string) string {
	var b strings.Builder
	for _, r := range clean(id) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "chart"
	}
	return b.String()
}

// open writes the root element, the title and the description.
func open(b *strings.Builder, s Spec, class string, w, h float64) {
	id := esc(idPrefix(s.ID))
	b.WriteString(`<svg class="chart chart-` + class + `" viewBox="0 0 ` + num(w) + ` ` + num(h) +
		`" role="img" aria-labelledby="` + id + `-title" aria-describedby="` + id + `-desc" xmlns="http://www.w3.org/2000/svg"`)
	if s.Kind != Sparkline {
		b.WriteString(` fill="currentColor" font-size="` + num(fsLabel) + `"`)
	}
	b.WriteString(`><title id="` + id + `-title">` + esc(clean(s.Title)) + `</title><desc id="` + id + `-desc">` +
		esc(Describe(s)) + `</desc>`)
}

func text(b *strings.Builder, x, y float64, s string) {
	b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `">` + esc(s) + `</text>`)
}

// series is one series aligned on the chart's periods.
type series struct {
	name  string
	index int       // 0-based position in Spec.Series, for the style
	vals  []float64 // per period; NaN where missing
	disp  []string  // per period; "" where missing
}

type data struct {
	periods []string
	series  []series
}

// prepare aligns the series on the union of their period labels (in order
// of first appearance; a label repeated within a series is a new period),
// cleans text, fills in missing Displays and clamps values. NaN and ±Inf
// become missing values.
func prepare(s Spec) data {
	type at struct {
		p int
		v float64
		s string
	}
	var d data
	var pending [][]at
	index := map[string]int{} // looked up, never iterated
	for i, se := range s.Series {
		seen := map[string]int{}
		var pts []at
		for _, p := range se.Points {
			label := clean(p.Label)
			key := label + "\x00" + strconv.Itoa(seen[label])
			seen[label]++
			k, ok := index[key]
			if !ok {
				k = len(d.periods)
				index[key] = k
				d.periods = append(d.periods, label)
			}
			v := p.Value
			if math.IsNaN(v) || math.IsInf(v, 0) {
				v = math.NaN()
			} else {
				v = clamp(v, -maxAbs, maxAbs)
			}
			disp := clean(p.Display)
			if disp == "" {
				disp = formatValue(v, s.Unit, s.Kind)
			}
			pts = append(pts, at{k, v, disp})
		}
		d.series = append(d.series, series{name: clean(se.Name), index: i})
		pending = append(pending, pts)
	}
	// Now that all periods are known, lay each series out on them.
	for i := range d.series {
		ds := &d.series[i]
		ds.vals = make([]float64, len(d.periods))
		ds.disp = make([]string, len(d.periods))
		for k := range ds.vals {
			ds.vals[k] = math.NaN()
		}
		for _, a := range pending[i] {
			ds.vals[a.p], ds.disp[a.p] = a.v, a.s
		}
	}
	return d
}

// finite lists the plotted values of all series.
func (d data) finite() []float64 {
	var vs []float64
	for _, se := range d.series {
		for _, v := range se.vals {
			if !math.IsNaN(v) {
				vs = append(vs, v)
			}
		}
	}
	return vs
}

// styleClass is the series' style class: chart-series-1 … -4.
func styleClass(index int) string {
	return "chart-series-" + strconv.Itoa(index%maxSeries+1)
}

// dashes per style, so series differ in grey as well as in colour.
var dashes = [maxSeries]string{"", "9 5", "2 5", "12 4 2 4"}

// markers returns the element drawing the series' point markers, one shape
// per style: circle, square, diamond, triangle. Circles are <circle>s (a
// path of two half-circle arcs degenerates to a line in some renderers);
// the other shapes share one path.
func markers(index int, at [][2]float64) string {
	if len(at) == 0 {
		return ""
	}
	cls := `class="chart-marker ` + styleClass(index) + `"`
	var p strings.Builder
	if index%maxSeries == 0 {
		p.WriteString(`<g ` + cls + `>`)
		for _, a := range at {
			p.WriteString(`<circle cx="` + num(a[0]) + `" cy="` + num(a[1]) + `" r="5"/>`)
		}
		p.WriteString(`</g>`)
		return p.String()
	}
	p.WriteString(`<path ` + cls + ` d="`)
	for _, a := range at {
		x, y := a[0], a[1]
		switch index % maxSeries {
		case 1:
			r := 4.5
			p.WriteString("M" + num(x-r) + " " + num(y-r) + "h" + num(2*r) + "v" + num(2*r) + "h" + num(-2*r) + "z")
		case 2:
			r := 6.0
			p.WriteString("M" + num(x) + " " + num(y-r) + "l" + num(r) + " " + num(r) + " " + num(-r) + " " + num(r) +
				" " + num(-r) + " " + num(-r) + "z")
		default:
			r := 6.0
			p.WriteString("M" + num(x) + " " + num(y-r) + "l" + num(r) + " " + num(r*1.6) + "h" + num(-2*r) + "z")
		}
	}
	p.WriteString(`"/>`)
	return p.String()
}

// linePath opens a series line path element.
func linePath(b *strings.Builder, index int, d string) {
	b.WriteString(`<path class="chart-path ` + styleClass(index) + `" d="` + d + `" fill="none" stroke="currentColor"`)
	if ds := dashes[index%maxSeries]; ds != "" {
		b.WriteString(` stroke-dasharray="` + ds + `"`)
	}
	b.WriteString(`/>`)
}
