package server

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func watch(t *testing.T) (string, *Watcher) {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/chapters/01-a.md"), "a")
	w, err := NewWatcher(dir, 40*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go w.Run(ctx)
	return dir, w
}

func batch(t *testing.T, w *Watcher, dir string) []string {
	t.Helper()
	select {
	case b := <-w.Batches():
		var rel []string
		for _, p := range b {
			r, _ := filepath.Rel(dir, p)
			rel = append(rel, filepath.ToSlash(r))
		}
		return rel
	case <-time.After(3 * time.Second):
		t.Fatal("no batch")
		return nil
	}
}

func noBatch(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case b := <-w.Batches():
		t.Errorf("unexpected batch %v", b)
	case <-time.After(200 * time.Millisecond):
	}
}

func TestBurstIsOneBatch(t *testing.T) {
	dir, w := watch(t)
	// git checkout: many files at once, a few milliseconds apart.
	for i, name := range []string{"content/chapters/01-a.md", "content/chapters/02-b.md", "content/index.md", "layouts/page.html"} {
		write(t, filepath.Join(dir, name), strings.Repeat("x", i+1))
		time.Sleep(5 * time.Millisecond)
	}
	got := batch(t, w, dir)
	for _, want := range []string{"content/chapters/01-a.md", "content/chapters/02-b.md", "content/index.md", "layouts/page.html"} {
		if !slices.Contains(got, want) {
			t.Errorf("batch %v lacks %s", got, want)
		}
	}
	noBatch(t, w)
}

func TestEditorSavePatterns(t *testing.T) {
	dir, w := watch(t)
	target := filepath.Join(dir, "content/chapters/01-a.md")
	// vim: the swap file and its 4913 probe are ignored; the rename over
	// the original is what counts.
	write(t, filepath.Join(dir, "content/chapters/.01-a.md.swp"), "swap")
	write(t, filepath.Join(dir, "content/chapters/4913"), "")
	_ = os.Remove(filepath.Join(dir, "content/chapters/4913"))
	write(t, filepath.Join(dir, "content/chapters/01-a.md~"), "backup")
	tmp := filepath.Join(dir, "content/chapters/01-a.md___jb_tmp___")
	write(t, tmp, "new")
	if err := os.Rename(tmp, target); err != nil {
		t.Fatal(err)
	}
	got := batch(t, w, dir)
	if !slices.Equal(got, []string{"content/chapters/01-a.md"}) {
		t.Errorf("batch = %v, want only the saved file", got)
	}
}

func TestNewFolderWithFilesIsWatched(t *testing.T) {
	dir, w := watch(t)
	// A folder appearing with files in it (git checkout, a copy).
	staging := filepath.Join(t.TempDir(), "pages")
	write(t, filepath.Join(staging, "about.md"), "about")
	if err := os.Rename(staging, filepath.Join(dir, "content/pages")); err != nil {
		t.Fatal(err)
	}
	got := batch(t, w, dir)
	if !slices.Contains(got, "content/pages/about.md") {
		t.Errorf("batch %v lacks the file of the new folder", got)
	}
	// Files written later inside it are seen too.
	write(t, filepath.Join(dir, "content/pages/colophon.md"), "c")
	if got := batch(t, w, dir); !slices.Contains(got, "content/pages/colophon.md") {
		t.Errorf("batch %v lacks the file in the new folder", got)
	}
	// A top-level folder that did not exist when watching began.
	write(t, filepath.Join(dir, "assets/css/main.css"), "body{}")
	if got := batch(t, w, dir); !slices.Contains(got, "assets/css/main.css") {
		t.Errorf("batch %v lacks the new assets folder's file", got)
	}
	// Output and cache folders are not watched.
	write(t, filepath.Join(dir, "public/index.html"), "x")
	write(t, filepath.Join(dir, ".cache/folio/x"), "x")
	noBatch(t, w)
}
