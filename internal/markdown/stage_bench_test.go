package markdown_test

import (
	"testing"

	"folio/internal/benchgen"
	"folio/internal/diag"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
)

// BenchmarkConvert100 is the conversion stage alone: 100 generated
// chapters, Markdown to HTML with references, charts and pictures.
func BenchmarkConvert100(b *testing.B) {
	chapters, err := benchgen.Chapters(100, 1)
	if err != nil {
		b.Fatal(err)
	}
	conv := markdown.New(markdown.Options{})
	for b.Loop() {
		for _, c := range chapters {
			env := &mdenv.Env{RelPath: c.Env.RelPath, URL: c.Env.URL, Resolver: c.Env.Resolver, Data: c.Env.Data, Pos: c.Env.Pos, Diags: &diag.List{}}
			if _, err := conv.Convert(c.Body, env); err != nil {
				b.Fatal(err)
			}
		}
	}
}
