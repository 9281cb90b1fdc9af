package render_test

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"testing"

	"folio"
	"folio/internal/benchgen"
	"folio/internal/diag"
	"folio/internal/render"
)

// BenchmarkLayout100 executes the default theme's chapter layout for 100
// generated chapters of a 10,000-chapter publication, the step of
// rendering before the minifier.
func BenchmarkLayout100(b *testing.B) {
	chapters, err := benchgen.Chapters(100, 1)
	if err != nil {
		b.Fatal(err)
	}
	layouts, err := fs.Sub(folio.Theme, "layouts")
	if err != nil {
		b.Fatal(err)
	}
	var diags diag.List
	tmpl := render.Load(render.Overlay{Theme: layouts}, func(name string) string { return name }, &diags)
	if diags.HasErrors() {
		b.Fatal(diags.Items())
	}
	site := &render.Site{Title: "基准测试出版物", Language: "zh-CN", BaseURL: "https://example.org/bench/", EPUB: "bench.epub"}
	site.SetAssets(map[string]render.Asset{"css/main.css": {Path: "assets/main.0123abcd.css", Integrity: "sha384-0123"}})
	site.Pages = []*render.Page{{Kind: "page", Title: "关于", Path: "about/"}}
	for i := range 10000 { // the masthead links to the contents
		site.Chapters = append(site.Chapters, &render.Page{Kind: "chapter", Title: fmt.Sprintf("第%d篇", i+1), Path: fmt.Sprintf("chapter-%d/", i+1)})
	}
	var data []*render.Data
	for i, c := range chapters {
		p := site.Chapters[i]
		p.Number, p.Content, p.Summary, p.ReadingMinutes = i+1, template.HTML(c.Result.HTML), c.Result.FirstPara, c.Result.Minutes
		for _, h := range c.Result.Headings {
			if h.Level == 2 || h.Level == 3 {
				p.TOC = append(p.TOC, h)
			}
		}
		p.Next = site.Chapters[i+1]
		if i > 0 {
			p.Prev = site.Chapters[i-1]
		}
		data = append(data, render.NewData(site, p, ""))
	}
	var buf bytes.Buffer
	for b.Loop() {
		for _, d := range data {
			buf.Reset()
			if err := tmpl.Execute(&buf, "chapter.html", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
