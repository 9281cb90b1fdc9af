package site_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

func newDevSession(b *testing.B) (*site.Session, string, func() *site.Result) {
	dir := largePublication(b)
	s := site.NewSession(site.Options{Options: config.Options{Src: dir}, CacheDir: b.TempDir(), Dev: true, NoEditions: true})
	return s, dir, func() *site.Result {
		var diags diag.List
		res, err := s.Build(context.Background(), output.NewMemory(), &diags)
		if err != nil || diags.HasErrors() {
			b.Fatalf("%v %v", err, diags.Items()[:min(5, diags.Len())])
		}
		return res
	}
}

// BenchmarkRebuild1000OneChapter is the dev server's rebuild after an edit
// of one chapter's text among 1,000 (BenchmarkSaveToReload1000 adds the
// watcher and the reload message to it).
func BenchmarkRebuild1000OneChapter(b *testing.B) {
	s, dir, build := newDevSession(b)
	build()
	chapter := filepath.Join(dir, "content", "chapters", "00500-chapter-500.md")
	original, err := os.ReadFile(chapter)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		if err := os.WriteFile(chapter, fmt.Appendf(slices.Clip(original), "\n本篇第%d次修订。\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		s.Assume([]string{chapter}) // as the dev server's watcher tells it
		if res := build(); !slices.Contains(res.Rendered, "chapter-500/index.html") {
			b.Fatalf("the edited chapter was not rendered: %v", res.Rendered)
		}
	}
}

// BenchmarkRebuild1000NoChange is the dev server's rebuild of 1,000
// generated chapters when nothing they depend on changed: it must render
// nothing, and its time is the floor under every rebuild.
func BenchmarkRebuild1000NoChange(b *testing.B) {
	s, _, build := newDevSession(b)
	build()
	for b.Loop() {
		s.Assume(nil) // the watcher saw nothing
		if res := build(); len(res.Rendered) != 0 || len(res.Converted) != 0 {
			b.Fatalf("a rebuild with no change converted %d and rendered %d", len(res.Converted), len(res.Rendered))
		}
	}
}
