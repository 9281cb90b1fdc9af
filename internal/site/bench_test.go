package site_test

import (
	"context"
	"path/filepath"
	"testing"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

func benchBuild(b *testing.B, opts site.Options, sink site.Sink) {
	var diags diag.List
	if _, err := site.Build(context.Background(), opts, sink, &diags); err != nil || diags.HasErrors() {
		b.Fatalf("build failed: %v %v", err, diags.Items())
	}
}

// BenchmarkBuildSample builds the whole sample publication into memory with
// a warm cache: what a rebuild costs when no image changed.
func BenchmarkBuildSample(b *testing.B) {
	opts := site.Options{Options: config.Options{Src: repoRoot}, CacheDir: b.TempDir()}
	benchBuild(b, opts, output.NewMemory()) // warm the cache
	for b.Loop() {
		benchBuild(b, opts, output.NewMemory())
	}
}

// BenchmarkBuildSampleCold builds with an empty cache: every image decoded,
// resized and encoded as WebP and JPEG.
func BenchmarkBuildSampleCold(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		opts := site.Options{Options: config.Options{Src: repoRoot}, CacheDir: b.TempDir()}
		b.StartTimer()
		benchBuild(b, opts, output.NewMemory())
	}
}

// BenchmarkBuildSampleToDisk adds what `folio build` does on top of a warm
// build: a staging folder with every file synced, swapped in for public/.
func BenchmarkBuildSampleToDisk(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	opts := site.Options{Options: config.Options{Src: repoRoot, Out: out}, CacheDir: b.TempDir()}
	benchBuild(b, opts, output.NewMemory())
	for b.Loop() {
		stage, err := output.NewStaging(out)
		if err != nil {
			b.Fatal(err)
		}
		benchBuild(b, opts, stage)
		if err := stage.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
