package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"folio/internal/par"
)

// A build replaces the whole output folder, so that readers see the old
// site or the new one, never a mix; yet after an edit of one chapter of
// ten thousand almost every file is the last build's. Making the staging
// folder afresh then linked every unchanged file into it, made every
// folder, and removed the old tree after the swap: three system calls a
// file, most of such a build's time.
//
// Instead the old tree is kept after the swap (in the cache folder,
// Update.KeepTwin) and made the twin of the new site: the files the build wrote are linked into it in place of the
// old ones, so that it holds the same files (hard links) as the output
// folder. The next build starts its staging folder from the twin (the
// recycled tree). Nothing in it is trusted: a file the build keeps is
// taken as it is only when it is the output folder's very file (the same
// file number), else linked again; a file the build writes replaces the
// twin's; and before the swap every file the build did not give is
// removed (one walk of the folders, no stat a file). A tree changed by
// hand, or left half made by a killed build, costs time, never a wrong
// site.

// takeRecycled renames the twin at twin to a new staging folder beside
// the output folder base in parent; ok is false when there is none, or
// it is on another file system.
func takeRecycled(twin, parent, base string) (dir string, ok bool) {
	if twin == "" {
		return "", false
	}
	if fi, err := os.Lstat(twin); err != nil || !fi.IsDir() {
		return "", false
	}
	dir = filepath.Join(parent, "."+base+".staging-"+randomSuffix())
	if err := os.Rename(twin, dir); err != nil {
		_ = os.RemoveAll(twin)
		return "", false
	}
	return dir, true
}

// dropUnproduced removes from the recycled staging folder every file
// this build did not give, and the folders left empty. The folders at
// its root are walked at once, one a core.
func (s *Staging) dropUnproduced() error {
	top, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	errs := make([]error, len(top))
	par.Do(len(top), func(i int) {
		_, errs[i] = s.prune(top[i].Name(), top[i])
	})
	return errors.Join(errs...)
}

// prune removes the entry name (a slash path in the staging folder)
// unless the build gave it, or, for a folder, what is in it that the
// build did not give; it reports whether name is gone.
func (s *Staging) prune(name string, e fs.DirEntry) (gone bool, err error) {
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	if !e.IsDir() {
		if s.produced[name] {
			return false, nil
		}
		return true, os.Remove(p)
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return false, err
	}
	left := len(entries)
	for _, sub := range entries {
		g, err := s.prune(name+"/"+sub.Name(), sub)
		if err != nil {
			return false, err
		}
		if g {
			left--
		}
	}
	if left > 0 {
		return false, nil
	}
	s.mu.Lock()
	delete(s.folders, name)
	s.mu.Unlock()
	return true, os.Remove(p)
}

// keepAsTwin makes old, the site the output folder held before the swap,
// the twin of the new one, and keeps it for the next build: the files
// this build wrote are linked into it in place of the old ones. Whatever
// fails, old is removed: a twin is an economy, never needed.
func (s *Staging) keepAsTwin(old string) {
	if s.twin == "" {
		_ = os.RemoveAll(old)
		return
	}
	for name := range s.fresh {
		p := filepath.Join(old, filepath.FromSlash(name))
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			_ = os.RemoveAll(old)
			return
		}
		err := os.Link(filepath.Join(s.out, filepath.FromSlash(name)), p)
		if errors.Is(err, fs.ErrNotExist) {
			if err = os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
				err = os.Link(filepath.Join(s.out, filepath.FromSlash(name)), p)
			}
		}
		if err != nil {
			_ = os.RemoveAll(old)
			return
		}
	}
	if err := os.MkdirAll(filepath.Dir(s.twin), 0o755); err != nil {
		_ = os.RemoveAll(old)
		return
	}
	_ = os.RemoveAll(s.twin) // another build's, of another output folder
	if err := os.Rename(old, s.twin); err != nil {
		_ = os.RemoveAll(old) // on another file system: not kept
	}
}
