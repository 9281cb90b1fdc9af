package wechat

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// chart draws a chart of the site as the editor keeps it: its title, the
// sentence that states its trend, a bar of styled blocks for each value
// with the value as text, and its source. The values are the chart's
// own table, which the site renders beside every chart.
func (c *converter) chart(fig *html.Node) *html.Node {
	sec := el(atom.Section, "chart")
	title := ""
	if n := find(fig, hasClass("chart-title")); n != nil {
		title = collapse(textOf(n))
	}
	p := el(atom.P, "chart-title")
	p.AppendChild(textNode(title))
	sec.AppendChild(p)
	if desc := find(fig, func(n *html.Node) bool { return n.Data == "desc" }); desc != nil {
		if text := collapse(textOf(desc)); text != "" {
			p := el(atom.P, "chart-desc")
			p.AppendChild(textNode(text))
			sec.AppendChild(p)
		}
	}
	rank := false
	if svg := find(fig, func(n *html.Node) bool { return n.DataAtom == atom.Svg }); svg != nil {
		rank = hasClass("chart-rank")(svg)
	}
	series, rows := chartTable(fig)
	if len(series) > 1 {
		legend := el(atom.P, "legend")
		for i, name := range series {
			sw := el(atom.Span, "swatch")
			sw.Attr[0].Val += ";background-color:" + seriesColours[i%len(seriesColours)]
			legend.AppendChild(sw)
			legend.AppendChild(textNode(name + "\u3000"))
		}
		sec.AppendChild(legend)
	}
	lengths := barLengths(rows, rank)
	for i, r := range rows {
		row := el(atom.Section, "chart-row")
		label := el(atom.P, "chart-label")
		label.AppendChild(textNode(r.label))
		row.AppendChild(label)
		for j, v := range r.values {
			line := el(atom.P, "chart-line")
			colour := seriesColours[j%len(seriesColours)]
			if r.numbers[j] < 0 {
				colour = "#8c8c8c"
			}
			bar := el(atom.Span, "")
			bar.Attr = []html.Attribute{{Key: "style", Val: fmt.Sprintf(
				"display:inline-block;width:%.1f%%;height:12px;margin:0;background-color:%s;border-radius:0 2px 2px 0;vertical-align:middle",
				lengths[i][j], colour)}}
			line.AppendChild(bar)
			val := el(atom.Span, "chart-value")
			val.AppendChild(textNode(v))
			line.AppendChild(val)
			row.AppendChild(line)
		}
		sec.AppendChild(row)
	}
	if n := find(fig, hasClass("chart-source")); n != nil {
		p := el(atom.P, "chart-source")
		p.AppendChild(textNode(collapse(textOf(n))))
		sec.AppendChild(p)
	}
	return sec
}

type chartRow struct {
	label   string
	values  []string
	numbers []float64 // NaN where the value is not a number
}

// chartTable reads the chart's table: the names of its series (the
// header's cells after the first) and a row for each period or item.
func chartTable(fig *html.Node) (series []string, rows []chartRow) {
	table := find(fig, hasClass("chart-table"))
	if table == nil {
		return nil, nil
	}
	for tr := range table.Descendants() {
		if tr.DataAtom != atom.Tr {
			continue
		}
		var cells []*html.Node
		for ch := tr.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.DataAtom == atom.Th || ch.DataAtom == atom.Td {
				cells = append(cells, ch)
			}
		}
		if len(cells) < 2 {
			continue
		}
		if tr.Parent != nil && tr.Parent.DataAtom == atom.Thead {
			for _, cell := range cells[1:] {
				series = append(series, collapse(textOf(cell)))
			}
			continue
		}
		r := chartRow{label: collapse(textOf(cells[0]))}
		for _, cell := range cells[1:] {
			v := collapse(textOf(cell))
			r.values = append(r.values, v)
			r.numbers = append(r.numbers, number(v))
		}
		rows = append(rows, r)
	}
	return series, rows
}

var numberRE = regexp.MustCompile(`[-−]?\d[\d,]*(?:\.\d+)?`)

// number is the first number written in a value (16.1%, 第88位, 1,234亿元).
func number(s string) float64 {
	m := numberRE.FindString(s)
	if m == "" {
		return math.NaN()
	}
	m = strings.ReplaceAll(strings.ReplaceAll(m, ",", ""), "−", "-")
	f, err := strconv.ParseFloat(m, 64)
	if err != nil {
		return math.NaN()
	}
	return f
}

// barLengths are the bars' widths in percent of the line, the longest
// 78% so that its value fits beside it. A rank's bar is longer the
// better (the smaller) the rank: the steps of a ranking that rises.
func barLengths(rows []chartRow, rank bool) [][]float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range rows {
		for _, v := range r.numbers {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, math.Abs(v)), math.Max(hi, math.Abs(v))
			}
		}
	}
	out := make([][]float64, len(rows))
	for i, r := range rows {
		out[i] = make([]float64, len(r.numbers))
		for j, v := range r.numbers {
			switch {
			case math.IsNaN(v) || hi <= 0:
				out[i][j] = 0
			case rank:
				// The worst rank gets a fifth of the longest bar.
				floor := (hi - lo) / 4
				if floor == 0 {
					floor = 1
				}
				out[i][j] = 78 * (hi + floor - v) / (hi + floor - lo)
			default:
				out[i][j] = 78 * math.Abs(v) / hi
			}
			if out[i][j] < 1 && !math.IsNaN(v) && v != 0 {
				out[i][j] = 1
			}
		}
	}
	return out
}

// keyFigures lays out a panel of key figures two by two: each figure's
// number and unit, its label, and its period and source.
func (c *converter) keyFigures(ul *html.Node) *html.Node {
	sec := el(atom.Section, "figures")
	for li := ul.FirstChild; li != nil; li = li.NextSibling {
		if li.DataAtom != atom.Li {
			continue
		}
		box := el(atom.Section, "figure-box")
		num := el(atom.P, "figure-num")
		if v := find(li, hasClass("key-figure-value")); v != nil {
			for ch := range v.Descendants() {
				switch {
				case hasClass("key-figure-number")(ch):
					num.AppendChild(textNode(collapse(textOf(ch))))
				case hasClass("key-figure-unit")(ch):
					u := el(atom.Span, "figure-unit")
					u.AppendChild(textNode(collapse(textOf(ch))))
					num.AppendChild(u)
				}
			}
		}
		box.AppendChild(num)
		if n := find(li, hasClass("key-figure-label")); n != nil {
			p := el(atom.P, "figure-label")
			p.AppendChild(textNode(collapse(textOf(n))))
			box.AppendChild(p)
		}
		if n := find(li, hasClass("key-figure-meta")); n != nil {
			p := el(atom.P, "figure-meta")
			p.AppendChild(textNode(collapse(textOf(n))))
			box.AppendChild(p)
		}
		sec.AppendChild(box)
	}
	return sec
}

// timeline lists the events down a gold rule: date, title, detail.
func (c *converter) timeline(ol *html.Node) *html.Node {
	sec := el(atom.Section, "timeline")
	for li := ol.FirstChild; li != nil; li = li.NextSibling {
		if li.DataAtom != atom.Li {
			continue
		}
		ev := el(atom.Section, "event")
		for _, part := range []struct{ class, style string }{
			{"", "event-time"}, {"timeline-title", "event-title"}, {"timeline-detail", "event-detail"},
		} {
			var n *html.Node
			if part.class == "" {
				n = find(li, func(m *html.Node) bool { return m.DataAtom == atom.Time })
			} else {
				n = find(li, hasClass(part.class))
			}
			if n == nil {
				continue
			}
			p := el(atom.P, part.style)
			p.AppendChild(textNode(collapse(textOf(n))))
			ev.AppendChild(p)
		}
		sec.AppendChild(ev)
	}
	return sec
}
