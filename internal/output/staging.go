package output

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// MarkerFile is written into every output folder folio builds. folio
// replaces an existing non-empty folder only when it carries this marker, so
// a mistyped --out never deletes someone's files.
const MarkerFile = ".folio-output"

// Staging is an output folder being written.
type Staging struct {
	out    string // the final folder
	dir    string // the staging folder beside it
	unlock func() // releases the lock on the output folder

	mu      sync.Mutex
	folders map[string]bool // made inside dir, by slash path
	// linked are the files that are hard links to the output folder's:
	// writing one again must not write through into the live site.
	linked map[string]bool
	// recycled: the folder was the twin of the output folder (see
	// recycle.go): every file in it may be the live site's. produced
	// are the files this build gave, fresh those it wrote (not linked).
	recycled        bool
	produced, fresh map[string]bool
	twin            string // where the old site is kept after the swap; "": not kept
	// The flush started while the build writes (see wrote): the bytes
	// written since the last one started, the one running (closed when
	// it ends), and the first error one met.
	unflushed  int64
	flushing   chan struct{}
	flushErr   error
	flushEvery int64
	flushes    int                    // started, for tests
	sync       func(dir string) error // syncFolder; tests make it fail
}

// flushEvery is how many bytes a build writes before the staging folder
// starts flushing them to disk in the background. Commit must have every
// file on disk before the swap; flushed all at the end, the last 300 MB of
// a 10,000-chapter build kept it waiting a third of a second after its
// last file, while the disk was idle during the build.
const flushEvery = 64 << 20

// CheckOut refuses output folders folio must never replace: the file
// system root, the home folder, the source folder or one of its parents, and
// a non-empty folder that folio did not write.
func CheckOut(out, src string) error {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	absSrc, err := filepath.Abs(src)
	if err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(absOut); err == nil {
		absOut = real
	}
	if real, err := filepath.EvalSymlinks(absSrc); err == nil {
		absSrc = real
	}
	if absOut == filepath.Dir(absOut) {
		return fmt.Errorf("refusing to write the site to %s: that is the file system root; choose an output folder such as public", out)
	}
	if home, err := os.UserHomeDir(); err == nil && filepath.Clean(home) == absOut {
		return fmt.Errorf("refusing to write the site to %s: that is the home folder; choose an output folder such as public", out)
	}
	if absOut == absSrc || strings.HasPrefix(absSrc+string(filepath.Separator), absOut+string(filepath.Separator)) {
		return fmt.Errorf("refusing to write the site to %s: it holds the source folder %s, which the build would replace; choose an output folder such as %s", out, src, filepath.Join(src, "public"))
	}
	entries, err := os.ReadDir(absOut)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && !isDir(absOut) {
			return fmt.Errorf("refusing to write the site to %s: it is a file, not a folder", out)
		}
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(absOut, MarkerFile)); err != nil {
		return fmt.Errorf("refusing to replace %s: it is not empty and was not written by folio (no %s file in it); empty it or choose another output folder", out, MarkerFile)
	}
	return nil
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// NewStaging creates a staging folder beside out (on the same file system,
// so the final rename is atomic), after removing staging folders that
// killed builds left behind.
//
// An output folder that is a symbolic link is written where the link
// points, so the link keeps working. Only one build at a time may write an
// output folder: a second one waits for the lock (on the folder holding
// it), so it never removes the staging folder of a build still writing.
func NewStaging(out string) (*Staging, error) { return newStaging(out, "") }

// newStaging is NewStaging starting from the twin at twin when there is
// one, and keeping the old site there after the swap (see recycle.go).
func newStaging(out, twin string) (*Staging, error) {
	out, parent, base := locate(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockFolder(parent)
	if err != nil {
		return nil, err
	}
	removeLeftovers(parent, base)
	s := &Staging{out: out, unlock: unlock, folders: map[string]bool{}, linked: map[string]bool{},
		produced: map[string]bool{}, fresh: map[string]bool{}, twin: twin, flushEvery: flushEvery, sync: syncFolder}
	if dir, ok := takeRecycled(twin, parent, base); ok {
		s.dir, s.recycled = dir, true
		return s, nil
	}
	dir, err := os.MkdirTemp(parent, "."+base+".staging-")
	if err != nil {
		unlock()
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		unlock()
		return nil, err
	}
	s.dir = dir
	return s, nil
}

// locate resolves out (through a symbolic link to where it points) and
// splits it into the folder holding it and its name.
func locate(out string) (resolved, parent, base string) {
	out = filepath.Clean(out)
	if real, err := filepath.EvalSymlinks(out); err == nil {
		out = real
	}
	parent, base = filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	return out, parent, base
}

// Tidy removes what builds of out that were killed left beside it (their
// staging and old folders). Every build runs it, including one that then
// finds public/ up to date or fails, so a kill leaves nothing for long.
func Tidy(out string) error {
	out, parent, base := locate(out)
	if !isDir(parent) {
		return nil
	}
	unlock, err := lockFolder(parent)
	if err != nil {
		return err
	}
	defer unlock()
	removeLeftovers(parent, base)
	return nil
}

// removeLeftovers deletes staging and old folders of earlier builds of the
// same output folder. Only folders named by folio's own pattern are touched.
func removeLeftovers(parent, base string) {
	for _, pattern := range []string{"." + base + ".staging-*", "." + base + ".old-*"} {
		matches, _ := filepath.Glob(filepath.Join(parent, pattern))
		for _, m := range matches {
			if isDir(m) {
				_ = os.RemoveAll(m)
			}
		}
	}
}

// Dir is the staging folder's path.
func (s *Staging) Dir() string { return s.dir }

// WriteFile writes data to the slash path name inside the staging folder.
// Commit syncs the whole folder once before the swap, so a crash after it
// cannot leave empty files. It is safe for concurrent use.
func (s *Staging) WriteFile(name string, data []byte) error {
	f, err := s.create(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	s.wrote(int64(len(data)))
	return err
}

// WriteFileFrom writes the file name with what write writes to it, a
// piece at a time: a file of tens of megabytes (the print page or the
// EPUB of a large publication) is never held whole. A file whose writing
// failed is left as it is: the build fails, and the staging folder is
// removed.
func (s *Staging) WriteFileFrom(name string, write func(w io.Writer) error) error {
	f, err := s.create(name)
	if err != nil {
		return err
	}
	counted := &countingWriter{w: f}
	w := bufio.NewWriterSize(counted, 256<<10)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	s.wrote(counted.n)
	return err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// wrote counts n bytes written and, past flushEvery since the last flush
// started and with none running, starts flushing the file system in the
// background, where the system allows it (flushInBackground): the disk
// writes while the build computes, and Commit's own flush has only the
// rest to wait for.
func (s *Staging) wrote(n int64) {
	if !flushInBackground {
		return
	}
	s.mu.Lock()
	s.unflushed += n
	var done chan struct{}
	if s.unflushed >= s.flushEvery && s.flushing == nil {
		s.unflushed = 0
		done = make(chan struct{})
		s.flushing = done
		s.flushes++
	}
	s.mu.Unlock()
	if done == nil {
		return
	}
	go func() {
		err := s.sync(s.dir)
		s.mu.Lock()
		if s.flushErr == nil {
			s.flushErr = err
		}
		s.flushing = nil
		s.mu.Unlock()
		close(done)
	}()
}

// waitFlush waits for the background flush running, if any, and returns
// the first error a background flush met: a later flush may not report
// what an earlier one saw.
func (s *Staging) waitFlush() error {
	s.mu.Lock()
	done := s.flushing
	s.mu.Unlock()
	if done != nil {
		<-done
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.flushErr
}

// Link puts the file at src into the staging folder as name, as a hard
// link: the same file, its time kept. An update links the files the
// build made the same as the last build's.
func (s *Staging) Link(name, src string) error {
	return s.linkKnown(name, src, nil)
}

// linkKnown is Link, srcInfo being src's information when the caller
// has it (nil: not known).
func (s *Staging) linkKnown(name, src string, srcInfo fs.FileInfo) error {
	if s.recycled {
		// Most likely the same file is there already.
		p := filepath.Join(s.dir, filepath.FromSlash(name))
		if fs.ValidPath(name) && name != "." {
			if here, err := os.Lstat(p); err == nil {
				if srcInfo == nil {
					srcInfo, err = os.Lstat(src)
				}
				if err == nil && os.SameFile(here, srcInfo) {
					s.mark(name, false)
					return nil
				}
				if os.Remove(p) != nil {
					s.clearWay(name)
				}
			}
		}
	}
	p, err := s.place(name)
	if err != nil {
		return err
	}
	if err := os.Link(src, p); err != nil {
		if !s.recycled {
			return err
		}
		s.clearWay(name)
		if p, err = s.place(name); err == nil {
			err = os.Link(src, p)
		}
		if err != nil {
			return err
		}
	}
	s.mark(name, false)
	return nil
}

// clearWay, in a recycled staging folder, removes what the old site has
// where the file name now goes: a file where a folder is needed above
// it, or a folder where the file is.
func (s *Staging) clearWay(name string) {
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		s.mu.Lock()
		delete(s.folders, dir) // made again, now it may be a folder
		s.mu.Unlock()
		p := filepath.Join(s.dir, filepath.FromSlash(dir))
		if fi, err := os.Lstat(p); err == nil && !fi.IsDir() {
			_ = os.Remove(p)
		}
	}
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	if fi, err := os.Lstat(p); err == nil && fi.IsDir() {
		_ = os.RemoveAll(p)
	}
}

// mark notes the file name as given by this build, written anew or
// linked to the output folder's.
func (s *Staging) mark(name string, written bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.produced[name] = true
	if written {
		s.fresh[name] = true
		delete(s.linked, name)
	} else {
		delete(s.fresh, name)
		s.linked[name] = true
	}
}

// create creates the file name (a slash path) in the staging folder, and
// the folders above it.
func (s *Staging) create(name string) (*os.File, error) {
	p, err := s.place(name)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	linked := s.linked[name]
	s.mu.Unlock()
	s.mark(name, true)
	if linked || s.recycled {
		// A new file, not the output folder's under another name.
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			if !s.recycled {
				return nil, err
			}
			s.clearWay(name)
		}
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil && s.recycled {
		s.clearWay(name)
		if p, err = s.place(name); err == nil {
			f, err = os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		}
	}
	return f, err
}

// place checks the slash path name, makes its folder in the staging
// folder and returns where it goes.
func (s *Staging) place(name string) (string, error) {
	if !fs.ValidPath(name) || name == "." {
		return "", fmt.Errorf("invalid output path %q", name)
	}
	if err := s.makeFolder(path.Dir(name)); err != nil {
		return "", err
	}
	return filepath.Join(s.dir, filepath.FromSlash(name)), nil
}

// makeFolder makes the folder dir (a slash path) inside the staging
// folder, and those above it, once each: a build writes thousands of
// files, and creating files is most of its system time. The staging folder
// itself is never made again: if something removed it, writing fails
// rather than leave a partial site to be swapped in.
func (s *Staging) makeFolder(dir string) error {
	if dir == "." {
		return nil
	}
	s.mu.Lock()
	made := s.folders[dir]
	s.mu.Unlock()
	if made {
		return nil
	}
	if err := s.makeFolder(path.Dir(dir)); err != nil {
		return err
	}
	err := os.Mkdir(filepath.Join(s.dir, filepath.FromSlash(dir)), 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("the staging folder is gone: %w", err)
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	s.mu.Lock()
	s.folders[dir] = true
	s.mu.Unlock()
	return nil
}

// Commit replaces the output folder with the staging folder: in one atomic
// exchange where the file system allows it, else by renaming the old folder
// aside first, so at every moment either the old or the new site is
// complete on disk.
func (s *Staging) Commit() error {
	defer s.release()
	if s.recycled {
		if err := s.dropUnproduced(); err != nil {
			return err
		}
	}
	if err := s.WriteFile(MarkerFile, []byte("This folder is written by folio and replaced on every build.\n")); err != nil {
		return err
	}
	if err := s.waitFlush(); err != nil {
		return err
	}
	if err := s.sync(s.dir); err != nil {
		return err
	}
	if _, err := os.Lstat(s.out); err != nil {
		return os.Rename(s.dir, s.out)
	}
	swapped, err := exchange(s.dir, s.out)
	if err != nil {
		return err
	}
	if swapped {
		s.keepAsTwin(s.dir) // now the old site
		return nil
	}
	old := filepath.Join(filepath.Dir(s.out), "."+filepath.Base(s.out)+".old-"+randomSuffix())
	if err := os.Rename(s.out, old); err != nil {
		return err
	}
	if err := os.Rename(s.dir, s.out); err != nil {
		_ = os.Rename(old, s.out)
		return err
	}
	s.keepAsTwin(old)
	return nil
}

// Abort removes the staging folder, leaving the output folder untouched.
func (s *Staging) Abort() error {
	defer s.release()
	_ = s.waitFlush() // nothing of the folder is kept
	return os.RemoveAll(s.dir)
}

func (s *Staging) release() {
	if s.unlock != nil {
		s.unlock()
		s.unlock = nil
	}
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// LockFolder takes an exclusive lock on the folder dir, waiting for
// another process that holds it, and returns what releases it; where
// the system has no such locks it returns at once. The build's memo
// takes its cache folder's, so two builds of one site never append to
// one file at once.
func LockFolder(dir string) (unlock func(), err error) { return lockFolder(dir) }
