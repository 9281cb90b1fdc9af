package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"folio/internal/cjk"
)

// headingTail renders the end of a heading with its last two characters
// in <span class="nobr">, which the theme keeps on one line (cjk.KeepTail):
// where CSS text-wrap: balance is not supported, no heading ends with one
// character alone on its last line. Every other text renders as goldmark's
// own renderer renders it, with the same options; the document itself is
// not changed, so outlines, summaries and checks read the text as written.
type headingTail struct {
	html *html.Renderer
	text renderer.NodeRendererFunc
}

func newHeadingTail() *headingTail {
	return &headingTail{html: html.NewRenderer().(*html.Renderer)}
}

// SetOption receives the renderer's options (unsafe, East Asian line
// breaks) for the text this renderer passes on.
func (h *headingTail) SetOption(name renderer.OptionName, value any) {
	h.html.SetOption(name, value)
}

func (h *headingTail) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	funcs := capturedFuncs{}
	h.html.RegisterFuncs(funcs)
	h.text = funcs[ast.KindText]
	reg.Register(ast.KindText, h.renderText)
}

type capturedFuncs map[ast.NodeKind]renderer.NodeRendererFunc

func (c capturedFuncs) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { c[k] = f }

func (h *headingTail) renderText(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Text)
	if !entering || n.IsRaw() || n.SoftLineBreak() || n.HardLineBreak() || !endsHeading(n) {
		return h.text(w, source, node, entering)
	}
	value := n.Segment.Value(source)
	if bytes.ContainsAny(value, `\&`) {
		// Escapes and entities are the writer's to read: left whole.
		return h.text(w, source, node, entering)
	}
	head, tail := cjk.KeepTail(string(value))
	if tail == "" {
		return h.text(w, source, node, entering)
	}
	h.html.Writer.Write(w, []byte(head))
	_, _ = w.WriteString(`<span class="nobr">`)
	h.html.Writer.Write(w, []byte(tail))
	_, _ = w.WriteString(`</span>`)
	return ast.WalkContinue, nil
}

// endsHeading reports whether n is the last thing a heading shows: the
// last child of the heading, or of a link or emphasis that is.
func endsHeading(n ast.Node) bool {
	for ; n != nil; n = n.Parent() {
		if n.NextSibling() != nil {
			return false
		}
		if _, ok := n.Parent().(*ast.Heading); ok {
			return true
		}
		switch n.Parent().(type) {
		case *ast.Emphasis, *ast.Link:
		default:
			return false
		}
	}
	return false
}
