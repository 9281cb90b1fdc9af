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

// After an edit of one chapter, folio build copies the print page's other
// sections from the page it wrote last, and the page is the one a build
// from scratch writes; a section whose bytes changed in public/ since is
// made again, and a page added changes every section's links.
func TestBuildCopiesUnchangedPrintSections(t *testing.T) {
	d := newDiskBuild(t)
	d.build(nil, nil)
	if got := site.PrintReused(d.last); got != 0 {
		t.Errorf("the first build copied %d sections", got)
	}

	d.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
	d.build([]string{"chapters/02-b.md"}, []string{"b/index.html", "print/index.html"})
	if got := site.PrintReused(d.last); got != 2 {
		t.Errorf("copied %d sections after one chapter's edit, want the other 2", got)
	}
	d.sameAsFresh()

	// A byte of chapter a's section changed in public/ (its size kept).
	page := filepath.Join(d.out, "print", "index.html")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(string(data), "增长")
	if at < 0 {
		t.Fatalf("chapter a's text is not in the print page:\n%s", data)
	}
	data[at+1] ^= 0x01
	if err := os.WriteFile(page, data, 0o644); err != nil {
		t.Fatal(err)
	}
	d.edit("content/chapters/02-b.md", "乙的新正文。", "乙的正文。")
	d.build([]string{"chapters/02-b.md"}, nil)
	if got := site.PrintReused(d.last); got != 1 {
		t.Errorf("copied %d sections, want chapter c's alone", got)
	}
	d.sameAsFresh()

	// A chapter added: every section's links may point to it.
	d.edit("content/chapters/04-d.md", "", "---\ntitle: 丁篇\n---\n丁的正文。\n")
	d.build(nil, nil)
	if got := site.PrintReused(d.last); got != 0 {
		t.Errorf("copied %d sections after a chapter was added", got)
	}
	d.sameAsFresh()
	d.trustsItsMemo()
}

// After an edit of one chapter, folio build copies the EPUB's other
// sections, still compressed, from the book it wrote last, with the
// images they show, and the book is the one a build from scratch writes;
// a section whose bytes changed in the old book is made again.
func TestBuildCopiesUnchangedEPUBSections(t *testing.T) {
	d := newDiskBuild(t)
	d.edit("content/chapters/03-c.md", "见[乙篇](02-b.md)。", "见[乙篇](02-b.md)。\n\n![园区一角](../images/x.jpg)")
	if err := os.MkdirAll(filepath.Join(d.dir, "content", "images"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d.dir, "content", "images", "x.jpg"), phototest.JPEG(300, 200, phototest.Meta{}), 0o644); err != nil {
		t.Fatal(err)
	}
	d.build(nil, nil)

	d.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
	d.build([]string{"chapters/02-b.md"}, nil)
	if got := site.EPUBReused(d.last); got != 2 {
		t.Errorf("copied %d sections after one chapter's edit, want the other 2", got)
	}
	d.sameAsFresh()
	if files := epubFiles(t, readFile(t, filepath.Join(d.out, "publication.epub"))); !strings.Contains(files["OEBPS/content.opf"], "images/x.") {
		t.Errorf("the image of a copied section is not in the book:\n%s", files["OEBPS/content.opf"])
	}

	// A byte of chapter a's compressed section changed in the old book,
	// its directory left as it was.
	book := filepath.Join(d.out, "publication.epub")
	data := []byte(readFile(t, book))
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
	if got := site.EPUBReused(d.last); got != 1 {
		t.Errorf("copied %d sections, want chapter c's alone", got)
	}
	d.sameAsFresh()

	// A chapter added: every section's links may point to it.
	d.edit("content/chapters/04-d.md", "", "---\ntitle: 丁篇\n---\n丁的正文。\n")
	d.build(nil, nil)
	if got := site.EPUBReused(d.last); got != 0 {
		t.Errorf("copied %d sections after a chapter was added", got)
	}
	d.sameAsFresh()
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
