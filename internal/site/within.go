package site

import (
	"net/url"
	"strings"
)

// withinRoot stands for the publication's root when a link is resolved:
// a link that climbs above it (../../data/ from an installment's chapter,
// to its series' data page) stays visibly outside, where resolving from
// "/" would clamp it to the publication's own root.
const withinRoot = "/.folio-root/"

// within resolves href, written on the page at site path from, and
// reports where it leads: its site path within the publication, or
// inside false for a link that leaves it (an absolute URL, or a path
// above the publication's root).
func within(from, href string) (u *url.URL, target string, inside bool) {
	base := &url.URL{Path: withinRoot + from}
	u, err := base.Parse(href)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return u, "", false
	}
	target, inside = strings.CutPrefix(u.Path, withinRoot)
	if !inside && u.Path+"/" == withinRoot {
		return u, "", true // the root itself, without its slash
	}
	return u, target, inside
}
