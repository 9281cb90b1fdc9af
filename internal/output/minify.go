// Package output minifies built files and writes them to the output folder
// atomically: everything goes to a staging folder that replaces the output
// folder only when the whole build succeeded.
package output

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"
)

// Minifier minifies files by their extension.
type Minifier struct {
	m *minify.M
}

// NewMinifier returns a Minifier for HTML, CSS, JS, SVG, XML and JSON.
func NewMinifier() *Minifier {
	m := minify.New()
	// Hugo's HTML defaults: keep what some browsers, validators and
	// readers of the source rely on.
	m.Add("text/html", &html.Minifier{
		KeepDocumentTags:    true,
		KeepEndTags:         true,
		KeepDefaultAttrVals: true,
		KeepSpecialComments: true,
		KeepQuotes:          true,
	})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &Minifier{m: m}
}

var mediaTypes = map[string]string{
	".html":        "text/html",
	".css":         "text/css",
	".js":          "application/javascript",
	".mjs":         "application/javascript",
	".svg":         "image/svg+xml",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml",
}

// Minify returns data minified according to name's extension; files of
// other types are returned unchanged.
func (m *Minifier) Minify(name string, data []byte) ([]byte, error) {
	mt, ok := mediaTypes[strings.ToLower(path.Ext(name))]
	if !ok {
		return data, nil
	}
	var out bytes.Buffer
	out.Grow(len(data))
	// A reader that hands the minifier data itself: from any other it
	// reads a copy, grown by doubling (twice a page's size in garbage for
	// every page, and 130 MB at once for the print page of 10,000
	// chapters). The minifier marks the end of data by writing a zero in
	// the byte after it, when data has room for it, and restores it.
	if err := m.m.Minify(mt, &out, buffer.NewReader(data)); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
