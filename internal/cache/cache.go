// Package cache keeps processed files (image variants, bundles) on disk
// between builds, keyed by everything that decides their bytes: the source
// bytes, the processing parameters and the folio version. Entries a build
// did not use are pruned after it succeeds.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"folio/internal/version"
)

// Dir is the cache folder inside a site.
const Dir = ".cache/folio"

// Cache is one build's view of the cache folder. A nil *Cache or one
// opened disabled caches nothing.
type Cache struct {
	root     string
	disabled bool
	mu       sync.Mutex
	used     map[string]bool // kind/key
	hits     atomic.Int64
	misses   atomic.Int64
}

// Open returns the cache rooted at root; disabled bypasses it (--no-cache).
func Open(root string, disabled bool) *Cache {
	return &Cache{root: root, disabled: disabled, used: map[string]bool{}}
}

// Key hashes the parts that decide an entry's content, with the folio
// version.
func Key(parts ...[]byte) string {
	h := sha256.New()
	h.Write([]byte(version.String()))
	for _, p := range parts {
		// Length-prefix each part so ("ab","c") and ("a","bc") differ.
		var n [8]byte
		for i, l := 0, len(p); i < 8; i, l = i+1, l>>8 {
			n[i] = byte(l)
		}
		h.Write(n[:])
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Get returns the files of an entry.
func (c *Cache) Get(kind, key string) (map[string][]byte, bool) {
	if c == nil || c.disabled {
		return nil, false
	}
	c.mark(kind, key)
	dir := filepath.Join(c.root, kind, key)
	entries, err := os.ReadDir(dir)
	if err != nil {
		c.misses.Add(1)
		return nil, false
	}
	files := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			c.misses.Add(1)
			return nil, false
		}
		files[e.Name()] = data
	}
	c.hits.Add(1)
	return files, true
}

// Put stores an entry. It writes into a temporary folder renamed into
// place, so a killed build never leaves a half-written entry.
func (c *Cache) Put(kind, key string, files map[string][]byte) error {
	if c == nil || c.disabled {
		return nil
	}
	c.mark(kind, key)
	parent := filepath.Join(c.root, kind)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".tmp-")
	if err != nil {
		return err
	}
	for name, data := range files {
		if strings.ContainsAny(name, `/\`) {
			_ = os.RemoveAll(tmp)
			return errors.New("cache: file names must not contain slashes")
		}
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			_ = os.RemoveAll(tmp)
			return err
		}
	}
	final := filepath.Join(parent, key)
	_ = os.RemoveAll(final)
	if err := os.Rename(tmp, final); err != nil {
		_ = os.RemoveAll(tmp)
		return err
	}
	return nil
}

func (c *Cache) mark(kind, key string) {
	c.mu.Lock()
	c.used[kind+"/"+key] = true
	c.mu.Unlock()
}

// Prune removes the entries of kind this build did not use, and leftover
// temporary folders; it returns how many it removed.
func (c *Cache) Prune(kind string) int {
	if c == nil || c.disabled {
		return 0
	}
	entries, err := os.ReadDir(filepath.Join(c.root, kind))
	if errors.Is(err, fs.ErrNotExist) || err != nil {
		return 0
	}
	removed := 0
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range entries {
		if !c.used[kind+"/"+e.Name()] {
			if os.RemoveAll(filepath.Join(c.root, kind, e.Name())) == nil {
				removed++
			}
		}
	}
	return removed
}

// Stats returns the hits and misses so far.
func (c *Cache) Stats() (hits, misses int64) {
	if c == nil {
		return 0, 0
	}
	return c.hits.Load(), c.misses.Load()
}
