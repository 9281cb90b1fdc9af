package site

import (
	"cmp"
	"context"
	"slices"
	"sync"

	"folio/internal/content"
	"folio/internal/diag"
	"folio/internal/msg"
	"folio/internal/render"
)

// outputFormat is one kind of output a build makes beside the pages of
// the publication: the data page and downloads, the search page and
// index, the 404 page, the print page, the images, the EPUB, the sitemap
// and feed, the static files. Each is one file of this package that
// registers its format; the build runs them in order once the pages are
// rendered.
type outputFormat struct {
	name string
	// order places the format among the others: the search index lets
	// the pages' HTML go, so it comes after the editions that read it;
	// the static files come last, as they may replace nothing.
	order int
	// reserved are the names at the site's root the format writes: no
	// page may take them as its slug.
	reserved []string
	// make writes the format's files; work it leaves running goes in
	// r.background.
	make func(r *renderRun)
}

// outputFormats are the registered formats, in order.
var outputFormats []outputFormat

// registerFormat adds f to the formats a build makes, and reserves its
// names.
func registerFormat(f outputFormat) {
	outputFormats = append(outputFormats, f)
	slices.SortStableFunc(outputFormats, func(a, b outputFormat) int { return cmp.Compare(a.order, b.order) })
	content.Reserve(f.reserved...)
}

// renderRun is one build's render stage, as the formats see it.
type renderRun struct {
	b     *builder
	ctx   context.Context
	files *outputs
	site  *render.Site
	tmpl  *render.Templates
	keys  *renderKeys
	// words are the theme's words in the publication's language.
	words msg.Lang
	// images are the processed images' files, once the images format has
	// written them.
	images map[string][]byte
	// background is the work formats left running (the print page is
	// written while the EPUB is made).
	background sync.WaitGroup

	mu sync.Mutex // guards b.rendered
}

// emit renders one page through its layout, unless it is kept from the
// last build.
func (r *renderRun) emit(name, layout string, data *render.Data, source *diag.Source) {
	key := r.keys.key(layout, data.Site, data.Page, data.Root())
	made := r.b.produce(r.files, name, key, func(files *outputs) bool {
		return r.b.needHTML() && r.b.renderPage(files, r.tmpl, name, layout, data, source)
	})
	if made {
		r.mu.Lock()
		r.b.rendered = append(r.b.rendered, name)
		r.mu.Unlock()
	}
}
