package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io"
	"strings"

	"folio/internal/edition"
	"folio/internal/par"
	"folio/internal/render"
)

// The print page holds the whole publication on one page, to print or
// save as PDF. It is written while the EPUB is made: it is written in
// order, mostly on one core, and the EPUB's windows of sections fill the
// others. Both only read the pages.
func init() {
	registerFormat(outputFormat{
		name: "print", order: 30, reserved: []string{"print"},
		make: func(r *renderRun) {
			if r.b.opts.NoEditions || r.b.opts.home != nil {
				return // (a series' pages hold no text of their own to print)
			}
			page := &render.Page{Kind: "print", Title: r.words.Sprintf("The whole issue, for print"), Path: "print/",
				Summary: r.words.Sprintf("The whole publication on one page, to print or save as PDF.")}
			printSite := *r.site
			printSite.Print = r.b.printSections(r.site)
			r.background.Go(func() { r.emit("print/index.html", "print.html", render.NewData(&printSite, page, ""), nil) })
		},
	})
}

// printSections rewrites every chapter and page to live together on the
// print page: ids prefixed by the section, links to other pages pointing
// to their sections, references to the data page to the data appendix.
func (b *builder) printSections(site *render.Site) []*render.PrintSection {
	pages := append(append([]*render.Page{}, site.Chapters...), site.Pages...)
	sectionOf := map[string]string{}
	for _, p := range pages {
		sectionOf[p.Path] = "s-" + strings.TrimSuffix(p.Path, "/")
	}
	var out []*render.PrintSection
	for _, p := range pages {
		id := sectionOf[p.Path]
		link := func(href string) string {
			u, target, inside := within(p.Path, href)
			if !inside {
				// Outside the publication (another installment of its
				// series): the print page is as deep as a chapter.
				return href
			}
			if target == dataPath && u.Fragment != "" {
				return "#data--" + u.Fragment
			}
			if sec, ok := sectionOf[target]; ok {
				if u.Fragment != "" {
					return "#" + sec + "--" + u.Fragment
				}
				return "#" + sec
			}
			return href // images and files: the print page is as deep as a chapter
		}
		out = append(out, render.NewPrintSection(id, p, func() template.HTML {
			return template.HTML(edition.Prefix(string(p.Content), id+"--", link))
		}))
	}
	return out
}

// printMarker stands in the print page's layout for section i's content.
// The minifier keeps an element it does not know as it is.
func printMarker(i int) string {
	return fmt.Sprintf(`<folio-print-section data-n="%d"></folio-print-section>`, i)
}

// renderPrint renders the print page, which holds the whole publication,
// without ever holding it whole: the layout runs with a marker in place
// of each section's content, the page around the sections (a few
// megabytes at 10,000 chapters) has its style moved out and is minified,
// and the page is then written a section at a time (printPage.write):
// each section's content rewritten and minified on its own, several at
// once, and written at its marker. (Rendering the whole page and
// minifying it held it unminified and minified at once, 140 MB at 10,000
// chapters, on one core; assembling it held 64 MB in one piece.) A layout
// that does not show each section's content once, in order, gets the
// page rendered whole.
func (b *builder) renderPrint(tmpl *render.Templates, name, layout string, data *render.Data) (*printPage, map[string][]byte, error) {
	sections := data.Site.Print
	markers := make([][]byte, len(sections))
	marked := *data.Site
	marked.Print = make([]*render.PrintSection, len(sections))
	for i, s := range sections {
		marker := template.HTML(printMarker(i))
		markers[i] = []byte(marker)
		marked.Print[i] = render.NewPrintSection(s.ID, s.Page, func() template.HTML { return marker })
	}
	markedData := *data
	markedData.Site = &marked
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, layout, &markedData); err != nil {
		return nil, nil, err
	}
	shell, styles, err := b.minifyPage(name, buf.Bytes())
	if err != nil {
		return nil, nil, err
	}
	whole := func() (*printPage, map[string][]byte, error) {
		page, styles, err := b.renderWhole(tmpl, name, layout, data)
		return &printPage{shell: page}, styles, err
	}
	// Each marker once, in order; else the page is rendered whole.
	if bytes.Count(shell, []byte("<folio-print-section ")) != len(sections) {
		return whole()
	}
	at := make([]int, len(sections))
	from := 0
	for i, m := range markers {
		j := bytes.Index(shell[from:], m)
		if j < 0 {
			return whole()
		}
		at[i] = from + j
		from = at[i] + len(m)
	}
	page := &printPage{b: b, name: name, shell: shell, sections: sections, at: at, markers: markers}
	if memo := b.printMemoPath(); memo != "" {
		page.memoPath, page.keys = memo, printSectionKeys(sections)
		page.reuse = openPrintReuse(memo, b.outPath(name))
	}
	return page, styles, nil
}

// printPage is the print page, to be written: its minified shell and,
// at each marker, a section's content.
type printPage struct {
	b        *builder
	name     string
	shell    []byte
	sections []*render.PrintSection
	at       []int // where each section's marker starts in shell
	markers  [][]byte
	// failed is a section the minifier could not take: the page is cut
	// short there, and the build fails.
	failed error
	// keys are the sections' keys, reuse the last build's page to copy
	// unchanged sections from, and memoPath where this page's sections
	// are noted for the next build ("": nowhere).
	keys     [][sha256.Size]byte
	reuse    *printReuse
	memoPath string
}

// write writes the page to w. A write to w that fails is returned; a
// section that cannot be minified ends the page and is kept in failed.
// Sections the last build's page holds unchanged are copied from it.
func (p *printPage) write(w io.Writer) error {
	defer p.reuse.close()
	const window = 64 // sections made at once, before they are written
	minified := make([][]byte, window)
	sums := make([][sha256.Size]byte, window)
	var written int64 // the offset of the next byte
	put := func(data []byte) error {
		n, err := w.Write(data)
		written += int64(n)
		return err
	}
	var pieces []printPiece
	last := 0
	for start := 0; start < len(p.sections); start += window {
		n := min(window, len(p.sections)-start)
		errs := make([]error, n)
		par.Do(n, func(k int) {
			i := start + k
			if p.keys == nil {
				minified[k], errs[k] = p.b.min.Minify("section.html", []byte(p.sections[i].Content()))
				return
			}
			var ok bool
			if minified[k], sums[k], ok = p.reuse.section(p.keys[i]); ok {
				p.b.printReused.Add(1)
				return
			}
			minified[k], errs[k] = p.b.min.Minify("section.html", []byte(p.sections[i].Content()))
			sums[k] = sha256.Sum256(minified[k])
		})
		for k := range n {
			if errs[k] != nil {
				p.failed = minifyError{fmt.Errorf("cannot minify output %s: %v", p.name, errs[k])}
				return nil
			}
			i := start + k
			if err := put(p.shell[last:p.at[i]]); err != nil {
				return err
			}
			if p.keys != nil && p.keys[i] != ([sha256.Size]byte{}) {
				pieces = append(pieces, printPiece{key: p.keys[i], sum: sums[k], off: written, len: int64(len(minified[k]))})
			}
			if err := put(minified[k]); err != nil {
				return err
			}
			last = p.at[i] + len(p.markers[i])
			minified[k] = nil
		}
	}
	if err := put(p.shell[last:]); err != nil {
		return err
	}
	if p.memoPath != "" {
		// Not written: the next build makes every section.
		_ = writeSealed(p.memoPath, printMemoMagic, encodePrintPieces(pieces))
	}
	return nil
}

// renderWhole renders and minifies a page in one piece.
func (b *builder) renderWhole(tmpl *render.Templates, name, layout string, data *render.Data) ([]byte, map[string][]byte, error) {
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, layout, data); err != nil {
		return nil, nil, err
	}
	return b.minifyPage(name, buf.Bytes())
}
