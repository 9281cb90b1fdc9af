package site

import (
	"crypto/sha256"
	"encoding/json"
	"html/template"
	"io/fs"

	"folio/internal/render"
)

// renderEntry is a page as last rendered and what it was rendered from.
type renderEntry struct {
	key    string
	data   []byte
	styles map[string][]byte // stylesheets moved out of the page (externalStyles)
}

// navItem is what a page shows of another page in the navigation or as a
// neighbour; card adds what the cover's chapter cards show.
type navItem struct {
	Title, Label, Path string
	Number             int
}

type card struct {
	navItem
	Subtitle, Summary string
	ReadingMinutes    int
}

func nav(p *render.Page) *navItem {
	if p == nil {
		return nil
	}
	return &navItem{Title: p.Title, Label: p.Label, Path: p.Path, Number: p.Number}
}

// renderKey identifies what a page's layout shows: the page itself, the
// publication's metadata, the navigation (titles and cards of every
// chapter, not their text), the neighbours, the theme and its assets.
// A page whose key is unchanged is not rendered again. A layout showing
// more of other pages than that (say, another chapter's full text) would
// be re-rendered only when its own inputs change; the default theme does
// not.
func renderKey(layout, templates string, site *render.Site, page *render.Page, root string) string {
	type pageKey struct {
		render.Page
		Prev, Next *navItem
		ContentKey string
	}
	pk := pageKey{Page: *page, Prev: nav(page.Prev), Next: nav(page.Next), ContentKey: page.ContentKey}
	pk.Page.Prev, pk.Page.Next = nil, nil
	if page.ContentKey != "" {
		pk.Page.Content = "" // the key stands for it
	}
	in := struct {
		Layout, Templates, Root string
		Site                    render.Site
		Assets                  map[string]render.Asset
		Nav                     []*navItem
		Cards                   []card `json:",omitempty"`
		Page                    pageKey
		Indicators              []*render.Indicator `json:",omitempty"`
		Print                   any                 `json:",omitempty"`
		HasData                 bool
	}{
		Layout: layout, Templates: templates, Root: root,
		Site: *site, Assets: site.Assets(), Page: pk, HasData: len(site.Indicators) > 0,
	}
	in.Site.Chapters, in.Site.Pages, in.Site.Indicators = nil, nil, nil
	if page.Kind == "print" {
		// The print page shows every chapter in full.
		type printed struct {
			ID       string
			Content  template.HTML
			Nav      *navItem
			Subtitle string
		}
		var all []printed
		for _, s := range site.Print {
			all = append(all, printed{s.ID, s.Content, nav(s.Page), s.Page.Subtitle})
		}
		in.Print = all
	}
	// The masthead lists the chapters only in small publications; the
	// footer lists the pages.
	listed := site.Pages
	if site.ListsChapters() {
		listed = append(append([]*render.Page{}, site.Chapters...), site.Pages...)
	}
	for _, p := range listed {
		in.Nav = append(in.Nav, nav(p))
	}
	if page.Kind == "cover" {
		for _, p := range site.Chapters {
			in.Cards = append(in.Cards, card{navItem: *nav(p), Subtitle: p.Subtitle, Summary: p.Summary, ReadingMinutes: p.ReadingMinutes})
		}
	}
	if page.Kind == "data" || page.Kind == "print" {
		in.Indicators = site.Indicators
	}
	// Encoded straight into the hash, without escaping HTML for JSON: a
	// key is computed for every page on every rebuild, and the page's
	// content is most of its bytes.
	h := sha256.New()
	enc := json.NewEncoder(h)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(in); err != nil {
		return "" // never equal: the page is rendered
	}
	return string(h.Sum(nil))
}

// templatesVersion identifies the layouts in force: the site's and the
// theme's files.
func templatesVersion(fsys fs.FS) string {
	h := sha256.New()
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err == nil {
			h.Write([]byte(p))
			h.Write(data)
		}
		return nil
	})
	return string(h.Sum(nil))
}
