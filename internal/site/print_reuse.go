package site

import (
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"

	"folio/internal/render"
)

// The print page of a large publication is tens of megabytes, each
// chapter's section rewritten and minified on its own (printPage.write).
// After an edit of one chapter the other sections come out the same, so
// the build notes where each section's bytes are in the page it wrote
// (memo-print, beside the memo) and the next build copies unchanged
// sections from the print page in the output folder instead of making
// them again. Each piece carries the digest of its bytes: a section is
// copied only when the bytes found are the ones written for the same
// key, so a page changed or replaced since, or a memo of another page,
// costs time, never correctness, and is passed over without a word.
const (
	printMemoName  = "memo-print"
	printMemoMagic = "folio print sections 1\n"
	printPieceSize = 2*sha256.Size + 16
)

// printPiece is where one section's bytes are in the print page.
type printPiece struct {
	key, sum [sha256.Size]byte // the section's key; the digest of its bytes
	off, len int64
}

// printSectionKeys are the keys of the print page's sections: a section's
// bytes follow from its id, its page's content and the addresses of every
// page (links to them point within the print page). A page without a
// content key gets none, and is always made.
func printSectionKeys(sections []*render.PrintSection) [][sha256.Size]byte {
	var all keyWriter
	for _, s := range sections {
		all.str(s.Page.Path)
	}
	links := all.sum()
	keys := make([][sha256.Size]byte, len(sections))
	for i, s := range sections {
		if s.Page.ContentKey == "" {
			continue
		}
		var k keyWriter
		k.str(links)
		k.str(s.ID)
		k.str(s.Page.ContentKey)
		copy(keys[i][:], k.sum())
	}
	return keys
}

// printReuse is the print page the last build wrote, open for reading,
// and its sections by key.
type printReuse struct {
	page   *os.File
	pieces map[[sha256.Size]byte]printPiece
}

// openPrintReuse opens the last print page and its memo; nil when either
// is missing or unreadable.
func openPrintReuse(memoPath, pagePath string) *printReuse {
	body, err := readSealed(memoPath, printMemoMagic)
	if err != nil {
		return nil
	}
	pieces, ok := decodePrintPieces(body)
	if !ok {
		return nil
	}
	page, err := os.Open(pagePath)
	if err != nil {
		return nil
	}
	return &printReuse{page: page, pieces: pieces}
}

// section returns the bytes written last time for the section of key,
// and their digest, when the page still holds them. It is safe for
// concurrent use.
func (r *printReuse) section(key [sha256.Size]byte) (data []byte, sum [sha256.Size]byte, ok bool) {
	if r == nil || key == ([sha256.Size]byte{}) {
		return nil, sum, false
	}
	p, ok := r.pieces[key]
	if !ok {
		return nil, sum, false
	}
	data = make([]byte, p.len)
	if _, err := r.page.ReadAt(data, p.off); err != nil || sha256.Sum256(data) != p.sum {
		return nil, sum, false
	}
	return data, p.sum, true
}

func (r *printReuse) close() {
	if r != nil {
		_ = r.page.Close()
	}
}

func encodePrintPieces(pieces []printPiece) []byte {
	out := make([]byte, 0, len(pieces)*printPieceSize)
	for _, p := range pieces {
		out = append(out, p.key[:]...)
		out = append(out, p.sum[:]...)
		out = binary.LittleEndian.AppendUint64(out, uint64(p.off))
		out = binary.LittleEndian.AppendUint64(out, uint64(p.len))
	}
	return out
}

func decodePrintPieces(body []byte) (map[[sha256.Size]byte]printPiece, bool) {
	if len(body)%printPieceSize != 0 {
		return nil, false
	}
	pieces := make(map[[sha256.Size]byte]printPiece, len(body)/printPieceSize)
	for ; len(body) > 0; body = body[printPieceSize:] {
		var p printPiece
		copy(p.key[:], body)
		copy(p.sum[:], body[sha256.Size:])
		off := binary.LittleEndian.Uint64(body[2*sha256.Size:])
		n := binary.LittleEndian.Uint64(body[2*sha256.Size+8:])
		if off > 1<<40 || n > 1<<40 {
			return nil, false
		}
		p.off, p.len = int64(off), int64(n)
		pieces[p.key] = p
	}
	return pieces, true
}

// printMemoPath is where the memo of the print page's sections is kept;
// "" for a build that keeps no memo or writes no output folder.
func (b *builder) printMemoPath() string {
	if b.session.memoPath == "" || b.opts.Out == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(b.session.memoPath), printMemoName)
}
