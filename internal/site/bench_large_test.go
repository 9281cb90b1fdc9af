package site_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"folio/internal/benchgen"
	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

// largePublication writes a 1,000-chapter publication once per benchmark
// (FOLIO_BENCH_CHAPTERS sets another count, to see how costs scale).
func largePublication(b *testing.B) string {
	dir := b.TempDir()
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("FOLIO_BENCH_CHAPTERS")); err == nil && v > 0 {
		n = v
	}
	if err := benchgen.Generate(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkBuild1000 is a full build of 1,000 generated chapters.
func BenchmarkBuild1000(b *testing.B) {
	opts := site.Options{Options: config.Options{Src: largePublication(b)}, CacheDir: b.TempDir()}
	for b.Loop() {
		var diags diag.List
		if _, err := site.Build(context.Background(), opts, output.NewMemory(), &diags); err != nil || diags.HasErrors() {
			b.Fatalf("%v %v", err, diags.Items()[:min(5, diags.Len())])
		}
	}
}

// BenchmarkBuild1000NoEditions leaves out the print page and the EPUB:
// the difference to BenchmarkBuild1000 is what the editions cost.
func BenchmarkBuild1000NoEditions(b *testing.B) {
	opts := site.Options{Options: config.Options{Src: largePublication(b)}, CacheDir: b.TempDir(), NoEditions: true}
	for b.Loop() {
		var diags diag.List
		if _, err := site.Build(context.Background(), opts, output.NewMemory(), &diags); err != nil || diags.HasErrors() {
			b.Fatalf("%v %v", err, diags.Items()[:min(5, diags.Len())])
		}
	}
}

// BenchmarkCheck1000 is folio check of the same publication: it should
// take about the time of a build or less.
func BenchmarkCheck1000(b *testing.B) {
	opts := site.Options{Options: config.Options{Src: largePublication(b)}, CacheDir: b.TempDir()}
	for b.Loop() {
		var diags diag.List
		if err := site.Check(context.Background(), opts, &diags); err != nil || diags.HasErrors() {
			b.Fatalf("%v %v", err, diags.Items()[:min(5, diags.Len())])
		}
	}
}
