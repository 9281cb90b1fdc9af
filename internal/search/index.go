package search

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"folio/internal/par"
)

// Doc is one searchable unit: a section of a page.
type Doc struct {
	Title   string `json:"t"`           // the page's title
	Section string `json:"s,omitempty"` // the section's heading
	URL     string `json:"u"`           // site path, with the section's anchor
	Text    string `json:"x"`           // plain text, for matching and snippets
	// Part is the installment of a series the document is in (its
	// slug), for the search page to label and filter results; "" in a
	// publication.
	Part string `json:"p,omitempty"`
}

// Options size the index.
type Options struct {
	// FragmentBytes is the aim for a token fragment's size; ShardDocs is
	// how many documents a document shard holds.
	FragmentBytes int
	ShardDocs     int
	// MaxText bounds the text kept per document for snippets.
	MaxText int
	// MaxPostings caps a token's posting list: a token found in more
	// documents keeps its best-scoring ones and is marked capped, and a
	// query checks the text of its results for it instead.
	MaxPostings int
}

// DefaultOptions keep a typical query under a few hundred kilobytes even
// on 10,000 chapters.
var DefaultOptions = Options{FragmentBytes: 24 << 10, ShardDocs: 8, MaxText: 600, MaxPostings: 1000}

// fragmentFile is search/index/t-N.json: posting lists by token, each
// [gap, score, gap, score, …], and the tokens whose lists are capped.
type fragmentFile struct {
	Postings map[string][]int `json:"p"`
	Capped   []string         `json:"c,omitempty"`
	order    []string         // the tokens of Postings, sorted
}

// encode returns f as json.Marshal does (keys sorted), without its
// reflection: every fragment is written again on every rebuild.
func (f *fragmentFile) encode() []byte {
	buf := make([]byte, 0, 64+16*len(f.order))
	buf = append(buf, `{"p":{`...)
	for i, t := range f.order {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendJSONString(buf, t)
		buf = append(buf, ':', '[')
		for j, n := range f.Postings[t] {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, int64(n), 10)
		}
		buf = append(buf, ']')
	}
	buf = append(buf, '}')
	if len(f.Capped) > 0 {
		buf = append(buf, `,"c":[`...)
		for i, t := range f.Capped {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendJSONString(buf, t)
		}
		buf = append(buf, ']')
	}
	return append(buf, '}')
}

// appendJSONString appends s quoted as encoding/json quotes it: a string
// with nothing to escape as it is, any other through json.Marshal.
func appendJSONString(buf []byte, s string) []byte {
	plain := utf8.ValidString(s)
	for _, r := range s {
		if r < 0x20 || r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r == '\u2028' || r == '\u2029' {
			plain = false
			break
		}
	}
	if !plain {
		q, _ := json.Marshal(s)
		return append(buf, q...)
	}
	buf = append(buf, '"')
	buf = append(buf, s...)
	return append(buf, '"')
}

// Meta is search/index/meta.json.
type Meta struct {
	Fragments int `json:"fragments"`
	ShardDocs int `json:"shard"`
	Docs      int `json:"docs"`
	// Parts are the documents of each installment of a series, [from,
	// to), when they follow each other: a query within one installment
	// keeps its candidates without loading the others' shards.
	Parts map[string][2]int `json:"parts,omitempty"`
}

// Counts is a document's token counts; a token in the title or section
// heading counts ten times. A *Counts kept from an earlier build tells
// Incremental that its document is unchanged.
type Counts struct{ tokens map[string]int }

// Count tokenizes a document.
func Count(d Doc) *Counts {
	m := make(map[string]int, len(d.Text)/3) // about one distinct token per Chinese character
	countInto(m, d)
	return &Counts{m}
}

// countInto adds d's token counts to m.
func countInto(m map[string]int, d Doc) {
	eachToken(d.Title+" "+d.Section, func(t string) { m[t] += 10 })
	eachToken(d.Text, func(t string) { m[t]++ })
}

// Incremental builds indexes one after another (the dev server's
// rebuilds), keeping the posting lists of the last. When the documents
// have the same addresses in the same order as last time, only the lists
// of the documents whose Counts changed are updated; otherwise every list
// is gathered afresh. Either way the files are the same as Build's.
type Incremental struct {
	urls   []string
	counts []*Counts
	lists  map[string][]posting
	// What the last write produced, and which tokens changed since
	// (touched nil: everything is written afresh).
	touched   map[string]bool
	opts      Options
	fragments [][]byte
	shards    [][]Doc
	shardData [][]byte
	flat      map[string]flatList // laid-out lists of the last write, by token
}

// Build returns the index files of docs. counts[i], when given, is
// Count(docs[i]), typically kept from an earlier build (tokenizing is most
// of an index's cost); nil, or counts shorter than docs, means document i
// is counted here.
func (x *Incremental) Build(docs []Doc, counts []*Counts, opts Options) map[string][]byte {
	if opts.FragmentBytes == 0 {
		opts = DefaultOptions
	}
	all := make([]*Counts, len(docs))
	par.Do(len(docs), func(id int) {
		if id < len(counts) && counts[id] != nil {
			all[id] = counts[id]
		} else {
			all[id] = Count(docs[id])
		}
	})
	urls := make([]string, len(docs))
	for i, d := range docs {
		urls[i] = d.URL
	}
	if x.lists != nil && slices.Equal(urls, x.urls) {
		x.touched = map[string]bool{}
		for id, c := range all {
			if c != x.counts[id] {
				x.update(id, x.counts[id], c)
			}
		}
	} else {
		// Gathered in document order, so each list is sorted by document.
		x.touched = nil
		x.lists = map[string][]posting{}
		for id, c := range all {
			for t, n := range c.tokens {
				x.lists[t] = append(x.lists[t], posting{int32(id), int32(n)})
			}
		}
	}
	x.urls, x.counts = urls, all
	return x.write(docs, opts)
}

// update replaces document id's postings counted as old by those of new,
// keeping every list sorted by document.
func (x *Incremental) update(id int, old, new *Counts) {
	find := func(l []posting) (int, bool) {
		return slices.BinarySearchFunc(l, id, func(p posting, id int) int { return int(p.doc) - id })
	}
	// A token counted the same before and after keeps its posting: an
	// edit of a few characters touches a few lists, not every list of the
	// section (and the fragments holding them).
	for t, n := range old.tokens {
		if m, ok := new.tokens[t]; ok && m == n {
			continue
		}
		x.touched[t] = true
		l := x.lists[t]
		if i, ok := find(l); ok {
			l = slices.Delete(l, i, i+1)
		}
		if len(l) == 0 {
			delete(x.lists, t)
		} else {
			x.lists[t] = l
		}
	}
	for t, n := range new.tokens {
		if m, ok := old.tokens[t]; ok && m == n {
			continue
		}
		x.touched[t] = true
		l := x.lists[t]
		i, _ := find(l)
		x.lists[t] = slices.Insert(l, i, posting{int32(id), int32(n)})
	}
}

// write lays out the index files from the posting lists by token. After
// an incremental update it encodes again only the fragments holding a
// touched token and the document shards whose documents changed.
func (x *Incremental) write(docs []Doc, opts Options) map[string][]byte {
	lists := x.lists
	entries := 0
	for _, l := range lists {
		entries += cappedLen(len(l), opts)
	}
	fragments := fragmentCount(entries, len(lists), opts)
	reuse := x.touched != nil && opts == x.opts && fragments == len(x.fragments)
	dirty := make([]bool, fragments)
	for i := range dirty {
		dirty[i] = !reuse
	}
	if reuse {
		for t := range x.touched {
			dirty[Fragment(t, fragments)] = true
		}
	}
	// Only the tokens of dirty fragments are laid out, and of those only
	// the touched ones afresh: capping a common token's list (best) and
	// flattening it is most of a rebuild's index work otherwise.
	if !reuse || x.flat == nil {
		x.flat = make(map[string]flatList, len(lists))
	}
	for t := range x.touched {
		delete(x.flat, t)
	}
	tokens := make([][]string, fragments)
	for t := range lists {
		if f := Fragment(t, fragments); dirty[f] {
			tokens[f] = append(tokens[f], t)
		}
	}
	files := map[string][]byte{}
	if !reuse {
		x.fragments = make([][]byte, fragments)
		x.shards, x.shardData = nil, nil
	}
	for i := range fragments {
		if dirty[i] {
			slices.Sort(tokens[i])
			f := fragmentFile{Postings: make(map[string][]int, len(tokens[i])), order: tokens[i]}
			for _, t := range tokens[i] {
				fl, ok := x.flat[t]
				if !ok {
					fl = flatten(lists[t], opts.MaxPostings)
					x.flat[t] = fl
				}
				f.add(t, fl)
			}
			x.fragments[i] = f.encode()
		}
		files[fragmentName(i)] = x.fragments[i]
	}
	var shards [][]Doc
	var shardData [][]byte
	for start := 0; start < len(docs); start += opts.ShardDocs {
		k := start / opts.ShardDocs
		in := docs[start:min(start+opts.ShardDocs, len(docs))]
		var data []byte
		if k < len(x.shards) && slices.Equal(in, x.shards[k]) {
			data = x.shardData[k]
		} else {
			data = shardFile(in, opts)
		}
		// A copy: the caller may edit its documents in place.
		shards, shardData = append(shards, slices.Clone(in)), append(shardData, data)
		files[shardName(k)] = data
	}
	x.shards, x.shardData, x.opts = shards, shardData, opts
	files[metaName] = metaFile(fragments, len(docs), partRanges(docs), opts)
	return files
}

// cappedLen is how many of a list's n postings the index writes.
func cappedLen(n int, opts Options) int {
	if opts.MaxPostings > 0 {
		// A capped list is written with its best postings only: counting
		// all of them made fragments of 10,000 chapters a fortieth of
		// FragmentBytes, and the index 8,192 files of 560 bytes.
		return min(n, opts.MaxPostings)
	}
	return n
}

// fragmentCount is how many token fragments hold entries postings of
// tokens tokens: a power of two, each fragment about FragmentBytes.
func fragmentCount(entries, tokens int, opts Options) int {
	// About 8 bytes of JSON a posting, plus the tokens.
	fragments := 8
	for fragments*opts.FragmentBytes < entries*8+tokens*12 {
		fragments *= 2
	}
	return fragments
}

// add puts token t's laid-out list in the fragment; tokens are added in
// order.
func (f *fragmentFile) add(t string, fl flatList) {
	if fl.capped {
		f.Capped = append(f.Capped, t)
	}
	f.Postings[t] = fl.flat
}

// shardFile encodes a document shard, each text cut to MaxText.
func shardFile(in []Doc, opts Options) []byte {
	shard := slices.Clone(in)
	for i := range shard {
		shard[i].Text = truncate(shard[i].Text, opts.MaxText)
	}
	data, _ := json.Marshal(shard)
	return data
}

const metaName = "search/index/meta.json"

func metaFile(fragments, docs int, parts map[string][2]int, opts Options) []byte {
	meta, _ := json.Marshal(Meta{Fragments: fragments, ShardDocs: opts.ShardDocs, Docs: docs, Parts: parts})
	return meta
}

// partRanges finds the run of documents of each part; a part whose
// documents do not follow each other has none (its queries check each
// result's part).
func partRanges(docs []Doc) map[string][2]int {
	var out map[string][2]int
	split := map[string]bool{}
	for i := 0; i < len(docs); {
		part := docs[i].Part
		j := i + 1
		for j < len(docs) && docs[j].Part == part {
			j++
		}
		if part != "" {
			if out == nil {
				out = map[string][2]int{}
			}
			if _, seen := out[part]; seen {
				split[part] = true
			}
			out[part] = [2]int{i, j}
		}
		i = j
	}
	for part := range split {
		delete(out, part)
	}
	return out
}

func fragmentName(i int) string { return "search/index/t-" + strconv.Itoa(i) + ".json" }
func shardName(k int) string    { return "search/index/d-" + strconv.Itoa(k) + ".json" }

// posting is a document holding a token and the token's score there.
type posting struct{ doc, score int32 } // 8 bytes: a build holds every posting

// best returns the n highest-scoring postings of l, the earlier document
// first among equal scores, in document order. It finds the lowest score
// kept by counting scores rather than sorting: a common token's list holds
// most documents, and this runs on every rebuild.
// flatList is a token's posting list as a fragment holds it.
type flatList struct {
	flat   []int // document id gaps and scores, alternating
	capped bool  // the list kept only the best MaxPostings documents
}

// flatten lays out l (sorted by document) for a fragment: at most max
// postings (0: all), document ids as gaps from the previous one — smaller
// numbers, shorter JSON.
func flatten(l []posting, max int) flatList {
	var fl flatList
	if max > 0 && len(l) > max {
		l, fl.capped = best(l, max), true
	}
	fl.flat = make([]int, 0, 2*len(l))
	prev := 0
	for _, p := range l {
		fl.flat = append(fl.flat, int(p.doc)-prev, int(p.score))
		prev = int(p.doc)
	}
	return fl
}

func best(l []posting, n int) []posting {
	threshold, room := cutoff(l, n)
	out := make([]posting, 0, n)
	for _, p := range l {
		switch {
		case int(p.score) > threshold:
			out = append(out, p)
		case int(p.score) == threshold && room > 0:
			out = append(out, p)
			room--
		}
	}
	return out
}

func truncate(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// cutoff returns the lowest score best keeps (threshold) and how many
// postings of that score it keeps (room). Scores are small counts, so
// they are tallied in a slice rather than a map or a sort: capped lists
// are the longest, and the commonest tokens are touched by every edit.
func cutoff(l []posting, n int) (threshold, room int) {
	top := 0
	for _, p := range l {
		top = max(top, int(p.score))
	}
	if top > 4*len(l)+1024 {
		// A token repeated thousands of times in one huge document: sort
		// rather than tally a slice that large.
		scores := make([]int, len(l))
		for i, p := range l {
			scores[i] = int(p.score)
		}
		slices.Sort(scores)
		threshold = scores[len(scores)-n]
		above := 0
		for _, sc := range scores {
			if sc > threshold {
				above++
			}
		}
		return threshold, n - above
	}
	tally := make([]int, top+1)
	for _, p := range l {
		tally[p.score]++
	}
	above := 0
	for score := top; score >= 0; score-- {
		c := tally[score]
		if above+c >= n {
			return score, n - above
		}
		above += c
	}
	return 0, 0
}
