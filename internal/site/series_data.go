package site

import (
	"bytes"
	"html/template"
	"slices"

	"folio/internal/chart"
	"folio/internal/indicator"
	"folio/internal/render"
)

// comparisons are the indicators that several installments hold under
// one id (each district's 地区生产总值增速), each compared across them at
// the latest period at least two of them have.
func (b *builder) comparisons(parts []*partBuild) []*render.Comparison {
	type held struct {
		part *partBuild
		ind  *indicator.Indicator
	}
	byID := map[string][]held{}
	var ids []string
	for _, p := range parts {
		data := p.data
		if data == nil {
			continue
		}
		for _, ind := range data.Indicators {
			if len(byID[ind.ID]) == 0 {
				ids = append(ids, ind.ID)
			}
			byID[ind.ID] = append(byID[ind.ID], held{p, ind})
		}
	}
	var out []*render.Comparison
	for _, id := range ids {
		hs := byID[id]
		if len(hs) < 2 {
			continue
		}
		// The latest period two or more of them state.
		count := map[indicator.Period]int{}
		var periods []indicator.Period
		for _, h := range hs {
			for _, pt := range h.ind.Series {
				if count[pt.Period]++; count[pt.Period] == 2 {
					periods = append(periods, pt.Period)
				}
			}
		}
		if len(periods) == 0 {
			continue
		}
		period := slices.MaxFunc(periods, func(a, b indicator.Period) int { return a.Compare(b) })
		first := hs[0].ind
		c := &render.Comparison{ID: "compare-" + id, Label: first.Label, Period: period.Chinese()}
		spec := chart.Spec{Kind: chart.Bar, ID: c.ID, Title: first.Label + "：各篇对比", Unit: first.Unit,
			Of: first.Of, LowerIsBetter: first.Better == "lower"}
		for _, h := range hs {
			pt, ok := h.ind.At(period)
			if !ok {
				continue
			}
			title := h.part.in.Config.Title
			display := indicator.Format(h.ind, pt.Value)
			spec.Series = append(spec.Series, chart.Series{Name: title, Points: []chart.Point{{Label: period.Chinese(), Value: pt.Value.Number, Display: display}}})
			c.Rows = append(c.Rows, render.ComparisonRow{Part: title, Path: h.part.in.Slug + "/" + dataPath + "#" + id,
				Display: display, Raw: pt.Value.Raw(), Source: h.ind.Source})
		}
		var svg bytes.Buffer
		if err := chart.Render(&svg, spec); err != nil {
			b.diags.Errorf(first.Pos, "chart", "cannot draw %s: %v", id, err)
		}
		c.Chart = template.HTML(svg.String())
		out = append(out, c)
	}
	return out
}
