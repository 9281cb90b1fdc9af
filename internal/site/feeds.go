package site

import (
	"encoding/xml"
	"time"

	"folio/internal/render"
)

// The sitemap and the Atom feed, for search engines and feed readers,
// and robots.txt pointing to the sitemap.
func init() {
	registerFormat(outputFormat{
		name: "feeds", order: 70, reserved: []string{"feed", "sitemap", "robots"},
		make: func(r *renderRun) { r.b.feeds(r.files, r.site) },
	})
}

// feeds writes sitemap.xml, robots.txt and the Atom feed.xml. Sitemaps and
// feeds need absolute URLs: without a base URL only robots.txt is written.
func (b *builder) feeds(files *outputs, site *render.Site) {
	if b.opts.part == nil { // robots.txt is read at a host's root only
		robots := "User-agent: *\nAllow: /\n"
		if b.baseURL != "" {
			robots += "Sitemap: " + b.baseURL + "sitemap.xml\n"
		}
		files.add("robots.txt", []byte(robots))
	}
	if b.baseURL == "" {
		return
	}
	pages := append(append([]*render.Page{}, site.Chapters...), site.Pages...)
	if h := b.opts.home; h != nil {
		// The series' feed and sitemap list every installment's pages.
		pages = append(pages, partPages(h.parts)...)
	}
	// Encoding and minifying the XML cost more than the rest of a
	// rebuild's pages together: the same entries give the same files.
	var k keyWriter
	k.str(b.baseURL)
	k.str(site.Title)
	k.str(site.Dek)
	k.str(site.Language)
	k.str(site.Publisher)
	k.time(site.Published)
	k.flag(len(site.Indicators) > 0)
	k.num(len(site.Chapters))
	for _, p := range pages {
		k.str(p.Path)
		k.str(p.Title)
		k.str(p.Summary)
		k.time(p.Date)
	}
	b.produce(files, "feeds", k.sum(), func(files *outputs) bool {
		b.writeFeeds(files, site, pages)
		return true
	})
}

// writeFeeds writes sitemap.xml, listing pages, and feed.xml.
func (b *builder) writeFeeds(files *outputs, site *render.Site, pages []*render.Page) {
	type sitemapURL struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	type urlset struct {
		XMLName xml.Name     `xml:"urlset"`
		NS      string       `xml:"xmlns,attr"`
		URLs    []sitemapURL `xml:"url"`
	}
	published := site.Published
	date := func(t time.Time) string {
		if t.IsZero() {
			t = published
		}
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	sm := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	sm.URLs = append(sm.URLs, sitemapURL{Loc: b.baseURL, LastMod: date(time.Time{})})
	for _, p := range pages {
		sm.URLs = append(sm.URLs, sitemapURL{Loc: b.baseURL + p.Path, LastMod: date(p.Date)})
	}
	if len(site.Indicators) > 0 {
		sm.URLs = append(sm.URLs, sitemapURL{Loc: b.baseURL + dataPath, LastMod: date(time.Time{})})
	}
	b.put(files, "sitemap.xml", marshalXML(sm))

	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
		Type string `xml:"type,attr,omitempty"`
	}
	type text struct {
		Type  string `xml:"type,attr,omitempty"`
		Value string `xml:",chardata"`
	}
	type entry struct {
		Title   string `xml:"title"`
		Link    link   `xml:"link"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary *text  `xml:"summary,omitempty"`
	}
	type author struct {
		Name string `xml:"name"`
	}
	type feed struct {
		XMLName  xml.Name `xml:"feed"`
		NS       string   `xml:"xmlns,attr"`
		Lang     string   `xml:"xml:lang,attr"`
		Title    string   `xml:"title"`
		Subtitle string   `xml:"subtitle,omitempty"`
		Links    []link   `xml:"link"`
		ID       string   `xml:"id"`
		Updated  string   `xml:"updated"`
		Author   author   `xml:"author"`
		Entries  []entry  `xml:"entry"`
	}
	// Timestamps come from the content, never the clock, so two builds of
	// the same input are identical.
	stamp := func(t time.Time) string {
		if t.IsZero() {
			t = published
		}
		return t.UTC().Format(time.RFC3339)
	}
	// A series' feed has an entry for each installment and each of its
	// chapters.
	entries := site.Chapters
	if b.opts.home != nil {
		entries = nil
		for _, p := range pages {
			if p.Kind == "cover" || p.Kind == "chapter" {
				entries = append(entries, p)
			}
		}
	}
	latest := published
	for _, p := range entries {
		if p.Date.After(latest) {
			latest = p.Date
		}
	}
	publisher := site.Publisher
	if publisher == "" {
		publisher = site.Title
	}
	f := feed{
		NS: "http://www.w3.org/2005/Atom", Lang: site.Language,
		Title: site.Title, Subtitle: site.Dek, ID: b.baseURL, Updated: stamp(latest),
		Links: []link{
			{Href: b.baseURL + "feed.xml", Rel: "self", Type: "application/atom+xml"},
			{Href: b.baseURL, Rel: "alternate", Type: "text/html"},
		},
		Author: author{Name: publisher},
	}
	for _, p := range entries {
		e := entry{Title: p.Title, Link: link{Href: b.baseURL + p.Path}, ID: b.baseURL + p.Path, Updated: stamp(p.Date)}
		if p.Summary != "" {
			e.Summary = &text{Type: "text", Value: p.Summary}
		}
		f.Entries = append(f.Entries, e)
	}
	b.put(files, "feed.xml", marshalXML(f))
}

func marshalXML(v any) []byte {
	out, err := xml.MarshalIndent(v, "", " ")
	if err != nil {
		panic(err) // the types above always marshal
	}
	return append([]byte(xml.Header), out...)
}
