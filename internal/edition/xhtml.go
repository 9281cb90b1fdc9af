package edition

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// XHTML re-serialises an HTML fragment as XHTML for an EPUB: void elements
// closed, attributes quoted, SVG in its namespace. rewrite may change an
// attribute's value (links and image sources) or drop it by returning
// false; <picture> is reduced to its <img>, since e-readers expect plain
// images in core formats.
func XHTML(fragment string, rewrite func(el, attr, val string) (string, bool)) (string, error) {
	var b bytes.Buffer
	if err := WriteXHTML(&b, fragment, rewrite); err != nil {
		return "", err
	}
	return b.String(), nil
}

// WriteXHTML writes XHTML(fragment, rewrite) to w; when it fails, it
// writes nothing.
func WriteXHTML(w *bytes.Buffer, fragment string, rewrite func(el, attr, val string) (string, bool)) error {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return err
	}
	w.Grow(len(fragment) + len(fragment)/8) // about as long: grown by doubling, it was copied and cleared over again
	for _, n := range nodes {
		write(w, n, rewrite, false)
	}
	return nil
}

var voids = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

func write(b *bytes.Buffer, n *html.Node, rewrite func(el, attr, val string) (string, bool), inSVG bool) {
	switch n.Type {
	case html.TextNode:
		writeEscaped(b, n.Data, false)
		return
	case html.CommentNode:
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			write(b, c, rewrite, inSVG)
		}
		return
	}
	if n.Data == "picture" || !isXMLName(n.Data) {
		// A picture is reduced to its img; an element whose name is not
		// an XML name (o:p pasted from Word, with allow_html) keeps only
		// its content.
		if n.Data != "picture" {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				write(b, c, rewrite, inSVG)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "img" {
				write(b, c, rewrite, inSVG)
			}
		}
		return
	}
	b.WriteString("<" + n.Data)
	if n.Namespace == "svg" && !inSVG {
		b.WriteString(` xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"`)
	}
	for _, a := range n.Attr {
		if (a.Key == "xmlns" || strings.HasPrefix(a.Key, "xmlns:")) && a.Namespace == "" {
			continue // written above for the outermost svg
		}
		if !isXMLName(a.Key) || (a.Namespace != "" && a.Namespace != "xlink" && a.Namespace != "xml") {
			continue // not expressible in XHTML (@click, o:attr)
		}
		val := a.Val
		if a.Key == "id" {
			// XML ids are names: no colons (goldmark's footnotes use fn:1).
			val = strings.ReplaceAll(val, ":", "-")
		}
		if rewrite != nil {
			v, keep := rewrite(n.Data, a.Key, val)
			if !keep {
				continue
			}
			val = v
		}
		key := a.Key
		if a.Namespace != "" {
			key = a.Namespace + ":" + a.Key
		}
		b.WriteString(" " + key + `="`)
		writeEscaped(b, val, true)
		b.WriteByte('"')
	}
	if n.Data == "details" && !hasAttr(n, "open") {
		// A book has no disclosures to open: a chart's table behind one
		// is shown, in e-readers that know <details> and in those that do
		// not alike.
		b.WriteString(` open="open"`)
	}
	childSVG := inSVG || n.Namespace == "svg"
	if n.FirstChild == nil && (voids[n.Data] || childSVG) {
		b.WriteString("/>")
		return
	}
	b.WriteString(">")
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		write(b, c, rewrite, childSVG)
	}
	b.WriteString("</" + n.Data + ">")
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// isXMLName reports whether s is an element or attribute name XML accepts
// without a namespace: [A-Za-z_][A-Za-z0-9_.-]*.
func isXMLName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '.' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// EscapeAttr returns s escaped for XML text or a double-quoted attribute,
// without the characters XML 1.0 forbids.
func EscapeAttr(s string) string {
	var b bytes.Buffer
	b.Grow(len(s) + 8)
	writeEscaped(&b, s, true)
	return b.String()
}

// writeEscaped writes s escaped for XML text (and, with attr, for a
// double-quoted attribute) and drops what XMLChars drops. It runs over every
// text node of every page of the EPUB, so it writes straight into b rather
// than building strings.
func writeEscaped(b *bytes.Buffer, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		var rep string
		size := 1
		switch c := s[i]; {
		case c == '&':
			rep = "&amp;"
		case c == '<':
			rep = "&lt;"
		case c == '>':
			rep = "&gt;"
		case c == '"' && attr:
			rep = "&quot;"
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF):
			size = 3 // U+FFFE, U+FFFF
		default:
			i++
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		i += size
		last = i
	}
	b.WriteString(s[last:])
}

// XMLChars drops the characters XML 1.0 forbids: control characters other
// than tab, newline and carriage return (Word's manual line break, U+000B,
// arrives in pasted text) and U+FFFE, U+FFFF.
func XMLChars(s string) string {
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
}
