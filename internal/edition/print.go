// Package edition makes the publication's editions from the pages the
// build rendered: the print page, where every chapter follows the other on
// one page, and the EPUB.
package edition

import (
	"regexp"
	"strings"
)

var (
	idAttrRE   = regexp.MustCompile(`\s(id|aria-labelledby|aria-describedby|for)="([^"]*)"`)
	hrefAttrRE = regexp.MustCompile(`\shref="([^"]*)"`)
)

// Prefix makes a chapter's element ids unique on a page holding every
// chapter: each id, and each reference to one, gets the chapter's prefix.
// Links are rewritten by link, which returns the new target for an href
// (or the href unchanged).
func Prefix(html, prefix string, link func(href string) string) string {
	html = idAttrRE.ReplaceAllStringFunc(html, func(m string) string {
		sub := idAttrRE.FindStringSubmatch(m)
		ids := strings.Fields(sub[2])
		for i, id := range ids {
			ids[i] = prefix + id
		}
		return " " + sub[1] + `="` + strings.Join(ids, " ") + `"`
	})
	return hrefAttrRE.ReplaceAllStringFunc(html, func(m string) string {
		href := hrefAttrRE.FindStringSubmatch(m)[1]
		if strings.HasPrefix(href, "#") {
			return ` href="#` + prefix + href[1:] + `"`
		}
		return ` href="` + link(href) + `"`
	})
}
