package search

import (
	"encoding/json"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBestKeepsWhatSortingWould compares the counting selection of a
// capped posting list with sorting by score (earlier document first among
// equals), cutting, and sorting back by document.
func TestBestKeepsWhatSortingWould(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 500 {
		size, n := 1+r.IntN(300), 1+r.IntN(200)
		if n >= size {
			n = size - 1
		}
		if n < 1 {
			continue
		}
		// Posting lists are in document order, as Build gathers them.
		l := make([]posting, size)
		doc := 0
		for i := range l {
			doc += 1 + r.IntN(3)
			l[i] = posting{doc: int32(doc), score: int32(1 + r.IntN(1+trial%25))}
			if trial%5 == 0 {
				// Huge counts (one token repeated through a huge
				// document) take best's sorting path.
				l[i].score = int32(1 + r.IntN(3)*50_000)
			}
		}
		want := slices.Clone(l)
		slices.SortFunc(want, func(a, b posting) int {
			if a.score != b.score {
				return int(b.score) - int(a.score)
			}
			return int(a.doc) - int(b.doc)
		})
		want = want[:n]
		slices.SortFunc(want, func(a, b posting) int { return int(a.doc) - int(b.doc) })
		if got := best(l, n); !slices.Equal(got, want) {
			t.Fatalf("trial %d: best(%d of %d) = %v, want %v", trial, n, size, got, want)
		}
	}
}

// TestFragmentEncodingIsJSONMarshal: the hand-written encoder of index
// fragments writes the bytes json.Marshal would, tricky tokens included.
func TestFragmentEncodingIsJSONMarshal(t *testing.T) {
	tokens := []string{"", "gdp", "中文", "a<b", "x&y", `"`, `\`, "\u2028", "\x01", "\xff", "第45批", "é"}
	for _, capped := range [][]string{nil, {"gdp"}, {"a<b", "\xff"}} {
		f := fragmentFile{Postings: map[string][]int{}, Capped: capped}
		for i, tok := range tokens {
			f.Postings[tok] = []int{i, 3, 1, 10 * i}
		}
		f.order = slices.Sorted(maps.Keys(f.Postings))
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.encode(); string(got) != string(want) {
			t.Errorf("encode = %s\nwant     %s", got, want)
		}
	}
	if got, want := (&fragmentFile{Postings: map[string][]int{}}).encode(), `{"p":{}}`; string(got) != want {
		t.Errorf("empty fragment: %s, want %s", got, want)
	}
}
