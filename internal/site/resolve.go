package site

import (
	"os"
	"path/filepath"
	"strings"
)

// displayPath returns how a path on disk is named in diagnostics: relative
// to the working folder when it lies inside it, so editors can click it.
func displayPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(abs)
}
