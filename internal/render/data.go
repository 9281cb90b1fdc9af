package render

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"
	"time"

	"folio/internal/markdown"
	"folio/internal/picture"
	"folio/internal/urls"
)

// Site is what every layout knows of the publication.
type Site struct {
	Title       string
	Subtitle    string
	Series      string
	Dek         string
	Description string
	Publisher   string
	Language    string
	Published   time.Time
	BaseURL     string // absolute, with a trailing slash; "" when not set
	Cover       *Image
	Chapters    []*Page
	Pages       []*Page
	Drafts      bool         // drafts are shown: layouts mark them
	Indicators  []*Indicator // for the data page; empty without data
	// Print holds every chapter and page rewritten to live together on
	// the print page; set only while that page is rendered.
	Print []*PrintSection `json:"-"`
	// EPUB is the site path of the EPUB edition, when there is one.
	EPUB string

	// Of an installment of a series (empty outside one): the series'
	// title; its home's path from this installment's root ("../"); the
	// installment's slug; its neighbours in reading order.
	SeriesTitle        string
	SeriesHome         string
	Part               string
	PrevPart, NextPart *PartLink
	// IsSeries: these are a series' own pages (its home, data, search),
	// and Parts the installments its home lists, in reading order.
	IsSeries bool
	Parts    []*Part
	// Comparisons are the indicators several installments hold, each
	// compared across them (the series' data page shows them).
	Comparisons []*Comparison

	assets map[string]Asset
}

// Indicator is one figure as the data page shows it.
type Indicator struct {
	ID, Label, Unit     string
	Aliases             []string
	Scope, Source, Note string
	Latest              IndicatorValue
	Series              []IndicatorValue
	Chart               template.HTML // an SVG chart where the series has a trend
}

// IndicatorValue is one period's value.
type IndicatorValue struct {
	Period    string // 2020年
	PeriodKey string // 2020
	Display   string // 5.3%
	Raw       string // 5.3
	Title     string // label · period · source
}

// PrintSection is a chapter or page as the print page shows it.
type PrintSection struct {
	ID      string // the element id of the section
	Page    *Page
	content func() template.HTML
}

// NewPrintSection returns the section of page whose content is made by
// content when the layout shows it.
func NewPrintSection(id string, page *Page, content func() template.HTML) *PrintSection {
	return &PrintSection{ID: id, Page: page, content: content}
}

// Content is the page's content as the print page shows it: ids
// prefixed, links pointing within the print page. It is made anew on each
// call, as the layout shows the section, rather than held: the whole
// publication rewritten at once was 65 MB at 10,000 chapters.
func (s *PrintSection) Content() template.HTML { return s.content() }

// Image is an image of the publication: its largest variant's site path,
// its alt text and every variant.
type Image struct {
	Path    string
	Alt     string
	Picture *picture.Picture
}

// PartLink is another installment of the series, as a link.
type PartLink struct {
	Title string
	Path  string // site path from this installment's root: ../<slug>/
}

// Part is an installment as the series' home shows it.
type Part struct {
	Slug, Title, Subtitle, Dek string
	Path                       string // site path: <slug>/
	Published                  time.Time
	Cover                      *Image
	Chapters                   []*PartLink // paths from the series' root
}

// Comparison is one indicator as several installments of a series hold
// it, at one period.
type Comparison struct {
	ID, Label, Period string
	Chart             template.HTML // a bar each installment
	Rows              []ComparisonRow
}

// ComparisonRow is one installment's value of a Comparison.
type ComparisonRow struct {
	Part, Path   string // the installment's title; its data page entry
	Display, Raw string
	Source       string
}

// Asset is a built theme file: its site path and SRI digest.
type Asset struct {
	Path      string
	Integrity string
}

// Page is what a layout knows of one page.
type Page struct {
	Kind     string // cover, chapter, page, 404
	Title    string
	Subtitle string
	Label    string
	Summary  string // the front matter's, else the first paragraph's opening
	// OwnSummary: Summary was written in the front matter. A page shows
	// only such a summary above its text; the first paragraph's opening
	// is for cards, search and share previews, not to be read twice.
	OwnSummary bool
	Author     string
	Date       time.Time
	Draft      bool
	Number     int    // a chapter's position, from 1
	Path       string // site path: "" for the cover, "reform/" for a chapter
	Content    template.HTML
	// ContentKey, when set, identifies Content for the dev server's render
	// cache (the conversion's own inputs), so the cache need not hash the
	// whole text of every page on every rebuild. Layouts do not use it.
	ContentKey     string `json:"-"`
	TOC            []markdown.Heading
	ReadingMinutes int
	Cover          *Image
	Prev, Next     *Page
}

// Data is the value a layout is executed with.
type Data struct {
	Site *Site
	Page *Page
	// root is the link prefix for pages that live at any depth (404.html):
	// the path of base_url. Empty for ordinary pages, which link relatively.
	root string
}

// NewData returns the data for executing a layout for page. root is "" for
// pages that link relatively, or the absolute path prefix for pages served
// at any depth, such as 404.html.
func NewData(site *Site, page *Page, root string) *Data {
	return &Data{Site: site, Page: page, root: root}
}

// Root is the link prefix of pages served at any depth, or "".
func (d *Data) Root() string { return d.root }

// Rel returns the link to a site path from the current page.
func (d *Data) Rel(sitePath string) string {
	if d.root != "" {
		return d.root + sitePath
	}
	return urls.Rel(d.Page.Path, sitePath)
}

// Permalink returns the absolute URL of a site path, or "" without base_url.
func (d *Data) Permalink(sitePath string) string {
	if d.Site.BaseURL == "" {
		return ""
	}
	return d.Site.BaseURL + sitePath
}

// Asset returns a theme asset by its name under assets/ (e.g. css/main.css),
// with URL relative to the current page. An unknown name fails the
// template at the call's position.
func (d *Data) Asset(name string) (struct{ URL, Integrity string }, error) {
	a, ok := d.Site.assets[name]
	if !ok {
		return struct{ URL, Integrity string }{}, fmt.Errorf("no asset %q (there are: %s)", name, strings.Join(slices.Sorted(maps.Keys(d.Site.assets)), ", "))
	}
	return struct{ URL, Integrity string }{URL: d.Rel(a.Path), Integrity: a.Integrity}, nil
}

// Picture writes the responsive <picture> for img: sizes is the sizes
// attribute (e.g. "100vw"), eager is for images in the first screen.
func (d *Data) Picture(img *Image, sizes string, eager bool) template.HTML {
	if img == nil {
		return ""
	}
	return template.HTML(picture.HTML(img.Picture, picture.Options{Alt: img.Alt, Sizes: sizes, Eager: eager}, d.Rel))
}

// NavLimit is how many chapters the masthead lists; a larger publication
// links to the contents on the cover instead, so that a page's size does
// not grow with the number of chapters.
const NavLimit = 12

// ListsChapters says whether the masthead lists every chapter.
func (s *Site) ListsChapters() bool { return len(s.Chapters) <= NavLimit }

// Assets returns the built theme assets.
func (s *Site) Assets() map[string]Asset { return s.assets }

// SetAssets records the built theme assets layouts can ask for.
func (s *Site) SetAssets(a map[string]Asset) { s.assets = a }
