package edition

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha1"
	_ "embed"
	"fmt"
	"io"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// Book is what an EPUB holds.
type Book struct {
	Title, Language, Publisher, Description string
	Date                                    time.Time
	// Identity is hashed into the book's identifier, stable across builds
	// (the base URL, or the title).
	Identity string
	Sections []Section         // in reading order: title page, chapters, pages, appendix
	Images   map[string][]byte // by path relative to the book's root, e.g. images/a.jpg
	Cover    string            // one of Images, shown as the cover
}

// Section is one XHTML document of the book.
type Section struct {
	File  string // e.g. reform.xhtml
	Title string
	Body  string // XHTML
	SVG   bool   // holds inline SVG
}

//go:embed epub.css
var epubCSS []byte

// EPUB writes the book as EPUB 3 (with an NCX for older readers). Every
// timestamp is fixed, so the same book gives the same bytes.
func EPUB(b Book) ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	// The fastest deflate: the EPUB holds every chapter, and the default
	// level spent several times the time for a few percent of size.
	z.RegisterCompressor(zip.Deflate, newFastDeflater)
	add := func(name string, data []byte, store bool) error {
		// A fixed DOS date (2000-01-01) in the legacy fields: no extended
		// timestamp extra field, which the mimetype entry must not have.
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, ModifiedDate: 20<<9 | 1<<5 | 1}
		if store {
			h.Method = zip.Store
		}
		w, err := z.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	// mimetype first and stored, as the format requires.
	if err := add("mimetype", []byte("application/epub+zip"), true); err != nil {
		return nil, err
	}
	files := []struct {
		name string
		data []byte
	}{
		{"META-INF/container.xml", []byte(`<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
`)},
		{"OEBPS/content.opf", opf(b)},
		{"OEBPS/nav.xhtml", nav(b)},
		{"OEBPS/toc.ncx", ncx(b)},
		{"OEBPS/styles/epub.css", epubCSS},
	}
	for _, s := range b.Sections {
		files = append(files, struct {
			name string
			data []byte
		}{"OEBPS/text/" + s.File, document(b, s.Title, s.Body)})
	}
	for _, name := range slices.Sorted(maps.Keys(b.Images)) {
		files = append(files, struct {
			name string
			data []byte
		}{"OEBPS/" + name, b.Images[name]})
	}
	for _, f := range files {
		if err := add(f.name, f.data, false); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Identifier is a UUID derived from the book's identity: the same
// publication keeps its identifier from build to build.
func Identifier(identity string) string {
	sum := sha1.Sum([]byte("folio:" + identity))
	sum[6] = sum[6]&0x0f | 0x50 // version 5
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}

func esc(s string) string { return EscapeAttr(s) }

func lang(b Book) string {
	if b.Language == "" {
		return "zh-CN"
	}
	return b.Language
}

func opf(b Book) []byte {
	var w strings.Builder
	modified := b.Date
	if modified.IsZero() {
		modified = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	fmt.Fprintf(&w, `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="%s">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="bookid">%s</dc:identifier>
<dc:title>%s</dc:title>
<dc:language>%s</dc:language>
`, esc(lang(b)), Identifier(b.Identity), esc(b.Title), esc(lang(b)))
	if b.Publisher != "" {
		fmt.Fprintf(&w, "<dc:publisher>%s</dc:publisher>\n", esc(b.Publisher))
	}
	if b.Description != "" {
		fmt.Fprintf(&w, "<dc:description>%s</dc:description>\n", esc(b.Description))
	}
	if !b.Date.IsZero() {
		fmt.Fprintf(&w, "<dc:date>%s</dc:date>\n", b.Date.Format("2006-01-02"))
	}
	fmt.Fprintf(&w, "<meta property=\"dcterms:modified\">%s</meta>\n", modified.UTC().Format("2006-01-02T15:04:05Z"))
	if b.Cover != "" {
		w.WriteString(`<meta name="cover" content="cover-image"/>` + "\n")
	}
	w.WriteString("</metadata>\n<manifest>\n")
	w.WriteString(`<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>` + "\n")
	w.WriteString(`<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>` + "\n")
	w.WriteString(`<item id="css" href="styles/epub.css" media-type="text/css"/>` + "\n")
	for i, s := range b.Sections {
		props := ""
		if s.SVG {
			props = ` properties="svg"`
		}
		fmt.Fprintf(&w, "<item id=\"s%d\" href=\"text/%s\" media-type=\"application/xhtml+xml\"%s/>\n", i, esc(s.File), props)
	}
	for i, name := range slices.Sorted(maps.Keys(b.Images)) {
		id := fmt.Sprintf("img%d", i)
		props := ""
		if name == b.Cover {
			id, props = "cover-image", ` properties="cover-image"`
		}
		fmt.Fprintf(&w, "<item id=\"%s\" href=\"%s\" media-type=\"%s\"%s/>\n", id, esc(name), mediaType(name), props)
	}
	w.WriteString("</manifest>\n<spine toc=\"ncx\">\n")
	for i := range b.Sections {
		fmt.Fprintf(&w, "<itemref idref=\"s%d\"/>\n", i)
	}
	w.WriteString("</spine>\n</package>\n")
	return []byte(w.String())
}

func mediaType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".png":
		return "image/png"
	case ".svg":
		return "image/svg+xml"
	case ".gif":
		return "image/gif"
	}
	return "image/jpeg"
}

func nav(b Book) []byte {
	var w strings.Builder
	fmt.Fprintf(&w, `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="%[1]s" xml:lang="%[1]s">
<head><title>%[2]s</title></head>
<body><nav epub:type="toc" id="toc"><h1>目录</h1><ol>
`, esc(lang(b)), esc(b.Title))
	for _, s := range b.Sections {
		fmt.Fprintf(&w, "<li><a href=\"text/%s\">%s</a></li>\n", esc(s.File), esc(s.Title))
	}
	w.WriteString("</ol></nav></body></html>\n")
	return []byte(w.String())
}

func ncx(b Book) []byte {
	var w strings.Builder
	fmt.Fprintf(&w, `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="%s">
<head><meta name="dtb:uid" content="%s"/></head>
<docTitle><text>%s</text></docTitle>
<navMap>
`, esc(lang(b)), Identifier(b.Identity), esc(b.Title))
	for i, s := range b.Sections {
		fmt.Fprintf(&w, "<navPoint id=\"n%d\" playOrder=\"%d\"><navLabel><text>%s</text></navLabel><content src=\"text/%s\"/></navPoint>\n", i, i+1, esc(s.Title), esc(s.File))
	}
	w.WriteString("</navMap>\n</ncx>\n")
	return []byte(w.String())
}

func document(b Book, title, body string) []byte {
	return []byte(fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="%[1]s" xml:lang="%[1]s">
<head><meta charset="utf-8"/><title>%[2]s</title><link rel="stylesheet" type="text/css" href="../styles/epub.css"/></head>
<body>
%[3]s
</body>
</html>
`, esc(lang(b)), esc(title), body))
}

// deflaters keeps flate writers between files and books: each holds about
// a megabyte of state, and a book has a file per chapter (archive/zip pools
// its own writers the same way).
var deflaters sync.Pool

type pooledDeflater struct{ *flate.Writer }

func newFastDeflater(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := deflaters.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledDeflater{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	return pooledDeflater{fw}, err
}

func (d pooledDeflater) Close() error {
	err := d.Writer.Close()
	deflaters.Put(d.Writer)
	return err
}
