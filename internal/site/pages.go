package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"folio/internal/asset"
	"folio/internal/config"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/markdown"
	"folio/internal/par"
	"folio/internal/render"
	"folio/internal/search"
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
	for _, p := range b.pub.All() {
		views[p] = b.pageView(p)
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

	keys := newRenderKeys(templatesVersion(layoutsFS), site)
	var mu sync.Mutex // guards b.rendered
	emit := func(name, layout string, data *render.Data, source *diag.Source) {
		key := keys.key(layout, data.Site, data.Page, data.Root())
		made := b.produce(files, name, key, func(files *outputs) bool {
			return b.renderPage(files, tmpl, name, layout, data, source)
		})
		if made {
			mu.Lock()
			b.rendered = append(b.rendered, name)
			mu.Unlock()
		}
	}
	// Pages render in parallel: templates and the minifier are safe for
	// concurrent use, and each page's data is its own.
	all := b.pub.All()
	par.Do(len(all), func(i int) {
		p := all[i]
		if ctx.Err() != nil {
			return
		}
		layout := map[content.Kind]string{content.KindCover: "cover.html", content.KindChapter: "chapter.html", content.KindPage: "page.html"}[p.Kind]
		emit(p.URL+"index.html", layout, render.NewData(site, views[p], ""), p.Source)
	})
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if len(b.data.Indicators) > 0 {
		dataPage := &render.Page{Kind: "data", Title: "数据", Path: dataPath,
			Summary: "本刊引用的全部指标：数值、口径、来源与说明，可下载 CSV 与 JSON。"}
		emit(dataPath+"index.html", "data.html", render.NewData(site, dataPage, ""), nil)
		b.downloads(files)
	}
	searchPage := &render.Page{Kind: "search", Title: "搜索", Path: "search/", Summary: "在本刊全文中搜索。"}
	emit("search/index.html", "search.html", render.NewData(site, searchPage, ""), nil)
	notFound := &render.Page{Kind: "404", Title: "页面未找到", Path: "404.html"}
	emit("404.html", "404.html", render.NewData(site, notFound, b.basePath()), nil)

	// The print page is written while the EPUB is made: it is written in
	// order, mostly on one core, and the EPUB's windows of sections fill
	// the others. Both only read the pages.
	var printing sync.WaitGroup
	if !b.opts.NoEditions {
		printPage := &render.Page{Kind: "print", Title: "全刊打印版", Path: "print/", Summary: "全刊内容合为一页，供打印或另存为 PDF。"}
		printSite := *site
		printSite.Print = b.printSections(site)
		printing.Go(func() { emit("print/index.html", "print.html", render.NewData(&printSite, printPage, ""), nil) })
	}
	images := b.images.Files()
	files.addAll(images)
	if site.EPUB != "" {
		b.produce(files, site.EPUB, keys.editionKey(site, images), func(files *outputs) bool {
			return b.epub(files, site, images)
		})
	}
	printing.Wait()
	slices.Sort(b.rendered)
	// The search index reads the pages' HTML last: a build that compacts
	// lets it go before the index is made.
	b.searchIndex(site, files)
	b.feeds(files, site)
	b.staticFiles(files)
	return nil
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

// staticFiles copies assets/static/ to the site root as it is: favicons,
// touch icons, .well-known/. A static file may not replace a page.
func (b *builder) staticFiles(files *outputs) {
	static := render.Overlay{Site: sub(b.theme.Site, "assets/static"), Theme: sub(b.theme.Theme, "assets/static")}
	_ = fs.WalkDir(static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		shown := b.display(path.Join("assets/static", name))
		if files.has(name) {
			b.diags.Errorf(diag.Position{File: shown}, "static-conflict", "static file %s would replace the %s folio writes: rename or remove it", name, name)
			return nil
		}
		data, err := fs.ReadFile(static, name)
		if err != nil {
			b.diags.Errorf(diag.Position{File: shown}, "read-error", "%v", err)
			return nil
		}
		files.add(name, data)
		return nil
	})
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

// searchIndex indexes every page by section, and every indicator.
func (b *builder) searchIndex(site *render.Site, files *outputs) {
	pages := append([]*render.Page{}, site.Chapters...)
	pages = append(pages, site.Pages...)
	// The cover's and the indicators' documents are made anew by every
	// build; each other page's come from the last build when its title
	// and content are the same, with their token counts (counts[i] stays
	// nil for the documents the index counts itself).
	var coverDocs, dataDocs []search.Doc
	if cover := b.converted[b.pub.Cover]; cover != nil {
		coverDocs = search.Sections(site.Title, "", cover.res.HTML)
	}
	for _, ind := range site.Indicators {
		var text strings.Builder
		text.WriteString(strings.Join(ind.Aliases, " ") + " " + ind.Scope + " " + ind.Source + " " + ind.Note)
		for _, v := range ind.Series {
			text.WriteString(" " + v.Period + " " + v.Display)
		}
		dataDocs = append(dataDocs, search.Doc{Title: "数据", Section: ind.Label, URL: dataPath + "#" + ind.ID, Text: text.String()})
	}
	// The same documents make the same index. A page's are named by its
	// title and its content's key (the content itself where it has none).
	var k keyWriter
	hashDocs := func(docs []search.Doc) {
		for _, d := range docs {
			k.str(d.Title)
			k.str(d.Section)
			k.str(d.URL)
			k.str(d.Text)
		}
	}
	hashDocs(coverDocs)
	for _, p := range pages {
		k.str(p.Path)
		k.str(p.Title)
		k.str(p.ContentKey)
		if p.ContentKey == "" {
			k.str(string(p.Content))
		}
	}
	hashDocs(dataDocs)
	b.produce(files, "search/index", k.sum(), func(files *outputs) bool {
		b.writeSearchIndex(files, pages, coverDocs, dataDocs)
		return true
	})
	if b.session.keep.compact {
		// Nothing reads the pages' HTML after this (54 MB at 10,000
		// chapters).
		for _, p := range pages {
			p.Content = ""
		}
		for _, c := range b.converted {
			c.res.HTML = ""
		}
	}
}

// writeSearchIndex splits every page into its sections' documents and
// writes the index of them all.
func (b *builder) writeSearchIndex(files *outputs, pages []*render.Page, coverDocs, dataDocs []search.Doc) {
	// Each page's documents come from the last build when its title and
	// content are the same, with their token counts (counts[i] stays nil
	// for the documents the index counts itself).
	docs := slices.Clone(coverDocs)
	counts := make([]*search.Counts, len(docs))
	sections := make([][]search.Doc, len(pages))
	sectionCounts := make([][]*search.Counts, len(pages))
	prev := b.session.sections
	next := make(map[string]searchEntry, len(pages))
	var nmu sync.Mutex
	par.Do(len(pages), func(i int) {
		p := pages[i]
		e, ok := prev[p.Path]
		if !ok || e.title != p.Title || e.content != p.Content {
			e = searchEntry{title: p.Title, content: p.Content, docs: search.Sections(p.Title, p.Path, string(p.Content))}
			if !b.session.keep.compact { // the index made once counts for itself
				for _, d := range e.docs {
					e.counts = append(e.counts, search.Count(d))
				}
			}
		}
		sections[i], sectionCounts[i] = e.docs, e.counts
		nmu.Lock()
		next[p.Path] = e
		nmu.Unlock()
	})
	for i, s := range sections {
		docs = append(docs, s...)
		counts = append(counts, sectionCounts[i]...)
	}
	docs = append(docs, dataDocs...)
	counts = append(counts, make([]*search.Counts, len(dataDocs))...)
	if !b.session.keep.compact {
		b.session.sections = next
		files.addAll(b.session.searchIndex.Build(docs, counts, search.DefaultOptions))
		return
	}
	// A build that compacts builds once: the token counts and posting
	// lists (a build's largest structures after the pages) go with this
	// stage instead of staying in the session, and each section's text
	// as soon as the index has written it into its shard. The pages' HTML
	// goes first, and what splitting it into sections left behind.
	for _, p := range pages {
		p.Content = ""
	}
	for _, c := range b.converted {
		c.res.HTML = ""
	}
	sections, next = nil, nil
	runtime.GC()
	search.Build(docs, search.DefaultOptions, files.add)
}

// searchEntry is a page's search documents and what they were made from.
type searchEntry struct {
	title   string
	content template.HTML
	docs    []search.Doc
	counts  []*search.Counts // of each of docs
}
