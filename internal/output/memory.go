package output

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Memory is an output kept in memory, for the dev server and tests.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile stores data under name. It keeps the slice, not a copy: the
// caller must not change it afterwards (the build never does), which saves
// holding every file twice.
func (m *Memory) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
	return nil
}

// File returns the contents of name.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.files[name]
	return data, ok
}

// Names returns every file name, sorted.
func (m *Memory) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Sorted(maps.Keys(m.files))
}

// SameAs reports whether the folder dir holds exactly these files with
// these bytes (folio's marker file aside): a build that would change
// nothing need not write anything.
func (m *Memory) SameAs(dir string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	count := 0
	same := true
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !same {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		name := filepath.ToSlash(rel)
		if name == MarkerFile {
			return nil
		}
		want, ok := m.files[name]
		if !ok || !d.Type().IsRegular() {
			same = false
			return nil
		}
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, want) {
			same = false
		}
		count++
		return nil
	})
	return err == nil && same && count == len(m.files)
}
