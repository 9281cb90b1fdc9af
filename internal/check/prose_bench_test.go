package check_test

import (
	"testing"

	"folio/internal/benchgen"
	"folio/internal/check"
	"folio/internal/diag"
)

// BenchmarkProseRules100 is the prose rules alone (stray Latin, unfinished
// paragraphs, punctuation width, spacing) on the blocks of 100 generated
// chapters: the part of CheckPage they cost.
func BenchmarkProseRules100(b *testing.B) {
	chapters, err := benchgen.Chapters(100, 1)
	if err != nil {
		b.Fatal(err)
	}
	var blocks []*check.Block
	for _, c := range chapters {
		blocks = append(blocks, check.Blocks(&check.Page{Doc: c.Result.Doc, Source: c.Result.Source, Pos: c.Env.Pos})...)
	}
	for b.Loop() {
		var diags diag.List
		for _, bl := range blocks {
			check.StrayLatin(bl, nil, &diags)
			check.UnfinishedParagraph(bl, &diags)
			check.PunctuationWidth(bl, &diags)
			check.CJKSpacing(bl, "none", &diags)
		}
	}
}
