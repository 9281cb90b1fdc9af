// Package site is the build pipeline: it loads the publication, converts its
// Markdown, renders the layouts and writes every output file to a Sink.
package site

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"

	"folio"
	"folio/internal/cache"
	"folio/internal/config"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/imageproc"
	"folio/internal/indicator"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
	"folio/internal/output"
	"folio/internal/render"
)

// Sink receives the built files. The CLI's sink is a staging folder that
// replaces public/ on success; the dev server's will be memory.
type Sink interface {
	WriteFile(name string, data []byte) error
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
}

// Build runs the whole pipeline. Problems with the content are collected in
// diags, all of them; when there are errors nothing is written. The
// returned error is for failures of the machine (a sink that cannot
// write), not of the content.
func Build(ctx context.Context, opts Options, sink Sink, diags *diag.List) (*Result, error) {
	b, err := newBuilder(opts, diags)
	if err != nil {
		return nil, err
	}
	b.load()
	if b.pub == nil || ctx.Err() != nil {
		return nil, ctx.Err()
	}
	// Convert even when loading found errors: every problem of the
	// content is reported in one run.
	b.convert()
	if diags.HasErrors() || ctx.Err() != nil {
		return nil, ctx.Err()
	}
	files, err := b.render(ctx)
	if err != nil || diags.HasErrors() {
		return nil, err
	}
	res := &Result{Pub: b.pub}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := sink.WriteFile(name, files[name]); err != nil {
			return nil, fmt.Errorf("writing %s: %w", name, err)
		}
		res.Files = append(res.Files, name)
	}
	// Only a build that succeeded knows which cached entries are still
	// needed.
	b.cache.Prune("images")
	b.cache.Prune("bundles")
	res.ImageDecodes = b.images.Decodes()
	res.CacheHits, res.CacheMisses = b.cache.Stats()
	return res, nil
}

// builder holds one build's state.
type builder struct {
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
}

type converted struct {
	res *markdown.Result
	env *mdenv.Env
}

func newBuilder(opts Options, diags *diag.List) (*builder, error) {
	if opts.Src == "" {
		opts.Src = "."
	}
	theme := opts.Theme
	if theme == nil {
		theme = folio.Theme
	}
	b := &builder{opts: opts, diags: diags, srcDisplay: displayPath(opts.Src), min: output.NewMinifier(),
		cache: cache.Open(cmp.Or(opts.CacheDir, filepath.Join(opts.Src, filepath.FromSlash(cache.Dir))), opts.NoCache)}
	b.theme = render.Overlay{Site: os.DirFS(opts.Src), Theme: theme}
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
	b.pub = content.Load(filepath.Join(b.opts.Src, "content"), path.Join(b.srcDisplay, "content"), b.opts.Drafts, b.diags)
	b.data = indicator.Load(b.pub.Dir, b.pub.Display, b.diags)
	b.images = newImages(b.pub.Dir, imageproc.Options{
		Widths: b.pub.Config.ImageWidths, Quality: b.pub.Config.ImageQuality,
	}, b.cache)
	b.baseURL = b.pub.Config.BaseURL
	if b.opts.BaseURL != "" {
		b.baseURL = b.opts.BaseURL
	}
	if b.baseURL != "" {
		if u, err := config.NormalizeBaseURL(b.baseURL); err == nil {
			b.baseURL = u
		}
	} else {
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
