package search

import (
	"fmt"
	"sync"
	"testing"
)

// TestQueryWithinAPart finds a series' documents of one installment
// alone, and loads no shard of another installment's to do so.
func TestQueryWithinAPart(t *testing.T) {
	var docs []Doc
	for _, part := range []string{"gaoxin", "xinhua", "weidong"} {
		for i := range 40 {
			docs = append(docs, Doc{Title: part, URL: fmt.Sprintf("%s/c%d/", part, i), Text: "园区建设 项目", Part: part})
		}
	}
	files := map[string][]byte{}
	var mu sync.Mutex // Build writes from several goroutines
	Build(docs, Options{FragmentBytes: 1 << 10, ShardDocs: 8, MaxText: 100, MaxPostings: 1000}, func(name string, data []byte) {
		mu.Lock()
		files[name] = data
		mu.Unlock()
	})
	var loaded []string
	load := func(name string) ([]byte, bool) {
		loaded = append(loaded, name)
		data, ok := files[name]
		return data, ok
	}
	results, _, err := QueryIn(load, "园区", 10, "xinhua")
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 10 {
		t.Fatalf("%d results, want 10", len(results))
	}
	for _, r := range results {
		if r.Part != "xinhua" {
			t.Errorf("result %s is of %s", r.URL, r.Part)
		}
	}
	for _, name := range loaded {
		var shard int
		if _, err := fmt.Sscanf(name, "search/index/d-%d.json", &shard); err == nil && (shard*8 < 40 || shard*8 >= 80) {
			t.Errorf("loaded %s, a shard of another installment", name)
		}
	}
}

func TestPartRanges(t *testing.T) {
	doc := func(part string) Doc { return Doc{Part: part} }
	for _, c := range []struct {
		name string
		docs []Doc
		want map[string][2]int
	}{
		{"a publication", []Doc{doc(""), doc("")}, nil},
		{"the home's documents, then each installment's", []Doc{doc(""), doc("a"), doc("a"), doc("b")}, map[string][2]int{"a": {1, 3}, "b": {3, 4}}},
		{"an installment's documents apart", []Doc{doc("a"), doc("b"), doc("a")}, map[string][2]int{"b": {1, 2}}},
	} {
		if got := partRanges(c.docs); fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
