package search

import (
	"encoding/json"
	"fmt"
	"slices"
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
}

// Meta is search/index/meta.json.
type Meta struct {
	Fragments int `json:"fragments"`
	ShardDocs int `json:"shard"`
	Docs      int `json:"docs"`
}

// Build returns the index files by site path under search/index/.
func Build(docs []Doc, opts Options) map[string][]byte {
	if opts.FragmentBytes == 0 {
		opts = DefaultOptions
	}
	// Each document's tokens are counted on their own, in parallel; a
	// token in the title or section heading counts ten times. Then the
	// counts are gathered in document order, so each posting list is
	// already sorted by document.
	counts := make([]map[string]int, len(docs))
	par.Do(len(docs), func(id int) {
		m := map[string]int{}
		for _, t := range Tokens(docs[id].Title + " " + docs[id].Section) {
			m[t] += 10
		}
		for _, t := range Tokens(docs[id].Text) {
			m[t]++
		}
		counts[id] = m
	})
	type posting struct{ doc, score int }
	lists := map[string][]posting{}
	for id, m := range counts {
		for t, c := range m {
			lists[t] = append(lists[t], posting{id, c})
		}
	}
	entries := 0
	for _, l := range lists {
		entries += len(l)
	}
	// About 8 bytes of JSON a posting, plus the tokens.
	fragments := 8
	for fragments*opts.FragmentBytes < entries*8+len(lists)*12 {
		fragments *= 2
	}
	byFragment := make([]fragmentFile, fragments)
	for i := range byFragment {
		byFragment[i] = fragmentFile{Postings: map[string][]int{}}
	}
	for _, t := range sortedKeys(lists) {
		l := lists[t] // sorted by document
		f := &byFragment[Fragment(t, fragments)]
		if opts.MaxPostings > 0 && len(l) > opts.MaxPostings {
			best := slices.Clone(l)
			slices.SortFunc(best, func(a, b posting) int {
				if a.score != b.score {
					return b.score - a.score
				}
				return a.doc - b.doc
			})
			l = best[:opts.MaxPostings]
			slices.SortFunc(l, func(a, b posting) int { return a.doc - b.doc })
			f.Capped = append(f.Capped, t)
		}
		// Document ids as gaps from the previous one: smaller numbers,
		// shorter JSON.
		flat := make([]int, 0, 2*len(l))
		prev := 0
		for _, p := range l {
			flat = append(flat, p.doc-prev, p.score)
			prev = p.doc
		}
		f.Postings[t] = flat
	}
	files := map[string][]byte{}
	for i, f := range byFragment {
		data, _ := json.Marshal(f) // map keys are sorted: deterministic
		files[fmt.Sprintf("search/index/t-%d.json", i)] = data
	}
	for start := 0; start < len(docs); start += opts.ShardDocs {
		shard := slices.Clone(docs[start:min(start+opts.ShardDocs, len(docs))])
		for i := range shard {
			shard[i].Text = truncate(shard[i].Text, opts.MaxText)
		}
		data, _ := json.Marshal(shard)
		files[fmt.Sprintf("search/index/d-%d.json", start/opts.ShardDocs)] = data
	}
	meta, _ := json.Marshal(Meta{Fragments: fragments, ShardDocs: opts.ShardDocs, Docs: len(docs)})
	files["search/index/meta.json"] = meta
	return files
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func truncate(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
