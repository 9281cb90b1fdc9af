package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"folio/internal/check"
	"folio/internal/diag"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
	"folio/internal/msg"
	"folio/internal/output"
	"folio/internal/version"
)

// memoName is the file in the cache folder that keeps a build's stage
// results for the next build (folio build; the dev server keeps them in
// memory).
const memoName = "memo"

// memoMagic begins a memo file; the number changes with its layout.
const memoMagic = "folio build memo 1\n"

func init() {
	// Diagnostics kept with a page's checks hold their message's
	// arguments as interface values.
	gob.Register(msg.Text{})
}

// convRecord is a page's conversion, and what its checks found, as a
// build keeps it for the next: the same as a convEntry, less the syntax
// tree and the Markdown (a build lets them go once the page is checked).
type convRecord struct {
	Rel                      string
	Src, World, Deps, Images string
	HTML, FirstPara          string
	ContentKey               string
	Headings                 []markdown.Heading
	IDs                      []string
	Minutes                  int
	URL                      string
	Links                    []mdenv.Link
	LinkPos                  []diag.Position
	EnvImages, Indicators    []string
	Linked                   []string
	Timeline                 bool
	Uncredited               []mdenv.ImageRef
	Check                    *check.PageRecord
	CheckOpts                string
}

// unitRecord is what one unit of output (a page, the search index, the
// feeds, the EPUB) was made from, and the stamps of the files it wrote
// in the output folder.
type unitRecord struct {
	Name  string
	Key   string
	Files map[string]output.Stamp
}

// memoTrailer ends a memo: what the whole build knew.
type memoTrailer struct {
	Out         string // the output folder the stamps are of
	GlobalKey   string
	GlobalDiags []diag.Diagnostic
	Units       []unitRecord
}

// memoMessage is one message of a memo's stream: a page's record, or the
// trailer, which comes last.
type memoMessage struct {
	Conv    *convRecord
	Trailer *memoTrailer
}

// memoIdentity names the folio that wrote a memo: its version, and the
// Go build ID of its executable, which differs between two development
// builds of one revision (and is read from the file's first pages, not
// by hashing the file).
var memoIdentity = sync.OnceValue(func() string {
	id := version.String()
	if exe, err := os.Executable(); err == nil {
		id += " " + buildID(exe)
	}
	return id
})

// buildID is the Go build ID of the executable at exe: from its ELF note,
// else from the marker the linker writes near the start of the text;
// failing both, the file's size and time.
func buildID(exe string) string {
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil && len(data) > 16 {
				return strings.TrimRight(string(data[16:]), "\x00")
			}
		}
	}
	if f, err := os.Open(exe); err == nil {
		defer f.Close()
		head := make([]byte, 64<<10)
		n, _ := io.ReadFull(f, head)
		const marker = "\xff Go build ID: \""
		if _, after, ok := bytes.Cut(head[:n], []byte(marker)); ok {
			if id, _, ok := bytes.Cut(after, []byte(`"`)); ok {
				return string(id)
			}
		}
	}
	if fi, err := os.Stat(exe); err == nil {
		return fmt.Sprintf("%d-%d", fi.Size(), fi.ModTime().UnixNano())
	}
	return ""
}

// memoWriter writes a memo as the build makes its records, into a
// temporary file renamed into place by finish: a build killed midway
// leaves the last memo whole, and a memo is never half written.
type memoWriter struct {
	mu   sync.Mutex
	f    *os.File
	buf  *bufio.Writer
	hash io.Writer // the digest of everything written after the header
	sum  func() []byte
	enc  *gob.Encoder
	err  error
	path string
}

// newMemoWriter starts the memo at path.
func newMemoWriter(path string) (*memoWriter, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(path), memoName+"-*.tmp")
	if err != nil {
		return nil, err
	}
	w := &memoWriter{f: f, buf: bufio.NewWriterSize(f, 1<<20), path: path}
	// The header is the magic, the folio that wrote it and the digest
	// of the rest; the digest is not known yet: its place is kept.
	fmt.Fprintf(w.buf, "%s%s\n%x\n", memoMagic, memoIdentity(), make([]byte, sha256.Size))
	h := sha256.New()
	w.hash, w.sum = h, func() []byte { return h.Sum(nil) }
	w.enc = gob.NewEncoder(io.MultiWriter(w.buf, h))
	return w, nil
}

// conv writes a page's record; it is safe for concurrent use.
func (w *memoWriter) conv(r *convRecord) {
	if w == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = w.enc.Encode(memoMessage{Conv: r})
	}
}

// finish writes the trailer, the digest, and puts the memo in place.
func (w *memoWriter) finish(t *memoTrailer) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = w.enc.Encode(memoMessage{Trailer: t})
	}
	if w.err == nil {
		w.err = w.buf.Flush()
	}
	if w.err == nil {
		// The digest goes into the place the header kept for it.
		at := int64(len(memoMagic) + len(memoIdentity()) + 1)
		_, w.err = w.f.WriteAt(fmt.Appendf(nil, "%x", w.sum()), at)
	}
	if w.err == nil {
		w.err = w.f.Sync()
	}
	if cerr := w.f.Close(); w.err == nil {
		w.err = cerr
	}
	if w.err == nil {
		w.err = os.Rename(w.f.Name(), w.path)
	}
	if w.err != nil {
		_ = os.Remove(w.f.Name())
	}
	return w.err
}

// abort removes the unfinished memo.
func (w *memoWriter) abort() {
	if w == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	_ = w.f.Close()
	_ = os.Remove(w.f.Name())
}

// loadedMemo is what the last build kept.
type loadedMemo struct {
	conv    map[string]*convRecord
	trailer *memoTrailer
}

// errMemoAbsent: there is no memo (a first build, or --no-cache).
var errMemoAbsent = errors.New("no memo")

// readMemo reads the memo at path and checks it whole before anything of
// it is used: the folio that wrote it must be this one, its digest must
// match, and it must end with its trailer. Unfinished memos of killed
// builds are removed.
func readMemo(path string) (*loadedMemo, error) {
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), memoName+"-*.tmp"))
	for _, p := range leftovers {
		_ = os.Remove(p)
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, errMemoAbsent
	}
	if err != nil {
		return nil, err
	}
	rest, ok := bytes.CutPrefix(data, []byte(memoMagic))
	if !ok {
		return nil, msg.Errorf("it is not a memo of this folio")
	}
	identity, rest, _ := bytes.Cut(rest, []byte("\n"))
	if string(identity) != memoIdentity() {
		return nil, msg.Errorf("it was written by another folio (%s)", strings.Fields(string(identity) + " ?")[0])
	}
	digest, body, _ := bytes.Cut(rest, []byte("\n"))
	if string(digest) != fmt.Sprintf("%x", sha256.Sum256(body)) {
		return nil, msg.Errorf("its checksum does not match: it was cut short or changed")
	}
	m := &loadedMemo{conv: map[string]*convRecord{}}
	dec := gob.NewDecoder(bytes.NewReader(body))
	for {
		var message memoMessage
		if err := dec.Decode(&message); err != nil {
			return nil, msg.Errorf("it cannot be read: %v", err)
		}
		if message.Trailer != nil {
			m.trailer = message.Trailer
			return m, nil
		}
		if r := message.Conv; r != nil {
			m.conv[r.Rel] = r
		}
	}
}

// loadMemo takes the stage results the last build kept. A memo that
// cannot be trusted is reported, removed and not used: the build starts
// afresh.
func (s *Session) loadMemo(diags *diag.List) {
	m, err := readMemo(s.memoPath)
	if errors.Is(err, errMemoAbsent) {
		return
	}
	if err != nil {
		diags.Warnf(diag.Position{File: displayPath(s.memoPath)}, "cache-ignored",
			"the memo of the last build is not used: %v; this build starts afresh and writes a new one", err)
		_ = os.Remove(s.memoPath)
		return
	}
	for rel, r := range m.conv {
		s.conv[rel] = r.entry()
	}
	for _, u := range m.trailer.Units {
		s.units[u.Name] = &unitEntry{key: u.Key, stamps: u.Files}
	}
	s.globalKey, s.globalDiags = m.trailer.GlobalKey, m.trailer.GlobalDiags
}

// startMemo begins this build's memo, when the session keeps one. A
// cache folder that cannot be written keeps none: the build goes on.
func (s *Session) startMemo() {
	s.memo, s.pendingConv, s.memoChanged = nil, nil, false
	if s.memoPath == "" || s.checkOnly {
		return
	}
	s.memo, _ = newMemoWriter(s.memoPath)
}

// keepConv adds a page's record to this build's memo: at once when the
// build has changed anything already, else held, to be written only if
// it does (a build that changes nothing keeps the last memo).
func (s *Session) keepConv(r *convRecord) {
	if s.memo == nil {
		return
	}
	s.memoMu.Lock()
	defer s.memoMu.Unlock()
	if s.memoChanged {
		s.memo.conv(r)
		return
	}
	s.pendingConv = append(s.pendingConv, r)
}

// changed notes that this build made something the last did not: its
// memo will differ, and the records held are written now (letting go of
// the HTML they hold).
func (s *Session) changed() {
	if s.memo == nil {
		return
	}
	s.memoMu.Lock()
	defer s.memoMu.Unlock()
	if s.memoChanged {
		return
	}
	s.memoChanged = true
	for _, r := range s.pendingConv {
		s.memo.conv(r)
	}
	s.pendingConv = nil
}

// finishMemo puts this build's memo in place of the last, with the stamps
// of the files sink holds, unless the build changed nothing.
func (s *Session) finishMemo(sink Sink) {
	w := s.memo
	s.memo = nil
	if w == nil {
		return
	}
	if !s.memoChanged {
		w.abort()
		s.pendingConv = nil
		return
	}
	t := &memoTrailer{GlobalKey: s.globalKey, GlobalDiags: s.globalDiags}
	if k, ok := sink.(Keeper); ok {
		t.Units = stampUnits(s.units, k)
	}
	_ = w.finish(t) // a memo not written costs the next build time, not correctness
}

// record is the page's conversion as a build keeps it, once its check is
// compacted.
func (e *convEntry) record(rel string, linkPos []diag.Position) *convRecord {
	rec, ok := e.check.Record()
	if !ok {
		return nil
	}
	r := &convRecord{
		Rel: rel, Src: e.src.key, World: e.world, Deps: e.deps, Images: e.images,
		HTML: e.res.HTML, ContentKey: e.contentKey(), FirstPara: e.res.FirstPara, Headings: e.res.Headings, Minutes: e.res.Minutes,
		URL: e.env.URL, Links: e.env.Links, LinkPos: linkPos, EnvImages: e.env.Images,
		Indicators: slices.Sorted(maps.Keys(e.env.Indicators)), Linked: slices.Sorted(maps.Keys(e.env.Linked)),
		Timeline: e.env.Timeline, Uncredited: e.env.Uncredited, Check: rec, CheckOpts: e.checkOpts,
	}
	r.IDs = slices.Sorted(maps.Keys(e.res.IDs))
	return r
}

// entry is the conversion r keeps: without its syntax tree, so it is used
// only while its checks stand (convert).
func (r *convRecord) entry() *convEntry {
	set := func(keys []string) map[string]bool {
		m := make(map[string]bool, len(keys))
		for _, k := range keys {
			m[k] = true
		}
		return m
	}
	return &convEntry{
		src: sourceKey{key: r.Src}, world: r.World, deps: r.Deps, images: r.Images, content: r.ContentKey,
		res: &markdown.Result{HTML: r.HTML, FirstPara: r.FirstPara, Headings: r.Headings, Minutes: r.Minutes, IDs: set(r.IDs)},
		env: &mdenv.Env{RelPath: r.Rel, URL: r.URL, Links: r.Links, Images: r.EnvImages, Indicators: set(r.Indicators),
			Linked: set(r.Linked), Timeline: r.Timeline, Uncredited: r.Uncredited},
		check: r.Check.Result(), checkOpts: r.CheckOpts, linkPos: r.LinkPos,
	}
}
