package server

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher reports changed files in bursts: events are collected until
// the files have been quiet for a short while, so one save (or one git
// checkout of many files) gives one batch. Unlike a fixed tick, a quiet
// period never splits a burst whose writes come a little apart.
type Watcher struct {
	fsw     *fsnotify.Watcher
	src     string
	roots   []string // top-level folders of src watched recursively
	quiet   time.Duration
	maxWait time.Duration
	batches chan []string
	errors  chan error
}

// WatchedFolders are the folders of a site whose changes rebuild it.
var WatchedFolders = []string{"content", "layouts", "assets"}

// NewWatcher watches src's content, layouts and assets folders, and src
// itself for those folders appearing.
func NewWatcher(src string, quiet time.Duration) (*Watcher, error) {
	abs, err := filepath.Abs(src)
	if err != nil {
		return nil, err
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{fsw: fsw, src: abs, quiet: quiet, maxWait: 20 * quiet, batches: make(chan []string, 1), errors: make(chan error, 1)}
	if w.maxWait < time.Second {
		w.maxWait = time.Second
	}
	if err := fsw.Add(abs); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, name := range WatchedFolders {
		w.addTree(filepath.Join(abs, name), nil)
	}
	return w, nil
}

// Batches delivers the changed paths (absolute, sorted) of each burst.
func (w *Watcher) Batches() <-chan []string { return w.batches }

// Errors delivers watcher errors; the watcher keeps running.
func (w *Watcher) Errors() <-chan error { return w.errors }

// addTree watches dir and every folder below it; files found are added to
// found (a folder that appears with files already in it, as git checkout
// makes them, must rebuild with them).
func (w *Watcher) addTree(dir string, found map[string]bool) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && ignored(d.Name()) {
				return filepath.SkipDir
			}
			_ = w.fsw.Add(p)
			return nil
		}
		if found != nil && !ignored(d.Name()) {
			found[p] = true
		}
		return nil
	})
}

// relevant says whether a path is inside a watched folder.
func (w *Watcher) relevant(p string) bool {
	rel, err := filepath.Rel(w.src, p)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	return slices.Contains(WatchedFolders, top)
}

// ignored names are editors' temporary and backup files and hidden
// folders: the save they belong to shows up as an event on the real file.
func ignored(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "#"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".tmp"), strings.Contains(name, "___jb_"), name == "4913":
		return true
	}
	return false
}

// Run collects events until ctx is done, then closes the watcher.
func (w *Watcher) Run(ctx context.Context) {
	defer w.fsw.Close()
	pending := map[string]bool{}
	var quietTimer, maxTimer *time.Timer
	var quietC, maxC <-chan time.Time
	flush := func() {
		if quietTimer != nil {
			quietTimer.Stop()
		}
		if maxTimer != nil {
			maxTimer.Stop()
		}
		quietC, maxC = nil, nil
		if len(pending) == 0 {
			return
		}
		batch := make([]string, 0, len(pending))
		for p := range pending {
			batch = append(batch, p)
		}
		slices.Sort(batch)
		clear(pending)
		select {
		case w.batches <- batch:
		case <-ctx.Done():
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			select {
			case w.errors <- err:
			default:
			}
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if ignored(filepath.Base(ev.Name)) || !w.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					w.addTree(ev.Name, pending)
				}
			}
			pending[ev.Name] = true
			if quietTimer == nil {
				quietTimer = time.NewTimer(w.quiet)
			} else {
				quietTimer.Reset(w.quiet)
			}
			quietC = quietTimer.C
			if maxC == nil {
				maxTimer = time.NewTimer(w.maxWait)
				maxC = maxTimer.C
			}
		case <-quietC:
			flush()
		case <-maxC:
			flush()
		}
	}
}
