// Package mdenv is the per-document environment folio's goldmark
// extensions share: where the document lives, what it may link to, the
// publication's data, and where problems are reported. The site pipeline
// puts one Env into each Parse call's context.
package mdenv

import (
	"strconv"

	"github.com/yuin/goldmark/parser"

	"folio/internal/diag"
	"folio/internal/indicator"
	"folio/internal/picture"
)

// Resolver knows the publication's pages and images.
type Resolver interface {
	// PageURL returns the site path of the page read from a
	// content-relative Markdown path.
	PageURL(rel string) (string, bool)
	// Image resolves an image reference written in a file of content
	// folder fromDir to a content-relative path, or returns why it cannot.
	Image(fromDir, ref string) (rel string, problem error)
	// Picture processes the image at a content-relative path into the
	// variants a page serves.
	Picture(rel string) (*picture.Picture, error)
}

// Link is a resolved link to another page with a fragment, recorded so the
// fragment can be checked once every page's heading ids are known.
type Link struct {
	Offset   int    // byte offset in the document
	Target   string // content-relative path of the target page
	Fragment string // unescaped
}

// Env is one document's environment.
type Env struct {
	RelPath  string         // content-relative path of the document
	URL      string         // its site path
	Resolver Resolver       // nil: links and images are left as written
	Data     *indicator.Set // nil: the publication has no data
	// Pos converts a byte offset in the document to a file position; nil
	// means positions are file-less offsets (tests).
	Pos   func(offset int) diag.Position
	Diags *diag.List

	Links      []Link
	Images     []string        // content-relative paths of images used
	Indicators map[string]bool // ids of the indicators the document shows
	// Linked holds the content-relative paths of the pages the document
	// links to, and Timeline whether it shows the timeline: what else a
	// conversion depends on, so a rebuild knows when to redo it.
	Linked   map[string]bool
	Timeline bool
	// Uncredited are the photos the document shows whose credit neither
	// its Markdown nor the photo's metadata gives (for missing-credit).
	Uncredited []ImageRef
	seq        int
}

// ImageRef is an image as a document refers to it.
type ImageRef struct {
	Offset int    // byte offset in the document
	Dest   string // as written
}

var key = parser.NewContextKey()

// With stores env in a parser context.
func With(pc parser.Context, env *Env) { pc.Set(key, env) }

// From returns the Env of a parser context, or nil.
func From(pc parser.Context) *Env {
	env, _ := pc.Get(key).(*Env)
	return env
}

// Position converts a document offset to a position.
func (e *Env) Position(offset int) diag.Position {
	if e.Pos == nil {
		return diag.Position{Line: 0, Col: offset}
	}
	return e.Pos(offset)
}

// Errorf reports an error at a document offset.
func (e *Env) Errorf(offset int, rule, format string, args ...any) {
	e.ErrorAt(e.Position(offset), rule, format, args...)
}

// ErrorAt reports an error at a position.
func (e *Env) ErrorAt(pos diag.Position, rule, format string, args ...any) {
	if e.Diags != nil {
		e.Diags.Errorf(pos, rule, format, args...)
	}
}

// Warnf reports a warning at a document offset.
func (e *Env) Warnf(offset int, rule, format string, args ...any) {
	if e.Diags != nil {
		e.Diags.Warnf(e.Position(offset), rule, format, args...)
	}
}

// UseIndicator records that the document shows indicator id.
func (e *Env) UseIndicator(id string) {
	if e.Indicators == nil {
		e.Indicators = map[string]bool{}
	}
	e.Indicators[id] = true
}

// LinkTo records a link to the page at a content-relative path.
func (e *Env) LinkTo(rel string) {
	if e.Linked == nil {
		e.Linked = map[string]bool{}
	}
	e.Linked[rel] = true
}

// NextID returns a page-unique id with the given prefix: chart-1, chart-2.
func (e *Env) NextID(prefix string) string {
	e.seq++
	return prefix + "-" + strconv.Itoa(e.seq)
}
