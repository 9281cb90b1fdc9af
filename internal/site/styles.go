package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"

	"folio/internal/asset"
)

// styleElement is a <style> element as layouts write it.
var styleElement = regexp.MustCompile(`(?is)<style(?:\s[^>]*)?>(.*?)</style>`)

// externalStyles moves the <style> elements of a rendered page into
// stylesheets of their own, named by their content, and links them in
// their place. The recommended Content-Security-Policy (deploy/) allows
// only the site's own files, no inline style: the print page's running
// heads, one @page rule per chapter, are such a style. Like the bundled
// stylesheets, each is named by its content and linked with its
// integrity digest. It returns the page and the stylesheets by output
// name, minified by minify. The page is rewritten in its own array when
// no link is longer than the element it replaces (the print page's is
// hundreds of kilobytes of rules in a page of tens of megabytes, of which
// a second copy was the print page's largest cost); page must not be
// used again.
func externalStyles(name string, page []byte, minify func(name string, data []byte) ([]byte, error)) ([]byte, map[string][]byte, error) {
	if !hasStyleTag(page) {
		return page, nil, nil // every page passes here: no regexp over it
	}
	up := strings.Repeat("../", strings.Count(name, "/"))
	styles := map[string][]byte{}
	matches := styleElement.FindAllSubmatchIndex(page, -1)
	links := make([][]byte, len(matches))
	inPlace := true
	for i, m := range matches {
		css, err := minify("style.css", page[m[2]:m[3]])
		if err != nil {
			return page, nil, err
		}
		sum := sha256.Sum256(css)
		file := "assets/style." + hex.EncodeToString(sum[:4]) + ".css"
		styles[file] = css
		links[i] = []byte(`<link rel="stylesheet" href="` + up + file + `" integrity="` + asset.Integrity(css) + `">`)
		inPlace = inPlace && len(links[i]) <= m[1]-m[0]
	}
	out := page[:0] // what is written never passes what is still to be read
	if !inPlace {
		out = make([]byte, 0, len(page)+len(matches)<<8)
	}
	last := 0
	for i, m := range matches {
		out = append(out, page[last:m[0]]...) // append moves overlapping bytes as copy does
		out = append(out, links[i]...)
		last = m[1]
	}
	return append(out, page[last:]...), styles, nil
}

// hasStyleTag reports whether page holds "<style", in any case.
func hasStyleTag(page []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		if len(page)-i >= 5 && bytes.EqualFold(page[i:i+5], []byte("style")) {
			return true
		}
	}
}
