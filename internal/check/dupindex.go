package check

import (
	"slices"
)

// dupIndex is the near-duplicate check's state kept between the dev
// server's rebuilds: which paragraphs share each band key, which share a
// normalised text, and the near-duplicate pairs found in each band. A
// rebuild that replaced a few paragraphs in place updates the bands they
// touch instead of indexing every paragraph again. It finds the pairs the
// batch check (duplicateParas without a memo) finds: in each band, the
// first maxBucket paragraphs that are not exact copies of an earlier one
// are compared with each other.
type dupIndex struct {
	paras []*dupPara            // in reading order
	bands map[uint64][]int32    // positions of the paragraphs with each band key, ascending
	exact map[string][]int32    // positions of the paragraphs with each normalised text, ascending
	edges map[uint64][][2]int32 // near-duplicate pairs (later, earlier) among a band's compared paragraphs
}

// maxPatch: beyond this many replaced paragraphs the index is built anew.
const maxPatch = 64

// update brings the index to paras (in reading order) and returns the pairs to join: near-duplicates and exact
// copies (each copy with the first).
func (x *dupIndex) update(paras []*dupPara, memo *GlobalMemo) [][2]int32 {
	var changed []int
	if x.bands != nil && len(paras) == len(x.paras) {
		for i, b := range paras {
			if b != x.paras[i] {
				if changed = append(changed, i); len(changed) > maxPatch {
					break
				}
			}
		}
	}
	if x.bands == nil || len(paras) != len(x.paras) || len(changed) > maxPatch {
		x.build(paras, memo)
	} else if len(changed) > 0 {
		x.patch(paras, changed, memo)
	}
	var pairs [][2]int32
	for _, same := range x.exact {
		for _, p := range same[1:] {
			pairs = append(pairs, [2]int32{p, same[0]})
		}
	}
	for _, e := range x.edges {
		pairs = append(pairs, e...)
	}
	return pairs
}

func (x *dupIndex) build(paras []*dupPara, memo *GlobalMemo) {
	x.paras = slices.Clone(paras)
	x.bands = make(map[uint64][]int32, len(paras)*8)
	x.exact = make(map[string][]int32, len(paras))
	x.edges = map[uint64][][2]int32{}
	for i, b := range paras {
		x.exact[b.norm] = append(x.exact[b.norm], int32(i))
		for _, h := range b.bands {
			x.bands[h] = append(x.bands[h], int32(i))
		}
	}
	for h, members := range x.bands {
		if len(members) > 1 {
			x.compare(h, memo)
		}
	}
}

// patch replaces the paragraphs at the changed positions.
func (x *dupIndex) patch(paras []*dupPara, changed []int, memo *GlobalMemo) {
	touched := map[uint64]bool{}
	keys := map[string]bool{}
	for _, i := range changed {
		old, new := x.paras[i], paras[i]
		for _, h := range old.bands {
			x.bands[h] = remove(x.bands[h], int32(i))
			touched[h] = true
		}
		x.exact[old.norm] = remove(x.exact[old.norm], int32(i))
		for _, h := range new.bands {
			x.bands[h] = insert(x.bands[h], int32(i))
			touched[h] = true
		}
		x.exact[new.norm] = insert(x.exact[new.norm], int32(i))
		keys[old.norm], keys[new.norm] = true, true
		x.paras[i] = new
	}
	// Whether a paragraph is the first of its text decides whether it is
	// compared at all: the bands of every paragraph sharing a changed
	// text are touched too.
	for k := range keys {
		if len(x.exact[k]) == 0 {
			delete(x.exact, k)
			continue
		}
		for _, p := range x.exact[k] {
			for _, h := range x.paras[p].bands {
				touched[h] = true
			}
		}
	}
	for h := range touched {
		if len(x.bands[h]) == 0 {
			delete(x.bands, h)
		}
		delete(x.edges, h)
		if len(x.bands[h]) > 1 {
			x.compare(h, memo)
		}
	}
}

// compare finds the near-duplicate pairs of band h: among its first
// maxBucket paragraphs that are the first of their text, every pair.
func (x *dupIndex) compare(h uint64, memo *GlobalMemo) {
	var admitted []int32
	for _, p := range x.bands[h] {
		if x.exact[x.paras[p].norm][0] != p {
			continue // an exact copy: joined with its first, compared no further
		}
		if len(admitted) == maxBucket {
			break
		}
		admitted = append(admitted, p)
	}
	var found [][2]int32
	for a := 1; a < len(admitted); a++ {
		for b := range a {
			i, j := admitted[a], admitted[b]
			if i != j && memo.similar(x.paras[i], x.paras[j]) {
				found = append(found, [2]int32{i, j})
			}
		}
	}
	if len(found) > 0 {
		x.edges[h] = found
	}
}

// insert adds p to the ascending list l (as often as it is added).
func insert(l []int32, p int32) []int32 {
	i, _ := slices.BinarySearch(l, p)
	return slices.Insert(l, i, p)
}

// remove takes one p out of the ascending list l.
func remove(l []int32, p int32) []int32 {
	if i, ok := slices.BinarySearch(l, p); ok {
		return slices.Delete(l, i, i+1)
	}
	return l
}
