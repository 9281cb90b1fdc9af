package search

import (
	"strings"

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
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Script, atom.Style, atom.Svg:
				skip++
			case atom.H2, atom.H3:
				for _, a := range tok.Attr {
					if a.Key == "id" {
						cur.Text = collapse(text.String())
						text.Reset()
						cur = &Doc{Title: title, URL: pagePath + "#" + a.Val}
						docs = append(docs, cur)
						inHeading = true
						heading.Reset()
					}
				}
			case atom.P, atom.Li, atom.Td, atom.Th, atom.Br, atom.Figcaption, atom.Blockquote:
				text.WriteByte(' ')
			}
		case html.EndTagToken:
			tok := z.Token()
			switch tok.DataAtom {
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

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
