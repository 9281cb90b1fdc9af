package site

import (
	"crypto/sha256"
	"strconv"
	"sync"
	"time"
)

// keyBufs hold render keys' bytes between pages.
var keyBufs = sync.Pool{New: func() any { return new([]byte) }}

// keyWriter appends the parts of a cache key, each with its length or a
// terminator, so that no two sequences of parts give the same bytes. The
// dev server computes its keys on every rebuild: fmt and encoding/json
// were most of a rebuild with nothing changed.
type keyWriter struct{ buf []byte }

func (w *keyWriter) str(s string) {
	w.buf = strconv.AppendInt(w.buf, int64(len(s)), 10)
	w.buf = append(w.buf, ':')
	w.buf = append(w.buf, s...)
}

func (w *keyWriter) num(n int) {
	w.buf = strconv.AppendInt(w.buf, int64(n), 10)
	w.buf = append(w.buf, ';')
}

func (w *keyWriter) time(t time.Time) {
	w.buf = t.AppendFormat(w.buf, time.RFC3339Nano)
	w.buf = append(w.buf, ';')
}

func (w *keyWriter) flag(b bool) {
	if b {
		w.num(1)
	} else {
		w.num(0)
	}
}

// sum digests what was written.
func (w *keyWriter) sum() string {
	s := sha256.Sum256(w.buf)
	return string(s[:])
}

// omitFromKeys names inputs the keys leave out: empty in every build;
// tests set one to show that the equivalence test catches a stale key.
var omitFromKeys = map[string]bool{}
