package search_test

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"folio/internal/benchgen"
	"folio/internal/frontmatter"
	"folio/internal/markdown"
	"folio/internal/search"
)

// BenchmarkIndex10000 builds the index of a generated publication of
// 10,000 chapters and reports its size and what typical queries download
// (index fragments and document shards).
func BenchmarkIndex10000(b *testing.B) {
	dir := b.TempDir()
	if err := benchgen.Generate(dir, 10000, 1); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "content", "chapters", "*.md"))
	conv := markdown.New(markdown.Options{})
	var docs []search.Doc
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		_, _, body, _, _ := frontmatter.Split(data)
		res, err := conv.Convert(body, nil)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, search.Sections(filepath.Base(f), filepath.Base(f)+"/", res.HTML)...)
	}
	var index map[string][]byte
	for b.Loop() {
		index = map[string][]byte{}
		var mu sync.Mutex                                                                        // Build writes from several goroutines
		search.Build(slices.Clone(docs), search.DefaultOptions, func(name string, data []byte) { // Build clears the docs it is given
			mu.Lock()
			index[name] = data
			mu.Unlock()
		})
	}
	total := 0
	for _, data := range index {
		total += len(data)
	}
	load := func(name string) ([]byte, bool) { d, ok := index[name]; return d, ok }
	var loaded []int
	for _, q := range []string{"园区", "项目建设", "营商环境", "党员", "数字化管理平台", "第45批", "服务效率", "招商"} {
		results, bytes, err := search.Query(load, q, 20)
		if err != nil || len(results) == 0 {
			b.Fatalf("%s: %v, %d results", q, err, len(results))
		}
		loaded = append(loaded, bytes)
	}
	slices.Sort(loaded)
	b.ReportMetric(float64(len(docs)), "sections")
	b.ReportMetric(float64(total)/(1<<20), "index-MB")
	b.ReportMetric(float64(loaded[len(loaded)/2])/1024, "KB-median/query")
	b.ReportMetric(float64(loaded[len(loaded)-1])/1024, "KB-max/query")
}
