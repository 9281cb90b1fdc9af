package site

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
	"sync"

	"folio/internal/diag"
	"folio/internal/edition"
	"folio/internal/render"
)

// The EPUB holds the publication as an e-book, named after it.
func init() {
	registerFormat(outputFormat{
		name: "epub", order: 50,
		make: func(r *renderRun) {
			if r.site.EPUB == "" {
				return
			}
			if r.b.opts.home != nil {
				r.b.produce(r.files, r.site.EPUB, r.b.seriesEPUBKey(r.site), func(files *outputs) bool {
					return r.b.seriesEPUB(files, r.site)
				})
				return
			}
			r.b.produce(r.files, r.site.EPUB, r.keys.editionKey(r.site, r.images), func(files *outputs) bool {
				return r.b.needHTML() && r.b.epub(files, r.site, r.images)
			})
		},
	})
}

// epubName names the EPUB after the publication: the last folder of the
// path it is served at (gaoxin.epub), else publication.epub.
func epubName(basePath string) string {
	if p := strings.Trim(basePath, "/"); p != "" {
		return path.Base(p) + ".epub"
	}
	return "publication.epub"
}

// epub writes the EPUB edition from the rendered chapters and pages. It
// reports whether the book is whole: with a page left out, its warning is
// for every build to report, so the book is not kept.
func (b *builder) epub(files *outputs, site *render.Site, images map[string][]byte) bool {
	var left diag.List // pages left out
	defer b.diags.Merge(&left)
	book := edition.Book{
		Title: site.Title, Language: site.Language, Publisher: site.Publisher,
		Description: site.Description, Date: site.Published,
		Identity: b.baseURL + "|" + site.Title, Images: map[string][]byte{},
	}
	if book.Identity == "|" {
		book.Identity = site.Title
	}
	pages := append(append([]*render.Page{}, site.Chapters...), site.Pages...)
	fileOf := map[string]string{"": "title.xhtml", dataPath: "data.xhtml"}
	for _, p := range pages {
		fileOf[p.Path] = strings.TrimSuffix(p.Path, "/") + ".xhtml"
	}
	image := func(sitePath string) string {
		if data, ok := images[sitePath]; ok {
			book.Images[sitePath] = data
		}
		return "../" + sitePath
	}
	// shown collects the images each chapter's section shows, for the
	// next build that copies the section instead of converting it.
	var shown sync.Map // section file → *[]string
	conv := &xhtmlConverter{fileOf: fileOf, image: func(sitePath string) string { return image(sitePath) }, baseURL: b.baseURL}
	convert := conv.convert

	// Title page.
	var title strings.Builder
	title.WriteString(`<section class="title-page" epub:type="titlepage">`)
	if site.Cover != nil {
		fmt.Fprintf(&title, `<p><img src="%s" alt="%s"/></p>`, image(site.Cover.Path), esc(site.Cover.Alt))
		book.Cover = site.Cover.Path
	}
	if site.Series != "" {
		fmt.Fprintf(&title, `<p>%s</p>`, esc(site.Series))
	}
	fmt.Fprintf(&title, `<h1>%s</h1>`, esc(site.Title))
	if site.Dek != "" {
		fmt.Fprintf(&title, `<p>——%s</p>`, esc(site.Dek))
	}
	if site.Publisher != "" {
		fmt.Fprintf(&title, `<p>%s</p>`, esc(site.Publisher))
	}
	title.WriteString(`</section>`)
	book.Sections = append(book.Sections, edition.Section{File: "title.xhtml", Title: site.Title, Body: title.String()})

	// Chapters convert to XHTML as the book is written, several at once;
	// image() records images in book.Images, so it is serialised.
	var mu sync.Mutex
	image = func(sitePath string) string {
		mu.Lock()
		defer mu.Unlock()
		if data, ok := images[sitePath]; ok {
			book.Images[sitePath] = data
		}
		return "../" + sitePath
	}
	reuse := b.openEPUBReuse(site.EPUB)
	links := epubLinksKey(pages)
	var failedMu sync.Mutex
	failed := map[string]bool{} // sections left out, whose warning every build gives
	for _, p := range pages {
		file := fileOf[p.Path]
		book.Sections = append(book.Sections, edition.Section{
			File: file, Title: p.Label + p.Title, Key: epubSectionKey(links, p),
			Make: func(w *bytes.Buffer) bool {
				seen := new([]string)
				shown.Store(file, seen)
				svg, err := chapterSection(w, p, func(w *bytes.Buffer) error { return convert(w, p.Path, string(p.Content), seen) })
				if err != nil {
					failedMu.Lock()
					failed[file] = true
					failedMu.Unlock()
					// The site keeps the page; only the EPUB goes without its text.
					pos := diag.Position{File: path.Join(b.pub.Display, b.pub.ByURL(p.Path))}
					if src := b.pub.ByPath(b.pub.ByURL(p.Path)); src != nil {
						pos = src.Pos(0) // where the text starts: the page as a whole is at fault
					}
					left.Warnf(pos, "epub",
						"%s is left out of the EPUB: %v (nesting lists or quotes that deep is rarely meant)", p.Title, err)
				}
				return svg
			},
		})
	}
	if len(site.Indicators) > 0 {
		book.Sections = append(book.Sections, edition.Section{File: "data.xhtml", Title: "数据附录", Body: dataAppendix(site.Indicators)})
	}
	// The sections the last book holds as they would be made are copied
	// from it, with the images they show.
	if reuse != nil {
		book.Reuse = func(file, key string) ([]byte, edition.Written, bool) {
			data, rec, shows, ok := reuse.section(file, key)
			if ok {
				b.epubReused.Add(1)
				mu.Lock()
				for _, sitePath := range shows {
					if data, ok := images[sitePath]; ok {
						book.Images[sitePath] = data
					}
				}
				mu.Unlock()
			}
			return data, rec, ok
		}
	}
	var written []epubRecord
	book.Wrote = func(w edition.Written) {
		failedMu.Lock()
		left := failed[w.File]
		failedMu.Unlock()
		if left {
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
	// Written as it is made: the book holds the whole publication.
	files.addStream(site.EPUB, func(w io.Writer) error {
		defer reuse.close()
		if err := edition.WriteEPUB(w, book); err != nil {
			return err
		}
		b.keepEPUBRecords(written)
		return nil
	})
	return left.Len() == 0 && files.wantsMore()
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

func esc(s string) string {
	return edition.EscapeAttr(s)
}

// xhtmlConverter turns a page's HTML into the book's XHTML: links to
// pages of the book point to their sections, images to the book's
// copies, links that leave the book to the web.
type xhtmlConverter struct {
	fileOf  map[string]string // site path → section file
	image   func(sitePath string) string
	baseURL string // the site's, which links that leave the book point into; "" drops them
}

func (c *xhtmlConverter) convert(w *bytes.Buffer, pagePath, html string, seen *[]string) error {
	return edition.WriteXHTML(w, html, func(el, attr, val string) (string, bool) {
		switch attr {
		case "srcset", "sizes", "loading", "decoding", "fetchpriority":
			return "", false
		case "src":
			if _, sitePath, inside := within(pagePath, val); inside {
				*seen = append(*seen, sitePath)
				return c.image(sitePath), true
			}
		case "href":
			if strings.HasPrefix(val, "#") {
				return strings.ReplaceAll(val, ":", "-"), true // as ids are
			}
			u, target, inside := within(pagePath, val)
			if u == nil || u.Scheme != "" {
				return val, true
			}
			if f, ok := c.fileOf[target]; ok && inside {
				if u.Fragment != "" {
					return f + "#" + u.Fragment, true
				}
				return f, true
			}
			if !inside || !strings.Contains(path.Base(u.Path), ".") {
				// A page that is not in the book (another installment
				// of the series, its data): on the web, or no link.
				if c.baseURL == "" {
					return "", false
				}
				abs, err := url.Parse(c.baseURL + pagePath)
				ref, rerr := url.Parse(val)
				if err != nil || rerr != nil {
					return "", false
				}
				return abs.ResolveReference(ref).String(), true
			}
		}
		return val, true
	})
}

// dataAppendix is the book's section of the data page: a table of every
// indicator, each row with the indicator's id.
func dataAppendix(inds []*render.Indicator) string {
	var data strings.Builder
	data.WriteString(`<section epub:type="appendix"><h1>数据附录</h1><table><thead><tr><th>指标</th><th>数值</th><th>口径与来源</th></tr></thead><tbody>`)
	for _, ind := range inds {
		var values []string
		for _, v := range ind.Series {
			values = append(values, v.Period+" "+v.Display)
		}
		fmt.Fprintf(&data, `<tr id="%s"><th>%s</th><td>%s</td><td>%s%s</td></tr>`, esc(ind.ID), esc(ind.Label), esc(strings.Join(values, "；")), esc(ind.Scope), esc(prefixed("。来源：", ind.Source)))
	}
	data.WriteString(`</tbody></table></section>`)
	return data.String()
}

// chapterSection writes a chapter's section of the book: its heading,
// then its text as body writes it, or, when body fails, a line saying
// the text is left out. It reports whether the text holds SVG.
func chapterSection(w *bytes.Buffer, p *render.Page, body func(w *bytes.Buffer) error) (svg bool, err error) {
	w.WriteString(`<section epub:type="chapter"><h1>`)
	w.WriteString(esc(p.Label))
	w.WriteString(esc(p.Title))
	w.WriteString(`</h1>`)
	if p.Subtitle != "" {
		w.WriteString(`<p class="subtitle">` + esc(p.Subtitle) + `</p>`)
	}
	start := w.Len()
	if err = body(w); err != nil {
		w.WriteString("<p>（本篇结构过于复杂，电子书中从略，请阅读网站版。）</p>")
	}
	svg = bytes.Contains(w.Bytes()[start:], []byte("<svg"))
	w.WriteString(`</section>`)
	return svg, err
}
