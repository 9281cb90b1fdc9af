// Package pictures is a goldmark extension that serves Markdown images
// responsively: each image is resolved (relative to the Markdown file or to
// content/), processed into WebP and fallback variants, and rendered as a
// <picture> with srcset, sizes, width and height; an image alone in its
// paragraph becomes a <figure> whose caption is the image's title. A
// title may end with the credit, 摄影：name or 图片来源：source; what the
// Markdown does not give, caption or credit, the photo's own metadata
// does. A missing image is an error and a missing alt text a warning,
// both at the image's position.
package pictures

import (
	"html"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"folio/internal/markdown/mdenv"
	"folio/internal/markdown/xref"
	"folio/internal/picture"
	"folio/internal/urls"
)

// KindPicture is the kind of Picture nodes.
var KindPicture = ast.NewNodeKind("Picture")

// Picture is a resolved image; Figure is set when it stands alone in its
// paragraph and is rendered as a figure.
type Picture struct {
	ast.BaseInline
	HTML    string // the <picture> element
	Caption string
	Credit  string // 摄影：… or 图片来源：…
	Figure  bool
}

// Kind implements ast.Node.
func (*Picture) Kind() ast.NodeKind { return KindPicture }

// Dump implements ast.Node.
func (n *Picture) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// KindFigure is the kind of Figure nodes.
var KindFigure = ast.NewNodeKind("Figure")

// Figure replaces a paragraph holding only a picture.
type Figure struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (*Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.
func (n *Figure) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	env := mdenv.From(pc)
	if env == nil || env.Resolver == nil {
		return
	}
	source := reader.Source()
	var imgs []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			imgs = append(imgs, img)
		}
		return ast.WalkContinue, nil
	})
	for _, img := range imgs {
		replace(env, img, source)
	}
}

func replace(env *mdenv.Env, img *ast.Image, source []byte) {
	dest := string(img.Destination)
	offset := xref.OffsetOf(img, source)
	if dest == "" {
		env.Errorf(offset, "image-missing", "image without a path: write ![description](images/photo.jpg)")
		return
	}
	if strings.Contains(dest, "://") || strings.HasPrefix(dest, "//") {
		env.Errorf(offset, "image-external", "image %s is on another site: folio serves only images of the publication (and never loads from the network); save it under content/images/", dest)
		return
	}
	rel, why := env.Resolver.Image(path.Dir(env.RelPath), unescape(dest))
	if why != nil {
		env.Errorf(offset, "image-missing", "image %q %v", dest, why)
		return
	}
	pic, err := env.Resolver.Picture(rel)
	if err != nil {
		env.Errorf(offset, "image-invalid", "image %q: %v", dest, err)
		return
	}
	env.Images = append(env.Images, rel)
	alt := altText(img, source)
	if strings.TrimSpace(alt) == "" && env.Diags != nil {
		env.Diags.Warnf(env.Position(offset), "missing-alt", "image %q has no alt text: describe what it shows between the brackets, ![…](%s), for readers who cannot see it", dest, dest)
	}
	caption, credit := SplitCredit(string(img.Title))
	if caption == "" {
		caption = pic.Caption
	}
	if credit == "" {
		credit = pic.Credit()
	}
	if credit == "" && pic.Type != "image/svg+xml" {
		env.Uncredited = append(env.Uncredited, mdenv.ImageRef{Offset: offset, Dest: dest})
	}
	node := &Picture{
		HTML:    picture.HTML(pic, picture.Options{Alt: alt}, func(p string) string { return urls.Rel(env.URL, p) }),
		Caption: caption,
		Credit:  credit,
	}
	parent := img.Parent()
	parent.ReplaceChild(parent, img, node)
	// A picture alone in its paragraph is a figure.
	if para, ok := parent.(*ast.Paragraph); ok && onlyChild(para, node, source) {
		node.Figure = true
		fig := &Figure{}
		para.Parent().ReplaceChild(para.Parent(), para, fig)
		for c := para.FirstChild(); c != nil; {
			next := c.NextSibling()
			if c == node {
				fig.AppendChild(fig, c)
			}
			c = next
		}
	}
}

// creditLabels start a credit at the end of an image's title.
var creditLabels = []string{"摄影：", "摄影:", "图片来源：", "图片来源:"}

// SplitCredit splits an image's title into its caption and the credit it
// ends with: "园区一角 摄影：张三" is 园区一角 and 摄影：张三. The credit's
// colon is made full-width; a title without one is all caption.
func SplitCredit(title string) (caption, credit string) {
	title = strings.TrimSpace(title)
	at, label := -1, ""
	for _, l := range creditLabels {
		if i := strings.LastIndex(title, l); i > at {
			at, label = i, l
		}
	}
	if at < 0 {
		return title, ""
	}
	who := strings.TrimSpace(strings.TrimRight(title[at+len(label):], "）) \u3000"))
	if who == "" {
		return title, ""
	}
	caption = strings.TrimRight(title[:at], " \u3000\t，,；;／/|（(")
	return caption, strings.TrimRight(label, ":：") + "：" + who
}

func onlyChild(para *ast.Paragraph, node ast.Node, source []byte) bool {
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		if c == node {
			continue
		}
		if t, ok := c.(*ast.Text); ok && strings.TrimSpace(string(t.Segment.Value(source))) == "" {
			continue
		}
		return false
	}
	return true
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// altText is the text between an image's brackets, without markup.
func altText(img ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(img, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(source))
		case *ast.String:
			b.Write(n.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

type htmlRenderer struct{}

func (htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindPicture, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			n := node.(*Picture)
			_, _ = w.WriteString(n.HTML)
			if n.Figure && (n.Caption != "" || n.Credit != "") {
				_, _ = w.WriteString("<figcaption>" + html.EscapeString(n.Caption))
				if n.Credit != "" {
					if n.Caption != "" {
						_, _ = w.WriteString(" ")
					}
					_, _ = w.WriteString(`<span class="credit">` + html.EscapeString(n.Credit) + "</span>")
				}
				_, _ = w.WriteString("</figcaption>")
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(KindFigure, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<figure class="figure">`)
		} else {
			_, _ = w.WriteString("</figure>\n")
		}
		return ast.WalkContinue, nil
	})
}

type extension struct{}

// Extension serves Markdown images as responsive pictures.
var Extension goldmark.Extender = extension{}

func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 300)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(htmlRenderer{}, 500)))
}
