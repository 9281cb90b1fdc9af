package edition_test

import (
	"testing"

	"folio/internal/benchgen"
	"folio/internal/edition"
)

// BenchmarkXHTML100 turns 100 generated chapters' HTML into the EPUB's
// XHTML, the largest part of the EPUB's cost.
func BenchmarkXHTML100(b *testing.B) {
	chapters, err := benchgen.Chapters(100, 1)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, c := range chapters {
			if _, err := edition.XHTML(string(c.Result.HTML), nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}
