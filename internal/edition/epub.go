package edition

import (
	"archive/zip"
	"bytes"
	"crypto/sha1"
	_ "embed"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"folio/internal/par"

	"github.com/klauspost/compress/flate"
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
	// Reuse, when set, offers a section of an earlier book as that
	// book's archive holds it, compressed: a section whose Key it
	// matches is copied instead of made. It is called from several
	// goroutines at once.
	Reuse func(file, key string) (compressed []byte, rec Written, ok bool)
	// Wrote, when set, is told of each section with a Key as it is
	// written, made or copied, from one goroutine.
	Wrote func(Written)
}

// Written is a section as the book's archive holds it.
type Written struct {
	File, Key string
	SVG       bool
	CRC32     uint32
	// Compressed and Size are its sizes in the archive and as XHTML.
	Compressed, Size uint64
}

// Section is one XHTML document of the book.
type Section struct {
	File  string // e.g. reform.xhtml
	Title string
	Body  string // XHTML
	SVG   bool   // holds inline SVG
	// Make, when set, writes the body into w as the book is written,
	// several sections at once, and reports whether it holds SVG: the
	// book then holds its documents compressed only (a 10,000-chapter
	// book held every chapter's XHTML three times over), and each is
	// written once, into a buffer reused for the next.
	Make func(w *bytes.Buffer) (svg bool)
	// Key names what the section is made from; "" for none (it is
	// always made).
	Key string
	// Nested lists the section in the table of contents under the last
	// section before it that is not nested: a chapter under its part
	// (the installment of a series it is in).
	Nested bool
}

//go:embed epub.css
var epubCSS []byte

// EPUB returns the book as WriteEPUB writes it.
func EPUB(b Book) ([]byte, error) {
	var buf bytes.Buffer
	err := WriteEPUB(&buf, b)
	return buf.Bytes(), err
}

// WriteEPUB writes the book to w as EPUB 3 (with an NCX for older
// readers). Every timestamp is fixed, so the same book gives the same
// bytes.
//
// The sections are made and compressed several at once and written in
// order as they are done, so the book never holds more than a window of
// them (a 10,000-chapter book held every chapter's XHTML three times
// over, then every chapter compressed and the whole archive). The package
// document, which lists the sections that hold SVG and the images they
// show, comes after them: only the mimetype must come first.
func WriteEPUB(w io.Writer, b Book) error {
	b.Sections = slices.Clone(b.Sections) // Make's SVG flags are set in this copy
	z := zip.NewWriter(w)
	// mimetype first and stored, as the format requires. A fixed DOS date
	// (2000-01-01) in the legacy fields of every entry: no extended
	// timestamp extra field, which the mimetype entry must not have.
	fw, err := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store, ModifiedDate: fixedDate})
	if err == nil {
		_, err = fw.Write([]byte("application/epub+zip"))
	}
	write := func(entries ...entry) {
		for _, e := range entries {
			if err != nil {
				return
			}
			if fw, err = z.CreateRaw(&e.header); err == nil {
				_, err = fw.Write(e.data)
			}
		}
	}
	write(deflated("META-INF/container.xml", []byte(`<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
`)), deflated("OEBPS/styles/epub.css", epubCSS))
	const window = 64 // sections made at once, before they are written
	texts := make([]entry, window)
	for start := 0; start < len(b.Sections) && err == nil; start += window {
		n := min(window, len(b.Sections)-start)
		par.Do(n, func(k int) {
			s := &b.Sections[start+k]
			if s.Key != "" && b.Reuse != nil {
				if data, rec, ok := b.Reuse(s.File, s.Key); ok {
					s.SVG = rec.SVG
					texts[k] = entry{header: headerOf("OEBPS/text/"+s.File, zip.Deflate, rec.CRC32, uint64(len(data)), rec.Size), data: data}
					return
				}
			}
			doc := documents.Get().(*bytes.Buffer)
			doc.Reset()
			s.SVG = writeDocument(doc, b, s) || s.SVG
			texts[k] = deflated("OEBPS/text/"+s.File, doc.Bytes())
			documents.Put(doc)
			s.Body = ""
		})
		if b.Wrote != nil {
			for k := range n {
				if s := &b.Sections[start+k]; s.Key != "" {
					h := &texts[k].header
					b.Wrote(Written{File: s.File, Key: s.Key, SVG: s.SVG, CRC32: h.CRC32, Compressed: h.CompressedSize64, Size: h.UncompressedSize64})
				}
			}
		}
		write(texts[:n]...)
		clear(texts)
	}
	images := slices.Sorted(maps.Keys(b.Images))
	imageEntries := make([]entry, len(images))
	par.Do(len(images), func(i int) { imageEntries[i] = imageEntry("OEBPS/"+images[i], b.Images[images[i]]) })
	write(imageEntries...)
	write(deflated("OEBPS/content.opf", opf(b)), deflated("OEBPS/nav.xhtml", nav(b)), deflated("OEBPS/toc.ncx", ncx(b)))
	if err != nil {
		return err
	}
	return z.Close()
}

// fixedDate is 2000-01-01 as a DOS date.
const fixedDate = 20<<9 | 1<<5 | 1

// entry is a file of the book, compressed.
type entry struct {
	header zip.FileHeader
	data   []byte
}

// deflateLevel is the compression of the book's files. The EPUB holds
// every chapter, and the default level spent several times the time for a
// few percent of size. klauspost/compress's level 2 made 2,000 generated
// chapters' documents 0.3% smaller than the standard library's fastest
// level, in 0.4 of its time (3 runs each).
const deflateLevel = 2

// deflaters keeps flate writers between files and books: each holds its
// tables and window, and a book has a file per chapter (archive/zip pools
// its own writers the same way).
var deflaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, deflateLevel) // the level is valid
	return fw
}}

// deflated compresses a file of the book.
func deflated(name string, data []byte) entry {
	var out bytes.Buffer
	out.Grow(len(data)/2 + 64)
	fw := deflaters.Get().(*flate.Writer)
	fw.Reset(&out)
	_, _ = fw.Write(data) // writing to memory cannot fail
	_ = fw.Close()
	deflaters.Put(fw)
	return entryOf(name, zip.Deflate, data, out.Bytes())
}

// imageEntry stores an image of the book as it is, its format compressed
// already (JPEG, PNG, GIF): deflating it again costs time and saves
// nothing. SVG, which is text, is deflated.
func imageEntry(name string, data []byte) entry {
	if mediaType(name) == "image/svg+xml" {
		return deflated(name, data)
	}
	return entryOf(name, zip.Store, data, data)
}

// entryOf is the entry of a file of the book, data as the archive holds
// it (stored, compressed by method).
func entryOf(name string, method uint16, data, stored []byte) entry {
	return entry{header: headerOf(name, method, crc32.ChecksumIEEE(data), uint64(len(stored)), uint64(len(data))), data: stored}
}

// headerOf is the header of a file of the book.
func headerOf(name string, method uint16, crc uint32, stored, size uint64) zip.FileHeader {
	h := zip.FileHeader{
		Name: name, Method: method, ModifiedDate: fixedDate,
		// What CreateHeader would set: version 2.0, and the flag of names
		// in UTF-8 (a slug may be Chinese).
		CreatorVersion: 20, ReaderVersion: 20,
		CRC32: crc, CompressedSize64: stored, UncompressedSize64: size,
	}
	if !isASCII(name) {
		h.Flags |= 0x800
	}
	return h
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
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
	for i, s := range b.Sections {
		fmt.Fprintf(&w, "<li><a href=\"text/%s\">%s</a>", esc(s.File), esc(s.Title))
		switch nextNested := i+1 < len(b.Sections) && b.Sections[i+1].Nested; {
		case !s.Nested && nextNested:
			w.WriteString("<ol>\n")
		case s.Nested && !nextNested:
			w.WriteString("</li></ol></li>\n")
		default:
			w.WriteString("</li>\n")
		}
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
		fmt.Fprintf(&w, "<navPoint id=\"n%d\" playOrder=\"%d\"><navLabel><text>%s</text></navLabel><content src=\"text/%s\"/>", i, i+1, esc(s.Title), esc(s.File))
		switch nextNested := i+1 < len(b.Sections) && b.Sections[i+1].Nested; {
		case !s.Nested && nextNested:
			w.WriteString("\n") // its parts follow, inside it
		case s.Nested && !nextNested:
			w.WriteString("</navPoint></navPoint>\n")
		default:
			w.WriteString("</navPoint>\n")
		}
	}
	w.WriteString("</navMap>\n</ncx>\n")
	return []byte(w.String())
}

// documents hold the book's documents as they are written, before they
// are compressed.
var documents = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeDocument writes section s of the book as an XHTML document to w,
// its body made by s.Make when it has one, and reports whether Make
// found SVG in it.
func writeDocument(w *bytes.Buffer, b Book, s *Section) (svg bool) {
	lang, title := esc(lang(b)), esc(s.Title)
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="`)
	w.WriteString(lang)
	w.WriteString(`" xml:lang="`)
	w.WriteString(lang)
	w.WriteString(`">
<head><meta charset="utf-8"/><title>`)
	w.WriteString(title)
	w.WriteString(`</title><link rel="stylesheet" type="text/css" href="../styles/epub.css"/></head>
<body>
`)
	if s.Make != nil {
		svg = s.Make(w)
	} else {
		w.WriteString(s.Body)
	}
	w.WriteString(`
</body>
</html>
`)
	return svg
}
