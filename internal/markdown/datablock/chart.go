package datablock

import (
	"bytes"
	"slices"
	"strings"

	yast "github.com/goccy/go-yaml/ast"

	"folio/internal/chart"
	"folio/internal/diag"
	"folio/internal/frontmatter"
	"folio/internal/indicator"
)

// renderChart renders a chart block:
//
//	indicator: national-rank      # or indicators: [a, b, c] to compare
//	type: rank                    # line | bar | rank | sparkline
//	title: 国家高新区综合评价排名
//	periods: [2018, 2020]         # optional
func renderChart(b *body) []byte {
	node, ok := b.parse()
	if !ok {
		return nil
	}
	if node == nil {
		b.env.ErrorAt(b.env.Position(b.start), "chart-syntax", "empty chart block: give at least \"indicator: …\"")
		return nil
	}
	var one, kind, title string
	var many, periods yast.Node
	var onePos, kindPos, manyPos diag.Position
	fields := []frontmatter.Field{
		{Key: "indicator", Target: &one, Pos: &onePos},
		{Key: "indicators", Target: &many, Pos: &manyPos},
		{Key: "type", Target: &kind, Pos: &kindPos},
		{Key: "title", Target: &title},
		{Key: "periods", Target: &periods},
	}
	var diags diag.List
	if !frontmatter.DecodeMapping("", node, 1, fields, "chart-unknown-key", &diags) {
		b.report(&diags)
		return nil
	}
	b.report(&diags)

	var ids []string
	var idPos []diag.Position
	switch {
	case one != "" && many != nil:
		b.env.ErrorAt(b.relocate(manyPos), "chart-syntax", "give either indicator (one) or indicators (a comparison), not both")
		return nil
	case one != "":
		ids, idPos = []string{one}, []diag.Position{b.relocate(onePos)}
	case many != nil:
		ids, idPos = b.strings(many)
	default:
		b.env.ErrorAt(b.env.Position(b.start), "chart-syntax", "a chart needs \"indicator: id\" or \"indicators: [id, id]\"")
		return nil
	}
	var inds []*indicator.Indicator
	for i, id := range ids {
		if ind := b.lookup(id, idPos[i]); ind != nil {
			inds = append(inds, ind)
		}
	}
	if len(inds) != len(ids) {
		return nil
	}
	for _, ind := range inds {
		if len(ind.Series) == 0 && !b.env.Data.ValuesComplete(ind) {
			return nil // its values are in a data file with an error, reported there
		}
	}
	for _, ind := range inds[1:] {
		if ind.Unit != inds[0].Unit {
			b.env.ErrorAt(idPos[0], "chart-units", "cannot chart %s (%s) with %s (%s) on one axis: compare indicators of the same unit", inds[0].ID, inds[0].Unit, ind.ID, ind.Unit)
			return nil
		}
	}

	spec := chart.Spec{ID: b.env.NextID("chart"), Title: title, Unit: inds[0].Unit}
	if kind == "" {
		kind = defaultKind(inds)
	}
	spec.Kind = chart.Kind(kind)
	if !slices.Contains(chart.Kinds, spec.Kind) {
		var names []string
		for _, k := range chart.Kinds {
			names = append(names, string(k))
		}
		b.env.ErrorAt(b.relocate(kindPos), "chart-type", "unknown chart type %q: use %s", kind, strings.Join(names, ", "))
		return nil
	}
	if spec.Kind == chart.Rank && inds[0].Unit != "rank" {
		b.env.ErrorAt(b.relocate(kindPos), "chart-type", "a rank chart needs an indicator of unit rank; %s is %s: use line or bar", inds[0].ID, inds[0].Unit)
		return nil
	}
	if inds[0].Unit == "rank" {
		spec.Of = inds[0].Of
	}
	spec.LowerIsBetter = inds[0].Better == "lower"

	// Which periods: those listed, else every period of the series.
	var wanted []indicator.Period
	if periods != nil {
		list, pos := b.strings(periods)
		for i, s := range list {
			p, err := indicator.ParsePeriod(s)
			if err != nil {
				b.env.ErrorAt(pos[i], "unknown-period", "%v", err)
				return nil
			}
			for _, ind := range inds {
				if _, ok := b.at(ind, s, pos[i]); !ok {
					return nil
				}
			}
			wanted = append(wanted, p)
		}
	}
	comparison := len(inds) > 1 && spec.Kind == chart.Bar
	for _, ind := range inds {
		points := ind.Series
		if comparison {
			// A comparison shows one value of each: the period asked
			// for, else the latest.
			pt, _ := ind.Latest()
			if len(wanted) > 0 {
				pt, _ = ind.At(wanted[len(wanted)-1])
			}
			points = []indicator.Point{pt}
		} else if len(wanted) > 0 {
			points = nil
			for _, p := range wanted {
				pt, _ := ind.At(p)
				points = append(points, pt)
			}
		}
		spec.Series = append(spec.Series, SeriesOf(ind, points))
	}
	if spec.Title == "" {
		spec.Title = inds[0].Label
		if len(inds) > 1 {
			spec.Title = "主要指标对比"
		}
	}

	// The caption (title and source) sits right above the chart; the
	// numbers follow behind a disclosure, so that a long table does not
	// push the caption far from its chart.
	var sources []string
	for _, ind := range inds {
		sources = append(sources, ind.Source)
	}
	var out bytes.Buffer
	out.WriteString(`<figure class="chart-figure chart-figure-` + string(spec.Kind) + `" id="` + spec.ID + `">`)
	out.WriteString(`<figcaption><span class="chart-title">` + noBreakTail(spec.Title) + `</span>`)
	if src := join(sources, "；"); src != "" {
		out.WriteString(` <span class="chart-source">来源：` + esc(src) + `</span>`)
	}
	out.WriteString(` <a class="chart-data-link" href="` + b.dataLink(inds[0].ID) + `">数据</a></figcaption>`)
	if err := chart.Render(&out, spec); err != nil {
		b.env.ErrorAt(b.env.Position(b.start), "chart", "cannot draw the chart: %v", err)
		return nil
	}
	if spec.Kind != chart.Sparkline {
		out.WriteString(`<details class="chart-data"><summary>数据表</summary>`)
		if err := chart.Table(&out, spec); err != nil {
			b.env.ErrorAt(b.env.Position(b.start), "chart", "cannot write the chart's table: %v", err)
			return nil
		}
		out.WriteString(`</details>`)
	}
	out.WriteString("</figure>\n")
	return out.Bytes()
}

// defaultKind picks a chart type when the block gives none: a rank chart
// for ranks, bars to compare indicators or for a single period, else lines.
func defaultKind(inds []*indicator.Indicator) string {
	switch {
	case inds[0].Unit == "rank":
		return string(chart.Rank)
	case len(inds) > 1 || len(inds[0].Series) < 2:
		return string(chart.Bar)
	}
	return string(chart.Line)
}

// SeriesOf turns points of an indicator into a chart series. Ranks are
// labelled 第88位 without "169家中": the chart states the total once.
func SeriesOf(ind *indicator.Indicator, points []indicator.Point) chart.Series {
	label := ind
	if ind.Unit == "rank" && ind.Of > 0 {
		short := *ind
		short.Of = 0
		label = &short
	}
	s := chart.Series{Name: ind.Label}
	for _, pt := range points {
		s.Points = append(s.Points, chart.Point{Label: pt.Period.Chinese(), Value: pt.Value.Number, Display: indicator.Format(label, pt.Value)})
	}
	return s
}
