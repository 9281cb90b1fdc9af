package search

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
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
		want := Build(slices.Clone(docs), opts) // Build cuts the texts of the docs it is given
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
