package edition

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

func TestXHTML(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<p>一<br>二</p>`, `<p>一<br/>二</p>`},
		{`<img src="a.jpg" alt="图" loading="lazy">`, `<img src="a.jpg" alt="图"/>`},
		{`<picture><source type="image/webp" srcset="a.webp 1w"><img src="a.jpg" alt=""></picture>`, `<img src="a.jpg" alt=""/>`},
		{`<svg viewBox="0 0 1 1" xmlns="http://www.w3.org/2000/svg"><title>t</title><path d="M0 0"/></svg>`, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 1 1"><title>t</title><path d="M0 0"/></svg>`},
		{`<sup id="fnref:1"><a href="#fn:1">1</a></sup>`, `<sup id="fnref-1"><a href="#fn:1">1</a></sup>`},
		{`<p>a &amp; b &lt; c</p><!-- note -->`, `<p>a &amp; b &lt; c</p>`},
		{`<input checked="" disabled="" type="checkbox">`, `<input checked="" disabled="" type="checkbox"/>`},
		{"<p>第一行\v第二行\f</p>", `<p>第一行第二行</p>`},
		{`<p>甲<o:p></o:p>乙</p><button @click="x">按</button>`, `<p>甲乙</p><button>按</button>`},
		{`<details class="chart-data"><summary>数据表</summary><table></table></details>`, `<details class="chart-data" open="open"><summary>数据表</summary><table></table></details>`},
		{`<details open><summary>表</summary></details>`, `<details open=""><summary>表</summary></details>`},
		{`<svg viewBox="0 0 1 1"><use xlink:href="#a"/></svg>`, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 1 1"><use xlink:href="#a"/></svg>`},
	} {
		got, err := XHTML(tc.in, func(el, attr, val string) (string, bool) { return val, attr != "loading" })
		if err != nil || got != tc.want {
			t.Errorf("XHTML(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func book() Book {
	return Book{
		Title: "书", Language: "zh-CN", Publisher: "出版者", Date: time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC), Identity: "https://example.org/",
		Sections: []Section{{File: "title.xhtml", Title: "书", Body: "<h1>书</h1>"}, {File: "a.xhtml", Title: "甲篇", Body: "<p>甲</p>"}},
		Images:   map[string][]byte{"images/c.jpg": []byte("jpeg")},
		Cover:    "images/c.jpg",
	}
}

func TestEPUBLayout(t *testing.T) {
	data, err := EPUB(book())
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	first := z.File[0]
	if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 {
		t.Errorf("first entry %s, method %d, extra %d bytes: want mimetype, stored, no extra field", first.Name, first.Method, len(first.Extra))
	}
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	// The package document last: it lists what the sections, written as
	// they are made, turned out to hold.
	want := "mimetype META-INF/container.xml OEBPS/styles/epub.css OEBPS/text/title.xhtml OEBPS/text/a.xhtml OEBPS/images/c.jpg OEBPS/content.opf OEBPS/nav.xhtml OEBPS/toc.ncx"
	if strings.Join(names, " ") != want {
		t.Errorf("entries %v", names)
	}
	opf := read(t, z, "OEBPS/content.opf")
	for _, s := range []string{`<dc:language>zh-CN</dc:language>`, `<dc:publisher>出版者</dc:publisher>`, `<dc:date>2021-07-01</dc:date>`, `properties="cover-image"`, `<meta property="dcterms:modified">2021-07-01T00:00:00Z</meta>`, Identifier("https://example.org/")} {
		if !strings.Contains(opf, s) {
			t.Errorf("content.opf lacks %s", s)
		}
	}
	again, _ := EPUB(book())
	if !bytes.Equal(data, again) {
		t.Error("two EPUBs of the same book differ")
	}
	if Identifier("a") == Identifier("b") || !strings.HasPrefix(Identifier("a"), "urn:uuid:") {
		t.Error("identifiers are not distinct UUIDs")
	}
}

// openEPUB makes the book's EPUB and opens it as an archive.
func openEPUB(t *testing.T, b Book) *zip.Reader {
	t.Helper()
	data, err := EPUB(b)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return z
}

func read(t *testing.T, z *zip.Reader, name string) string {
	f, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(f)
	return string(data)
}

func TestPrefix(t *testing.T) {
	in := `<h2 id="一节">一节</h2><a href="#fn:1">1</a><a href="../b/#二">b</a><svg aria-labelledby="c-title" aria-describedby="c-desc"></svg>`
	got := Prefix(in, "s-a--", func(h string) string { return "X" + h })
	want := `<h2 id="s-a--一节">一节</h2><a href="#s-a--fn:1">1</a><a href="X../b/#二">b</a><svg aria-labelledby="s-a--c-title" aria-describedby="s-a--c-desc"></svg>`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A section made as the book is written reads as one given whole, with its
// SVG flag in the package document; a Chinese file name is marked as UTF-8
// in the archive.
func TestEPUBSectionsMadeAsWritten(t *testing.T) {
	b := book()
	made := 0
	b.Sections = append(b.Sections, Section{File: "改革.xhtml", Title: "改革篇", Make: func(w *bytes.Buffer) bool {
		made++
		w.WriteString(`<section><h1>改革篇</h1><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg></section>`)
		return true
	}})
	data, err := EPUB(b)
	if err != nil {
		t.Fatal(err)
	}
	if made != 1 {
		t.Errorf("Make called %d times", made)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var found *zip.File
	for _, f := range z.File {
		if f.Name == "OEBPS/text/改革.xhtml" {
			found = f
		}
	}
	if found == nil || found.Flags&0x800 == 0 {
		t.Fatalf("no entry OEBPS/text/改革.xhtml marked UTF-8: %+v", found)
	}
	if doc := read(t, z, "OEBPS/text/改革.xhtml"); !strings.Contains(doc, "<h1>改革篇</h1>") {
		t.Errorf("made section reads %s", doc)
	}
	if opf := read(t, z, "OEBPS/content.opf"); !strings.Contains(opf, `href="text/改革.xhtml" media-type="application/xhtml+xml" properties="svg"`) {
		t.Errorf("content.opf does not mark the made section's SVG:\n%s", opf)
	}
}

// Sections are made a window at a time: past the first window they are
// still written in reading order, each with its own text.
func TestEPUBManySectionsInOrder(t *testing.T) {
	b := book()
	var want []string
	for i := range 150 {
		name := fmt.Sprintf("s%03d.xhtml", i)
		want = append(want, "OEBPS/text/"+name)
		b.Sections = append(b.Sections, Section{File: name, Title: fmt.Sprint("第", i, "篇"), Make: func(w *bytes.Buffer) bool {
			fmt.Fprintf(w, "<p>正文%d</p>", i)
			return false
		}})
	}
	z := openEPUB(t, b)
	var got []string
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "OEBPS/text/s") {
			got = append(got, f.Name)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("sections written as %v", got)
	}
	for i := range 150 {
		if doc := read(t, z, want[i]); !strings.Contains(doc, fmt.Sprintf("<p>正文%d</p>", i)) {
			t.Errorf("%s reads %s", want[i], doc)
		}
	}
}

// Every file of the book reads back, through the standard library's zip
// reader, as it was given: the text deflated, an image in a compressed
// format stored as it is, an SVG image deflated.
func TestEPUBEntriesReadBack(t *testing.T) {
	b := book()
	long := strings.Repeat("<p>高新区的第一百个年头，园区企业二〇二一年营业收入增长百分之十二。</p>", 200)
	b.Sections = append(b.Sections, Section{File: "long.xhtml", Title: "长篇", Body: long})
	photo := bytes.Repeat([]byte{0xFF, 0xD8, 1, 2, 3}, 500)
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg">` + strings.Repeat(`<rect width="1" height="1"/>`, 100) + `</svg>`)
	b.Images = map[string][]byte{"images/c.jpg": photo, "images/d.webp": photo, "images/e.svg": svg}
	z := openEPUB(t, b)
	methods := map[string]uint16{}
	for _, f := range z.File {
		methods[f.Name] = f.Method
		if f.Name == "OEBPS/text/long.xhtml" && f.CompressedSize64*4 > f.UncompressedSize64 {
			t.Errorf("the long chapter compressed to %d of %d bytes: want under a quarter", f.CompressedSize64, f.UncompressedSize64)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if _, err := io.ReadAll(r); err != nil { // checks the CRC too
			t.Errorf("%s does not read back: %v", f.Name, err)
		}
	}
	for name, want := range map[string]uint16{"OEBPS/text/long.xhtml": zip.Deflate, "OEBPS/images/c.jpg": zip.Store, "OEBPS/images/d.webp": zip.Store, "OEBPS/images/e.svg": zip.Deflate} {
		if methods[name] != want {
			t.Errorf("%s: method %d, want %d", name, methods[name], want)
		}
	}
	if doc := read(t, z, "OEBPS/text/long.xhtml"); !strings.Contains(doc, long) {
		t.Error("the long chapter does not read back whole")
	}
	if got := read(t, z, "OEBPS/images/c.jpg"); got != string(photo) {
		t.Error("the photo does not read back as it was")
	}
	if got := read(t, z, "OEBPS/images/e.svg"); got != string(svg) {
		t.Error("the SVG does not read back as it was")
	}
}
