// Package wechat makes a chapter into a WeChat official-account (公众号)
// article: an HTML fragment the 公众号 editor keeps when it is pasted,
// every element styled inline, images at absolute URLs, links to other
// sites as numbered references at the end, charts as styled blocks.
// It reads the chapter's page as the build rendered it, so every
// Markdown feature the site has comes across without a second renderer.
package wechat

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Options say where the article's page is and how to name what it uses.
type Options struct {
	// BaseURL is the site's absolute address, ending in "/"; "" when it
	// is not known (the article's images then have no address WeChat
	// can fetch, and Article.Problems says so).
	BaseURL string
	// PagePath is the page's site path, such as "reform/".
	PagePath string
}

// Article is a chapter made ready for the 公众号 editor.
type Article struct {
	Title    string // the chapter's title, for the editor's title field
	Subtitle string
	Summary  string // for the editor's 摘要 field
	Body     string // the fragment to paste: inline-styled HTML
	Text     string // the same as plain text, paragraphs apart
	Images   []Image
	Links    []Link // the numbered references at the end, in order
	// Chars counts the text's characters as the editor counts them:
	// every character but white space.
	Chars int

	root    *html.Node           // Body, as a tree
	imageOf map[*html.Node]Image // its <img> elements' images
}

// Image is an image of the article.
type Image struct {
	SitePath string // the file in the built site, such as images/a.1a2b3c4d-960.jpg
	URL      string // absolute; "" without a base URL
	Alt      string
	Width    int
}

// Link is an address the article refers to: listed at the end, since
// the editor turns links to other sites into plain text.
type Link struct {
	Text, URL string
	Internal  bool // a page of the publication, at the published site
}

// Convert makes the article of a chapter's rendered page.
func Convert(page io.Reader, opts Options) (*Article, error) {
	doc, err := html.Parse(page)
	if err != nil {
		return nil, err
	}
	article := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Article })
	if article == nil {
		return nil, fmt.Errorf("the page has no <article>: it is not a chapter folio rendered")
	}
	c := &converter{opts: opts, a: &Article{imageOf: map[*html.Node]Image{}}}
	root := el(atom.Section, "root")
	if head := find(article, hasClass("chapter-head")); head != nil {
		c.head(root, head)
	}
	if prose := find(article, hasClass("prose")); prose != nil {
		c.children(root, prose)
	}
	c.end(root)
	var b bytes.Buffer
	if err := html.Render(&b, root); err != nil {
		return nil, err
	}
	c.a.Body, c.a.root = b.String(), root
	c.a.Text = strings.TrimSpace(plain(root))
	for _, r := range textOf(root) {
		if !unicode.IsSpace(r) {
			c.a.Chars++
		}
	}
	return c.a, nil
}

type converter struct {
	opts  Options
	a     *Article
	notes []*html.Node // footnotes' paragraphs, in order
}

// head takes the chapter's subtitle and summary; the title goes to the
// editor's own field, and the reading time and contents stay on the site.
func (c *converter) head(root, head *html.Node) {
	if h1 := find(head, func(n *html.Node) bool { return n.DataAtom == atom.H1 }); h1 != nil {
		c.a.Title = collapse(textWithout(h1, hasClass("label")))
	}
	if n := find(head, hasClass("chapter-subtitle")); n != nil {
		c.a.Subtitle = collapse(textOf(n))
		p := el(atom.P, "subtitle")
		p.AppendChild(textNode(c.a.Subtitle))
		root.AppendChild(p)
	}
	if n := find(head, hasClass("chapter-summary")); n != nil {
		c.a.Summary = collapse(textOf(n))
		p := el(atom.P, "summary")
		p.AppendChild(textNode(c.a.Summary))
		root.AppendChild(p)
	}
}

// children converts n's children into parent.
func (c *converter) children(parent, n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.node(parent, ch)
	}
}

// block tags keep their tag, with the style of their name.
var block = map[atom.Atom]string{
	atom.P: "p", atom.H2: "h2", atom.H3: "h3", atom.H4: "h4", atom.H5: "h4", atom.H6: "h4",
	atom.Li: "li", atom.Blockquote: "blockquote", atom.Th: "th", atom.Td: "td",
	atom.Strong: "strong", atom.B: "strong", atom.Em: "em", atom.I: "em", atom.Code: "code",
	atom.Sub: "sub", atom.Sup: "sup",
}

// dropped are elements with nothing a reader of the article needs.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Svg: true, atom.Nav: true, atom.Button: true,
	atom.Input: true, atom.Template: true, atom.Details: true, atom.Noscript: true, atom.Iframe: true,
	atom.Source: true, atom.Link: true, atom.Meta: true,
}

func (c *converter) node(parent, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		parent.AppendChild(textNode(n.Data))
		return
	case html.ElementNode:
	default:
		return
	}
	switch {
	case dropped[n.DataAtom]:
	case hasClass("footnotes")(n):
		c.footnotes(n)
	case hasClass("chart-figure")(n):
		parent.AppendChild(c.chart(n))
	case hasClass("key-figures")(n):
		parent.AppendChild(c.keyFigures(n))
	case hasClass("timeline")(n):
		parent.AppendChild(c.timeline(n))
	case n.DataAtom == atom.Figure:
		parent.AppendChild(c.figure(n))
	case n.DataAtom == atom.Picture || n.DataAtom == atom.Img:
		if img := c.image(n); img != nil {
			parent.AppendChild(img)
		}
	case n.DataAtom == atom.Sup && find(n, hasClass("footnote-ref")) != nil:
		// Notes are 注1, 注2 and links [1], [2]: two series, told apart.
		sup := el(atom.Sup, "note-ref")
		sup.AppendChild(textNode("注" + collapse(textOf(n))))
		parent.AppendChild(sup)
	case n.DataAtom == atom.A:
		c.link(parent, n)
	case n.DataAtom == atom.Br:
		parent.AppendChild(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br})
	case n.DataAtom == atom.Hr:
		parent.AppendChild(el(atom.Hr, "hr"))
	case n.DataAtom == atom.Thead || n.DataAtom == atom.Tbody || n.DataAtom == atom.Tr:
		e := &html.Node{Type: html.ElementNode, Data: n.Data, DataAtom: n.DataAtom}
		c.children(e, n)
		parent.AppendChild(e)
	case n.DataAtom == atom.Ul || n.DataAtom == atom.Ol:
		parent.AppendChild(c.list(n, 0))
	case n.DataAtom == atom.Pre:
		pre := el(atom.Section, "pre")
		c.children(pre, n)
		preserveSpaces(pre)
		parent.AppendChild(pre)
	case n.DataAtom == atom.Table:
		// Wide tables scroll in their own box, as the Markdown-to-WeChat
		// editors wrap them.
		box := el(atom.Section, "table-box")
		t := el(atom.Table, "table")
		c.children(t, n)
		box.AppendChild(t)
		parent.AppendChild(box)
	case block[n.DataAtom] != "":
		e := el(n.DataAtom, block[n.DataAtom])
		c.children(e, n)
		parent.AppendChild(e)
	case n.DataAtom == atom.Div || n.DataAtom == atom.Section || n.DataAtom == atom.Aside || n.DataAtom == atom.Header:
		if hasClass("table-scroll")(n) || hasClass("prose")(n) {
			c.children(parent, n)
			return
		}
		e := el(atom.Section, "")
		c.children(e, n)
		parent.AppendChild(e)
	default:
		// span, data, time, mark, abbr…: their text, in the parent's style.
		c.children(parent, n)
	}
}

// list converts a list as the editor keeps one: it resets list styles
// and flattens lists nested in an item (doocs/md moves them out for the
// same reason), so each item is a block that starts with its marker as
// text (• or its number), and a list nested in an item follows the
// item, indented one step further.
func (c *converter) list(n *html.Node, depth int) *html.Node {
	e := el(n.DataAtom, "list")
	c.items(e, n, 0)
	return e
}

// items adds the items of the list n to the list e, each nested list
// after its item, depth steps in.
func (c *converter) items(e, n *html.Node, depth int) {
	num := 1
	if start, err := strconv.Atoi(attr(n, "start")); err == nil {
		num = start
	}
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.DataAtom != atom.Li {
			continue
		}
		// The marker sits in a box as wide as the item's hanging indent.
		marker, width := "•", "1.2em"
		if n.DataAtom == atom.Ol {
			marker, width = strconv.Itoa(num)+".", "1.8em"
			num++
		}
		item := el(atom.Li, "li")
		item.Attr[0].Val += ";padding-left:" + width + ";text-indent:-" + width
		if depth > 0 {
			item.Attr[0].Val += ";margin-left:" + strconv.Itoa(depth*18) + "px"
		}
		m := el(atom.Span, "marker")
		m.Attr[0].Val += ";width:" + width
		m.AppendChild(textNode(marker))
		item.AppendChild(m)
		var nested []*html.Node
		for ch := li.FirstChild; ch != nil; ch = ch.NextSibling {
			switch {
			case ch.DataAtom == atom.Ul || ch.DataAtom == atom.Ol:
				nested = append(nested, ch)
			case ch.DataAtom == atom.P: // a loose list's paragraph: its text
				c.children(item, ch)
			default:
				c.node(item, ch)
			}
		}
		e.AppendChild(item)
		for _, sub := range nested {
			c.items(e, sub, depth+1)
		}
	}
}

// preserveSpaces keeps a code block's lines and indentation, which the
// editor collapses: line breaks become <br>, spaces no-break spaces.
func preserveSpaces(n *html.Node) {
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		switch ch.Type {
		case html.TextNode:
			lines := strings.Split(strings.TrimSuffix(ch.Data, "\n"), "\n")
			for i, line := range lines {
				if i > 0 {
					n.InsertBefore(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br}, ch)
				}
				line = strings.ReplaceAll(line, "\t", "    ")
				n.InsertBefore(textNode(strings.ReplaceAll(line, " ", "\u00a0")), ch)
			}
			n.RemoveChild(ch)
		case html.ElementNode:
			preserveSpaces(ch)
		}
		ch = next
	}
}

// link converts an <a>. The editor refuses a link to any site but
// mp.weixin.qq.com (请勿插入非mp.weixin.qq.com域名的链接), an anchor
// in the page too: a figure's reference is its value in bold, an anchor
// its text, a link to another 公众号 article stays a link, and any other
// address is the link's text with a number, listed at the end; a page
// of the publication is listed at its published address.
func (c *converter) link(parent, n *html.Node) {
	href := attr(n, "href")
	if hasClass("figure-ref")(n) {
		s := el(atom.Strong, "figure-ref")
		c.children(s, n)
		parent.AppendChild(s)
		return
	}
	u, err := url.Parse(href)
	if err != nil || href == "" || strings.HasPrefix(href, "#") || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		c.children(parent, n)
		return
	}
	text := collapse(textOf(n))
	if u.Scheme == "" && u.Host == "" {
		target := c.absolute(path.Join(path.Dir(strings.TrimSuffix(c.opts.PagePath, "/")+"/x"), u.Path), u.Path)
		if target == "" {
			c.children(parent, n)
			return
		}
		if u.Fragment != "" {
			target += "#" + u.EscapedFragment()
		}
		c.children(parent, n)
		c.ref(parent, Link{Text: text, URL: target, Internal: true})
		return
	}
	if u.Scheme == "https" && u.Host == "mp.weixin.qq.com" {
		a := el(atom.A, "a")
		a.Attr = append(a.Attr, html.Attribute{Key: "href", Val: href})
		c.children(a, n)
		parent.AppendChild(a)
		return
	}
	c.children(parent, n)
	c.ref(parent, Link{Text: text, URL: href})
}

// ref numbers a link (the same address keeps its number) and marks it.
func (c *converter) ref(parent *html.Node, l Link) {
	i := 0
	for ; i < len(c.a.Links); i++ {
		if c.a.Links[i].URL == l.URL {
			break
		}
	}
	if i == len(c.a.Links) {
		c.a.Links = append(c.a.Links, l)
	}
	sup := el(atom.Sup, "note-ref")
	sup.AppendChild(textNode(fmt.Sprintf("[%d]", i+1)))
	parent.AppendChild(sup)
}

// absolute is the published address of a site path; "" without a base
// URL. The path keeps its trailing slash when given, as written, had one.
func (c *converter) absolute(sitePath, given string) string {
	if c.opts.BaseURL == "" {
		return ""
	}
	p := strings.TrimPrefix(path.Clean("/"+sitePath), "/")
	if p == "." || p == "" {
		p = ""
	} else if strings.HasSuffix(given, "/") {
		p += "/"
	}
	return c.opts.BaseURL + (&url.URL{Path: p}).EscapedPath()
}

// image makes an <img> of a <picture> or <img>: the JPEG or PNG variant
// closest to 1080 pixels wide, WeChat's column at its phones' density.
func (c *converter) image(n *html.Node) *html.Node {
	img := n
	if n.DataAtom != atom.Img {
		img = find(n, func(m *html.Node) bool { return m.DataAtom == atom.Img })
	}
	if img == nil {
		return nil
	}
	src, width := pickVariant(attr(img, "src"), attr(img, "srcset"), attr(img, "width"))
	sitePath := path.Join(path.Dir(strings.TrimSuffix(c.opts.PagePath, "/")+"/x"), src)
	if u, err := url.PathUnescape(sitePath); err == nil {
		sitePath = u
	}
	abs := c.absolute(sitePath, sitePath)
	im := Image{SitePath: sitePath, URL: abs, Alt: attr(img, "alt"), Width: width}
	c.a.Images = append(c.a.Images, im)
	e := el(atom.Img, "img")
	c.a.imageOf[e] = im
	e.Attr = append(e.Attr, html.Attribute{Key: "src", Val: abs}, html.Attribute{Key: "alt", Val: im.Alt})
	if width > 0 {
		e.Attr = append(e.Attr, html.Attribute{Key: "width", Val: strconv.Itoa(width)})
	}
	return e
}

var widthDescriptor = regexp.MustCompile(`^(\d+)w$`)

// pickVariant chooses among an image's variants the narrowest at least
// 1080 pixels wide, else the widest.
func pickVariant(src, srcset, width string) (string, int) {
	best, bestW := src, 0
	if w, err := strconv.Atoi(width); err == nil {
		bestW = w
	}
	var cands []struct {
		src string
		w   int
	}
	for _, c := range strings.Split(srcset, ",") {
		f := strings.Fields(c)
		if len(f) != 2 {
			continue
		}
		m := widthDescriptor.FindStringSubmatch(f[1])
		if m == nil {
			continue
		}
		w, _ := strconv.Atoi(m[1])
		cands = append(cands, struct {
			src string
			w   int
		}{f[0], w})
	}
	if len(cands) == 0 {
		return best, bestW
	}
	pick := -1
	for i, c := range cands {
		if c.w >= 1080 && (pick < 0 || c.w < cands[pick].w || cands[pick].w < 1080) {
			pick = i
		}
	}
	if pick < 0 {
		for i, c := range cands {
			if pick < 0 || c.w > cands[pick].w {
				pick = i
			}
		}
	}
	return cands[pick].src, cands[pick].w
}

// figure converts a figure with a picture: the image, then its caption
// and credit below it.
func (c *converter) figure(n *html.Node) *html.Node {
	sec := el(atom.Section, "figure")
	var caption *html.Node
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch.DataAtom == atom.Figcaption:
			caption = ch
		case ch.Type == html.ElementNode:
			c.node(sec, ch)
		}
	}
	if caption != nil {
		credit := find(caption, hasClass("credit"))
		if text := collapse(textWithout(caption, hasClass("credit"))); text != "" {
			p := el(atom.P, "caption")
			p.AppendChild(textNode(text))
			sec.AppendChild(p)
		}
		if credit != nil {
			p := el(atom.P, "credit")
			p.AppendChild(textNode(collapse(textOf(credit))))
			sec.AppendChild(p)
		}
	}
	return sec
}

// footnotes keeps the notes' text for the end of the article.
func (c *converter) footnotes(n *html.Node) {
	for li := range n.Descendants() {
		if li.DataAtom != atom.Li {
			continue
		}
		p := el(atom.P, "end-item-plain")
		p.AppendChild(textNode(fmt.Sprintf("注%d　", len(c.notes)+1)))
		for ch := li.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.DataAtom == atom.P {
				for g := ch.FirstChild; g != nil; g = g.NextSibling {
					if !hasClass("footnote-backref")(g) {
						c.node(p, g)
					}
				}
			} else if !hasClass("footnote-backref")(ch) {
				c.node(p, ch)
			}
		}
		trimEnd(p)
		c.notes = append(c.notes, p)
	}
}

// end adds the notes and the references after the text.
func (c *converter) end(root *html.Node) {
	if len(c.notes) > 0 {
		sec := el(atom.Section, "end")
		h := el(atom.P, "end-title")
		h.AppendChild(textNode("注释"))
		sec.AppendChild(h)
		for _, p := range c.notes {
			sec.AppendChild(p)
		}
		root.AppendChild(sec)
	}
	if len(c.a.Links) > 0 {
		sec := el(atom.Section, "end")
		h := el(atom.P, "end-title")
		h.AppendChild(textNode("链接"))
		sec.AppendChild(h)
		for i, l := range c.a.Links {
			p := el(atom.P, "end-item")
			shown := l.URL
			if u, err := url.PathUnescape(l.URL); err == nil {
				shown = u // 民生篇#五个一服务机制, as a reader types it
			}
			p.AppendChild(textNode(fmt.Sprintf("[%d] %s：%s", i+1, l.Text, shown)))
			sec.AppendChild(p)
		}
		root.AppendChild(sec)
	}
}

// trimEnd removes the white space a removed back-link left at the end.
func trimEnd(n *html.Node) {
	for last := n.LastChild; last != nil && last.Type == html.TextNode; last = n.LastChild {
		last.Data = strings.TrimRightFunc(last.Data, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' })
		if last.Data != "" {
			return
		}
		n.RemoveChild(last)
	}
}

// el is a new element with the style named name ("" for none).
func el(a atom.Atom, name string) *html.Node {
	n := &html.Node{Type: html.ElementNode, Data: a.String(), DataAtom: a}
	if s := styles[name]; s != "" {
		n.Attr = []html.Attribute{{Key: "style", Val: s}}
	}
	return n
}

func textNode(s string) *html.Node { return &html.Node{Type: html.TextNode, Data: s} }

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(name string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return false
		}
		for _, c := range strings.Fields(attr(n, "class")) {
			if c == name {
				return true
			}
		}
		return false
	}
}

// find is the first node under n (n included) that match accepts.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if match(n) {
		return n
	}
	for d := range n.Descendants() {
		if match(d) {
			return d
		}
	}
	return nil
}

func textOf(n *html.Node) string { return textWithout(n, func(*html.Node) bool { return false }) }

// textWithout is n's text, leaving out the elements skip accepts.
func textWithout(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if skip(n) || n.DataAtom == atom.Script || n.DataAtom == atom.Style {
			return
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return b.String()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// plain is the article as plain text: each block on its own line, a
// blank line after paragraphs and headings.
func plain(root *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
			return
		case html.ElementNode:
		default:
			return
		}
		if n.DataAtom == atom.Img {
			if alt := attr(n, "alt"); alt != "" {
				b.WriteString("[图：" + alt + "]")
			}
		}
		if n.DataAtom == atom.Br {
			b.WriteString("\n")
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
		switch n.DataAtom {
		case atom.P, atom.H2, atom.H3, atom.H4, atom.Blockquote, atom.Pre, atom.Table, atom.Ul, atom.Ol:
			b.WriteString("\n\n")
		case atom.Li, atom.Tr, atom.Section:
			b.WriteString("\n")
		case atom.Td, atom.Th:
			b.WriteString("\t")
		}
	}
	walk(root)
	// At most one blank line between blocks.
	lines := strings.Split(b.String(), "\n")
	var out []string
	blank := false
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, l)
		blank = false
	}
	return strings.Join(out, "\n")
}
