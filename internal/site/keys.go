package site

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"strconv"
	"time"
	"unsafe"
)

// keyWriter digests the parts of a cache key, each with its length or a
// terminator, so that no two sequences of parts give the same bytes. The
// dev server computes its keys on every rebuild: fmt and encoding/json
// were most of a rebuild with nothing changed, and then growing a buffer
// of every part (a key of every page's title and content key is a
// megabyte at 10,000 chapters): the parts go straight into the digest.
type keyWriter struct {
	h       hash.Hash // nil until the first part
	scratch [40]byte
}

func (w *keyWriter) write(b []byte) {
	if w.h == nil {
		w.h = sha256.New()
	}
	w.h.Write(b)
}

func (w *keyWriter) str(s string) {
	w.write(append(strconv.AppendInt(w.scratch[:0], int64(len(s)), 10), ':'))
	// The digest reads the bytes and keeps none: the string is not
	// copied to be written.
	w.write(unsafe.Slice(unsafe.StringData(s), len(s)))
}

func (w *keyWriter) num(n int) {
	w.write(append(strconv.AppendInt(w.scratch[:0], int64(n), 10), ';'))
}

func (w *keyWriter) time(t time.Time) {
	w.write(append(t.AppendFormat(w.scratch[:0], time.RFC3339Nano), ';'))
}

func (w *keyWriter) flag(b bool) {
	if b {
		w.num(1)
	} else {
		w.num(0)
	}
}

// sum is the digest of what was written.
func (w *keyWriter) sum() string {
	w.write(nil)
	return string(w.h.Sum(nil))
}

// hex is sum in hexadecimal.
func (w *keyWriter) hex() string {
	w.write(nil)
	return fmt.Sprintf("%x", w.h.Sum(nil))
}

// omitFromKeys names inputs the keys leave out: empty in every build;
// tests set one to show that the equivalence test catches a stale key.
var omitFromKeys = map[string]bool{}
