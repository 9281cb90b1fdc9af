package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html/template"

	"folio/internal/chart"
	"folio/internal/diag"
	"folio/internal/indicator"
	"folio/internal/markdown/datablock"
	"folio/internal/markdown/dataref"
	"folio/internal/render"
)

// The data page shows every indicator the publication cites; the
// downloads hold them as CSV and JSON.
func init() {
	registerFormat(outputFormat{
		name: "data", order: 10, reserved: []string{"data"},
		make: func(r *renderRun) {
			if len(r.b.data.Indicators) == 0 && len(r.site.Comparisons) == 0 {
				return
			}
			page := &render.Page{Kind: "data", Title: r.words.Sprintf("Data"), Path: dataPath,
				Summary: r.words.Sprintf("Every indicator this publication cites: values, scope, sources and notes, to download as CSV and JSON.")}
			r.emit(dataPath+"index.html", "data.html", render.NewData(r.site, page, ""), nil)
			r.b.downloads(r.files)
		},
	})
}

// dataPath is where the data page lives.
const dataPath = "data/"

// indicatorViews prepares every indicator for the data page: latest value,
// series, and a chart where there is a trend to show.
func (b *builder) indicatorViews() []*render.Indicator {
	var views []*render.Indicator
	for _, ind := range b.data.Indicators {
		v := &render.Indicator{
			ID: ind.ID, Label: ind.Label, Aliases: ind.Aliases, Unit: ind.Unit,
			Scope: ind.Scope, Source: ind.Source, Note: ind.Note,
		}
		for _, pt := range ind.Series {
			v.Series = append(v.Series, render.IndicatorValue{
				Period: pt.Period.Chinese(), PeriodKey: pt.Period.String(),
				Display: indicator.Format(ind, pt.Value), Raw: pt.Value.Raw(),
				Title: dataref.Title(ind, pt.Period),
			})
		}
		if n := len(v.Series); n > 0 {
			v.Latest = v.Series[n-1]
		}
		if len(ind.Series) >= 2 {
			kind := chart.Line
			if ind.Unit == "rank" {
				kind = chart.Rank
			}
			spec := chart.Spec{
				Kind: kind, ID: "chart-" + ind.ID, Title: ind.Label, Unit: ind.Unit,
				Of: ind.Of, LowerIsBetter: ind.Better == "lower",
				Series: []chart.Series{datablock.SeriesOf(ind, ind.Series)},
			}
			var buf bytes.Buffer
			if err := chart.Render(&buf, spec); err != nil {
				b.diags.Errorf(ind.Pos, "chart", "cannot draw %s: %v", ind.ID, err)
			}
			v.Chart = template.HTML(buf.String())
		}
		views = append(views, v)
	}
	return views
}

// downloads writes the data as open data: CSV in long form (with a BOM so
// spreadsheet programs read the Chinese correctly) and JSON.
func (b *builder) downloads(files *outputs) {
	b.downloadsFor(b.pub.Config.Title, files)
}

func (b *builder) downloadsFor(title string, files *outputs) {
	var csvBuf bytes.Buffer
	csvBuf.WriteString("\uFEFF")
	w := csv.NewWriter(&csvBuf)
	_ = w.Write([]string{"id", "label", "unit", "period", "value", "display", "scope", "source"})
	type jsonPoint struct {
		Period  string  `json:"period"`
		Value   float64 `json:"value"`
		Display string  `json:"display"`
	}
	type jsonIndicator struct {
		ID      string      `json:"id"`
		Label   string      `json:"label"`
		Aliases []string    `json:"aliases,omitempty"`
		Unit    string      `json:"unit"`
		Of      int         `json:"of,omitempty"`
		Better  string      `json:"better,omitempty"`
		Scope   string      `json:"scope,omitempty"`
		Source  string      `json:"source,omitempty"`
		Note    string      `json:"note,omitempty"`
		Series  []jsonPoint `json:"series"`
	}
	doc := struct {
		Title      string          `json:"title"`
		Indicators []jsonIndicator `json:"indicators"`
	}{Title: title, Indicators: []jsonIndicator{}}
	for _, ind := range b.data.Indicators {
		j := jsonIndicator{ID: ind.ID, Label: ind.Label, Aliases: ind.Aliases, Unit: ind.Unit, Of: ind.Of,
			Better: ind.Better, Scope: ind.Scope, Source: ind.Source, Note: ind.Note, Series: []jsonPoint{}}
		for _, pt := range ind.Series {
			display := indicator.Format(ind, pt.Value)
			_ = w.Write([]string{ind.ID, ind.Label, ind.Unit, pt.Period.String(), pt.Value.Raw(), display, ind.Scope, ind.Source})
			j.Series = append(j.Series, jsonPoint{Period: pt.Period.String(), Value: pt.Value.Number, Display: display})
		}
		doc.Indicators = append(doc.Indicators, j)
	}
	w.Flush()
	files.add(dataPath+"indicators.csv", csvBuf.Bytes())
	data, err := json.Marshal(doc)
	if err != nil {
		b.diags.Errorf(diag.Position{File: "data"}, "data-json", "%v", err)
		return
	}
	b.put(files, dataPath+"indicators.json", data)
}
