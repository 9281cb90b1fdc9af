package output

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Update writes a build into an output folder as the build makes its
// files, without holding them: each file is compared with the folder's
// file of that name as it arrives. While every file is the same nothing
// is written, so a build that changes nothing leaves the folder and its
// files' times as they were (deploys that sync by time see no change).
// At the first difference a staging folder is started and Commit swaps
// it in: the files found the same as the folder's, before and after, are
// hard links to the folder's (their bytes are not written again, and they
// keep their times, so a deploy that syncs by time sends only what
// changed), the others are written there, as are the files written in
// pieces once it is started (the print page and the EPUB, which change
// with any chapter). Where the file system has no hard links, the same
// files are copied. WriteFile is safe for concurrent use.
type Update struct {
	out string

	mu    sync.Mutex
	stage *Staging
	same  []sameAs // files found identical to out's while nothing was staged
	names map[string]bool
	// whole: KeepAll found the folder holding exactly the build's files.
	whole bool
	twin  string // see KeepTwin
}

// KeepTwin keeps the old site in the folder twin after the swap, made the
// twin of the new one, and starts the next update's staging folder from
// it (see recycle.go): after an edit of one page of thousands, the swap
// then costs what changed, not a link a file. twin must be on the output
// folder's file system, else nothing is kept; it is folio's own folder
// (the cache folder's), which the update replaces and removes at will.
func (u *Update) KeepTwin(twin string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.twin = twin
}

// NewUpdate starts an update of the folder out, which need not exist.
func NewUpdate(out string) *Update {
	return &Update{out: out, names: map[string]bool{}}
}

// WriteFile takes the file name (a slash path) of the build.
func (u *Update) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || name == MarkerFile {
		return fmt.Errorf("invalid output path %q", name)
	}
	u.mu.Lock()
	u.mu.Unlock()
	// Compared outside the lock: the pages of a build arrive from every
	// core.
	old := filepath.Join(u.out, filepath.FromSlash(name))
	info, identical := sameFile(old, data)
	u.mu.Lock()
	u.names[name] = true
	if u.stage == nil && identical {
		u.same = append(u.same, sameAs{name, info})
		u.mu.Unlock()
		return nil
	}
	if u.stage == nil {
		if err := u.begin(); err != nil {
			u.mu.Unlock()
			return err
		}
	}
	stage := u.stage
	u.mu.Unlock()
	if identical && stage.linkKnown(name, old, info) == nil {
		return nil
	}
	return stage.WriteFile(name, data)
}

// WriteFileFrom takes the file name of the build as write writes it.
// Once the update writes into a staging folder the file goes there a
// piece at a time; before, it is made whole, to be compared.
func (u *Update) WriteFileFrom(name string, write func(w io.Writer) error) error {
	u.mu.Lock()
	stage := u.stage
	if stage != nil && name != MarkerFile {
		u.names[name] = true
	}
	u.mu.Unlock()
	if stage == nil || name == MarkerFile {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		return u.WriteFile(name, buf.Bytes())
	}
	return stage.WriteFileFrom(name, write)
}

// begin starts the staging folder and links (or copies) into it the
// files found identical so far. u.mu is held.
func (u *Update) begin() error {
	stage, err := newStaging(u.out, u.twin)
	if err != nil {
		return err
	}
	for _, f := range u.same {
		name := f.name
		old := filepath.Join(u.out, filepath.FromSlash(name))
		if stage.linkKnown(name, old, f.info) == nil {
			continue
		}
		data, err := os.ReadFile(old)
		if err == nil {
			err = stage.WriteFile(name, data)
		}
		if err != nil {
			_ = stage.Abort()
			return fmt.Errorf("copying %s from the last build: %w", name, err)
		}
	}
	u.stage, u.same = stage, nil
	return nil
}

// Commit finishes the update. It reports whether the folder changed: not
// when every file was the same as the folder's and the folder holds no
// other (its marker aside).
func (u *Update) Commit() (changed bool, err error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.stage == nil {
		if u.whole || onlyFiles(u.out, u.names) {
			return false, nil
		}
		if err := u.begin(); err != nil {
			return false, err
		}
	}
	if err := u.stage.Commit(); err != nil {
		_ = u.stage.Abort()
		return false, err
	}
	return true, nil
}

// Abort removes what the update wrote; the folder stays as it was.
func (u *Update) Abort() error {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.stage == nil {
		return nil
	}
	return u.stage.Abort()
}

// sameAs is a file of the output folder the build gives unchanged, with
// what a stat of it told.
type sameAs struct {
	name string
	info fs.FileInfo
}

// sameFile reports whether the regular file at p holds exactly data, and
// what a stat of it told.
func sameFile(p string, data []byte) (fs.FileInfo, bool) {
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return nil, false
	}
	got, err := os.ReadFile(p)
	return fi, err == nil && bytes.Equal(got, data)
}

// onlyFiles reports whether dir holds no file but those named (and the
// marker).
func onlyFiles(dir string, names map[string]bool) bool {
	count, other := 0, false
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
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
		if !names[name] || !d.Type().IsRegular() {
			other = true
			return fs.SkipAll
		}
		count++
		return nil
	})
	return err == nil && !other && count == len(names)
}
