package output_test

import (
	"testing"

	"folio/internal/benchgen"
	"folio/internal/output"
)

// BenchmarkMinify100 minifies 100 generated chapters' pages (their HTML
// in a minimal page around it), the last step of rendering.
func BenchmarkMinify100(b *testing.B) {
	chapters, err := benchgen.Chapters(100, 1)
	if err != nil {
		b.Fatal(err)
	}
	var pages [][]byte
	for _, c := range chapters {
		pages = append(pages, []byte("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n  <title>"+c.Title+"</title>\n</head>\n<body>\n  <main>\n"+string(c.Result.HTML)+"\n  </main>\n</body>\n</html>\n"))
	}
	m := output.NewMinifier()
	for b.Loop() {
		for _, p := range pages {
			if _, err := m.Minify("x/index.html", p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
