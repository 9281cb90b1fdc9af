package search

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
)

// TestIncrementalBuildsWhatBuildDoes edits, adds and removes documents
// between builds and checks that each incremental build writes exactly the
// files of a build from scratch.
func TestIncrementalBuildsWhatBuildDoes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"园区", "项目", "建设", "营商环境", "尼龙", "新材料", "帮办", "服务", "GDP", "数字化", "平台", "招商", "第45批"}
	text := func() string {
		s := ""
		for range 5 + r.IntN(40) {
			s += words[r.IntN(len(words))]
			if r.IntN(4) == 0 {
				s += "，"
			}
		}
		return s
	}
	var docs []Doc
	for i := range 60 {
		docs = append(docs, Doc{Title: fmt.Sprint("篇", i%7), Section: words[i%len(words)], URL: fmt.Sprintf("/p%d/#s%d", i/4, i%4), Text: text()})
	}
	// A small cap and fragments, so capped lists and many files are exercised.
	opts := Options{FragmentBytes: 256, ShardDocs: 4, MaxText: 40, MaxPostings: 12}
	var x Incremental
	counts := make([]*Counts, len(docs))
	for step := range 40 {
		switch {
		case step == 0:
		case step%10 == 9: // a section added: every list is gathered again
			docs = append(docs, Doc{Title: "新篇", URL: fmt.Sprintf("/new%d/", step), Text: text()})
			counts = append(counts, nil)
		default: // some sections' text edited
			for range 1 + r.IntN(3) {
				i := r.IntN(len(docs))
				docs[i].Text = text()
				counts[i] = nil
			}
		}
		got := x.Build(docs, counts, opts)
		want := buildOnce(t, slices.Clone(docs), opts) // Build clears the docs it is given
		if !maps.EqualFunc(got, want, func(a, b []byte) bool { return string(a) == string(b) }) {
			for name := range want {
				if string(got[name]) != string(want[name]) {
					t.Fatalf("step %d: %s differs:\n got %s\nwant %s", step, name, got[name], want[name])
				}
			}
			t.Fatalf("step %d: the files differ (%d vs %d)", step, len(got), len(want))
		}
		counts = copyCounts(x.counts)
	}
}

// copyCounts copies the counts an Incremental kept, as a caller keeps them.
func copyCounts(c []*Counts) []*Counts { return append([]*Counts(nil), c...) }

// Build writes shards as their documents are counted, a batch at a time:
// with more documents than a batch and shards that straddle batches, its
// files are still exactly Incremental's.
func TestBuildAcrossBatchesWritesWhatIncrementalDoes(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"园区", "项目", "建设", "营商环境", "尼龙", "新材料", "帮办", "服务", "GDP", "数字化", "平台", "招商"}
	var docs []Doc
	for i := range 700 {
		s := ""
		for range 3 + r.IntN(30) {
			s += words[r.IntN(len(words))]
		}
		docs = append(docs, Doc{Title: fmt.Sprint("篇", i/5), URL: fmt.Sprintf("/p%d/#s%d", i/5, i%5), Text: s})
	}
	opts := Options{FragmentBytes: 512, ShardDocs: 7, MaxText: 20, MaxPostings: 50}
	buildsWhatIncrementalDoes(t, docs, opts)
}

// buildsWhatIncrementalDoes fails t unless Build writes exactly the files
// Incremental's Build makes of docs.
func buildsWhatIncrementalDoes(t *testing.T, docs []Doc, opts Options) {
	t.Helper()
	var x Incremental
	want := x.Build(docs, nil, opts)
	got := buildOnce(t, slices.Clone(docs), opts) // Build clears the docs it is given
	if len(got) != len(want) {
		t.Fatalf("Build wrote %d files, Incremental %d", len(got), len(want))
	}
	for name, data := range want {
		if string(got[name]) != string(data) {
			t.Fatalf("%s differs:\n got %s\nwant %s", name, got[name], data)
		}
	}
}

// buildOnce returns the files Build writes, failing t when one is written
// twice.
func buildOnce(t *testing.T, docs []Doc, opts Options) map[string][]byte {
	files := map[string][]byte{}
	var mu sync.Mutex // Build writes from several goroutines
	Build(docs, opts, func(name string, data []byte) {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := files[name]; ok {
			t.Errorf("%s written twice", name)
		}
		files[name] = data
	})
	return files
}

// Build numbers Han characters and pairs by their code points, and words
// by their text: on text of every kind of token (common and rare Han
// characters, pairs across the two, words with capitals, characters NFKC
// changes, titles weighted above text), it writes what Incremental, which
// counts the tokens' text, does.
func TestBuildCountsEveryKindOfToken(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"园", "区", "㐀", "𠀀", "𠀁", "鿿", "一", "Ｇｄｐ", "GDP", "gdp", "①", "㍿", "ﬁ", "Straße", " ", "，", "。", "2021", "٣", "é", "é", "\u3007", "〸"}
	text := func(n int) string {
		s := ""
		for range n {
			s += pieces[r.IntN(len(pieces))]
		}
		return s
	}
	var docs []Doc
	for i := range 300 {
		docs = append(docs, Doc{Title: text(3), Section: text(2), URL: fmt.Sprintf("/p%d/#s%d", i/3, i%3), Text: text(5 + r.IntN(60))})
	}
	opts := Options{FragmentBytes: 512, ShardDocs: 5, MaxText: 30, MaxPostings: 40}
	buildsWhatIncrementalDoes(t, docs, opts)
}
