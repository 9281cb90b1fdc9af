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
