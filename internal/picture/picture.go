// Package picture describes a processed image and writes the responsive
// <picture> element that serves it: WebP first, the source format as
// fallback, srcset and sizes, width and height against layout shift.
package picture

import (
	"html"
	"net/url"
	"strconv"
	"strings"
)

// Source is one encoded size of an image, by its site path.
type Source struct {
	Path  string
	Width int
}

// Picture is an image ready to be served.
type Picture struct {
	Width, Height int    // intrinsic size of the largest variant
	Type          string // MIME type of the fallback: image/jpeg, image/png, image/svg+xml
	Fallback      []Source
	WebP          []Source // empty for SVG
	// What a photo's own metadata says (JPEG and PNG): its figure's
	// caption and credit when the Markdown gives none. Creator is the
	// photographer, Source who supplied it.
	Caption, Creator, Source string
}

// Credit is the credit line the metadata gives: 摄影：the photographer, or
// 图片来源：the supplier when no photographer is named; "" when neither.
func (p *Picture) Credit() string {
	switch {
	case p == nil:
		return ""
	case p.Creator != "":
		return "摄影：" + p.Creator
	case p.Source != "":
		return "图片来源：" + p.Source
	}
	return ""
}

// Options say how a page shows the picture.
type Options struct {
	Alt   string
	Sizes string // the sizes attribute; default: the reading column
	// Eager is for images in the first screen (covers): loaded at once,
	// with high priority; others load lazily.
	Eager bool
	Class string
}

// ColumnSizes is the width of an image in the reading column: about 35
// characters of 18 px on wide screens, the screen less its margins on
// phones.
const ColumnSizes = "(min-width: 720px) 630px, calc(100vw - 2.5rem)"

// HTML writes the <picture> element; rel turns a site path into a link
// from the current page.
func HTML(p *Picture, opts Options, rel func(string) string) string {
	if p == nil || len(p.Fallback) == 0 {
		return ""
	}
	sizes := opts.Sizes
	if sizes == "" {
		sizes = ColumnSizes
	}
	var b strings.Builder
	b.WriteString("<picture")
	if opts.Class != "" {
		b.WriteString(` class="` + html.EscapeString(opts.Class) + `"`)
	}
	b.WriteString(">")
	if len(p.WebP) > 0 {
		b.WriteString(`<source type="image/webp" srcset="` + Srcset(p.WebP, rel) + `" sizes="` + html.EscapeString(sizes) + `">`)
	}
	largest := p.Fallback[len(p.Fallback)-1]
	b.WriteString(`<img src="` + link(rel(largest.Path)) + `"`)
	if len(p.Fallback) > 1 {
		b.WriteString(` srcset="` + Srcset(p.Fallback, rel) + `" sizes="` + html.EscapeString(sizes) + `"`)
	}
	b.WriteString(` width="` + strconv.Itoa(p.Width) + `" height="` + strconv.Itoa(p.Height) + `"`)
	b.WriteString(` alt="` + html.EscapeString(opts.Alt) + `"`)
	if opts.Eager {
		b.WriteString(` fetchpriority="high"`)
	} else {
		b.WriteString(` loading="lazy" decoding="async"`)
	}
	b.WriteString("></picture>")
	return b.String()
}

// Srcset writes "a.webp 480w, b.webp 960w" with links from the page.
func Srcset(sources []Source, rel func(string) string) string {
	parts := make([]string, len(sources))
	for i, s := range sources {
		parts[i] = link(rel(s.Path)) + " " + strconv.Itoa(s.Width) + "w"
	}
	return strings.Join(parts, ", ")
}

// link escapes a path for an attribute: spaces and other characters that
// would split a srcset are percent-encoded.
func link(p string) string {
	return html.EscapeString((&url.URL{Path: p}).EscapedPath())
}
