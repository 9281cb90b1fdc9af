package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"

	"folio/internal/par"
)

// Stamp tells one version of a file on disk from another without reading
// it: its size, modification time and file number. A build records the
// stamps of the files it wrote; the next build keeps a file whose stamp is
// unchanged instead of making it again, which is sound because nothing
// but folio writes the output folder (and a file changed by hand gets a
// new time, a copy a new number).
type Stamp struct {
	Size  int64
	ModNs int64
	Ino   uint64
}

// StampOf is the stamp of the regular file at p; false when there is none.
func StampOf(p string) (Stamp, bool) {
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return Stamp{}, false
	}
	return stampOfInfo(fi), true
}

// StampOfInfo is the stamp of the file fi describes.
func StampOfInfo(fi fs.FileInfo) Stamp { return stampOfInfo(fi) }

func stampOfInfo(fi fs.FileInfo) Stamp {
	return Stamp{Size: fi.Size(), ModNs: fi.ModTime().UnixNano(), Ino: fileNumber(fi)}
}

// Keep takes the output folder's file name into the build unread, when
// it is still the file of stamp: a build that knows the file would come
// out the same (its inputs are those it was made from) neither makes nor
// compares it. It reports false when the file is not as the last build
// left it; the build then makes it.
func (u *Update) Keep(name string, stamp Stamp) bool {
	old := filepath.Join(u.out, filepath.FromSlash(name))
	fi, err := os.Lstat(old)
	if err != nil || !fi.Mode().IsRegular() || stampOfInfo(fi) != stamp {
		return false
	}
	u.mu.Lock()
	u.names[name] = true
	stage := u.stage
	if stage == nil {
		u.same = append(u.same, sameAs{name, fi})
		u.mu.Unlock()
		return true
	}
	u.mu.Unlock()
	if stage.linkKnown(name, old, fi) == nil {
		return true
	}
	data, err := os.ReadFile(old)
	return err == nil && stage.WriteFile(name, data) == nil
}

// Stamp is the stamp of the build's file name where the update holds it:
// in the staging folder, else (found the same) in the output folder. The
// staging folder becomes the output folder whole, so the stamps hold
// after Commit.
func (u *Update) Stamp(name string) (Stamp, bool) {
	u.mu.Lock()
	stage := u.stage
	u.mu.Unlock()
	if stage != nil {
		return StampOf(filepath.Join(stage.Dir(), filepath.FromSlash(name)))
	}
	return StampOf(filepath.Join(u.out, filepath.FromSlash(name)))
}

// HoldsExactly reports whether the output folder holds exactly the files
// of stamps, each unchanged; it changes nothing. The folders at its root
// are walked at once, one a core: a stat for every file is most of what
// a build with nothing changed does.
func (u *Update) HoldsExactly(stamps map[string]Stamp) bool {
	top, err := os.ReadDir(u.out)
	if err != nil {
		return false
	}
	var count atomic.Int64
	var differs atomic.Bool
	check := func(p string, d fs.DirEntry) {
		rel, _ := filepath.Rel(u.out, p)
		name := filepath.ToSlash(rel)
		if name == MarkerFile {
			return
		}
		want, found := stamps[name]
		info, err := d.Info()
		if !found || err != nil || !info.Mode().IsRegular() || stampOfInfo(info) != want {
			differs.Store(true)
			return
		}
		count.Add(1)
	}
	par.Do(len(top), func(i int) {
		root := filepath.Join(u.out, top[i].Name())
		if !top[i].IsDir() {
			check(root, top[i])
			return
		}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || differs.Load() {
				differs.Store(true)
				return fs.SkipAll
			}
			if !d.IsDir() {
				check(p, d)
			}
			return nil
		})
		if err != nil {
			differs.Store(true)
		}
	})
	return !differs.Load() && count.Load() == int64(len(stamps))
}

// KeepAll takes the whole output folder into the build unread, as
// HoldsExactly found it: a build whose inputs are those the folder was
// made from need make nothing. It reports false, and changes nothing,
// when the update has started writing.
func (u *Update) KeepAll(stamps map[string]Stamp) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.stage != nil {
		return false
	}
	for name := range stamps {
		u.names[name] = true
		u.same = append(u.same, sameAs{name: name})
	}
	u.whole = true
	return true
}
