package site

import (
	"reflect"
	"testing"

	"folio/internal/check"
	"folio/internal/diag"
)

// A page's bulk reads back as it was written, and a piece cut anywhere
// is refused, never read as something else.
func TestBulkCodecRoundTrips(t *testing.T) {
	b := &pageBulk{
		HTML: "<p>正文</p>",
		Paras: []check.ParaRecord{{Bands: [8]uint64{1, 2, 3}, Bag: [64]uint8{5: 7}, Norm: "ab", N: 2,
			Pos: diag.Position{File: "content/a.md", Line: 3, Col: 1}, Silenced: true}},
		Figures: &check.FigureResult{Statements: []check.Statement{{Thing: "gdp|x|y|z", Year: 2020, Written: "5.3%", Value: 5.3}}},
	}
	data, err := appendBulk(nil, b)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeBulk(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, b) {
		t.Errorf("read back %+v\nwrote %+v", got, b)
	}
	for n := range len(data) {
		if _, err := decodeBulk(data[:n]); err == nil {
			t.Errorf("cut at %d of %d: read without an error", n, len(data))
		}
	}
}

// Whatever a bulk file holds, reading it returns an error or a bulk,
// never a panic: a digest guards every piece, but the reader does not
// rely on it.
func FuzzDecodeBulk(f *testing.F) {
	good, _ := appendBulk(nil, &pageBulk{HTML: "<p>x</p>", Paras: []check.ParaRecord{{Norm: "a", N: 1}}})
	f.Add(good)
	f.Add([]byte{})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = decodeBulk(data)
	})
}

// The print page's pieces come back as written; a body cut short, or
// with an offset past any file, is refused rather than misread.
func TestPrintPiecesRoundTrip(t *testing.T) {
	pieces := []printPiece{{key: [32]byte{1}, sum: [32]byte{2}, off: 10, len: 20}, {key: [32]byte{3}, sum: [32]byte{4}, off: 30, len: 0}}
	body := encodePrintPieces(pieces)
	got, ok := decodePrintPieces(body)
	if !ok || len(got) != 2 || got[[32]byte{1}] != pieces[0] || got[[32]byte{3}] != pieces[1] {
		t.Fatalf("decoded %v %v, want %v", got, ok, pieces)
	}
	if _, ok := decodePrintPieces(body[:len(body)-1]); ok {
		t.Error("a body cut short was decoded")
	}
	bad := encodePrintPieces([]printPiece{{off: 1 << 50}})
	if _, ok := decodePrintPieces(bad); ok {
		t.Error("an offset of a petabyte was decoded")
	}
}
