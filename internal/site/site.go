// Package site is the build pipeline: it loads the publication, converts its
// Markdown, renders the layouts and writes every output file to a Sink.
package site

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"folio"
	"folio/internal/cache"
	"folio/internal/check"
	"folio/internal/config"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/imageproc"
	"folio/internal/indicator"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
	"folio/internal/output"
	"folio/internal/render"
	"folio/internal/search"
)

// Sink receives the built files, each as soon as it is made, from
// several goroutines at once. A build that fails may have written some
// files: the CLI's sink is a staging folder that replaces public/ only
// when the build succeeds, the dev server's is memory that replaces what
// it serves only then.
type Sink interface {
	WriteFile(name string, data []byte) error
}

// A StreamSink also takes a file a piece at a time, as write writes it:
// the print page and the EPUB of a large publication are tens of
// megabytes, made a few sections at a time. A Sink without it is given
// the file whole.
type StreamSink interface {
	Sink
	WriteFileFrom(name string, write func(w io.Writer) error) error
}

// Options configure a build.
type Options struct {
	config.Options
	// Sourcemap adds source maps to the CSS and JS bundles (dev server).
	Sourcemap bool
	// CacheDir holds processed images and bundles between builds; default
	// SRC/.cache/folio.
	CacheDir string
	// Theme is the default theme, holding layouts/ and assets/; nil means
	// the theme embedded in the binary.
	Theme fs.FS
	// NoEditions leaves out the print page and the EPUB (benchmarks
	// measure what they add).
	NoEditions bool
	// Dev serves assets under stable names without integrity digests, so
	// the dev server can swap a changed stylesheet in place, and adds
	// source maps.
	Dev bool
	// MemoDir is where a Session (the dev server) keeps the memo of its
	// stage results between processes: its first build starts from the
	// memo the last process left there and leaves its own. "" keeps them
	// in memory only. folio build keeps its memo in the cache folder.
	MemoDir string
	// Now is the day a series' schedule is read on (zero: the clock's);
	// Future publishes the installments dated after it. A publication
	// that is not a series has no schedule.
	Now    time.Time
	Future bool

	// part and home make the build one installment of a series, or the
	// series' own pages: buildSeries sets them.
	part *partBuild
	home *seriesHome
	// everyInstallment: a series' scheduled and draft installments are
	// read too (folio check checks them before their day).
	everyInstallment bool
	// schedule names the installments of a series a build publishes:
	// the one input of a series' build that is not in its files.
	schedule string
}

// Result describes a finished build.
type Result struct {
	Files []string // slash paths of every file written, sorted
	Pub   *content.Publication
	// ImageDecodes counts the images decoded; CacheHits and CacheMisses
	// the lookups in .cache/folio. A rebuild with nothing changed decodes
	// none.
	ImageDecodes           int64
	CacheHits, CacheMisses int64
	// Converted lists the Markdown files converted by this build (by
	// content-relative path) and Rendered the pages whose layout was
	// executed: a rebuild redoes only what its changes reach.
	Converted []string
	Rendered  []string
	// printReused and epubReused count the print page's and the EPUB's
	// sections copied from the last build's (tests read them).
	printReused, epubReused int64
}

// Session builds the same site again and again, as the dev server does,
// redoing only what changed: Markdown whose source and inputs (indicators,
// link targets, images) are unchanged is not converted again, and a unit
// of output whose inputs are unchanged is not made again. Builds of one
// Session must not run concurrently.
type Session struct {
	opts  Options
	keep  retention
	cache *cache.Cache
	// memoPath is where the stage results are kept between processes;
	// "" keeps them in memory only.
	memoPath string
	memo     *memoBuild // this build's
	// bulk reads the last build's bulk files and appends this build's;
	// lastBulk is the one the index refers to, liveBulk the bytes of it
	// the index refers to.
	bulk     *bulkFiles
	lastBulk string
	liveBulk int64
	images   *images
	conv     map[string]*convEntry // by content-relative path
	// units are the units of output as last made, by name; nextUnits
	// this build's.
	unitsMu          sync.Mutex
	units, nextUnits map[string]*unitEntry
	// checkOnly: images are checked, not processed (folio check).
	checkOnly bool
	// The publication-wide checks of the last build and the key of what
	// they saw.
	globalKey   string
	globalDiags []diag.Diagnostic
	similar     check.GlobalMemo      // near-duplicate comparisons of the last build
	files       *content.FileCache    // Markdown files as last read; nil reads them afresh
	assumed     *[]string             // Assume's list for the next build; nil: unknown
	bodyImages  map[string]bodyImages // by content-relative path
	// The search documents of each page and the index they make.
	sections    map[string]searchEntry
	searchIndex search.Incremental
	// parts are the sessions of a series' installments, by output
	// prefix (<slug>/), and of its own pages ("").
	parts map[string]*Session
	// partFiles are the Markdown files of each installment as last read.
	partFiles map[string]*content.FileCache
	// language is the publication's language as last loaded, kept
	// when a later build fails (the dev server's overlay speaks it).
	language string
}

// Language is the language of the publication as last loaded (a BCP 47
// tag such as zh-CN), or "" before any build could read it.
func (s *Session) Language() string { return s.language }

// NewSession returns a Session keeping its stage results in memory, as
// the dev server does; its first Build is a full build.
func NewSession(opts Options) *Session {
	return newSession(opts, serveRetention)
}

func newSession(opts Options, keep retention) *Session {
	if opts.Src == "" {
		opts.Src = "."
	}
	s := &Session{opts: opts, keep: keep, conv: map[string]*convEntry{}, units: map[string]*unitEntry{}}
	s.cache = cache.Open(s.cacheDir(), opts.NoCache)
	if opts.MemoDir != "" && !opts.NoCache {
		s.memoPath = filepath.Join(opts.MemoDir, memoName)
	}
	if keep.files {
		s.files = &content.FileCache{}
	}
	return s
}

// cacheDir is the folder of the cache: Options.CacheDir, else
// SRC/.cache/folio.
func (s *Session) cacheDir() string {
	return cmp.Or(s.opts.CacheDir, filepath.Join(s.opts.Src, filepath.FromSlash(cache.Dir)))
}

// Assume tells the next build which files changed since the last one, as
// a watcher of the site saw them (created, written or removed; absolute
// paths, or relative to the working folder): the Markdown files read
// before and not in the list are taken as unchanged without a stat each,
// the largest part of a rebuild's floor at a thousand chapters. Without
// a call before it, a build checks every file.
func (s *Session) Assume(changed []string) {
	s.assumed = nil // until the list is known to be understood
	contentDir, err := filepath.Abs(filepath.Join(s.opts.Src, "content"))
	if err != nil {
		return
	}
	var rels []string
	for _, p := range changed {
		abs, err := filepath.Abs(p)
		if err != nil {
			return // not known: the build checks every file
		}
		if rel, err := filepath.Rel(contentDir, abs); err == nil && filepath.IsLocal(rel) {
			rels = append(rels, filepath.ToSlash(rel))
		}
	}
	s.assumed = &rels
}

// Build builds the site into sink. The first build of a session with
// Options.MemoDir starts from the memo the last process left there, and
// leaves its own (see persistedBuild).
func (s *Session) Build(ctx context.Context, sink Sink, diags *diag.List) (*Result, error) {
	if s.opts.part == nil && s.opts.home == nil && content.IsSeries(filepath.Join(s.opts.Src, "content")) {
		s.assumed = nil // (the installments' sessions check every file)
		return s.buildSeries(ctx, sink, diags)
	}
	if s.memoPath != "" {
		return s.persistedBuild(ctx, sink, diags)
	}
	return s.build(ctx, sink, diags)
}

func (s *Session) build(ctx context.Context, sink Sink, diags *diag.List) (res *Result, err error) {
	defer func() { s.assumed = nil }() // each list is for one build
	b, err := newBuilder(s, diags)
	if err != nil {
		return nil, err
	}
	s.nextUnits = map[string]*unitEntry{}
	s.startMemo()
	defer func() {
		if res == nil {
			s.abortMemo()
		}
	}()
	decodes := s.images.decodesOrZero()
	hits, misses := s.cache.Stats()
	b.load()
	if b.pub == nil || ctx.Err() != nil {
		return nil, ctx.Err()
	}
	s.language = b.pub.Config.Language
	// Convert even when loading found errors: every problem of the
	// content is reported in one run.
	if s.keep.collect {
		defer collectSooner()()
	}
	b.convert()
	b.check()
	if b.memoErr != nil {
		return nil, b.memoErr
	}
	if diags.HasErrors() || ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if s.keep.collect {
		// The checks' records, a third of the live heap at the end of
		// the conversion, are garbage now; collected at once, the next
		// stage's garbage is collected from a heap goal twice the live
		// heap, not twice the conversion's peak.
		runtime.GC()
	}
	files := newOutputs(sink)
	if s.keep.writeBehind {
		files = writeBehind(sink)
	}
	err = b.render(ctx, files)
	// Every file given is written before the build returns, failed or
	// not: the caller then commits or discards what the sink holds.
	if werr := files.wait(); err == nil {
		err = werr
	}
	if err == nil {
		err = b.memoErr
	}
	if err != nil || diags.HasErrors() {
		return nil, err
	}
	res = &Result{Pub: b.pub, Converted: b.convertedPaths, Rendered: b.rendered, Files: files.sorted(), printReused: b.printReused.Load(), epubReused: b.epubReused.Load()}
	// Only a build that succeeded knows which cached entries are still
	// needed.
	b.cache.Prune("images")
	b.cache.Prune("bundles")
	s.units, s.nextUnits = s.nextUnits, nil
	s.finishMemo(sink)
	res.ImageDecodes = b.images.Decodes() - decodes
	res.CacheHits, res.CacheMisses = b.cache.Stats()
	res.CacheHits -= hits
	res.CacheMisses -= misses
	return res, nil
}

// builder holds one build's state.
type builder struct {
	session    *Session
	opts       Options
	diags      *diag.List
	srcDisplay string
	theme      render.Overlay // root holds layouts/ and assets/
	pub        *content.Publication
	baseURL    string
	conv       *markdown.Converter
	data       *indicator.Set
	cache      *cache.Cache
	images     *images
	converted  map[*content.Page]*converted
	min        *output.Minifier
	// memoErr: part of the memo could not be read; the build is made
	// again without it.
	memoErr error
	// views are the pages as the layouts see them, with their
	// conversions.
	views    map[*render.Page]*converted
	htmlOnce sync.Once

	convertedPaths []string // Markdown files converted by this build
	rendered       []string // pages whose layout was executed
	// printReused and epubReused count the print page's and the EPUB's
	// sections copied from the last build's.
	printReused, epubReused atomic.Int64
}

type converted struct {
	res   *markdown.Result
	env   *mdenv.Env
	entry *convEntry        // the session's cache entry, when the conversion is kept
	check *check.PageResult // what the page's own checks found
	// linkPos are the positions of env.Links, taken before a one-shot
	// build let the page's text go.
	linkPos []diag.Position
}

func newBuilder(s *Session, diags *diag.List) (*builder, error) {
	opts := s.opts
	theme := opts.Theme
	if theme == nil {
		theme = folio.Theme
	}
	b := &builder{session: s, opts: opts, diags: diags, srcDisplay: displayPath(opts.Src), min: output.NewMinifier(), cache: s.cache}
	b.theme = render.Overlay{Site: os.DirFS(opts.Src), Theme: theme}
	// Nothing is read through a symbolic link: it could lead outside the
	// site (and the dev server could not watch it).
	for _, name := range []string{"content", "layouts", "assets"} {
		if fi, err := os.Lstat(filepath.Join(opts.Src, name)); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			diags.Errorf(diag.Position{File: path.Join(b.srcDisplay, name)}, "symlink-refused",
				"%s is a symbolic link: folio reads nothing through links; move or copy the folder here", name)
		}
	}
	if diags.HasErrors() {
		return b, nil
	}
	if fi, err := os.Stat(filepath.Join(opts.Src, "content")); err != nil || !fi.IsDir() {
		diags.Errorf(diag.Position{File: path.Join(b.srcDisplay, "content")}, "content-missing",
			"no content folder here: run folio in the folder that holds content/, or pass --src")
		return b, nil
	}
	return b, nil
}

func (b *builder) load() {
	if b.diags.HasErrors() { // no content folder
		return
	}
	if b.session.files != nil && b.session.assumed != nil {
		b.session.files.Assume(*b.session.assumed)
	}
	switch contentDir, display := filepath.Join(b.opts.Src, "content"), path.Join(b.srcDisplay, "content"); {
	case b.opts.part != nil:
		b.loadPart(b.opts.part)
	case b.opts.home != nil:
		b.pub = content.LoadSeriesHome(contentDir, display, homeConfig(b.opts.home.series.Config), b.opts.Drafts, b.session.files, b.diags)
		b.data = indicator.Load(b.pub.Dir, b.pub.Display, b.diags)
		for _, p := range b.opts.home.parts { // one timeline of the series
			if p.data != nil {
				b.data.AddEvents(p.data.Events, p.in.Config.Title)
			}
		}
	default:
		b.pub = content.LoadCached(contentDir, display, b.opts.Drafts, b.session.files, b.diags)
		b.data = indicator.Load(b.pub.Dir, b.pub.Display, b.diags)
	}
	b.diags.Override(ruleSeverities(b.pub.Config.Checks, b.diags))
	b.images = b.session.imagesFor(b.pub.Dir, imageproc.Options{
		Widths: b.pub.Config.ImageWidths, Quality: b.pub.Config.ImageQuality,
	})
	b.baseURL = b.pub.Config.BaseURL
	if b.opts.part != nil {
		b.baseURL = "" // the series' address, with the slug, or none
	}
	if b.opts.BaseURL != "" {
		b.baseURL = b.opts.BaseURL
	}
	if b.baseURL != "" {
		if u, err := config.NormalizeBaseURL(b.baseURL); err == nil {
			b.baseURL = u
		}
	} else if b.pub.Config.BasePath == "" && !b.pub.Config.Unreadable && b.opts.part == nil {
		// (An installment's address is the series': its home reports it.)
		// A path alone (base_url: /) says the address is not known yet;
		// a publication.yaml that could not be read says nothing.
		b.diags.Warnf(diag.Position{File: b.pub.Config.File}, "base-url-missing",
			"base_url is not set: sitemap.xml, feed.xml and canonical links need it; add \"base_url: https://…/\" or pass --base-url")
	}
}

// display names a theme file in diagnostics: the site's own file when it
// overrides the theme, else the theme's path.
func (b *builder) display(name string) string {
	if b.theme.FromSite(name) {
		return path.Join(b.srcDisplay, name)
	}
	return name
}

// imagesFor returns the session's image processor, or a new one when the
// settings changed.
func (s *Session) imagesFor(contentDir string, opts imageproc.Options) *images {
	if s.images == nil || s.images.contentDir != contentDir || fmt.Sprint(s.images.opts) != fmt.Sprint(opts) {
		s.images = newImages(contentDir, opts, s.cache)
		s.images.checkOnly = s.checkOnly
	}
	return s.images
}
