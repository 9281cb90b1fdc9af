package search

import (
	"encoding/binary"
	"runtime"
	"slices"
	"strings"

	"folio/internal/cjk"
	"folio/internal/par"
)

// Build makes the index files of docs, as Incremental's Build does, and
// passes each to put (by site path under search/index/) as soon as it is
// made; put is called from several goroutines at once. It keeps nothing,
// for a build that makes its index once: a one-shot build of 10,000
// chapters held its posting lists at 8 bytes a posting, every document's
// text and every file at once.
//
//   - The documents are split into a run of whole shards for each core.
//     Each core numbers the tokens it meets, counts each document's in an
//     array by number, appends its postings to lists of its own, packed
//     as varints (a document's gap from the list's last and its score:
//     two or three bytes a posting), and writes each shard as soon as it
//     has counted its documents, which are then let go: Build owns docs,
//     and clears them.
//   - The runs' lists are joined in order, so each stays sorted by
//     document; fragments are then laid out, written and let go in
//     parallel.
func Build(docs []Doc, opts Options, put func(name string, data []byte)) {
	if opts.FragmentBytes == 0 {
		opts = DefaultOptions
	}
	shards := (len(docs) + opts.ShardDocs - 1) / opts.ShardDocs
	parts, count := partRanges(docs), len(docs) // before the documents go
	runs := max(1, min(runtime.GOMAXPROCS(0), shards))
	perRun := (shards + runs - 1) / runs
	lists := make([]runLists, runs)
	par.Do(runs, func(r int) { lists[r].count(docs, r*perRun, min((r+1)*perRun, shards), opts, put) })
	// The runs' lists joined into the first's, by token.
	all := &lists[0]
	ids := make(map[string]int32, len(all.tokens))
	for id, t := range all.tokens {
		ids[t] = int32(id)
	}
	for _, run := range lists[1:] {
		for id, t := range run.tokens {
			l := &run.lists[id]
			if first, ok := ids[t]; ok {
				all.lists[first].join(l)
			} else {
				ids[t] = int32(len(all.lists))
				all.lists = append(all.lists, *l)
				all.tokens = append(all.tokens, t)
			}
		}
	}
	// Every document is let go and counted: collected now, the
	// fragments' garbage is collected from a heap goal twice the lists,
	// not twice the documents (Build is for a build that makes its index
	// once, so the pause is paid once).
	runtime.GC()

	entries := 0
	for _, l := range all.lists {
		entries += cappedLen(int(l.n), opts)
	}
	fragments := fragmentCount(entries, len(all.lists), opts)
	byFragment := make([][]tokenList, fragments)
	for id, t := range all.tokens {
		f := Fragment(t, fragments)
		byFragment[f] = append(byFragment[f], tokenList{t, &all.lists[id]})
	}
	all.tokens = nil
	par.Do(fragments, func(i int) {
		in := byFragment[i]
		byFragment[i] = nil
		slices.SortFunc(in, func(a, b tokenList) int { return strings.Compare(a.token, b.token) })
		f := fragmentFile{Postings: make(map[string][]int, len(in)), order: make([]string, len(in))}
		for j, e := range in {
			f.order[j] = e.token
			f.add(e.token, flatten(e.list.postings(), opts.MaxPostings))
			e.list.data, e.list.next = nil, nil
		}
		put(fragmentName(i), f.encode())
	})
	put(metaName, metaFile(fragments, count, parts, opts))
}

// runLists are the posting lists of a run of documents: the tokens met,
// numbered in order, and the list of each number.
type runLists struct {
	tokens []string // by number
	lists  []packedList
}

// count counts the documents of shards from to to, appends their postings
// to l's lists and writes each shard as soon as its documents are
// counted; the documents are then cleared.
//
// One document's counts at a time, by token number: a map for each
// document was most of what the index allocated (600 MB for 10,000
// chapters), and a map reused for each, emptied and walked, most of its
// counting. Han characters and pairs, nearly every token of Chinese
// text, are numbered by their code points (a common character's in an
// array) rather than their text: hashing strings was a third of the
// counting.
func (l *runLists) count(docs []Doc, from, to int, opts Options, put func(name string, data []byte)) {
	words := map[string]int32{}
	pairs := map[uint64]int32{}                           // by the code points, the first in the high half
	var common [cjk.CommonEnd - cjk.CommonStart + 1]int32 // a common character's number + 1
	others := map[rune]int32{}                            // other Han characters' numbers
	var scores []int32                                    // by token number, of the document counted
	var met []int32                                       // the numbers of its tokens, as met
	number := func(t string) int32 {
		// A copy: the token is a piece of the document's text, which
		// goes once its shard is written.
		l.tokens = append(l.tokens, strings.Clone(t))
		l.lists = append(l.lists, packedList{})
		scores = append(scores, 0)
		return int32(len(l.lists) - 1)
	}
	add := func(id, n int32) {
		if scores[id] == 0 {
			met = append(met, id)
		}
		scores[id] += n
	}
	var text string // being counted
	var score int32
	var last rune // the Han character before, when prev >= 0
	han := func(r rune, i, size, prev int) {
		var id int32
		if r >= cjk.CommonStart && r <= cjk.CommonEnd {
			n := &common[r-cjk.CommonStart]
			if *n == 0 {
				*n = number(text[i:i+size]) + 1
			}
			id = *n - 1
		} else if known, ok := others[r]; ok {
			id = known
		} else {
			id = number(text[i : i+size])
			others[r] = id
		}
		add(id, score)
		if prev >= 0 {
			key := uint64(last)<<32 | uint64(r)
			id, ok := pairs[key]
			if !ok {
				id = number(text[prev : i+size])
				pairs[key] = id
			}
			add(id, score)
		}
		last = r
	}
	word := func(w string) {
		w = strings.ToLower(w)
		id, ok := words[w]
		if !ok {
			id = number(w)
			words[l.tokens[id]] = id
		}
		add(id, score)
	}
	for k := from; k < to; k++ {
		first, end := k*opts.ShardDocs, min((k+1)*opts.ShardDocs, len(docs))
		for doc := first; doc < end; doc++ {
			text, score = normalized(docs[doc].Title+" "+docs[doc].Section), 10
			scan(text, han, word)
			text, score = normalized(docs[doc].Text), 1
			scan(text, han, word)
			for _, id := range met {
				l.lists[id].add(int32(doc), scores[id])
				scores[id] = 0
			}
			met = met[:0]
		}
		put(shardName(k), shardFile(docs[first:end], opts))
		clear(docs[first:end])
	}
}

// tokenList is a token and its posting list.
type tokenList struct {
	token string
	list  *packedList
}

// packedList is a posting list as Build gathers it: for each posting,
// the document's gap from the one before and the score, as varints.
// Lists joined to it follow in next, each with gaps of its own from
// document 0.
type packedList struct {
	data []byte
	last int32 // the document of the last posting
	n    int32 // postings, with those of next
	next *packedList
}

// join appends next, whose documents all come after l's, by reference:
// copying them into l grew every list of the index again.
func (l *packedList) join(next *packedList) {
	last := l
	for last.next != nil {
		last = last.next
	}
	last.next = next
	l.n += next.n
}

func (l *packedList) add(doc, score int32) {
	l.data = binary.AppendUvarint(l.data, uint64(doc-l.last))
	l.data = binary.AppendUvarint(l.data, uint64(score))
	l.last = doc
	l.n++
}

// postings unpacks the list and those joined to it.
func (l *packedList) postings() []posting {
	out := make([]posting, 0, l.n)
	for ; l != nil; l = l.next {
		doc := int32(0)
		for b := l.data; len(b) > 0; {
			gap, k := binary.Uvarint(b)
			b = b[k:]
			score, k := binary.Uvarint(b)
			b = b[k:]
			doc += int32(gap)
			out = append(out, posting{doc, int32(score)})
		}
	}
	return out
}
