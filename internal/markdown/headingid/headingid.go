// Package headingid generates heading ids that keep Chinese characters
// (goldmark's default drops every non-ASCII letter, so 改革历程 and 产业园区
// would both become "heading") and are unique within a page.
package headingid

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// IDs is a goldmark parser.IDs for one document.
type IDs struct {
	used map[string]bool
}

var _ parser.IDs = (*IDs)(nil)

// New returns an empty id table; use one per document.
func New() *IDs { return &IDs{used: map[string]bool{}} }

// Generate returns a unique id for a heading's text.
func (s *IDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

// Put records an id given explicitly ({#id}), so generated ones avoid it.
func (s *IDs) Put(value []byte) { s.used[string(value)] = true }

// Slugify turns heading text into an id: letters (any script) and digits are
// kept, ASCII letters lower-cased, spaces and hyphens become one hyphen, and
// punctuation is dropped. Editors link to a heading by writing this form.
func Slugify(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '-' || r == '_' || unicode.IsSpace(r):
			dash = true
		}
	}
	return b.String()
}
