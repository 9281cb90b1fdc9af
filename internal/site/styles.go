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
// name, minified by minify.
func externalStyles(name string, page []byte, minify func(name string, data []byte) ([]byte, error)) ([]byte, map[string][]byte, error) {
	if !hasStyleTag(page) {
		return page, nil, nil // every page passes here: no regexp over it
	}
	up := strings.Repeat("../", strings.Count(name, "/"))
	styles := map[string][]byte{}
	var err error
	out := styleElement.ReplaceAllFunc(page, func(el []byte) []byte {
		css, merr := minify("style.css", styleElement.FindSubmatch(el)[1])
		if merr != nil {
			err = merr
			return el
		}
		sum := sha256.Sum256(css)
		file := "assets/style." + hex.EncodeToString(sum[:4]) + ".css"
		styles[file] = css
		return []byte(`<link rel="stylesheet" href="` + up + file + `" integrity="` + asset.Integrity(css) + `">`)
	})
	return out, styles, err
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
