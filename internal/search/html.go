package search

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Sections splits a page's rendered content into documents at its h2 and
// h3 headings that carry an id; text before the first heading belongs to
// the page itself. Scripts and styles are left out; chart tables and
// captions are text like any other.
func Sections(title, pagePath, content string) []Doc {
	z := html.NewTokenizer(strings.NewReader(content))
	cur := &Doc{Title: title, URL: pagePath}
	var docs []*Doc
	docs = append(docs, cur)
	var text strings.Builder
	inHeading, skip := false, 0
	var heading strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			cur.Text = collapse(text.String())
			var out []Doc
			for _, d := range docs {
				if d.Text != "" || d.Section != "" {
					out = append(out, *d)
				}
			}
			return out
		case html.StartTagToken:
			// The tag's name and attributes are read in place: a page has
			// thousands of tags, and Token copied each.
			name, more := z.TagName()
			switch atom.Lookup(name) {
			case atom.Script, atom.Style, atom.Svg:
				skip++
			case atom.H2, atom.H3:
				for more {
					var key, val []byte
					key, val, more = z.TagAttr()
					if string(key) == "id" {
						cur.Text = collapse(text.String())
						text.Reset()
						cur = &Doc{Title: title, URL: pagePath + "#" + string(val)}
						docs = append(docs, cur)
						inHeading = true
						heading.Reset()
					}
				}
			case atom.P, atom.Li, atom.Td, atom.Th, atom.Br, atom.Figcaption, atom.Blockquote, atom.Summary:
				text.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Script, atom.Style, atom.Svg:
				skip = max(0, skip-1)
			case atom.H2, atom.H3:
				if inHeading {
					cur.Section = collapse(heading.String())
					inHeading = false
				}
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			if inHeading {
				heading.Write(z.Text())
			} else {
				text.Write(z.Text())
			}
		}
	}
}

// collapse is strings.Join(strings.Fields(s), " ") in one pass.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	field := func(f string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	start := -1 // of the field being read
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			if start >= 0 {
				field(s[start:i])
				start = -1
			}
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		field(s[start:])
	}
	return b.String()
}
