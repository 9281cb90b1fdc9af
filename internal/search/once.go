package search

import (
	"encoding/binary"
	"slices"

	"folio/internal/par"
)

// Build makes the index files of docs, as Incremental's Build does, and
// passes each to put (by site path under search/index/) as soon as it is
// made. It keeps nothing, for a build that makes its index once: a
// one-shot build of 10,000 chapters held its posting lists at 8 bytes a
// posting, every document's text and every file at once.
//
//   - Documents are counted a batch at a time, their postings appended
//     to lists packed as varints (a document's gap from the list's last
//     and its score: two or three bytes a posting).
//   - A document shard is written as soon as its documents are counted,
//     and the documents are then let go: Build owns docs, and clears them.
//   - Fragments are laid out, written and let go one at a time.
func Build(docs []Doc, opts Options, put func(name string, data []byte)) {
	if opts.FragmentBytes == 0 {
		opts = DefaultOptions
	}
	lists := map[string]*packedList{}
	const batch = 256
	counts := make([]*Counts, batch)
	shard := 0 // the next shard to write
	for start := 0; start < len(docs); start += batch {
		n := min(batch, len(docs)-start)
		par.Do(n, func(i int) { counts[i] = Count(docs[start+i]) })
		// In document order, so each list stays sorted by document.
		for i, c := range counts[:n] {
			for t, score := range c.tokens {
				l := lists[t]
				if l == nil {
					l = &packedList{}
					lists[t] = l
				}
				l.add(int32(start+i), int32(score))
			}
			counts[i] = nil
		}
		counted := start + n
		for ; shard*opts.ShardDocs < counted; shard++ {
			from, to := shard*opts.ShardDocs, min((shard+1)*opts.ShardDocs, len(docs))
			if to > counted {
				break // its last documents are in the next batch
			}
			put(shardName(shard), shardFile(docs[from:to], opts))
			clear(docs[from:to])
		}
	}

	entries := 0
	for _, l := range lists {
		entries += cappedLen(int(l.n), opts)
	}
	fragments := fragmentCount(entries, len(lists), opts)
	byFragment := make([][]string, fragments)
	for t := range lists {
		f := Fragment(t, fragments)
		byFragment[f] = append(byFragment[f], t)
	}
	for i, tokens := range byFragment {
		byFragment[i] = nil
		slices.Sort(tokens)
		f := fragmentFile{Postings: make(map[string][]int, len(tokens)), order: tokens}
		for _, t := range tokens {
			f.add(t, flatten(lists[t].postings(), opts.MaxPostings))
			delete(lists, t)
		}
		put(fragmentName(i), f.encode())
	}
	put(metaName, metaFile(fragments, len(docs), opts))
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
