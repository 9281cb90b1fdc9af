package search

import (
	"encoding/json"
	"fmt"
	"slices"
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
	fragments := map[int]map[string][]int{}
	var scores map[int]int
	for _, t := range tokens {
		f := Fragment(t, meta.Fragments)
		if fragments[f] == nil {
			var frag map[string][]int
			if err := get(fmt.Sprintf("t-%d.json", f), &frag); err != nil {
				return nil, read, err
			}
			fragments[f] = frag
		}
		flat := fragments[f][t]
		next := map[int]int{}
		for i := 0; i+1 < len(flat); i += 2 {
			if scores == nil {
				next[flat[i]] = flat[i+1]
			} else if s, ok := scores[flat[i]]; ok {
				next[flat[i]] = s + flat[i+1]
			}
		}
		scores = next
	}
	type ranked struct{ doc, score int }
	var list []ranked
	for d, s := range scores {
		list = append(list, ranked{d, s})
	}
	slices.SortFunc(list, func(a, b ranked) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return a.doc - b.doc
	})
	if len(list) > limit {
		list = list[:limit]
	}
	shards := map[int][]Doc{}
	var out []Result
	for _, r := range list {
		s := r.doc / meta.ShardDocs
		if shards[s] == nil {
			var docs []Doc
			if err := get(fmt.Sprintf("d-%d.json", s), &docs); err != nil {
				return nil, read, err
			}
			shards[s] = docs
		}
		out = append(out, Result{Doc: shards[s][r.doc%meta.ShardDocs], Score: r.score})
	}
	return out, read, nil
}
