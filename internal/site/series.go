package site

import (
	"cmp"
	"context"
	"io"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"folio/internal/check"
	"folio/internal/config"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/indicator"
	"folio/internal/msg"
	"folio/internal/output"
	"folio/internal/picture"
	"folio/internal/render"
	"folio/internal/search"
)

// A series is built as its installments and its home: each installment
// by the pipeline of a publication, into <slug>/ of the output, with the
// series' indicators and the other installments' citable from it; then
// the series' own pages (home, data, search, feeds), from what the
// installments' builds left; then the checks that compare installments.
// Each installment keeps its own stage memo and image cache, so an edit
// of one leaves the others' units as they were.

// partBuild makes a build one installment of a series, and holds what
// the build leaves for the series' pages.
type partBuild struct {
	in         *content.Installment
	series     *config.Series
	seriesData *indicator.Set
	others     map[string]*indicator.Set // the other installments' data, by slug
	prev, next *render.PartLink
	baseURL    string     // the series' base URL ("" when not known)
	places     [][]string // the other installments' subjects and their names
	// siblings are the other published installments' pages, by their
	// paths from this one's content folder (../<slug>/chapters/x.md) to
	// their paths from its site root (../<slug>/x/); held says why the
	// installments left out are, by ../<slug>/.
	siblings map[string]string
	held     map[string]msg.Text

	// loaded is the installment as read for the others' links, with
	// what reading it found: its build takes it instead of reading it
	// again.
	loaded    *content.Publication
	loadDiags diag.List

	// Left by the build:
	site   *render.Site      // its chapters and pages, as the layouts saw them
	docs   []search.Doc      // its search documents, paths from its root
	images map[string][]byte // its processed images, by path from its root
	data   *indicator.Set    // its own indicators, as loaded
	checks []*check.PageResult
}

// seriesHome makes a build the series' own pages.
type seriesHome struct {
	series *content.Series
	parts  []*partBuild
}

// buildSeries builds the series in opts.Src/content into sink, as
// folio build does: each installment and the home by Build.
func buildSeries(ctx context.Context, opts Options, sink Sink, diags *diag.List) (*Result, error) {
	return runSeries(ctx, opts, diags, false, nil, func(ctx context.Context, opts Options, prefix string, diags *diag.List) (*Result, error) {
		return Build(ctx, opts, prefixedSink{sink, prefix}, diags)
	})
}

// checkSeries checks the series in opts.Src/content, as folio check
// does: every installment, the scheduled and the draft ones too (an
// editor checks an installment before its day), each as Check does, the
// checks across them, and the series' own pages.
func checkSeries(ctx context.Context, opts Options, diags *diag.List) error {
	opts.everyInstallment = true
	_, err := runSeries(ctx, opts, diags, true, nil, func(ctx context.Context, opts Options, prefix string, diags *diag.List) (*Result, error) {
		if err := Check(ctx, opts, diags); err != nil || diags.HasErrors() {
			return nil, err
		}
		return &Result{}, nil
	})
	return err
}

// buildSeries builds the series for a Session (the dev server): each
// installment and the home by a session of its own, kept from build to
// build, writing into sink.
func (s *Session) buildSeries(ctx context.Context, sink Sink, diags *diag.List) (*Result, error) {
	if s.parts == nil {
		s.parts = map[string]*Session{}
	}
	if s.partFiles == nil {
		s.partFiles = map[string]*content.FileCache{}
	}
	files := func(slug string) *content.FileCache {
		if s.partFiles[slug] == nil {
			s.partFiles[slug] = &content.FileCache{}
		}
		return s.partFiles[slug]
	}
	return runSeries(ctx, s.opts, diags, false, files, func(ctx context.Context, opts Options, prefix string, diags *diag.List) (*Result, error) {
		if s.opts.MemoDir != "" { // each keeps its own memo
			opts.MemoDir = filepath.Join(s.opts.MemoDir, "series", cmp.Or(strings.TrimSuffix(prefix, "/"), ".home"))
		}
		child := s.parts[prefix]
		if child == nil {
			child = newSession(opts, s.keep)
			s.parts[prefix] = child
		}
		child.opts = opts // this build's part, with what it leaves
		res, err := child.Build(ctx, prefixedSink{sink, prefix}, diags)
		if child.language != "" && prefix == "" {
			s.language = child.language
		}
		return res, err
	})
}

// buildSeriesOnce is buildSeries for folio build: a build whose files and
// published installments are those of the last, onto the output folder
// it left, is up to date (as a publication's is, see upToDate).
func buildSeriesOnce(ctx context.Context, opts Options, sink Sink, diags *diag.List) (*Result, error) {
	if opts.NoCache || opts.Theme != nil {
		return buildSeries(ctx, opts, sink, diags)
	}
	var quiet diag.List // the build reports them
	ser := content.LoadSeries(filepath.Join(opts.Src, "content"), "content", opts.Schedule(), &quiet)
	var published []string
	for _, in := range ser.Published() {
		published = append(published, in.Slug)
	}
	opts.schedule = strings.Join(published, " ")
	wholePath := filepath.Join(cmp.Or(opts.CacheDir, filepath.Join(opts.Src, filepath.FromSlash(cacheDirName))), wholeName)
	last, _ := readWhole(wholePath)
	whole, files, ok := upToDate(opts, last, sink, diags)
	if ok {
		return &Result{Files: files, Converted: []string{}, Rendered: []string{}}, nil
	}
	var found diag.List
	res, err := buildSeries(ctx, opts, sink, &found)
	if err == nil && res != nil {
		for _, d := range found.Items() {
			if d.Rule != "cache-ignored" {
				whole.Diags = append(whole.Diags, d)
			}
		}
		keepWhole(wholePath, whole, res.Files, sink)
	}
	diags.Merge(&found)
	return res, err
}

// Schedule is which installments of a series a build publishes.
func (o Options) Schedule() content.Schedule {
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	return content.Schedule{Now: now, Drafts: o.Drafts || o.everyInstallment, Future: o.Future || o.everyInstallment}
}

// seriesStep builds or checks one installment (prefix <slug>/) or the
// series' own pages (prefix ""), and returns nil without an error when
// the content has errors.
type seriesStep func(ctx context.Context, opts Options, prefix string, diags *diag.List) (*Result, error)

// runSeries runs step on each installment the schedule publishes, then
// the checks across them, then on the series' own pages.
// With homeDespiteErrors, the series' own pages are checked even when an
// installment has errors (folio check reports every problem at once).
//
// files, when not nil, gives the cache of Markdown files as last read of
// each installment (the dev server's), by slug.
func runSeries(ctx context.Context, opts Options, diags *diag.List, homeDespiteErrors bool, files func(slug string) *content.FileCache, step seriesStep) (*Result, error) {
	contentDir := filepath.Join(opts.Src, "content")
	display := path.Join(displayPath(opts.Src), "content")
	ser := content.LoadSeries(contentDir, display, opts.Schedule(), diags)
	if diags.HasErrors() {
		return nil, nil
	}
	var quiet diag.List // the series' data is reported by the home's build
	seriesData := indicator.Load(contentDir, display, &quiet)
	published := ser.Published()
	others := map[string]*indicator.Set{}
	for _, in := range published {
		var quiet diag.List // each installment's build reports its own
		others[in.Slug] = indicator.Load(in.Dir, in.Display, &quiet)
	}
	siblings := map[string]string{}
	held := map[string]msg.Text{}
	for _, in := range ser.Installments {
		up := "../" + in.Slug + "/"
		switch in.Held {
		case content.HeldDraft:
			held[up] = msg.New("installment %s is a draft (draft: true)", in.Config.Title)
		case content.Scheduled:
			held[up] = msg.New("installment %s is scheduled for %s", in.Config.Title, in.Config.Published.Format("2006-01-02"))
		}
	}
	// Each installment published is read once: its pages' addresses
	// are for the others' links, and its build takes it as read.
	loaded := make([]*content.Publication, len(published))
	loadDiags := make([]diag.List, len(published))
	for i, in := range published {
		var fc *content.FileCache
		if files != nil {
			fc = files(in.Slug)
		}
		loaded[i] = content.LoadCached(in.Dir, in.Display, opts.Drafts, fc, &loadDiags[i])
		up := "../" + in.Slug + "/"
		for _, pg := range loaded[i].All() {
			siblings[up+pg.RelPath] = up + pg.URL
		}
	}
	baseURL := cmp.Or(opts.BaseURL, ser.Config.BaseURL)
	cacheDir := cmp.Or(opts.CacheDir, filepath.Join(opts.Src, filepath.FromSlash(cacheDirName)))
	res := &Result{Converted: []string{}, Rendered: []string{}}
	var parts []*partBuild
	for i, in := range published {
		p := &partBuild{in: in, series: ser.Config, seriesData: seriesData, others: others, baseURL: baseURL, siblings: map[string]string{}, held: held,
			loaded: loaded[i]}
		p.loadDiags.Merge(&loadDiags[i])
		for rel, url := range siblings {
			if !strings.HasPrefix(rel, "../"+in.Slug+"/") {
				p.siblings[rel] = url
			}
		}
		for _, o := range published {
			if names := o.Config.Subject.Names(); o != in && len(names) > 0 {
				p.places = append(p.places, names)
			}
		}
		if i > 0 {
			p.prev = &render.PartLink{Title: published[i-1].Config.Title, Path: "../" + published[i-1].Slug + "/"}
		}
		if i+1 < len(published) {
			p.next = &render.PartLink{Title: published[i+1].Config.Title, Path: "../" + published[i+1].Slug + "/"}
		}
		popts := opts
		popts.part = p
		popts.CacheDir = filepath.Join(cacheDir, "installments", in.Slug)
		popts.BaseURL = ""
		if baseURL != "" {
			popts.BaseURL = baseURL + in.Slug + "/"
		}
		var found diag.List
		r, err := step(ctx, popts, in.Slug+"/", &found)
		diags.Merge(&found)
		if err != nil {
			return nil, err
		}
		if r == nil {
			continue // its errors are reported; the others are built to report theirs
		}
		res.add(r, in.Slug+"/", path.Join(content.InstallmentsDir, in.Slug)+"/")
		parts = append(parts, p)
	}
	var across diag.List
	checkAcross(parts, &across)
	diags.Merge(&across)
	if ctx.Err() != nil || (diags.HasErrors() && !homeDespiteErrors) {
		return nil, ctx.Err()
	}
	hopts := opts
	hopts.home = &seriesHome{series: ser, parts: parts}
	hopts.CacheDir = cacheDir
	var found diag.List
	r, err := step(ctx, hopts, "", &found)
	diags.Merge(&found)
	if err != nil || r == nil || diags.HasErrors() {
		return nil, err
	}
	res.add(r, "", "")
	slices.Sort(res.Files)
	return res, nil
}

// cacheDirName is the cache folder inside the site folder.
const cacheDirName = ".cache/folio"

// add counts another build's files and work into r: files under
// prefix, content paths under contentPrefix.
func (r *Result) add(o *Result, prefix, contentPrefix string) {
	for _, f := range o.Files {
		r.Files = append(r.Files, prefix+f)
	}
	for _, c := range o.Converted {
		r.Converted = append(r.Converted, contentPrefix+c)
	}
	for _, p := range o.Rendered {
		r.Rendered = append(r.Rendered, prefix+p)
	}
	r.ImageDecodes += o.ImageDecodes
	r.CacheHits += o.CacheHits
	r.CacheMisses += o.CacheMisses
	r.printReused += o.printReused
	r.epubReused += o.epubReused
	if r.Pub == nil {
		r.Pub = o.Pub
	}
}

// checkAcross runs the checks that compare the installments: a figure
// stated differently, a paragraph repeated.
func checkAcross(parts []*partBuild, diags *diag.List) {
	all := make([][]*check.PageResult, len(parts))
	for i, p := range parts {
		all[i] = p.checks
	}
	check.Across(all, diags)
}

// prefixedSink writes into a folder of another sink.
type prefixedSink struct {
	sink   Sink
	prefix string
}

func (s prefixedSink) WriteFile(name string, data []byte) error {
	return s.sink.WriteFile(s.prefix+name, data)
}

func (s prefixedSink) WriteFileFrom(name string, write func(w io.Writer) error) error {
	if ss, ok := s.sink.(StreamSink); ok {
		return ss.WriteFileFrom(s.prefix+name, write)
	}
	var b strings.Builder
	if err := write(&b); err != nil {
		return err
	}
	return s.sink.WriteFile(s.prefix+name, []byte(b.String()))
}

// Keep and Stamp pass a Keeper's questions on (a sink that keeps no
// files between builds keeps none of a folder of it either).
func (s prefixedSink) Keep(name string, stamp output.Stamp) bool {
	k, ok := s.sink.(Keeper)
	return ok && k.Keep(s.prefix+name, stamp)
}

func (s prefixedSink) Stamp(name string) (output.Stamp, bool) {
	if k, ok := s.sink.(Keeper); ok {
		return k.Stamp(s.prefix + name)
	}
	return output.Stamp{}, false
}

// homeConfig is the series' home as a publication: the series' title
// and settings, no chapters of its own.
func homeConfig(s *config.Series) *config.Publication {
	return &config.Publication{
		Title: s.Title, Subtitle: s.Subtitle, Language: s.Language,
		BaseURL: s.BaseURL, BasePath: s.BasePath, Publisher: s.Publisher,
		Description: s.Description, Cover: s.Cover, CoverAlt: s.CoverAlt,
		File: s.File, CoverPos: s.CoverPos, Unreadable: s.Unreadable,
	}
}

// partViews are the installments as the series' home lists them.
func partViews(parts []*partBuild) []*render.Part {
	var out []*render.Part
	for _, p := range parts {
		c := p.in.Config
		v := &render.Part{Slug: p.in.Slug, Title: c.Title, Subtitle: c.Subtitle, Dek: c.Dek,
			Path: p.in.Slug + "/", Published: c.Published}
		if p.site != nil {
			if img := p.site.Cover; img != nil {
				v.Cover = &render.Image{Path: p.in.Slug + "/" + img.Path, Alt: img.Alt, Picture: prefixPicture(img.Picture, p.in.Slug+"/")}
			}
			for _, ch := range p.site.Chapters {
				v.Chapters = append(v.Chapters, &render.PartLink{Title: ch.Title, Path: p.in.Slug + "/" + ch.Path})
			}
		}
		out = append(out, v)
	}
	return out
}

// prefixPicture is pic with its files' paths under prefix.
func prefixPicture(pic *picture.Picture, prefix string) *picture.Picture {
	if pic == nil {
		return nil
	}
	out := *pic
	out.Fallback = prefixSources(pic.Fallback, prefix)
	out.WebP = prefixSources(pic.WebP, prefix)
	return &out
}

func prefixSources(in []picture.Source, prefix string) []picture.Source {
	out := make([]picture.Source, len(in))
	for i, s := range in {
		out[i] = picture.Source{Path: prefix + s.Path, Width: s.Width}
	}
	return out
}

// partDocs are the search documents of every installment, with paths
// from the series' root and each labelled with its installment.
func partDocsOf(parts []*partBuild) []search.Doc {
	var out []search.Doc
	for _, p := range parts {
		for _, d := range p.docs {
			d.URL = p.in.Slug + "/" + d.URL
			d.Part = p.in.Slug
			out = append(out, d)
		}
	}
	return out
}

// partPages are the chapters and pages of every installment, with paths
// from the series' root, for the series' feed and sitemap.
func partPages(parts []*partBuild) []*render.Page {
	var out []*render.Page
	for _, p := range parts {
		if p.site == nil {
			continue
		}
		cover := &render.Page{Kind: "cover", Title: p.in.Config.Title, Path: p.in.Slug + "/", Date: p.in.Config.Published, Summary: p.in.Config.Dek}
		out = append(out, cover)
		for _, pg := range append(slices.Clone(p.site.Chapters), p.site.Pages...) {
			v := *pg
			v.Path = p.in.Slug + "/" + pg.Path
			v.Content = ""
			if v.Date.IsZero() {
				v.Date = p.in.Config.Published
			}
			out = append(out, &v)
		}
	}
	return out
}

// loadPart loads an installment, with the series' indicators and the
// other installments' citable from it.
func (b *builder) loadPart(p *partBuild) {
	if b.pub = p.loaded; b.pub == nil {
		b.pub = content.LoadCached(p.in.Dir, p.in.Display, b.opts.Drafts, b.session.files, b.diags)
	} else {
		p.loaded = nil // one build's
		b.diags.Merge(&p.loadDiags)
	}
	if b.pub.Config.Series == "" {
		b.pub.Config.Series = p.series.Title
	}
	if b.pub.Config.Language == "" {
		b.pub.Config.Language = p.series.Language
	}
	b.data = indicator.Load(b.pub.Dir, b.pub.Display, b.diags)
	p.data = b.data // (before it adopts: its own indicators)
	b.data.Adopt(p.seriesData, "", "../", b.diags)
	for _, slug := range slices.Sorted(maps.Keys(p.others)) {
		if slug != p.in.Slug {
			b.data.Adopt(p.others[slug], slug+":", "../"+slug+"/", b.diags)
		}
	}
}

// outPath is where the output folder holds the file this build names
// name: an installment's files are in its folder.
func (b *builder) outPath(name string) string {
	if p := b.opts.part; p != nil {
		name = p.in.Slug + "/" + name
	}
	return filepath.Join(b.opts.Out, filepath.FromSlash(name))
}
