package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Result is a ranked document.
type Result struct {
	Doc
	Score int
}

// Query runs a query as search.js does, reading index files through load;
// it also returns how many bytes of index it read, which is what a reader
// downloads for the query.
func Query(load func(name string) ([]byte, bool), query string, limit int) ([]Result, int, error) {
	return QueryIn(load, query, limit, "")
}

// QueryIn is Query within one part of a series (an installment's slug),
// as search.js does with its filter; "" is the whole.
func QueryIn(load func(name string) ([]byte, bool), query string, limit int, part string) ([]Result, int, error) {
	read := 0
	get := func(name string, v any) error {
		data, ok := load("search/index/" + name)
		if !ok {
			return fmt.Errorf("no %s", name)
		}
		read += len(data)
		return json.Unmarshal(data, v)
	}
	tokens := QueryTokens(query)
	if len(tokens) == 0 {
		return nil, 0, nil
	}
	var meta Meta
	if err := get("meta.json", &meta); err != nil {
		return nil, read, err
	}
	fragments := map[int]*fragmentFile{}
	type list struct {
		docs   map[int]int
		capped bool
	}
	var lists []list
	for _, t := range tokens {
		f := Fragment(t, meta.Fragments)
		if fragments[f] == nil {
			var frag fragmentFile
			if err := get(fmt.Sprintf("t-%d.json", f), &frag); err != nil {
				return nil, read, err
			}
			fragments[f] = &frag
		}
		l := list{docs: map[int]int{}, capped: slices.Contains(fragments[f].Capped, t)}
		flat, doc := fragments[f].Postings[t], 0
		for i := 0; i+1 < len(flat); i += 2 {
			doc += flat[i]
			l.docs[doc] = flat[i+1]
		}
		lists = append(lists, l)
	}
	// Documents must be in every complete list; a capped list only adds
	// to the score, and the text of the results is checked for its token.
	anyComplete, anyCapped := false, false
	for _, l := range lists {
		anyComplete = anyComplete || !l.capped
		anyCapped = anyCapped || l.capped
	}
	var scores map[int]int
	for _, l := range lists {
		if l.capped && anyComplete {
			continue
		}
		next := map[int]int{}
		for d, s := range l.docs {
			if scores == nil {
				next[d] = s
			} else if prev, ok := scores[d]; ok {
				next[d] = prev + s
			}
		}
		scores = next
	}
	for _, l := range lists {
		if l.capped && anyComplete {
			for d := range scores {
				scores[d] += l.docs[d]
			}
		}
	}
	type ranked struct{ doc, score int }
	var candidates []ranked
	r, ranged := meta.Parts[part]
	for d, s := range scores {
		if ranged && (d < r[0] || d >= r[1]) {
			continue // another installment's
		}
		candidates = append(candidates, ranked{d, s})
	}
	slices.SortFunc(candidates, func(a, b ranked) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return a.doc - b.doc
	})
	terms := Terms(query)
	shards := map[int][]Doc{}
	var out []Result
	for i, c := range candidates {
		if len(out) >= limit || (anyCapped && i >= 5*limit) {
			break
		}
		s := c.doc / meta.ShardDocs
		if shards[s] == nil {
			var docs []Doc
			if err := get(fmt.Sprintf("d-%d.json", s), &docs); err != nil {
				return nil, read, err
			}
			shards[s] = docs
		}
		d := shards[s][c.doc%meta.ShardDocs]
		if part != "" && d.Part != part {
			continue
		}
		if anyCapped && !containsAll(d, terms) {
			continue
		}
		out = append(out, Result{Doc: d, Score: c.score})
	}
	return out, read, nil
}

// Terms are the runs of a query a result must contain: each run of Han
// characters and each word, normalised.
func Terms(query string) []string {
	var terms []string
	for _, f := range strings.FieldsFunc(strings.ToLower(norm.NFKC.String(query)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		terms = append(terms, f)
	}
	return terms
}

func containsAll(d Doc, terms []string) bool {
	text := strings.ToLower(norm.NFKC.String(d.Title + " " + d.Section + " " + d.Text))
	for _, t := range terms {
		if !strings.Contains(text, t) {
			return false
		}
	}
	return true
}
