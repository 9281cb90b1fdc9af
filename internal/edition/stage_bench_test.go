package edition_test

import (
	"fmt"
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

// BenchmarkEPUB100 writes the EPUB of the same chapters, their XHTML made
// beforehand: the documents wrapped, compressed (several at once) and
// laid out in the archive.
func BenchmarkEPUB100(b *testing.B) {
	chapters, err := benchgen.Chapters(100, 1)
	if err != nil {
		b.Fatal(err)
	}
	book := edition.Book{Title: "基准", Identity: "bench"}
	for i, c := range chapters {
		body, err := edition.XHTML(string(c.Result.HTML), nil)
		if err != nil {
			b.Fatal(err)
		}
		book.Sections = append(book.Sections, edition.Section{File: fmt.Sprintf("c%d.xhtml", i), Title: fmt.Sprint("第", i+1, "篇"), Body: body})
	}
	for b.Loop() {
		if _, err := edition.EPUB(book); err != nil {
			b.Fatal(err)
		}
	}
}
