package check

import (
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"

	"folio/internal/diag"
	"folio/internal/suggest"
)

// minDuplicateRunes: shorter paragraphs ("见下表。") may repeat.
const minDuplicateRunes = 20

// maxBucket bounds how many paragraphs one band key gathers.
const maxBucket = 32

// normalize keeps letters and digits: whitespace and punctuation do not
// make two pasted paragraphs different.
func normalize(s string) []rune {
	return appendNormalized(make([]rune, 0, len(s)/3+1), s) // Chinese: three bytes a character
}

// appendNormalized appends normalize(s) to out.
func appendNormalized(out []rune, s string) []rune {
	for _, r := range s {
		switch {
		case r >= 0x4E00 && r <= 0x9FFF: // common Han: a letter, no case
			out = append(out, r)
		case r < 0x80:
			if r >= 'A' && r <= 'Z' {
				out = append(out, r+'a'-'A')
			} else if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				out = append(out, r)
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

// dupPara is a paragraph as the near-duplicate check compares it: what
// it is compared by, and where it is. A build holds one for every
// paragraph long enough to be compared, until the publication-wide
// checks, and the dev server from build to build; not the paragraph's
// text or its map to the source.
type dupPara struct {
	bands [8]uint64 // bandKeys
	bag   runeBag
	// norm is the normalised text as UTF-16 code units, two bytes each
	// (a Han character takes three in UTF-8): it finds exact copies, and
	// decoded, the edit distance of near ones.
	norm     string
	n        int           // normalised characters
	pos      diag.Position // of the paragraph's first character
	silenced bool          // duplicate-paragraph is ignored here
}

// newDupPara prepares a paragraph of normalised text norm at pos; nil
// when it is too short to be compared.
func newDupPara(norm []rune, pos func() diag.Position, silenced bool) *dupPara {
	if len(norm) < minDuplicateRunes {
		return nil
	}
	var packed strings.Builder
	packed.Grow(2 * len(norm))
	unit := func(u uint16) { packed.WriteByte(byte(u)); packed.WriteByte(byte(u >> 8)) }
	for _, r := range norm {
		if r < 0x10000 {
			unit(uint16(r))
		} else {
			hi, lo := utf16.EncodeRune(r)
			unit(uint16(hi))
			unit(uint16(lo))
		}
	}
	return &dupPara{bands: bandKeys(norm), bag: *newRuneBag(norm), norm: packed.String(), n: len(norm), pos: pos(), silenced: silenced}
}

// runes decodes the normalised text.
func (p *dupPara) runes() []rune {
	rs := make([]rune, 0, p.n)
	for i := 0; i+1 < len(p.norm); i += 2 {
		r := rune(p.norm[i]) | rune(p.norm[i+1])<<8
		if utf16.IsSurrogate(r) && i+3 < len(p.norm) {
			i += 2
			r = utf16.DecodeRune(r, rune(p.norm[i])|rune(p.norm[i+1])<<8)
		}
		rs = append(rs, r)
	}
	return rs
}

// nearDuplicates reports whether two paragraphs' normalised texts are at
// least 90% alike: 1 - edit distance / longer length.
func nearDuplicates(a, b *dupPara) bool {
	limit, apart := tooApart(a, b)
	return !apart && suggest.RuneDistance(a.runes(), b.runes()) <= limit
}

// tooApart reports whether two paragraphs cannot be 90% alike by what is
// cheap to compare: their lengths, and the bag distance of their
// characters (runeBag), a lower bound of the edit distance that most
// candidate pairs fail without the quadratic comparison. limit is the
// most edits 90% allows.
func tooApart(a, b *dupPara) (limit int, apart bool) {
	longer := max(a.n, b.n)
	// Lengths more than 10% apart cannot be 90% alike.
	if float64(min(a.n, b.n)) < 0.9*float64(longer) {
		return 0, true
	}
	limit = int(math.Floor(0.1 * float64(longer)))
	return limit, a.bag.over(&b.bag, limit)
}

// runeBag is a paragraph's normalised characters counted into 64 bins by
// a hash of each. The bag distance of two bags — how many characters one
// has beyond the other's, the larger of the two counts — is at most that
// of the characters themselves (characters sharing a bin can only cancel
// out), which is at most the edit distance: a lower bound that most
// candidate pairs fail. A build holds every long paragraph's: 64 bytes,
// where the characters themselves, sorted, took two bytes each (30 MB
// for 10,000 chapters). On 3,000 generated chapters it rejected exactly
// the 72,140 candidate pairs the characters' own bag distance did.
type runeBag [64]uint8

func newRuneBag(rs []rune) *runeBag {
	var bag runeBag
	for _, r := range rs {
		// A count stops at 255: two counts cut to 255 differ by less, so
		// the bound stays a bound.
		if k := uint32(r) * 0x9E3779B1 >> 26; bag[k] < 255 {
			bag[k]++
		}
	}
	return &bag
}

// over reports whether the bag distance of a and b is over limit.
func (a *runeBag) over(b *runeBag, limit int) bool {
	onlyA, onlyB := 0, 0
	for k := range a {
		if d := int(a[k]) - int(b[k]); d > 0 {
			onlyA += d
		} else {
			onlyB -= d
		}
	}
	return max(onlyA, onlyB) > limit
}

// bandKeys are locality-sensitive keys of a paragraph's 4-character
// shingles: 32 MinHash values in 8 bands of 4. Two paragraphs 90% alike
// share a band with high probability, two unrelated ones almost never, so
// only paragraphs sharing a key are compared, not every pair.
//
// The values come from one-permutation hashing: each shingle is hashed
// once, into one of the 32 bins by its top bits, each bin keeping its
// least value; an empty bin takes the value of the next bin to its right
// that has one, mixed with the distance (rotation densification). It
// finds the same pairs as 32 hash functions a shingle (the share of
// edited copies found is measured by TestBandsFindEditedCopies) at a
// ninth of the cost, which was half of a page's checks.
func bandKeys(rs []rune) [8]uint64 {
	const bands, rows = 8, 4
	const bins = bands * rows
	var mins [bins]uint64
	var set [bins]bool
	for i := 0; i+4 <= len(rs); i++ {
		// The shingle's four runes, each weighted by its place, then
		// mixed (the 64-bit finaliser of MurmurHash3).
		h := uint64(rs[i])*0x9e3779b97f4a7c15 + uint64(rs[i+1])*0xc2b2ae3d27d4eb4f +
			uint64(rs[i+2])*0x165667b19e3779f9 + uint64(rs[i+3])*0x27d4eb2f165667c5
		h ^= h >> 33
		h *= 0xff51afd7ed558ccd
		h ^= h >> 33
		h *= 0xc4ceb9fe1a85ec53
		h ^= h >> 33
		bin := h >> 59
		v := h << 5
		if !set[bin] || v < mins[bin] {
			mins[bin], set[bin] = v, true
		}
	}
	var filled [bins]uint64
	for b := range bins {
		for d := range bins {
			j := (b + d) % bins
			if set[j] {
				filled[b] = mins[j] + uint64(d)*0x9e3779b97f4a7c15
				break
			}
		}
	}
	var keys [bands]uint64
	for b := range bands {
		h := uint64(14695981039346656037)
		for r := range rows {
			v := filled[b*rows+r]
			for k := range 8 {
				h ^= uint64(byte(v >> (8 * k)))
				h *= 1099511628211
			}
		}
		keys[b] = h ^ uint64(b)
	}
	return keys
}

// dupParas prepares the blocks the near-duplicate check compares, once
// each: a page's result carries them from build to build.
func dupParas(blocks []*Block) []*dupPara {
	var paras []*dupPara
	var norm []rune // each block's, in turn: newDupPara keeps a copy
	for _, b := range blocks {
		if b.Kind == Heading || b.Kind == Cell {
			continue
		}
		if !b.prepared {
			b.prepared = true
			norm = appendNormalized(norm[:0], b.Text)
			b.dup = newDupPara(norm, func() diag.Position { return b.Pos(0) }, b.Ignores("duplicate-paragraph"))
		}
		if b.dup != nil {
			paras = append(paras, b.dup)
		}
	}
	return paras
}

func init() {
	register(Rule{ID: "duplicate-paragraph", Order: 30, Stage: StagePublication, Default: diag.Error,
		What:   "a paragraph that appears twice, or nearly so",
		Flags:  "the same paragraph pasted into two chapters",
		Leaves: "a short slogan quoted in two different paragraphs"})
}

// duplicateParas flags a paragraph that appears again, the same or
// nearly (90% alike after normalising whitespace and punctuation),
// anywhere in the publication. A run of copies is reported once, at the
// first copy, with the count and every place.
//
// memo, when not nil, carries the band index and the comparisons of the
// last call to the next: the dev server's rebuilds look again only at the
// bands of edited paragraphs (dupIndex), and find the same groups.
func duplicateParas(paras []*dupPara, memo *GlobalMemo, diags *diag.List) {
	// Union-find over candidate pairs that share a sketch hash.
	parent := make([]int, len(paras))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	if memo != nil {
		// The dev server's rebuilds: an index kept between builds gives
		// the pairs to join (the same as the loop below would find).
		for _, pair := range memo.index.update(paras, memo) {
			parent[find(int(pair[0]))] = find(int(pair[1]))
		}
		memo.rotate()
		reportGroups(paras, find, diags)
		return
	}
	// Candidate pairs are gathered in reading order, a batch at a time,
	// and each batch is compared on the other cores while the next is
	// gathered (at 10,000 chapters, gathering and comparing took about
	// the same time, one after the other). Which pairs are candidates
	// does not depend on the comparisons, and the groups not on the
	// order of the joins, so they are those of comparing one pair at a
	// time.
	byHash := make(map[uint64][]int32, len(paras)*8) // 8 bands a paragraph, mostly distinct
	exact := make(map[string]int, len(paras))
	var (
		alike     [][2]int32 // the pairs compared and found alike
		alikeMu   sync.Mutex
		comparing sync.WaitGroup
		slots     = make(chan struct{}, runtime.GOMAXPROCS(0)) // batches compared at once
	)
	compare := func(pairs [][2]int32) {
		slots <- struct{}{}
		comparing.Go(func() {
			defer func() { <-slots }()
			var found [][2]int32
			for _, pair := range pairs {
				if nearDuplicates(paras[pair[0]], paras[pair[1]]) {
					found = append(found, pair)
				}
			}
			alikeMu.Lock()
			alike = append(alike, found...)
			alikeMu.Unlock()
		})
	}
	const batch = 1024 // pairs compared by one goroutine
	var pairs [][2]int32
	var candidates []int32
	for i, p := range paras {
		if j, ok := exact[p.norm]; ok {
			parent[find(i)] = find(j)
			continue
		}
		exact[p.norm] = i
		candidates = candidates[:0]
		for _, h := range p.bands {
			bucket := byHash[h]
			// A band shared by very many paragraphs is a common phrasing,
			// not a paste: comparing against all of them would make the
			// check quadratic. Exact copies are still found above.
			if len(bucket) >= maxBucket {
				continue
			}
			candidates = append(candidates, bucket...)
			byHash[h] = append(bucket, int32(i))
		}
		// A paragraph sharing several bands with another is compared with
		// it once.
		slices.Sort(candidates)
		for _, j := range slices.Compact(candidates) {
			pairs = append(pairs, [2]int32{int32(i), j})
		}
		if len(pairs) >= batch {
			compare(pairs)
			pairs = nil
		}
	}
	if len(pairs) > 0 {
		compare(pairs)
	}
	comparing.Wait()
	for _, pair := range alike {
		parent[find(int(pair[0]))] = find(int(pair[1]))
	}
	reportGroups(paras, find, diags)
}

// reportGroups reports each group of two or more paragraphs once, at the
// first copy after the original that is not silenced.
func reportGroups(paras []*dupPara, find func(int) int, diags *diag.List) {
	// Most paragraphs are alone in their group: only groups of two or
	// more are gathered (a map entry and a slice for each of thousands of
	// paragraphs were a good part of a rebuild's check).
	size := make([]int32, len(paras))
	for i := range paras {
		size[find(i)]++
	}
	groups := map[int][]int{}
	for i := range paras {
		if r := find(i); size[r] > 1 {
			groups[r] = append(groups[r], i)
		}
	}
	for _, members := range groups {
		if len(members) < 2 {
			continue
		}
		slices.Sort(members)
		first := paras[members[0]]
		var places []string
		for _, m := range members {
			places = append(places, paras[m].pos.String())
		}
		for _, m := range members[1:] {
			if paras[m].silenced {
				continue
			}
			diags.Errorf(paras[m].pos, "duplicate-paragraph", "this paragraph appears %d times (%s), first at %s: keep one and delete the copies", len(members), strings.Join(places, ", "), first.pos)
			break // a run of copies is reported once
		}
	}
}

// A GlobalMemo carries the publication-wide checks from one build to the
// next. The near-duplicate check's band index, and whether two
// paragraphs are near-duplicates: blocks of unchanged pages are the same
// values from one build to the next, so their pairs are looked up rather
// than compared again; the pairs not looked up in a build are forgotten
// after it. And the figures the last merge of statements read, with what
// it reported (mergeStatements).
type GlobalMemo struct {
	last, next map[[2]*dupPara]bool
	index      dupIndex // the band index of the last build
	figures    []*FigureResult
	merged     []diag.Diagnostic
}

// similar reports whether a and b are at least 90% alike.
func (m *GlobalMemo) similar(a, b *dupPara) bool {
	if m == nil {
		return nearDuplicates(a, b)
	}
	// The length and bag-distance bounds cost less than two map
	// operations: only pairs that pass them have their (quadratic) edit
	// distance remembered.
	limit, apart := tooApart(a, b)
	if apart {
		return false
	}
	key := [2]*dupPara{a, b}
	same, ok := m.last[key]
	if !ok {
		same = suggest.RuneDistance(a.runes(), b.runes()) <= limit
	}
	if m.next == nil {
		m.next = make(map[[2]*dupPara]bool, len(m.last))
	}
	m.next[key] = same
	return same
}

// rotate ends a build: what it compared is what the next one may reuse.
func (m *GlobalMemo) rotate() {
	if m != nil {
		m.last, m.next = m.next, nil
	}
}
