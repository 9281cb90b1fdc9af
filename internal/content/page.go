// Package content discovers a publication's Markdown files, reads their front
// matter and builds the publication model: the cover, the chapters in order
// and the other pages, each with its slug and URL.
package content

import (
	"time"

	"folio/internal/diag"
)

// Kind is what a page is in the publication.
type Kind int

const (
	KindCover   Kind = iota // content/index.md
	KindChapter             // content/chapters/*.md
	KindPage                // content/pages/*.md
)

func (k Kind) String() string {
	return [...]string{"cover", "chapter", "page"}[k]
}

// FrontMatter holds the keys DESIGN.md lists for a Markdown file.
type FrontMatter struct {
	Title    string
	Subtitle string
	Label    string // e.g. 一、
	Weight   int
	Slug     string
	Summary  string
	Author   string
	Date     time.Time
	Cover    string
	CoverAlt string
	Draft    bool

	HasWeight bool
	TitlePos  diag.Position
	SlugPos   diag.Position
	CoverPos  diag.Position
}

// Page is one Markdown file of the publication.
type Page struct {
	Kind    Kind
	RelPath string       // slash path relative to content/, e.g. chapters/01-reform.md
	Source  *diag.Source // the whole file, named as shown in diagnostics
	Front   FrontMatter

	Body       []byte // Markdown after the front matter
	BodyOffset int    // byte offset of Body in Source.Data

	Slug   string
	Weight int
	// URL is the page's path relative to the site root: "" for the cover,
	// "reform/" for a chapter; the page is written to URL+"index.html".
	URL string

	// dropped: DropText let the text go; start is where it began.
	dropped bool
	start   diag.Position
}

// Title returns the page's title.
func (p *Page) Title() string { return p.Front.Title }

// Pos converts a byte offset in Body to a position in the file. After
// DropText it gives the start of the text for any offset.
func (p *Page) Pos(bodyOffset int) diag.Position {
	if p.dropped {
		return p.start
	}
	return p.Source.Pos(p.BodyOffset + bodyOffset)
}

// DropText lets the page's Markdown go once nothing reads it again: a
// one-shot build renders from the HTML, and the sources of every page
// were a sixth of what a large build held while rendering. Diagnostics
// about the page as a whole (Pos(0)) still point where its text starts.
func (p *Page) DropText() {
	if p.dropped {
		return
	}
	p.start, p.dropped = p.Pos(0), true
	p.Body = nil
	p.Source = diag.NewSource(p.Source.Name, nil)
}
