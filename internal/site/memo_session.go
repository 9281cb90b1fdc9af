package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"html/template"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"folio/internal/check"
	"folio/internal/diag"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
	"folio/internal/msg"
	"folio/internal/output"
	"folio/internal/par"
)

// memoBuild is the memo a build is writing.
type memoBuild struct {
	bulk    *bulkFiles
	mu      sync.Mutex
	index   *indexWriter
	unlock  func() // the cache folder's lock, held while the memo is written
	changed bool   // the build made something the last did not
	err     error
}

// loadMemo takes the stage results the last build kept: the index, with
// the bulk left on disk until a stage needs it. A memo that cannot be
// trusted is reported, removed and not used: the build starts afresh.
func (s *Session) loadMemo(diags *diag.List) {
	dir := filepath.Dir(s.memoPath)
	s.bulk = &bulkFiles{dir: dir, readers: map[string]*os.File{}}
	// Unfinished indexes of killed builds: never in place, never read.
	leftovers, _ := filepath.Glob(filepath.Join(dir, memoName+"-*.tmp"))
	for _, p := range leftovers {
		_ = os.Remove(p)
	}
	m, err := readIndex(s.memoPath)
	if err != nil && !errors.Is(err, errMemoAbsent) && !errors.Is(err, errMemoOtherFolio) {
		diags.Warnf(diag.Position{File: displayPath(s.memoPath)}, "cache-ignored",
			"the memo of the last build is not used: %v; this build starts afresh and writes a new one", err)
		_ = os.Remove(s.memoPath)
	}
	if m == nil {
		// Another folio's bulk files are left to it: it may be building
		// this site now. This folio's next index replaces its index, and
		// the build after removes the files no index refers to.
		return
	}
	used := map[string]bool{}
	for _, r := range m.Conv {
		s.conv[r.Rel] = r.entry()
		used[r.Bulk.File] = true
		if r.Bulk.File == s.lastBulk || s.lastBulk == "" {
			s.lastBulk = r.Bulk.File
			s.liveBulk += r.Bulk.Len
		}
	}
	for _, u := range m.Units {
		s.units[u.Name] = &unitEntry{key: u.Key, stamps: u.Files}
	}
	s.globalKey, s.globalDiags = m.GlobalKey, m.GlobalDiags
	// Bulk files no index refers to: left by a build that failed or was
	// killed after starting a new one, or replaced by a newer one.
	stale, _ := filepath.Glob(filepath.Join(dir, bulkPrefix+"*"))
	for _, p := range stale {
		if !used[filepath.Base(p)] {
			_ = os.Remove(p)
		}
	}
}

// startMemo begins this build's memo, when the session keeps one. A
// cache folder that cannot be written keeps none: the build goes on.
func (s *Session) startMemo() {
	s.memo = nil
	if s.memoPath == "" || s.checkOnly || s.bulk == nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(s.memoPath), 0o755); err != nil {
		return
	}
	unlock, err := output.LockFolder(filepath.Dir(s.memoPath))
	if err != nil {
		return
	}
	if err := s.bulk.openAppend(s.lastBulk, s.liveBulk); err != nil {
		unlock()
		return
	}
	index, err := newIndexWriter(filepath.Dir(s.memoPath))
	if err != nil {
		_ = s.bulk.close(false)
		unlock()
		return
	}
	s.memo = &memoBuild{bulk: s.bulk, index: index, unlock: unlock}
}

// changed notes that this build made something the last did not: it
// writes a new index.
func (s *Session) changed() {
	if m := s.memo; m != nil {
		m.mu.Lock()
		m.changed = true
		m.mu.Unlock()
	}
}

// keepConv adds a page's conversion to this build's memo: its bulk is
// appended unless a bulk file holds it already. It is safe for
// concurrent use.
func (s *Session) keepConv(rel string, e *convEntry, fd *check.FigureData) {
	m := s.memo
	if m == nil {
		return
	}
	rec := e.check.Record(fd)
	r := &convRecord{
		Rel: rel, Src: e.src.key, World: e.world, Deps: e.deps, Images: e.images,
		ContentKey: e.contentKey(), FirstPara: e.res.FirstPara, Headings: e.res.Headings, Minutes: e.res.Minutes,
		URL: e.env.URL, Links: e.env.Links, LinkPos: e.linkPos, EnvImages: e.env.Images,
		Indicators: sortedKeys(e.env.Indicators), Linked: sortedKeys(e.env.Linked), IDs: sortedKeys(e.res.IDs),
		Timeline: e.env.Timeline, Uncredited: e.env.Uncredited,
		CheckDiags: rec.Diags, FigKey: rec.FigKey, Context: rec.Context, CheckOpts: e.checkOpts,
	}
	var err error
	switch {
	case e.bulk != nil && e.bulk.File == m.bulk.outName:
		r.Bulk = *e.bulk
	case e.bulk != nil: // in the last bulk file, which this build replaces
		var data []byte
		if data, err = m.bulk.raw(*e.bulk); err == nil {
			r.Bulk, err = m.bulk.append(data)
		}
	default:
		var data []byte
		data, err = appendBulk(nil, &pageBulk{HTML: e.res.HTML, Paras: rec.Paras, Figures: rec.Figures})
		if err == nil {
			r.Bulk, err = m.bulk.append(data)
		}
		if err == nil {
			e.bulk = &r.Bulk
		}
	}
	if err != nil {
		m.mu.Lock()
		m.err = err
		m.mu.Unlock()
		return
	}
	m.index.record(r)
}

// finishMemo puts this build's index in place of the last, with the
// stamps of the files sink holds, unless the build changed nothing.
func (s *Session) finishMemo(sink Sink) {
	m := s.memo
	s.memo = nil
	if m == nil {
		return
	}
	defer m.unlock()
	if !m.changed || m.err != nil {
		m.index.abort()
		_ = m.bulk.close(false)
		return
	}
	if err := m.bulk.close(true); err != nil {
		m.index.abort()
		return // a memo not written costs the next build time, not correctness
	}
	t := &memoTrailer{GlobalKey: s.globalKey, GlobalDiags: s.globalDiags}
	if k, ok := sink.(Keeper); ok {
		t.Units = stampUnits(s.units, k)
	}
	if m.index.finish(s.memoPath, t) == nil {
		s.lastBulk, s.liveBulk = m.bulk.outName, m.index.live
	}
}

// abortMemo drops this build's memo: the last stays in place.
func (s *Session) abortMemo() {
	if m := s.memo; m != nil {
		m.index.abort()
		_ = m.bulk.close(false)
		m.unlock()
	}
	s.memo = nil
}

// entry is the conversion r keeps. Its HTML and the paragraphs and
// figures of its checks stay in the bulk file until a stage needs them
// (loadBulk); its check meanwhile holds the page's own diagnostics, and
// is used only while its checks stand (convert).
func (r *convRecord) entry() *convEntry {
	bulk := r.Bulk
	return &convEntry{
		src: sourceKey{key: r.Src}, world: r.World, deps: r.Deps, images: r.Images, content: r.ContentKey,
		res: &markdown.Result{FirstPara: r.FirstPara, Headings: r.Headings, Minutes: r.Minutes, IDs: keySet(r.IDs)},
		env: &mdenv.Env{RelPath: r.Rel, URL: r.URL, Links: r.Links, Images: r.EnvImages, Indicators: keySet(r.Indicators),
			Linked: keySet(r.Linked), Timeline: r.Timeline, Uncredited: r.Uncredited},
		check:     (&check.PageRecord{Diags: r.CheckDiags, FigKey: r.FigKey, Context: r.Context}).Result(),
		checkOpts: r.CheckOpts, linkPos: r.LinkPos,
		bulk: &bulk, unloaded: true,
	}
}

// loadBulk reads the HTML and the checks' paragraphs and figures of every
// page whose conversion is still in the bulk file, in parallel.
func (b *builder) loadBulk() error {
	var lazy []*converted
	for _, c := range b.converted {
		if e := c.entry; e != nil && e.unloaded {
			lazy = append(lazy, c)
		}
	}
	errs := make([]error, len(lazy))
	par.Do(len(lazy), func(i int) {
		c := lazy[i]
		e := c.entry
		pb, err := b.session.bulk.read(*e.bulk)
		if err != nil {
			errs[i] = err
			return
		}
		e.res.HTML = pb.HTML
		if e.check != nil { // nil once the publication-wide checks have run
			stub := e.check.Record(nil) // a memo's: compacted
			stub.Paras, stub.Figures = pb.Paras, pb.Figures
			e.check = stub.Result()
			if c.check != nil {
				c.check = e.check
			}
		}
		e.unloaded = false
	})
	return errors.Join(errs...)
}

// needHTML makes sure every page's HTML is there, read from the memo's
// bulk where it still is: the first unit made of this build's output
// calls it, as any layout may show any page's text. It reports whether
// the HTML is there.
func (b *builder) needHTML() bool {
	b.htmlOnce.Do(func() {
		if err := b.loadBulk(); err != nil {
			b.memoErr = err
			return
		}
		for v, c := range b.views {
			if v.Content == "" {
				v.Content = template.HTML(c.res.HTML)
			}
		}
	})
	return b.memoErr == nil
}

func keySet(keys []string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

func sortedKeys(m map[string]bool) []string { return slices.Sorted(maps.Keys(m)) }

// persistedBuild is a build of a session whose memo outlives the process
// (the dev server's, Options.MemoDir). Its first build reads the memo the
// last process left and, once a build succeeds, leaves its own; the
// builds after it keep their results in memory only: an index of every
// page written on every save would cost each reload more than a
// restart saves. A memo found unusable midway (a piece of the bulk that
// does not match its digest, or a bulk file gone) is dropped and the
// build made again from scratch, as folio build does.
func (s *Session) persistedBuild(ctx context.Context, sink Sink, diags *diag.List) (*Result, error) {
	if s.bulk == nil {
		s.loadMemo(diags)
	}
	res, err := s.build(ctx, sink, diags)
	if errors.Is(err, errBulkCorrupt) || errors.Is(err, errBulkGone) {
		s.dropMemo(err, diags)
		s.conv, s.units = map[string]*convEntry{}, map[string]*unitEntry{}
		s.globalKey, s.globalDiags = "", nil
		s.lastBulk, s.liveBulk = "", 0
		s.bulk = &bulkFiles{dir: filepath.Dir(s.memoPath), readers: map[string]*os.File{}}
		res, err = s.build(ctx, sink, diags)
	}
	if res != nil {
		// Every page's HTML is in memory now (the dev server renders
		// every page): nothing reads the bulk again, and the entries of
		// pages the publication no longer has are let go with it.
		for rel, e := range s.conv {
			if e.unloaded {
				delete(s.conv, rel)
			}
		}
		_ = s.bulk.close(false)
		pruneServeMemos(filepath.Dir(filepath.Dir(s.memoPath)), filepath.Dir(s.memoPath))
		s.memoPath, s.bulk = "", nil
	}
	return res, err
}

// serveMemoLife is how long the memo of a site no dev server has started
// for is kept: a preview started once in a folder since deleted would
// otherwise keep its pages in the user's cache for good.
const serveMemoLife = 30 * 24 * time.Hour

// pruneServeMemos removes the memo folders beside own that no dev server
// has written for serveMemoLife. Only folders named as ServeMemoDir
// names them are touched.
func pruneServeMemos(parent, own string) {
	if filepath.Base(parent) != "serve" {
		return // not ServeMemoDir's layout: a folder someone chose
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		p := filepath.Join(parent, e.Name())
		if !e.IsDir() || p == own || len(e.Name()) != 16 {
			continue
		}
		if _, err := hex.DecodeString(e.Name()); err != nil {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > serveMemoLife {
			_ = os.RemoveAll(p)
		}
	}
}

// dropMemo removes a memo whose bulk could not be read as err says,
// warning when it did not match its digest: a bulk file another build
// replaced is no problem to report.
func (s *Session) dropMemo(err error, diags *diag.List) {
	if errors.Is(err, errBulkCorrupt) {
		diags.Warnf(diag.Position{File: displayPath(s.memoPath)}, "cache-ignored",
			"the memo of the last build is not used: %v; this build starts afresh and writes a new one", msg.Errorf("its checksum does not match: it was cut short or changed"))
		_ = os.Remove(s.memoPath)
	}
}

// ServeMemoDir is where the dev server of the site at src keeps its memo
// between processes: a folder of its own in the user's cache folder (one
// per site, named by the digest of the site's absolute path), so a
// preview's results neither mix with folio build's nor land in the
// editor's tree. "" when the system names no user cache folder.
func ServeMemoDir(src string) string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(src)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "folio", "serve", hex.EncodeToString(sum[:8]))
}
