package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"folio/internal/asset"
	"folio/internal/config"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/markdown"
	"folio/internal/msg"
	"folio/internal/par"
	"folio/internal/render"
)

// render executes every layout and writes the output files, minified.
func (b *builder) render(ctx context.Context, files *outputs) error {
	layoutsFS := render.Overlay{Site: sub(b.theme.Site, "layouts"), Theme: sub(b.theme.Theme, "layouts")}
	tmpl := render.Load(layoutsFS, func(name string) string { return b.display(path.Join("layouts", name)) }, b.diags)
	assets := b.buildAssets(files)
	if b.diags.HasErrors() {
		return nil
	}

	site := b.siteData()
	site.SetAssets(assets)
	site.Indicators = b.indicatorViews()
	views := map[*content.Page]*render.Page{}
	b.views = map[*render.Page]*converted{}
	for _, p := range b.pub.All() {
		views[p] = b.pageView(p)
		b.views[views[p]] = b.converted[p]
	}
	for i, p := range b.pub.Chapters {
		v := views[p]
		v.Number = i + 1
		if i > 0 {
			v.Prev = views[b.pub.Chapters[i-1]]
		}
		if i+1 < len(b.pub.Chapters) {
			v.Next = views[b.pub.Chapters[i+1]]
		}
		site.Chapters = append(site.Chapters, v)
	}
	for _, p := range b.pub.Pages {
		site.Pages = append(site.Pages, views[p])
	}

	if b.opts.part != nil {
		b.opts.part.site = site
	}
	r := &renderRun{b: b, ctx: ctx, files: files, site: site, tmpl: tmpl,
		keys: newRenderKeys(readLayouts(layoutsFS), site), words: msg.ForContent(site.Language)}
	// Pages render in parallel: templates and the minifier are safe for
	// concurrent use, and each page's data is its own.
	all := b.pub.All()
	par.Do(len(all), func(i int) {
		p := all[i]
		if ctx.Err() != nil {
			return
		}
		layout := map[content.Kind]string{content.KindCover: "cover.html", content.KindChapter: "chapter.html", content.KindPage: "page.html"}[p.Kind]
		if p.Kind == content.KindCover && b.opts.home != nil {
			layout = "series.html"
		}
		r.emit(p.URL+"index.html", layout, render.NewData(site, views[p], ""), p.Source)
	})
	// Then every other format, in turn.
	for _, f := range outputFormats {
		if ctx.Err() != nil {
			break
		}
		f.make(r)
	}
	r.background.Wait()
	slices.Sort(b.rendered)
	return ctx.Err()
}

// renderPage executes layout for one page and writes it, minified, with
// the stylesheets moved out of it; it reports whether it did.
func (b *builder) renderPage(files *outputs, tmpl *render.Templates, name, layout string, data *render.Data, source *diag.Source) bool {
	var out []byte
	var styles map[string][]byte
	var err error
	if len(data.Site.Print) > 0 {
		var page *printPage
		page, styles, err = b.renderPrint(tmpl, name, layout, data)
		if err == nil {
			// Written as it is made: the page holds the whole
			// publication.
			files.addStream(name, page.write)
			err = page.failed
		}
	} else {
		// A chapter's buffer is its content and a few kilobytes of
		// layout: growing by doubling copied and cleared more. The
		// buffers are reused, page after page: the minified page is a
		// copy.
		buf := pageBufs.Get().(*bytes.Buffer)
		buf.Reset()
		buf.Grow(len(data.Page.Content) + 8<<10)
		if err = tmpl.Execute(buf, layout, data); err == nil {
			out, styles, err = b.minifyPage(name, buf.Bytes())
		}
		pageBufs.Put(buf)
		if err == nil {
			files.add(name, out)
		}
	}
	var failed minifyError
	if errors.As(err, &failed) {
		b.diags.Errorf(diag.Position{File: name}, "minify", "%v", failed.err)
		return false
	}
	if err != nil {
		d := tmpl.Diagnostic(err)
		if source != nil {
			d.Message += " (rendering " + source.Name + ")"
		}
		b.diags.Add(d)
		return false
	}
	files.addAll(styles)
	return true
}

// minifyError is a page that rendered but could not be minified.
type minifyError struct{ err error }

func (e minifyError) Error() string { return e.err.Error() }

// pageBufs hold pages as the layouts write them, before minifying.
var pageBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// minifyPage moves a rendered page's style out to stylesheets of its own
// (externalStyles) and minifies it; page's contents must not be used
// again, but its memory may: what minifyPage returns is never part of it.
func (b *builder) minifyPage(name string, page []byte) ([]byte, map[string][]byte, error) {
	page, styles, err := externalStyles(name, page, b.min.Minify)
	if err != nil {
		return nil, nil, minifyError{fmt.Errorf("cannot minify the style of %s: %v", name, err)}
	}
	out, err := b.min.Minify(name, page)
	if err != nil {
		return nil, nil, minifyError{fmt.Errorf("cannot minify output %s: %v", name, err)}
	}
	return out, styles, nil
}

// put minifies data by its extension and writes it as an output file.
func (b *builder) put(files *outputs, name string, data []byte) {
	min, err := b.min.Minify(name, data)
	if err != nil {
		b.diags.Errorf(diag.Position{File: name}, "minify", "cannot minify output %s: %v", name, err)
		return
	}
	files.add(name, min)
}

func (b *builder) siteData() *render.Site {
	c := b.pub.Config
	s := &render.Site{
		Title: c.Title, Subtitle: c.Subtitle, Series: c.Series, Dek: c.Dek,
		Description: c.Description, Publisher: c.Publisher, Language: c.Language,
		Published: c.Published, BaseURL: b.baseURL, Drafts: b.opts.Drafts,
	}
	s.Cover = b.image("", c.Cover, c.CoverAlt, c.CoverPos)
	if !b.opts.NoEditions {
		s.EPUB = epubName(b.basePath())
	}
	if p := b.opts.part; p != nil {
		s.SeriesTitle, s.SeriesHome, s.Part = p.series.Title, "../", p.in.Slug
		s.PrevPart, s.NextPart = p.prev, p.next
	}
	if h := b.opts.home; h != nil {
		s.IsSeries = true
		s.Parts = partViews(h.parts)
		s.Comparisons = b.comparisons(h.parts)
	}
	return s
}

func (b *builder) pageView(p *content.Page) *render.Page {
	c := b.converted[p]
	v := &render.Page{
		Kind: p.Kind.String(), Title: p.Front.Title, Subtitle: p.Front.Subtitle,
		Label: p.Front.Label, Author: p.Front.Author, Date: p.Front.Date,
		Draft: p.Front.Draft, Path: p.URL,
		Content:        template.HTML(c.res.HTML),
		ReadingMinutes: c.res.Minutes,
		Summary:        p.Front.Summary,
		OwnSummary:     p.Front.Summary != "",
	}
	if c.entry != nil {
		v.ContentKey = c.entry.contentKey()
	}
	if v.Summary == "" {
		v.Summary = markdown.Truncate(c.res.FirstPara, 90)
	}
	for _, h := range c.res.Headings {
		if h.Level == 2 || h.Level == 3 {
			v.TOC = append(v.TOC, h)
		}
	}
	v.Cover = b.image(path.Dir(p.RelPath), p.Front.Cover, p.Front.CoverAlt, p.Front.CoverPos)
	return v
}

// buildAssets bundles the theme's CSS and JS (named by content hash, with
// SRI digests for the layouts) and copies assets/static/ verbatim.
func (b *builder) buildAssets(files *outputs) map[string]render.Asset {
	assetsFS := render.Overlay{Site: sub(b.theme.Site, "assets"), Theme: sub(b.theme.Theme, "assets")}
	res := asset.Build(asset.Options{
		FS:        assetsFS,
		Display:   func(name string) string { return b.display(path.Join("assets", name)) },
		Sourcemap: b.opts.Sourcemap || b.opts.Dev,
		Stable:    b.opts.Dev,
		Cache:     b.cache,
	}, b.diags)
	files.addAll(res.Files)
	assets := map[string]render.Asset{}
	for name, a := range res.Assets {
		assets[name] = render.Asset{Path: a.Path, Integrity: a.Integrity}
	}
	return assets
}

// sub returns fsys's subfolder dir, or nil when fsys is nil.
func sub(fsys fs.FS, dir string) fs.FS {
	if fsys == nil {
		return nil
	}
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return s
}

// basePath is the path the site is served at: base_url's (or
// --base-url's), else "/".
func (b *builder) basePath() string {
	switch {
	case b.baseURL != "":
		return config.BasePath(b.baseURL)
	case b.pub.Config.BasePath != "":
		return b.pub.Config.BasePath
	}
	return "/"
}

// image processes a cover image named in front matter or publication.yaml;
// problems are reported at the key's position.
func (b *builder) image(fromDir, ref, alt string, pos diag.Position) *render.Image {
	if ref == "" {
		return nil
	}
	rel, why := content.ResolveImage(b.pub.Dir, fromDir, ref)
	if why != nil {
		return nil // reported when the content was loaded
	}
	pic, err := b.images.Picture(rel)
	if err != nil {
		b.diags.Errorf(pos, "image-invalid", "image %q: %v", ref, err)
		return nil
	}
	if strings.TrimSpace(alt) == "" {
		b.diags.Warnf(pos, "missing-alt", "cover image %q has no alt text: add cover_alt describing what it shows", ref)
	}
	return &render.Image{Path: pic.Fallback[len(pic.Fallback)-1].Path, Alt: alt, Picture: pic}
}
