package site

import (
	"bytes"
	"context"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"folio/internal/config"
	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/markdown"
	"folio/internal/render"
)

// render executes every layout and collects the output files, minified.
func (b *builder) render(ctx context.Context) (map[string][]byte, error) {
	files := map[string][]byte{}
	layoutsFS := render.Overlay{Site: sub(b.theme.Site, "layouts"), Theme: sub(b.theme.Theme, "layouts")}
	tmpl := render.Load(layoutsFS, func(name string) string { return b.display(path.Join("layouts", name)) }, b.diags)
	assets := b.buildAssets(files)
	if b.diags.HasErrors() {
		return nil, nil
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

	emit := func(name, layout string, data *render.Data, source *diag.Source) {
		var buf bytes.Buffer
		if err := tmpl.Execute(&buf, layout, data); err != nil {
			d := tmpl.Diagnostic(err)
			if source != nil {
				d.Message += " (rendering " + source.Name + ")"
			}
			b.diags.Add(d)
			return
		}
		b.put(files, name, buf.Bytes())
	}
	for _, p := range b.pub.All() {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		layout := map[content.Kind]string{content.KindCover: "cover.html", content.KindChapter: "chapter.html", content.KindPage: "page.html"}[p.Kind]
		emit(p.URL+"index.html", layout, render.NewData(site, views[p], ""), p.Source)
	}
	if len(b.data.Indicators) > 0 {
		dataPage := &render.Page{Kind: "data", Title: "数据", Path: dataPath,
			Summary: "本刊引用的全部指标：数值、口径、来源与说明，可下载 CSV 与 JSON。"}
		emit(dataPath+"index.html", "data.html", render.NewData(site, dataPage, ""), nil)
		b.downloads(files)
	}
	notFound := &render.Page{Kind: "404", Title: "页面未找到", Path: "404.html"}
	emit("404.html", "404.html", render.NewData(site, notFound, basePath(b.baseURL)), nil)

	for _, img := range b.images() {
		data, err := fs.ReadFile(sub(b.theme.Site, "content"), img)
		if err != nil {
			b.diags.Errorf(diag.Position{File: path.Join(b.pub.Display, img)}, "read-error", "%v", err)
			continue
		}
		b.put(files, img, data)
	}
	b.feeds(files, site)
	return files, nil
}

// put minifies data by its extension and records it as an output file.
func (b *builder) put(files map[string][]byte, name string, data []byte) {
	min, err := b.min.Minify(name, data)
	if err != nil {
		b.diags.Errorf(diag.Position{File: name}, "minify", "cannot minify output %s: %v", name, err)
		return
	}
	files[name] = min
}

func (b *builder) siteData() *render.Site {
	c := b.pub.Config
	s := &render.Site{
		Title: c.Title, Subtitle: c.Subtitle, Series: c.Series, Dek: c.Dek,
		Description: c.Description, Publisher: c.Publisher, Language: c.Language,
		Published: c.Published, BaseURL: b.baseURL, Drafts: b.opts.Drafts,
	}
	if c.Cover != "" {
		if rel, why := content.ResolveImage(b.pub.Dir, "", c.Cover); why == "" {
			s.Cover = &render.Image{Path: rel, Alt: c.CoverAlt}
		}
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
		ReadingMinutes: markdown.ReadingMinutes(c.res.Text),
		Summary:        p.Front.Summary,
	}
	if v.Summary == "" {
		v.Summary = markdown.Truncate(c.res.FirstPara, 90)
	}
	for _, h := range c.res.Headings {
		if h.Level == 2 || h.Level == 3 {
			v.TOC = append(v.TOC, h)
		}
	}
	if p.Front.Cover != "" {
		if rel, why := content.ResolveImage(b.pub.Dir, path.Dir(p.RelPath), p.Front.Cover); why == "" {
			v.Cover = &render.Image{Path: rel, Alt: p.Front.CoverAlt}
		}
	}
	return v
}

// images lists every image the publication uses, once.
func (b *builder) images() []string {
	seen := map[string]bool{}
	var out []string
	add := func(rel string) {
		if rel != "" && !seen[rel] {
			seen[rel] = true
			out = append(out, rel)
		}
	}
	if rel, why := content.ResolveImage(b.pub.Dir, "", b.pub.Config.Cover); why == "" && b.pub.Config.Cover != "" {
		add(rel)
	}
	for _, p := range b.pub.All() {
		if p.Front.Cover != "" {
			rel, _ := content.ResolveImage(b.pub.Dir, path.Dir(p.RelPath), p.Front.Cover)
			add(rel)
		}
		for _, img := range b.converted[p].env.Images {
			add(img)
		}
	}
	return out
}

// buildAssets minifies the theme's CSS and static files and names each by
// its content hash, so they can be cached forever; layouts get their paths
// and SRI digests.
func (b *builder) buildAssets(files map[string][]byte) map[string]render.Asset {
	assets := map[string]render.Asset{}
	assetsFS := render.Overlay{Site: sub(b.theme.Site, "assets"), Theme: sub(b.theme.Theme, "assets")}
	var walk func(dir string)
	walk = func(dir string) {
		entries, err := assetsFS.ReadDir(dir)
		if err != nil {
			b.diags.Errorf(diag.Position{File: b.display(path.Join("assets", dir))}, "asset", "%v", err)
			return
		}
		for _, e := range entries {
			name := path.Join(dir, e.Name())
			if dir == "." {
				name = e.Name()
			}
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			if e.IsDir() {
				walk(name)
				continue
			}
			data, err := fs.ReadFile(assetsFS, name)
			if err != nil {
				b.diags.Errorf(diag.Position{File: b.display(path.Join("assets", name))}, "asset", "%v", err)
				continue
			}
			min, err := b.min.Minify(name, data)
			if err != nil {
				b.diags.Errorf(diag.Position{File: b.display(path.Join("assets", name))}, "asset", "cannot minify: %v", err)
				continue
			}
			sum := sha512.Sum384(min)
			ext := path.Ext(name)
			out := "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
			files[out] = min
			assets[name] = render.Asset{Path: out, Integrity: "sha384-" + base64.StdEncoding.EncodeToString(sum[:])}
		}
	}
	walk(".")
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

func basePath(baseURL string) string {
	if baseURL == "" {
		return "/"
	}
	return config.BasePath(baseURL)
}
