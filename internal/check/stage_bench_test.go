package check_test

import (
	"testing"

	"folio/internal/benchgen"
	"folio/internal/check"
	"folio/internal/diag"
	"folio/internal/indicator"
)

// BenchmarkCheckPage100 is the per-page editorial rules alone on 100
// generated chapters (their syntax trees made beforehand).
func BenchmarkCheckPage100(b *testing.B) {
	chapters, err := benchgen.Chapters(100, 1)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, c := range chapters {
			check.CheckPage(&check.Page{Doc: c.Result.Doc, Source: c.Result.Source, Pos: c.Env.Pos}, check.Options{})
		}
	}
}

// BenchmarkFigures100 is the figure checks of the same chapters against
// the data, which a one-shot build runs as it compacts each page's result.
func BenchmarkFigures100(b *testing.B) {
	pages, data := checkedPages(b)
	terms := check.Terms(data)
	for b.Loop() {
		for _, p := range pages {
			check.PageFigures(p.Blocks, terms, &check.StatementContext{Year: 2021})
		}
	}
}

// BenchmarkGlobal100 is the publication-wide rules (near-duplicate
// paragraphs, conflicting figures) over the same chapters' checked pages.
func BenchmarkGlobal100(b *testing.B) {
	pages, data := checkedPages(b)
	for b.Loop() {
		check.Global(pages, data, nil, &diag.List{})
	}
}

// checkedPages are 100 generated chapters checked, with their data.
func checkedPages(b *testing.B) ([]*check.PageResult, *indicator.Set) {
	chapters, err := benchgen.Chapters(100, 1)
	if err != nil {
		b.Fatal(err)
	}
	var pages []*check.PageResult
	for _, c := range chapters {
		pages = append(pages, check.CheckPage(&check.Page{Doc: c.Result.Doc, Source: c.Result.Source, Pos: c.Env.Pos}, check.Options{}))
	}
	return pages, chapters[0].Env.Data
}
