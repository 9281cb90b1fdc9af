package site

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"folio/internal/edition"
	"folio/internal/output"
	"folio/internal/render"

	"github.com/klauspost/compress/flate"
)

// After an edit of one chapter the EPUB's other sections come out the
// same, so the build notes how the book holds each section (memo-epub,
// beside the memo: its key, its checksum and sizes in the archive, the
// images it shows) and the next build copies a section whose key is
// unchanged from the book in the output folder, still compressed,
// instead of converting its HTML again. A section is copied only when
// the old book's entry has the checksum and sizes noted for that key,
// and, unless the book is the very file the last build wrote (its
// stamp), inflates to them: a memo of another book, or a book changed
// since, costs time, never a different book.
const (
	epubMemoName  = "memo-epub"
	epubMemoMagic = "folio epub sections 1\n"
)

// epubRecord is a section as the last book holds it.
type epubRecord struct {
	edition.Written
	Images []string // site paths of the images it shows
}

// epubLinksKey names every page's address: links between chapters are
// rewritten to the book's files.
func epubLinksKey(pages []*render.Page) string {
	var k keyWriter
	for _, p := range pages {
		k.str(p.Path)
	}
	return k.sum()
}

// epubSectionKey names what a chapter's section is made from: the
// addresses of every page, its own, its heading and its content. ""
// (always made) for a page without a content key.
func epubSectionKey(links string, p *render.Page) string {
	if p.ContentKey == "" {
		return ""
	}
	var k keyWriter
	k.str(links)
	k.str(p.Path)
	k.str(p.Label)
	k.str(p.Title)
	k.str(p.Subtitle)
	k.str(p.ContentKey)
	return k.hex()
}

// epubReuse is the last build's book, open for reading, and how it holds
// its sections.
type epubReuse struct {
	book    *zip.ReadCloser
	files   map[string]*zip.File // by name in the archive
	records map[string]epubRecord
	// asWritten: the book is the one the last build wrote, unchanged.
	asWritten bool
}

// openEPUBReuse opens the book name in the output folder and the memo of
// its sections; nil when either is missing or unreadable, or the build
// keeps no memo.
func (b *builder) openEPUBReuse(name string) *epubReuse {
	memo := b.epubMemoPath()
	if memo == "" {
		return nil
	}
	body, err := readSealed(memo, epubMemoMagic)
	if err != nil {
		return nil
	}
	records, ok := decodeEPUBRecords(body)
	if !ok {
		return nil
	}
	path := b.outPath(name)
	book, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	r := &epubReuse{book: book, files: make(map[string]*zip.File, len(book.File)), records: records}
	// The book the last build wrote, untouched since (its stamp): its
	// entries are as written. Else each is inflated and checked.
	s := b.session
	s.unitsMu.Lock()
	last := s.units[name]
	s.unitsMu.Unlock()
	if st, ok := output.StampOf(path); ok && last != nil && last.stamps != nil && last.stamps[name] == st {
		r.asWritten = true
	}
	for _, f := range book.File {
		r.files[f.Name] = f
	}
	return r
}

// section returns the compressed bytes of the section file made from
// key, as the last book holds them, and the images it shows. It is safe
// for concurrent use.
func (r *epubReuse) section(file, key string) ([]byte, edition.Written, []string, bool) {
	if r == nil {
		return nil, edition.Written{}, nil, false
	}
	rec, ok := r.records[file]
	f := r.files["OEBPS/text/"+file]
	if !ok || rec.Key != key || f == nil || f.Method != zip.Deflate || f.CRC32 != rec.CRC32 ||
		f.CompressedSize64 != rec.Compressed || f.UncompressedSize64 != rec.Size {
		return nil, edition.Written{}, nil, false
	}
	raw, err := f.OpenRaw()
	if err != nil {
		return nil, edition.Written{}, nil, false
	}
	data, err := io.ReadAll(raw)
	if err != nil || uint64(len(data)) != rec.Compressed || !r.asWritten && !inflatesTo(data, rec.Size, rec.CRC32) {
		return nil, edition.Written{}, nil, false
	}
	return data, rec.Written, rec.Images, true
}

// inflatesTo reports whether data inflates to size bytes of checksum crc:
// the archive's directory may be intact over a changed entry.
func inflatesTo(data []byte, size uint64, crc uint32) bool {
	fr := flate.NewReader(bytes.NewReader(data))
	defer fr.Close()
	sum := crc32.NewIEEE()
	n, err := io.Copy(sum, fr)
	return err == nil && uint64(n) == size && sum.Sum32() == crc
}

func (r *epubReuse) close() {
	if r != nil {
		_ = r.book.Close()
	}
}

// epubMemoPath is where the memo of the book's sections is kept; "" for
// a build that keeps no memo or writes no output folder.
func (b *builder) epubMemoPath() string {
	if b.session.memoPath == "" || b.opts.Out == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(b.session.memoPath), epubMemoName)
}

// keepEPUBRecords writes the memo of the book just written. Not written,
// the next build makes every section.
func (b *builder) keepEPUBRecords(records []epubRecord) {
	if path := b.epubMemoPath(); path != "" {
		_ = writeSealed(path, epubMemoMagic, encodeEPUBRecords(records))
	}
}

// A record is a line of tab-separated fields: file, key, svg (0 or 1),
// checksum, compressed size, size, then the images' site paths. Neither
// a file name nor a site path holds a tab or a line break.
func encodeEPUBRecords(records []epubRecord) []byte {
	var out bytes.Buffer
	for _, r := range records {
		svg := "0"
		if r.SVG {
			svg = "1"
		}
		fields := []string{r.File, r.Key, svg, strconv.FormatUint(uint64(r.CRC32), 10),
			strconv.FormatUint(r.Compressed, 10), strconv.FormatUint(r.Size, 10)}
		out.WriteString(strings.Join(append(fields, r.Images...), "\t"))
		out.WriteByte('\n')
	}
	return out.Bytes()
}

func decodeEPUBRecords(body []byte) (map[string]epubRecord, bool) {
	records := map[string]epubRecord{}
	for line := range strings.Lines(string(body)) {
		fields := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		if len(fields) < 6 || fields[0] == "" || (fields[2] != "0" && fields[2] != "1") {
			return nil, false
		}
		crc, err1 := strconv.ParseUint(fields[3], 10, 32)
		compressed, err2 := strconv.ParseUint(fields[4], 10, 64)
		size, err3 := strconv.ParseUint(fields[5], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, false
		}
		records[fields[0]] = epubRecord{
			Written: edition.Written{File: fields[0], Key: fields[1], SVG: fields[2] == "1", CRC32: uint32(crc), Compressed: compressed, Size: size},
			Images:  fields[6:],
		}
	}
	return records, true
}
