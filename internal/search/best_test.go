package search

import (
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
			l[i] = posting{doc: doc, score: 1 + r.IntN(1+trial%25)}
		}
		want := slices.Clone(l)
		slices.SortFunc(want, func(a, b posting) int {
			if a.score != b.score {
				return b.score - a.score
			}
			return a.doc - b.doc
		})
		want = want[:n]
		slices.SortFunc(want, func(a, b posting) int { return a.doc - b.doc })
		if got := best(l, n); !slices.Equal(got, want) {
			t.Fatalf("trial %d: best(%d of %d) = %v, want %v", trial, n, size, got, want)
		}
	}
}
