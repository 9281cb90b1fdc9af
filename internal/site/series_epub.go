package site

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"

	"folio/internal/edition"
	"folio/internal/render"
)

// The whole series as one book: a title page, then each installment as
// a part (its title page, then its chapters, pages and data, listed
// under it), then the series' data. Links between installments point
// within the book.

// seriesEPUBKey names what the series' book is made from: every
// installment's pages as the builds left them, and the series' data.
func (b *builder) seriesEPUBKey(site *render.Site) string {
	var k keyWriter
	k.str("series-epub")
	k.str(b.baseURL)
	k.str(site.Title)
	k.str(site.Language)
	k.str(site.Publisher)
	k.str(site.Description)
	for _, ind := range site.Indicators {
		k.str(b.data.FingerprintOf(ind.ID))
	}
	for _, p := range b.opts.home.parts {
		k.str(p.in.Slug)
		k.str(p.in.Config.Title)
		k.str(p.in.Config.Dek)
		k.time(p.in.Config.Published)
		if p.site == nil {
			continue
		}
		for _, pg := range append(slices.Clone(p.site.Chapters), p.site.Pages...) {
			k.str(pg.Path)
			k.str(pg.Label)
			k.str(pg.Title)
			k.str(pg.Subtitle)
			k.str(pg.ContentKey)
			if pg.ContentKey == "" {
				k.str(string(pg.Content))
			}
		}
		for _, ind := range p.site.Indicators {
			k.str(ind.ID)
			k.str(ind.Label)
			for _, v := range ind.Series {
				k.str(v.Period + "=" + v.Display)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(p.images)) {
			k.str(name)
			k.num(len(p.images[name]))
		}
	}
	return k.sum()
}

// seriesEPUB writes the series' book.
func (b *builder) seriesEPUB(files *outputs, site *render.Site) bool {
	parts := b.opts.home.parts
	book := edition.Book{
		Title: site.Title, Language: site.Language, Publisher: site.Publisher,
		Description: site.Description, Identity: b.baseURL + "|" + site.Title + "|series",
		Images: map[string][]byte{},
	}
	fileOf := map[string]string{"": "title.xhtml", dataPath: "data.xhtml"}
	for _, p := range parts {
		slug := p.in.Slug
		fileOf[slug+"/"] = slug + ".xhtml"
		if p.site == nil {
			continue
		}
		for _, pg := range append(slices.Clone(p.site.Chapters), p.site.Pages...) {
			fileOf[slug+"/"+pg.Path] = slug + "-" + strings.TrimSuffix(pg.Path, "/") + ".xhtml"
		}
		if len(p.site.Indicators) > 0 {
			fileOf[slug+"/"+dataPath] = slug + "-data.xhtml"
		}
	}
	imagesOf := map[string]map[string][]byte{}
	var all []*render.Page // every page of the book, by its path from the series' root
	for _, p := range parts {
		imagesOf[p.in.Slug] = p.images
		if p.site != nil {
			for _, pg := range append(slices.Clone(p.site.Chapters), p.site.Pages...) {
				v := *pg
				v.Path = p.in.Slug + "/" + pg.Path
				all = append(all, &v)
			}
		}
	}
	// A chapter's section is copied from the last book when it is made
	// from the same page, with the same addresses of every page (its
	// links) and the same site for the links that leave the book.
	var lk keyWriter
	lk.str(epubLinksKey(all))
	lk.str(b.baseURL)
	links := lk.sum()
	reuse := b.openEPUBReuse(site.EPUB)
	var shown sync.Map  // section file → *[]string, the images it shows
	var failed sync.Map // section files left out, made again by every build
	var mu sync.Mutex
	image := func(sitePath string) string {
		slug, rest, _ := strings.Cut(sitePath, "/")
		if data, ok := imagesOf[slug][rest]; ok {
			mu.Lock()
			book.Images[sitePath] = data
			mu.Unlock()
		}
		return "../" + sitePath
	}
	conv := &xhtmlConverter{fileOf: fileOf, image: image, baseURL: b.baseURL}

	var title strings.Builder
	title.WriteString(`<section class="title-page" epub:type="titlepage">`)
	fmt.Fprintf(&title, `<h1>%s</h1>`, esc(site.Title))
	if site.Subtitle != "" {
		fmt.Fprintf(&title, `<p>%s</p>`, esc(site.Subtitle))
	}
	if site.Publisher != "" {
		fmt.Fprintf(&title, `<p>%s</p>`, esc(site.Publisher))
	}
	title.WriteString(`</section>`)
	book.Sections = append(book.Sections, edition.Section{File: "title.xhtml", Title: site.Title, Body: title.String()})

	for _, p := range parts {
		slug, c := p.in.Slug, p.in.Config
		var head strings.Builder
		head.WriteString(`<section epub:type="part">`)
		fmt.Fprintf(&head, `<h1>%s</h1>`, esc(c.Title))
		if c.Dek != "" {
			fmt.Fprintf(&head, `<p>——%s</p>`, esc(c.Dek))
		}
		if !c.Published.IsZero() {
			fmt.Fprintf(&head, `<p>%d年%d月%d日</p>`, c.Published.Year(), c.Published.Month(), c.Published.Day())
		}
		head.WriteString(`</section>`)
		book.Sections = append(book.Sections, edition.Section{File: fileOf[slug+"/"], Title: c.Title, Body: head.String()})
		if p.site == nil {
			continue
		}
		for _, pg := range append(slices.Clone(p.site.Chapters), p.site.Pages...) {
			sitePath := slug + "/" + pg.Path
			file := fileOf[sitePath]
			keyed := *pg
			keyed.Path = sitePath
			book.Sections = append(book.Sections, edition.Section{
				File: file, Title: pg.Label + pg.Title, Nested: true, Key: epubSectionKey(links, &keyed),
				Make: func(w *bytes.Buffer) bool {
					seen := new([]string)
					shown.Store(file, seen)
					// A failure is the installment's own build's to report.
					svg, err := chapterSection(w, pg, func(w *bytes.Buffer) error { return conv.convert(w, sitePath, string(pg.Content), seen) })
					if err != nil {
						failed.Store(file, true)
					}
					return svg
				},
			})
		}
		if len(p.site.Indicators) > 0 {
			book.Sections = append(book.Sections, edition.Section{File: fileOf[slug+"/"+dataPath], Title: c.Title + "数据附录", Nested: true, Body: dataAppendix(p.site.Indicators)})
		}
	}
	if len(site.Indicators) > 0 {
		book.Sections = append(book.Sections, edition.Section{File: "data.xhtml", Title: "数据附录", Body: dataAppendix(site.Indicators)})
	}
	if reuse != nil {
		book.Reuse = func(file, key string) ([]byte, edition.Written, bool) {
			data, rec, shows, ok := reuse.section(file, key)
			if ok {
				b.epubReused.Add(1)
				for _, sitePath := range shows {
					image(sitePath)
				}
			}
			return data, rec, ok
		}
	}
	var written []epubRecord
	book.Wrote = func(w edition.Written) {
		if _, left := failed.Load(w.File); left {
			return
		}
		rec := epubRecord{Written: w}
		if seen, ok := shown.Load(w.File); ok {
			rec.Images = *seen.(*[]string)
		} else if reuse != nil {
			rec.Images = reuse.records[w.File].Images // copied
		}
		written = append(written, rec)
	}
	files.addStream(site.EPUB, func(w io.Writer) error {
		defer reuse.close()
		if err := edition.WriteEPUB(w, book); err != nil {
			return err
		}
		b.keepEPUBRecords(written)
		return nil
	})
	return files.wantsMore()
}
