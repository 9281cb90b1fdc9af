package site

import (
	"html/template"
	"runtime"
	"slices"
	"strings"
	"sync"

	"folio/internal/par"
	"folio/internal/render"
	"folio/internal/search"
)

// The search page, and the index of every page's sections and every
// indicator it queries, in shards a query loads a few of.
func init() {
	registerFormat(outputFormat{
		name: "search", order: 60, reserved: []string{"search"},
		make: func(r *renderRun) {
			if r.b.opts.part != nil {
				// The series has one search: the installment leaves its
				// documents for it.
				r.background.Wait()
				r.b.partDocs(r)
				return
			}
			page := &render.Page{Kind: "search", Title: r.words.Sprintf("Search"), Path: "search/",
				Summary: r.words.Sprintf("Search the full text of this publication.")}
			r.emit("search/index.html", "search.html", render.NewData(r.site, page, ""), nil)
			// The index reads the pages' HTML last: a build that
			// compacts lets it go before the index is made, once the
			// editions have read it.
			r.background.Wait()
			r.b.searchIndex(r)
		},
	})
}

// searchIndex indexes every page by section, and every indicator.
func (b *builder) searchIndex(r *renderRun) {
	site, files := r.site, r.files
	pages := append([]*render.Page{}, site.Chapters...)
	pages = append(pages, site.Pages...)
	dataDocs := b.dataDocs(r)
	// The cover's and the indicators' documents are made anew by every
	// build; each other page's come from the last build when its title
	// and content are the same, with their token counts (counts[i] stays
	// nil for the documents the index counts itself).
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
	k.str(site.Title)
	if cover := b.converted[b.pub.Cover]; cover == nil {
		k.str("")
	} else if cover.entry != nil {
		k.str(cover.entry.contentKey())
	} else {
		k.str(cover.res.HTML)
	}
	for _, p := range pages {
		k.str(p.Path)
		k.str(p.Title)
		k.str(p.ContentKey)
		if p.ContentKey == "" {
			k.str(string(p.Content))
		}
	}
	hashDocs(dataDocs)
	var partDocs []search.Doc
	if b.opts.home != nil {
		partDocs = partDocsOf(b.opts.home.parts)
		hashDocs(partDocs)
	}
	b.produce(files, "search/index", k.sum(), func(files *outputs) bool {
		if !b.needHTML() {
			return false
		}
		var coverDocs []search.Doc
		if cover := b.converted[b.pub.Cover]; cover != nil {
			coverDocs = search.Sections(site.Title, "", cover.res.HTML)
		}
		b.writeSearchIndex(files, pages, coverDocs, append(dataDocs, partDocs...))
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

// dataDocs are the search documents of the data page: one an indicator.
func (b *builder) dataDocs(r *renderRun) []search.Doc {
	var docs []search.Doc
	for _, ind := range r.site.Indicators {
		var text strings.Builder
		text.WriteString(strings.Join(ind.Aliases, " ") + " " + ind.Scope + " " + ind.Source + " " + ind.Note)
		for _, v := range ind.Series {
			text.WriteString(" " + v.Period + " " + v.Display)
		}
		docs = append(docs, search.Doc{Title: r.words.Sprintf("Data"), Section: ind.Label, URL: dataPath + "#" + ind.ID, Text: text.String()})
	}
	return docs
}

// partDocs leaves an installment's search documents for the series'
// index: the cover's, every page's sections, the data page's.
func (b *builder) partDocs(r *renderRun) {
	if !b.needHTML() {
		return
	}
	var docs []search.Doc
	if cover := b.converted[b.pub.Cover]; cover != nil {
		docs = search.Sections(r.site.Title, "", cover.res.HTML)
	}
	for _, p := range append(slices.Clone(r.site.Chapters), r.site.Pages...) {
		docs = append(docs, search.Sections(p.Title, p.Path, string(p.Content))...)
	}
	b.opts.part.docs = append(docs, b.dataDocs(r)...)
	// The series' EPUB reads the pages' HTML and the images (their text
	// is held until the series' pages are made).
	b.opts.part.images = r.images
}
