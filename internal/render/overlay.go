package render

import (
	"errors"
	"io/fs"
	"slices"
)

// Overlay is a file system where a site's own files replace the default
// theme's file by file: Open tries Site first, then Theme.
type Overlay struct {
	Site  fs.FS // may be nil
	Theme fs.FS
}

// Open opens name from the site if it has it, else from the theme.
func (o Overlay) Open(name string) (fs.File, error) {
	if o.Site != nil {
		f, err := o.Site.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return o.Theme.Open(name)
}

// FromSite reports whether name comes from the site rather than the theme.
func (o Overlay) FromSite(name string) bool {
	if o.Site == nil {
		return false
	}
	_, err := fs.Stat(o.Site, name)
	return err == nil
}

// ReadDir lists the union of both folders' entries, sorted by name.
func (o Overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	var out []fs.DirEntry
	seen := map[string]bool{}
	var firstErr error
	for _, fsys := range []fs.FS{o.Site, o.Theme} {
		if fsys == nil {
			continue
		}
		entries, err := fs.ReadDir(fsys, name)
		if err != nil {
			if firstErr == nil && !errors.Is(err, fs.ErrNotExist) {
				firstErr = err
			}
			continue
		}
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int {
		switch {
		case a.Name() < b.Name():
			return -1
		case a.Name() > b.Name():
			return 1
		}
		return 0
	})
	return out, firstErr
}
