// Package urls computes the relative links that let a built site work under
// any sub-path.
package urls

import "strings"

// Rel returns the link from the page at site path from to the site path to.
// Site paths are relative to the site root, without a leading slash; a page
// path ends in "/" (its folder) or is "" for the root. The result is
// relative: "../industry/" from "reform/" to "industry/".
func Rel(from, to string) string {
	depth := strings.Count(from, "/")
	// Drop the common leading folders so links within a folder stay short.
	for depth > 0 {
		i := strings.IndexByte(from, '/')
		if i < 0 || !strings.HasPrefix(to, from[:i+1]) {
			break
		}
		from, to = from[i+1:], to[i+1:]
		depth--
	}
	rel := strings.Repeat("../", depth) + to
	if rel == "" {
		return "./"
	}
	return rel
}
