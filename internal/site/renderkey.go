package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"regexp"
	"slices"

	"folio/internal/render"
)

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

// renderKeys identifies what a page's layout shows: the page itself, the
// publication's metadata, the navigation (titles and cards of every
// chapter, not their text), the neighbours, the theme and its assets.
// A page whose key is unchanged is not rendered again. A layout that
// shows another page's text (a .Content not of .Page, say a chapter
// listing every chapter in full) makes every page's key name every
// page's text: nothing is served stale. The print page's key always
// does.
type renderKeys struct {
	site string // what every page shows, encoded once a build
}

func newRenderKeys(layouts layoutsInForce, site *render.Site) *renderKeys {
	shared := struct {
		Templates string
		Site      render.Site
		Assets    map[string]render.Asset
		Nav       []*navItem
		HasData   bool
		Texts     []string `json:",omitempty"`
	}{Templates: layouts.version, Site: *site, Assets: site.Assets(), HasData: len(site.Indicators) > 0}
	if layouts.showOthers {
		for _, p := range append(append([]*render.Page{}, site.Chapters...), site.Pages...) {
			shared.Texts = append(shared.Texts, cmp.Or(p.ContentKey, string(p.Content)))
		}
	}
	shared.Site.Chapters, shared.Site.Pages, shared.Site.Indicators, shared.Site.Print = nil, nil, nil, nil
	// The masthead lists the chapters only in small publications; the
	// footer lists the pages.
	listed := site.Pages
	if site.ListsChapters() {
		listed = append(append([]*render.Page{}, site.Chapters...), site.Pages...)
	}
	for _, p := range listed {
		shared.Nav = append(shared.Nav, nav(p))
	}
	return &renderKeys{site: encodeKey(shared)}
}

// key returns the render key of page, shown by layout with root as the
// path of the site's root.
func (k *renderKeys) key(layout string, site *render.Site, page *render.Page, root string) string {
	var b keyWriter
	b.str(k.site)
	b.str(layout)
	b.str(root)
	b.page(page)
	// The cover, the data page and the print page show more than other
	// pages: those few are encoded as JSON.
	var extra struct {
		Cards      []card              `json:",omitempty"`
		Indicators []*render.Indicator `json:",omitempty"`
		Print      any                 `json:",omitempty"`
	}
	if page.Kind == "print" {
		// The print page shows every chapter in full.
		// Each by its content's key where it has one: encoding every
		// chapter's HTML cost more than the page's other inputs.
		type printed struct {
			ID         string
			Content    template.HTML
			ContentKey string
			Nav        *navItem
			Subtitle   string
		}
		var all []printed
		for _, s := range site.Print {
			p := printed{ID: s.ID, ContentKey: s.Page.ContentKey, Nav: nav(s.Page), Subtitle: s.Page.Subtitle}
			if p.ContentKey == "" {
				p.Content = s.Content()
			}
			all = append(all, p)
		}
		extra.Print = all
	}
	if page.Kind == "cover" {
		for _, p := range site.Chapters {
			extra.Cards = append(extra.Cards, card{navItem: *nav(p), Subtitle: p.Subtitle, Summary: p.Summary, ReadingMinutes: p.ReadingMinutes})
		}
	}
	if page.Kind == "data" || page.Kind == "print" {
		extra.Indicators = site.Indicators
	}
	if extra.Cards != nil || extra.Indicators != nil || extra.Print != nil {
		b.str(encodeKey(extra))
	}
	return b.hex()
}

// editionKey identifies what the EPUB is made from: what every page
// shows of the publication, every chapter and page as a layout shows it,
// the indicators, and the images' bytes.
func (k *renderKeys) editionKey(site *render.Site, images map[string][]byte) string {
	var w keyWriter
	w.str(k.site)
	for _, p := range site.Chapters {
		w.page(p)
	}
	w.num(-1)
	for _, p := range site.Pages {
		w.page(p)
	}
	w.str(encodeKey(site.Indicators))
	for _, name := range slices.Sorted(maps.Keys(images)) {
		sum := sha256.Sum256(images[name])
		w.str(name)
		w.str(string(sum[:]))
	}
	return w.sum()
}

func (w *keyWriter) nav(p *render.Page) {
	if p == nil {
		w.num(-1)
		return
	}
	w.num(p.Number)
	w.str(p.Title)
	w.str(p.Label)
	w.str(p.Path)
}

// page writes everything a layout can show of page, field by field: the
// JSON encoder took a third of a rebuild with nothing changed. The
// neighbours are written as navigation items, and the content by its key
// when it has one. TestPageKeyCoversEveryField fails when a field of
// render.Page is left out.
func (w *keyWriter) page(p *render.Page) {
	w.str(p.Kind)
	w.str(p.Title)
	w.str(p.Subtitle)
	w.str(p.Label)
	w.str(p.Summary)
	w.flag(p.OwnSummary)
	w.str(p.Author)
	w.time(p.Date)
	w.flag(p.Draft)
	w.num(p.Number)
	w.str(p.Path)
	if p.ContentKey != "" {
		w.str(p.ContentKey)
	} else {
		w.str("")
		w.str(string(p.Content))
	}
	w.num(len(p.TOC))
	for _, h := range p.TOC {
		w.num(h.Level)
		w.str(h.ID)
		w.str(h.Text)
	}
	w.num(p.ReadingMinutes)
	if p.Cover == nil {
		w.str("")
	} else {
		w.str(encodeKey(p.Cover))
	}
	w.nav(p.Prev)
	w.nav(p.Next)
}

// encodeKey digests v's JSON encoding, in hexadecimal (a key can be part
// of another's JSON). It is encoded straight into the hash, without
// escaping HTML for JSON: a key is computed for every page on every
// rebuild, and the page's content can be most of its bytes.
func encodeKey(v any) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "" // never equal: the page is rendered
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// layoutsInForce identifies the layouts in force, the site's and the
// theme's files, and says whether one may show another page's text.
type layoutsInForce struct {
	version    string
	showOthers bool
}

// contentRef finds where a layout shows a page's text.
var contentRef = regexp.MustCompile(`(\.Page)?\.Content\b`)

func readLayouts(fsys fs.FS) layoutsInForce {
	var l layoutsInForce
	h := sha256.New()
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil
		}
		h.Write([]byte(p))
		h.Write(data)
		if p != "print.html" { // its key names every page's text
			for _, m := range contentRef.FindAllSubmatch(data, -1) {
				if len(m[1]) == 0 {
					l.showOthers = true
				}
			}
		}
		return nil
	})
	l.version = string(h.Sum(nil))
	return l
}
