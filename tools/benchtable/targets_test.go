package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A cold build keeps the processed images and bundles and loses anything
// else a build left in the cache folder.
func TestClearMemo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	if err := clearMemo(dir); err != nil {
		t.Fatalf("a missing cache folder: %v", err)
	}
	for _, f := range []string{"images/ab/x.jpg", "bundles/cd/main.css", "memo/pages", "memo.idx"} {
		path := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := clearMemo(dir); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"bundles", "images"}) {
		t.Errorf("left %v, want [bundles images]", names)
	}
	if _, err := os.Stat(filepath.Join(dir, "images", "ab", "x.jpg")); err != nil {
		t.Errorf("an image entry went: %v", err)
	}
}

// Each edit differs from the one before and from the original.
func TestWithEdit(t *testing.T) {
	original := []byte("---\ntitle: 第一章\n---\n第一段。\n\n最后一段。\n")
	prev := original
	for i := 1; i <= 9; i++ {
		edited := withEdit(original, i)
		if string(edited) == string(prev) || string(edited) == string(original) {
			t.Fatalf("edit %d changed nothing: %q", i, edited)
		}
		prev = edited
	}
}
