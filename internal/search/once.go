package search

import (
	"encoding/binary"
	"runtime"
	"slices"
	"strings"

	"folio/internal/par"
)

// Build makes the index files of docs, as Incremental's Build does, and
// passes each to put (by site path under search/index/) as soon as it is
// made; put is called from several goroutines at once. It keeps nothing,
// for a build that makes its index once: a one-shot build of 10,000
// chapters held its posting lists at 8 bytes a posting, every document's
// text and every file at once.
//
//   - Documents are counted a batch at a time, their postings appended
//     to lists packed as varints (a document's gap from the list's last
//     and its score: two or three bytes a posting).
//   - Tokens are counted into a part for each core (partOf), so the
//     postings of a batch are appended on every core: on one, appending
//     was a third of the index's time.
//   - A document shard is written as soon as its documents are counted,
//     and the documents are then let go: Build owns docs, and clears them.
//   - Fragments are laid out, written and let go in parallel.
func Build(docs []Doc, opts Options, put func(name string, data []byte)) {
	if opts.FragmentBytes == 0 {
		opts = DefaultOptions
	}
	parts := runtime.GOMAXPROCS(0)
	lists := make([]map[string]*packedList, parts)
	for p := range lists {
		lists[p] = map[string]*packedList{}
	}
	const batch = 256
	counts := make([][]map[string]int, batch) // by document of the batch, then part
	shard := 0                                // the next shard to write
	for start := 0; start < len(docs); start += batch {
		n := min(batch, len(docs)-start)
		par.Do(n, func(i int) { counts[i] = countParts(docs[start+i], parts) })
		// Each part in document order, so each list stays sorted by
		// document.
		par.Do(parts, func(p int) {
			for i := range n {
				for t, score := range counts[i][p] {
					l := lists[p][t]
					if l == nil {
						l = &packedList{}
						lists[p][t] = l
					}
					l.add(int32(start+i), int32(score))
				}
			}
		})
		clear(counts)
		counted := start + n
		done := shard
		for done*opts.ShardDocs < len(docs) && min((done+1)*opts.ShardDocs, len(docs)) <= counted {
			done++
		}
		par.Do(done-shard, func(i int) {
			k := shard + i
			from, to := k*opts.ShardDocs, min((k+1)*opts.ShardDocs, len(docs))
			put(shardName(k), shardFile(docs[from:to], opts))
			clear(docs[from:to])
		})
		shard = done
	}

	entries, tokens := 0, 0
	for _, part := range lists {
		tokens += len(part)
		for _, l := range part {
			entries += cappedLen(int(l.n), opts)
		}
	}
	fragments := fragmentCount(entries, tokens, opts)
	byFragment := make([][]tokenList, fragments)
	for p, part := range lists {
		for t, l := range part {
			f := Fragment(t, fragments)
			byFragment[f] = append(byFragment[f], tokenList{t, l})
		}
		lists[p] = nil
	}
	par.Do(fragments, func(i int) {
		in := byFragment[i]
		byFragment[i] = nil
		slices.SortFunc(in, func(a, b tokenList) int { return strings.Compare(a.token, b.token) })
		f := fragmentFile{Postings: make(map[string][]int, len(in)), order: make([]string, len(in))}
		for j, e := range in {
			f.order[j] = e.token
			f.add(e.token, flatten(e.list.postings(), opts.MaxPostings))
			e.list.data = nil
		}
		put(fragmentName(i), f.encode())
	})
	put(metaName, metaFile(fragments, len(docs), opts))
}

// tokenList is a token and its posting list.
type tokenList struct {
	token string
	list  *packedList
}

// packedList is a posting list as Build gathers it: for each posting,
// the document's gap from the one before and the score, as varints.
type packedList struct {
	data []byte
	last int32 // the document of the last posting
	n    int32 // postings
}

func (l *packedList) add(doc, score int32) {
	l.data = binary.AppendUvarint(l.data, uint64(doc-l.last))
	l.data = binary.AppendUvarint(l.data, uint64(score))
	l.last = doc
	l.n++
}

// postings unpacks the list.
func (l *packedList) postings() []posting {
	out := make([]posting, 0, l.n)
	doc := int32(0)
	for b := l.data; len(b) > 0; {
		gap, k := binary.Uvarint(b)
		b = b[k:]
		score, k := binary.Uvarint(b)
		b = b[k:]
		doc += int32(gap)
		out = append(out, posting{doc, int32(score)})
	}
	return out
}
