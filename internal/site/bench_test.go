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

// BenchmarkBuildSample builds the whole sample publication: load, Markdown,
// layouts, minification, into memory.
func BenchmarkBuildSample(b *testing.B) {
	opts := site.Options{Options: config.Options{Src: repoRoot}}
	for b.Loop() {
		var diags diag.List
		if _, err := site.Build(context.Background(), opts, output.NewMemory(), &diags); err != nil || diags.HasErrors() {
			b.Fatalf("build failed: %v %v", err, diags.Items())
		}
	}
}

// BenchmarkBuildSampleToDisk adds what `folio build` does on top: a staging
// folder with every file synced, swapped in for public/.
func BenchmarkBuildSampleToDisk(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	opts := site.Options{Options: config.Options{Src: repoRoot, Out: out}}
	for b.Loop() {
		stage, err := output.NewStaging(out)
		if err != nil {
			b.Fatal(err)
		}
		var diags diag.List
		if _, err := site.Build(context.Background(), opts, stage, &diags); err != nil || diags.HasErrors() {
			b.Fatalf("build failed: %v %v", err, diags.Items())
		}
		if err := stage.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
