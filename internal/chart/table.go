package chart

import (
	"io"
	"strconv"
	"strings"
)

// Table writes the chart's numbers as an HTML table: one row per period and
// one column per series, or, for a comparison of indicators at one point
// each, one row per indicator. Cells hold Point.Display.
func Table(w io.Writer, s Spec) error {
	var b strings.Builder
	d := prepare(s)
	if isComparison(s) {
		b.WriteString(`<table class="chart-table chart-table-compare">`)
	} else {
		b.WriteString(`<table class="chart-table">`)
	}
	switch {
	case len(d.periods) == 0:
		b.WriteString(`<tbody><tr><td>暂无数据</td></tr></tbody>`)
	case isComparison(s):
		head := commonLabel(s)
		if head == "" {
			head = "数值"
		}
		b.WriteString(`<thead><tr><th scope="col">指标</th><th scope="col">` + esc(head) + `</th></tr></thead><tbody>`)
		for i, se := range s.Series {
			disp := "—"
			if len(se.Points) > 0 {
				p := se.Points[0]
				if disp = clean(p.Display); disp == "" {
					disp = formatValue(p.Value, s.Unit, s.Kind)
				}
			}
			b.WriteString(`<tr><th scope="row">` + esc(seriesName(clean(se.Name), i, len(s.Series))) + `</th><td>` + esc(disp) + `</td></tr>`)
		}
		b.WriteString(`</tbody>`)
	default:
		b.WriteString(`<thead><tr><th scope="col">时间</th>`)
		for _, se := range d.series {
			b.WriteString(`<th scope="col">` + esc(seriesName(se.name, se.index, len(d.series))) + `</th>`)
		}
		b.WriteString(`</tr></thead><tbody>`)
		for i, p := range d.periods {
			b.WriteString(`<tr><th scope="row">` + esc(p) + `</th>`)
			for _, se := range d.series {
				c := se.disp[i]
				if c == "" {
					c = "—"
				}
				b.WriteString(`<td>` + esc(c) + `</td>`)
			}
			b.WriteString(`</tr>`)
		}
		b.WriteString(`</tbody>`)
	}
	b.WriteString(`</table>`)
	_, err := io.WriteString(w, b.String())
	return err
}

// seriesName is the column or row heading of a series without a name.
func seriesName(name string, index, n int) string {
	switch {
	case name != "":
		return name
	case n == 1:
		return "数值"
	}
	return "系列" + strconv.Itoa(index+1)
}
