// Package edition makes the publication's editions from the pages the
// build rendered: the print page, where every chapter follows the other on
// one page, and the EPUB.
package edition

import "strings"

// Prefix makes a chapter's element ids unique on a page holding every
// chapter: each id, and each reference to one, gets the chapter's prefix.
// Links are rewritten by link, which returns the new target for an href
// (or the href unchanged). It scans for attributes by hand: it runs over
// every chapter of the print page, and the regexps it replaced had no
// literal to look for.
func Prefix(html, prefix string, link func(href string) string) string {
	var b strings.Builder
	b.Grow(len(html) + len(html)/16)
	last := 0
	for i := 0; ; {
		j := strings.Index(html[i:], `="`)
		if j < 0 {
			break
		}
		j += i
		k := j
		for k > 0 && (html[k-1] >= 'a' && html[k-1] <= 'z' || html[k-1] == '-') {
			k--
		}
		end := strings.IndexByte(html[j+2:], '"')
		if end < 0 {
			break
		}
		end += j + 2
		i = end + 1
		if k == 0 || !isSpace(html[k-1]) {
			continue
		}
		val := html[j+2 : end]
		switch html[k:j] {
		case "id", "aria-labelledby", "aria-describedby", "for":
			ids := strings.Fields(val)
			for n, id := range ids {
				ids[n] = prefix + id
			}
			val = strings.Join(ids, " ")
		case "href":
			if strings.HasPrefix(val, "#") {
				val = "#" + prefix + val[1:]
			} else {
				val = link(val)
			}
		default:
			continue
		}
		b.WriteString(html[last : j+2])
		b.WriteString(val)
		last = end
	}
	b.WriteString(html[last:])
	return b.String()
}

// isSpace: the characters regexp's \s matches.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
