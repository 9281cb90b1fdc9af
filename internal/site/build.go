package site

import (
	"cmp"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"

	"folio/internal/content"
	"folio/internal/diag"
)

// Build runs the whole pipeline once, as folio build does: the stage
// results of the last build, kept in the cache folder (memoName), are
// used where their inputs are unchanged, and this build's are kept for
// the next unless opts.NoCache. Problems with the content are collected
// in diags, all of them; when there are errors the build stops before
// rendering, or, for errors found in rendering, fails after it (the sink
// then holds part of the site, for the caller to discard). The returned
// error is for failures of the machine (a sink that cannot write), not
// of the content.
func Build(ctx context.Context, opts Options, sink Sink, diags *diag.List) (*Result, error) {
	opts.MemoDir = "" // folio build's memo is in the cache folder
	if opts.part == nil && opts.home == nil && content.IsSeries(filepath.Join(cmp.Or(opts.Src, "."), "content")) {
		return buildSeriesOnce(ctx, opts, sink, diags)
	}
	s := newSession(opts, buildRetention)
	if opts.NoCache {
		return s.build(ctx, sink, diags)
	}
	s.memoPath = filepath.Join(s.cacheDir(), memoName)
	wholePath := filepath.Join(s.cacheDir(), wholeName)
	var whole wholeBuild
	// An embedded theme is the binary's, which the memo names. A part of
	// a series is built each time: the series' pages need what its build
	// leaves.
	if opts.Theme == nil && opts.part == nil && opts.home == nil {
		last, _ := readWhole(wholePath)
		var files []string
		var ok bool
		if whole, files, ok = upToDate(opts, last, sink, diags); ok {
			return &Result{Files: files, Converted: []string{}, Rendered: []string{}}, nil
		}
	}
	var first diag.List
	s.loadMemo(&first)
	res, err := s.build(ctx, sink, &first)
	if !errors.Is(err, errBulkCorrupt) && !errors.Is(err, errBulkGone) {
		if err == nil && res != nil {
			var kept []diag.Diagnostic // what the site's files say, not the cache
			for _, d := range first.Items() {
				if d.Rule != "cache-ignored" {
					kept = append(kept, d)
				}
			}
			whole.Diags = kept
			keepWhole(wholePath, whole, res.Files, sink)
		}
		diags.Merge(&first)
		return res, err
	}
	// A page's part of the memo did not match its digest, or its file is
	// gone (another build replaced it meanwhile): the memo is not used,
	// and the build is made again from scratch into the same sink, whose
	// files it writes again. Only a piece that did not match is a
	// problem to report.
	s.dropMemo(err, diags)
	s = newSession(opts, buildRetention)
	s.memoPath = filepath.Join(s.cacheDir(), memoName)
	s.bulk = &bulkFiles{dir: filepath.Dir(s.memoPath), readers: map[string]*os.File{}}
	return s.build(ctx, sink, diags)
}

// retention is what a session keeps, and when it lets go: the one
// difference between folio build, which builds once and keeps its stage
// results in the cache folder for the next process, and the dev server,
// which builds again and again in one process. Every stage runs the same
// code for both.
type retention struct {
	// outputs: each unit's files are kept in memory (the dev server
	// serves them from there); else their stamps in the output folder.
	outputs bool
	// compact: a page's syntax tree and Markdown go as soon as it is
	// checked, and its HTML once the index is made: nothing reads them
	// again. The dev server keeps them, to check a page's figures
	// against changed data without converting it again.
	compact bool
	// files: the Markdown files as read are kept, to be taken as
	// unchanged while their size and time are.
	files bool
	// collect: the collector runs sooner during the build, and between
	// the stages whose garbage is most of the heap.
	collect bool
	// writeBehind: files are written to the sink by goroutines of their
	// own (a disk), else by the stage's (memory, where a write is a map's
	// store).
	writeBehind bool
}

var (
	buildRetention = retention{compact: true, collect: true, writeBehind: true}
	serveRetention = retention{outputs: true, files: true}
)

// buildGCPercent is the collector's GOGC during a build that collects
// sooner (folio build, folio check). The conversion holds a build's
// largest live heap (every page's HTML and what the checks compare
// across pages) and makes
// most of its garbage; the stages after it, with the collections forced
// between them, peak lower. At 10,000 generated chapters, 75 instead of
// Go's 100 took the peak RSS from 383 to 348 MiB for 5% more CPU and 2.5%
// more wall time; restored to 100 after the checks instead, the peak
// moved to the later stages, at 374 MiB, for no CPU saved within the
// spread (medians of five builds in alternation each).
const buildGCPercent = 75

// collectSooner lowers the collector's GOGC to buildGCPercent, unless
// it is lower already (GOGC=off included), and returns what restores it.
// The setting is the process's: builds running at once share one
// lowering, and the last to finish restores what the first found.
func collectSooner() (restore func()) {
	gcSetting.Lock()
	defer gcSetting.Unlock()
	if gcSetting.builds == 0 {
		gcSetting.saved = debug.SetGCPercent(buildGCPercent)
		if gcSetting.saved < buildGCPercent { // lower, or off (-1)
			debug.SetGCPercent(gcSetting.saved)
		}
	}
	gcSetting.builds++
	var once sync.Once
	return func() {
		once.Do(func() {
			gcSetting.Lock()
			defer gcSetting.Unlock()
			if gcSetting.builds--; gcSetting.builds == 0 {
				debug.SetGCPercent(gcSetting.saved)
			}
		})
	}
}

// gcSetting counts the builds that lowered GOGC, and what it was before.
var gcSetting struct {
	sync.Mutex
	builds int
	saved  int
}

// Check runs everything a build checks, without rendering or writing
// anything: images are only checked for their headers, not processed.
// The memo of the last build, unless opts.NoCache, spares it the pages
// and the publication-wide checks whose inputs are unchanged; it writes
// none.
func Check(ctx context.Context, opts Options, diags *diag.List) error {
	if opts.part == nil && opts.home == nil && content.IsSeries(filepath.Join(cmp.Or(opts.Src, "."), "content")) {
		return checkSeries(ctx, opts, diags)
	}
	err := checkOnce(ctx, opts, !opts.NoCache, diags)
	if errors.Is(err, errBulkCorrupt) || errors.Is(err, errBulkGone) {
		return checkOnce(ctx, opts, false, diags)
	}
	return err
}

func checkOnce(ctx context.Context, opts Options, memo bool, diags *diag.List) error {
	s := newSession(opts, buildRetention)
	s.checkOnly = true
	var found diag.List
	if memo {
		s.memoPath = filepath.Join(s.cacheDir(), memoName)
		s.loadMemo(&found)
	}
	b, err := newBuilder(s, &found)
	if err != nil {
		return err
	}
	defer func() {
		if s.bulk != nil {
			_ = s.bulk.close(false)
		}
	}()
	b.load()
	if b.pub == nil || ctx.Err() != nil {
		diags.Merge(&found)
		return ctx.Err()
	}
	b.convert()
	b.check()
	if b.memoErr != nil {
		return b.memoErr // reported again by the check without the memo
	}
	diags.Merge(&found)
	return ctx.Err()
}
