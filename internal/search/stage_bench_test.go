package search_test

import (
	"testing"

	"folio/internal/benchgen"
	"folio/internal/search"
)

// BenchmarkSections100 splits 100 generated chapters' HTML into search
// documents and counts their tokens (the per-page part of the index).
func BenchmarkSections100(b *testing.B) {
	chapters, err := benchgen.Chapters(100, 1)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, c := range chapters {
			for _, d := range search.Sections(c.Title, c.URL, c.Result.HTML) {
				search.Count(d)
			}
		}
	}
}
