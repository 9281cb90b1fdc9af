package site_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/internal/imageproc/phototest"
	"folio/internal/site"
)

// After an edit of one chapter, folio build copies the print page's and
// the EPUB's other sections from the page and the book it wrote last
// (the EPUB's still compressed, with the images they show), and both are
// what a build from scratch writes; a section whose bytes changed in
// public/ since is made again, and a chapter added changes every
// section's links.
func TestBuildCopiesUnchangedEditionSections(t *testing.T) {
	d := newDiskBuild(t)
	d.edit("content/chapters/03-c.md", "见[乙篇](02-b.md)。", "见[乙篇](02-b.md)。\n\n![园区一角](../images/x.jpg)")
	if err := os.MkdirAll(filepath.Join(d.dir, "content", "images"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d.dir, "content", "images", "x.jpg"), phototest.JPEG(300, 200, phototest.Meta{}), 0o644); err != nil {
		t.Fatal(err)
	}
	d.build(nil, nil)
	copied := func(want int, after string) {
		t.Helper()
		if got := site.PrintReused(d.last); got != want {
			t.Errorf("the print page copied %d sections %s, want %d", got, after, want)
		}
		if got := site.EPUBReused(d.last); got != want {
			t.Errorf("the EPUB copied %d sections %s, want %d", got, after, want)
		}
		d.sameAsFresh()
	}
	copied(0, "in the first build")

	d.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
	d.build([]string{"chapters/02-b.md"}, []string{"b/index.html", "print/index.html"})
	copied(2, "after one chapter's edit")
	book := filepath.Join(d.out, "publication.epub")
	if files := epubFiles(t, readFile(t, book)); !strings.Contains(files["OEBPS/content.opf"], "images/x.") {
		t.Errorf("the image of a copied section is not in the book:\n%s", files["OEBPS/content.opf"])
	}

	// A byte of chapter a's section changed in the print page (its size
	// kept), and in the book's compressed section (its directory kept).
	page := filepath.Join(d.out, "print", "index.html")
	data := []byte(readFile(t, page))
	at := strings.Index(string(data), "增长")
	if at < 0 {
		t.Fatalf("chapter a's text is not in the print page:\n%s", data)
	}
	data[at+1] ^= 0x01
	if err := os.WriteFile(page, data, 0o644); err != nil {
		t.Fatal(err)
	}
	data = []byte(readFile(t, book))
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == "OEBPS/text/a.xhtml" {
			at, err := f.DataOffset()
			if err != nil {
				t.Fatal(err)
			}
			data[at+int64(f.CompressedSize64/2)] ^= 0x55
		}
	}
	if err := os.WriteFile(book, data, 0o644); err != nil {
		t.Fatal(err)
	}
	d.edit("content/chapters/02-b.md", "乙的新正文。", "乙的正文。")
	d.build([]string{"chapters/02-b.md"}, nil)
	copied(1, "with chapter a's changed (chapter c's alone)")

	d.edit("content/chapters/04-d.md", "", "---\ntitle: 丁篇\n---\n丁的正文。\n")
	d.build(nil, nil)
	copied(0, "after a chapter was added")
	d.trustsItsMemo()
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
