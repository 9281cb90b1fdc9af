package edition

import (
	"bytes"
	"fmt"
	"regexp"
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
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	for _, n := range nodes {
		write(&b, n, rewrite, false)
	}
	return b.String(), nil
}

var voids = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

func write(b *bytes.Buffer, n *html.Node, rewrite func(el, attr, val string) (string, bool), inSVG bool) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(escape(n.Data))
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
	if n.Data == "picture" || !xmlName.MatchString(n.Data) {
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
		if !xmlName.MatchString(a.Key) || (a.Namespace != "" && a.Namespace != "xlink" && a.Namespace != "xml") {
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
		fmt.Fprintf(b, ` %s="%s"`, key, escapeAttr(val))
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

// xmlName: element and attribute names XML accepts without a namespace.
var xmlName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(XMLChars(s))
}

func escapeAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(XMLChars(s))
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
