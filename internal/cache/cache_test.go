package cache

import (
	"os"
	"path/filepath"
	"testing"
)

func TestGetPutPrune(t *testing.T) {
	root := t.TempDir()
	c := Open(root, false)
	k1, k2 := Key([]byte("a"), []byte("bc")), Key([]byte("ab"), []byte("c"))
	if k1 == k2 {
		t.Fatal("keys of differently split parts collide")
	}
	if _, ok := c.Get("img", k1); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := c.Put("img", k1, map[string][]byte{"480.webp": []byte("x"), "meta.json": []byte("{}")}); err != nil {
		t.Fatal(err)
	}
	if err := c.Put("img", k2, map[string][]byte{"a": []byte("y")}); err != nil {
		t.Fatal(err)
	}
	// The next build uses only k1.
	next := Open(root, false)
	files, ok := next.Get("img", k1)
	if !ok || string(files["480.webp"]) != "x" || len(files) != 2 {
		t.Fatalf("Get = %v, %v", files, ok)
	}
	if hits, misses := next.Stats(); hits != 1 || misses != 0 {
		t.Errorf("stats = %d hits, %d misses", hits, misses)
	}
	if n := next.Prune("img"); n != 1 {
		t.Errorf("pruned %d entries, want 1", n)
	}
	if _, err := os.Stat(filepath.Join(root, "img", k2)); err == nil {
		t.Error("an unused entry survived the prune")
	}
	if _, err := os.Stat(filepath.Join(root, "img", k1)); err != nil {
		t.Error("a used entry was pruned")
	}
}

func TestDisabled(t *testing.T) {
	root := t.TempDir()
	c := Open(root, true)
	if err := c.Put("img", "k", map[string][]byte{"a": nil}); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get("img", "k"); ok {
		t.Error("a disabled cache returned an entry")
	}
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Error("a disabled cache wrote files")
	}
	var nilCache *Cache
	if _, ok := nilCache.Get("img", "k"); ok {
		t.Error("a nil cache returned an entry")
	}
}
