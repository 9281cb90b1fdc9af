package site

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"debug/elf"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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

// A build's memo is what folio build keeps in the cache folder for the
// next process: an index (memoName), read whole and checked whole on
// every build, and bulk files (bulkPrefix…) that only grow, holding each
// page's HTML and what the publication-wide checks compare, read only
// when a build needs them and checked piece by piece. A build that
// changes one chapter appends that chapter's bulk and writes a new index;
// one that changes nothing writes nothing.
const (
	memoName   = "memo"
	bulkPrefix = "memo-bulk-"
	// memoMagic begins the index; the number changes with its layout.
	memoMagic = "folio build memo 2\n"
)

func init() {
	// Diagnostics kept with a page's checks, and those of a whole build,
	// hold their message's arguments as interface values: a message
	// (msg.Text), or the position of what a conflicting figure
	// contradicts (diag.Position), whose memo was not written before.
	gob.Register(msg.Text{})
	gob.Register(diag.Position{})
}

// convRecord is a page's conversion, and what its checks found, as the
// index keeps it: a convEntry less its syntax tree and Markdown, with
// its HTML and its paragraphs and figures in a bulk file.
type convRecord struct {
	Rel                      string
	Src, World, Deps, Images string
	ContentKey, FirstPara    string
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
	CheckDiags               []diag.Diagnostic
	FigKey                   string
	Context                  check.StatementContext
	CheckOpts                string
	Bulk                     bulkRef
}

// bulkRef places a page's bulk in a bulk file, with its digest.
type bulkRef struct {
	File     string
	Off, Len int64
	Sum      [sha256.Size]byte
}

// pageBulk is what a bulk file holds of a page.
type pageBulk struct {
	HTML    string
	Paras   []check.ParaRecord
	Figures *check.FigureResult
}

// unitRecord is what one unit of output (a page, the search index, the
// feeds, the EPUB) was made from, and the stamps of the files it wrote
// in the output folder.
type unitRecord struct {
	Name  string
	Key   string
	Files map[string]output.Stamp
}

// memoIndex is the index: what the whole build knew.
type memoIndex struct {
	Conv []*convRecord
	memoTrailer
}

// memoTrailer ends the index: what the build knew besides its pages.
type memoTrailer struct {
	GlobalKey   string
	GlobalDiags []diag.Diagnostic
	Units       []unitRecord
}

// indexMessage is one message of the index's stream: a page's record,
// written as the build checks the page, or the trailer, which ends it.
type indexMessage struct {
	Conv    *convRecord
	Trailer *memoTrailer
}

// errMemoAbsent: there is no memo (a first build, or --no-cache).
var errMemoAbsent = errors.New("no memo")

// errBulkCorrupt: a page's bulk did not match its digest; the build is
// made again without the memo, and says why. errBulkGone: its bulk file
// is gone (another build replaced it meanwhile); the build is made again
// without the memo, and nothing was wrong.
var (
	errBulkCorrupt = errors.New("bulk corrupt")
	errBulkGone    = errors.New("bulk gone")
)

// errMemoOtherFolio: the memo was written by another folio (an upgrade,
// or an installed folio and a development one taking turns). It is not
// used, and not reported: every upgrade would warn, and --strict fail,
// for nothing a publisher can fix.
var errMemoOtherFolio = errors.New("memo of another folio")

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

// A memo file is sealed: its magic line, a line naming the folio that
// wrote it, the SHA-256 of the rest in hexadecimal, then the rest.

// readSealed returns the body of the memo file at path after checking
// its seal: errMemoAbsent when there is none, errMemoOtherFolio when
// another folio wrote it, an error saying what is wrong otherwise.
func readSealed(path, magic string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, errMemoAbsent
	}
	if err != nil {
		return nil, err
	}
	rest, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok {
		return nil, msg.Errorf("it is not a memo of this folio")
	}
	identity, rest, _ := bytes.Cut(rest, []byte("\n"))
	if string(identity) != memoIdentity() {
		return nil, errMemoOtherFolio
	}
	digest, body, _ := bytes.Cut(rest, []byte("\n"))
	if sum := sha256.Sum256(body); string(digest) != hex.EncodeToString(sum[:]) {
		return nil, msg.Errorf("its checksum does not match: it was cut short or changed")
	}
	return body, nil
}

// sealHeader is the seal of a memo file whose body has the digest sum.
func sealHeader(magic string, sum []byte) string {
	return fmt.Sprintf("%s%s\n%x\n", magic, memoIdentity(), sum)
}

// writeSealed puts body, sealed, at path: written to a temporary file,
// synced and renamed, so the file is the last build's or this one's,
// whole, whenever the build is killed.
func writeSealed(path, magic string, body []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), memoName+"-*.tmp")
	if err != nil {
		return err
	}
	sum := sha256.Sum256(body)
	_, err = f.WriteString(sealHeader(magic, sum[:]))
	if err == nil {
		_, err = f.Write(body)
	}
	return commitTemp(f, path, err)
}

// commitTemp syncs and closes the temporary file f and renames it to
// path, unless err (what writing it met); failing, it removes f.
func commitTemp(f *os.File, path string, err error) error {
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}

// readIndex reads the index at path and checks it whole before anything
// of it is used: the folio that wrote it must be this one and its digest
// must match.
func readIndex(path string) (*memoIndex, error) {
	body, err := readSealed(path, memoMagic)
	if err != nil {
		return nil, err
	}
	var m memoIndex
	dec := gob.NewDecoder(bytes.NewReader(body))
	for {
		var message indexMessage
		if err := dec.Decode(&message); err != nil {
			return nil, msg.Errorf("it cannot be read: %v", err)
		}
		if message.Trailer != nil {
			m.memoTrailer = *message.Trailer
			return &m, nil
		}
		if message.Conv != nil {
			m.Conv = append(m.Conv, message.Conv)
		}
	}
}

// indexWriter writes the index as the build makes its records, into a
// temporary file renamed into place by finish: the index is the last
// build's or this one's, whole, whenever the build is killed, and the
// build holds none of its records.
type indexWriter struct {
	mu   sync.Mutex
	f    *os.File
	buf  *bufio.Writer
	hash hash.Hash // of everything after the header
	enc  *gob.Encoder
	live int64 // bulk bytes the records refer to
	err  error
}

func newIndexWriter(dir string) (*indexWriter, error) {
	f, err := os.CreateTemp(dir, memoName+"-*.tmp")
	if err != nil {
		return nil, err
	}
	w := &indexWriter{f: f, buf: bufio.NewWriterSize(f, 1<<20), hash: sha256.New()}
	// The digest is known at the end: its place is kept.
	w.buf.WriteString(sealHeader(memoMagic, make([]byte, sha256.Size)))
	w.enc = gob.NewEncoder(io.MultiWriter(w.buf, w.hash))
	return w, nil
}

// record writes a page's record; it is safe for concurrent use.
func (w *indexWriter) record(r *convRecord) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = w.enc.Encode(indexMessage{Conv: r})
		w.live += r.Bulk.Len
	}
}

// finish writes the trailer and the digest, and puts the index at path.
func (w *indexWriter) finish(path string, t *memoTrailer) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = w.enc.Encode(indexMessage{Trailer: t})
	}
	if w.err == nil {
		w.err = w.buf.Flush()
	}
	if w.err == nil {
		at := int64(len(memoMagic) + len(memoIdentity()) + 1)
		_, w.err = w.f.WriteAt([]byte(hex.EncodeToString(w.hash.Sum(nil))), at)
	}
	w.err = commitTemp(w.f, path, w.err)
	return w.err
}

// abort removes the unfinished index.
func (w *indexWriter) abort() {
	w.mu.Lock()
	defer w.mu.Unlock()
	_ = w.f.Close()
	_ = os.Remove(w.f.Name())
}

// bulkFiles reads and appends to a memo's bulk files.
type bulkFiles struct {
	dir string
	mu  sync.Mutex
	// readers are the files open for reading, by name.
	readers map[string]*os.File
	// out is the file this build appends to, and where it ends.
	out      *os.File
	outName  string
	outEnd   int64
	outIsNew bool // created by this build: removed if the build fails
}

// read returns the bulk at ref, checked against its digest.
func (f *bulkFiles) read(ref bulkRef) (*pageBulk, error) {
	data, err := f.raw(ref)
	if err != nil {
		return nil, err
	}
	if sha256.Sum256(data) != ref.Sum {
		return nil, errBulkCorrupt
	}
	b, err := decodeBulk(data)
	if err != nil {
		return nil, errBulkCorrupt
	}
	return b, nil
}

// raw returns the bytes at ref, unchecked: they go into another bulk
// file with the same digest, checked when read from there.
func (f *bulkFiles) raw(ref bulkRef) ([]byte, error) {
	if ref.File == "" || strings.ContainsAny(ref.File, `/\`) || ref.Len < 0 || ref.Len > 1<<30 {
		return nil, errBulkCorrupt
	}
	f.mu.Lock()
	r, ok := f.readers[ref.File]
	if !ok {
		var err error
		if r, err = os.Open(filepath.Join(f.dir, ref.File)); err != nil {
			f.mu.Unlock()
			if errors.Is(err, fs.ErrNotExist) {
				return nil, errBulkGone
			}
			return nil, errBulkCorrupt
		}
		f.readers[ref.File] = r
	}
	f.mu.Unlock()
	data := make([]byte, ref.Len)
	if _, err := r.ReadAt(data, ref.Off); err != nil {
		return nil, errBulkCorrupt
	}
	return data, nil
}

// append adds data to the bulk file this build writes, and returns where.
func (f *bulkFiles) append(data []byte) (bulkRef, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.out == nil {
		return bulkRef{}, errors.New("no bulk file")
	}
	ref := bulkRef{File: f.outName, Off: f.outEnd, Len: int64(len(data)), Sum: sha256.Sum256(data)}
	if _, err := f.out.WriteAt(data, f.outEnd); err != nil {
		return bulkRef{}, err
	}
	f.outEnd += int64(len(data))
	return ref, nil
}

// openAppend opens the bulk file to append to: the last build's, unless
// most of it is no longer referenced (live bytes of it), then a new one.
func (f *bulkFiles) openAppend(last string, live int64) error {
	if last != "" {
		if fi, err := os.Stat(filepath.Join(f.dir, last)); err == nil && fi.Size() <= 2*live+1<<20 {
			out, err := os.OpenFile(filepath.Join(f.dir, last), os.O_WRONLY, 0o644)
			if err == nil {
				f.out, f.outName, f.outEnd = out, last, fi.Size()
				return nil
			}
		}
	}
	name := bulkPrefix + rand.Text()
	out, err := os.OpenFile(filepath.Join(f.dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	f.out, f.outName, f.outEnd, f.outIsNew = out, name, 0, true
	return nil
}

// close closes every file; a new bulk file is removed unless keep.
func (f *bulkFiles) close(keep bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, r := range f.readers {
		_ = r.Close()
	}
	f.readers = map[string]*os.File{}
	var err error
	if f.out != nil {
		if keep {
			err = f.out.Sync()
		}
		if cerr := f.out.Close(); err == nil {
			err = cerr
		}
		if !keep && f.outIsNew {
			_ = os.Remove(filepath.Join(f.dir, f.outName))
		}
		f.out = nil
	}
	return err
}
