// Package datablock is a goldmark extension for fenced blocks that show the
// publication's data: ```chart (an SVG chart with its numbers as a table),
// ```figures (a panel of key figures) and ```timeline (dated events). The
// YAML body of each block is checked against the data at parse time, so
// every unknown id or period is reported at its file, line and column.
package datablock

import (
	"bytes"
	"slices"
	"strings"

	yast "github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"folio/internal/diag"
	"folio/internal/frontmatter"
	"folio/internal/markdown/mdenv"
)

// KindBlock is the kind of Block nodes.
var KindBlock = ast.NewNodeKind("DataBlock")

// Block is a rendered data block; it replaces the fenced code block it was
// written as.
type Block struct {
	ast.BaseBlock
	Lang string
	HTML []byte
}

// Kind implements ast.Node.
func (*Block) Kind() ast.NodeKind { return KindBlock }

// Dump implements ast.Node.
func (n *Block) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Lang": n.Lang}, nil)
}

// body is a fenced block's YAML and how to position its tokens.
type body struct {
	env   *mdenv.Env
	node  *ast.FencedCodeBlock
	text  []byte
	lines *text.Segments
	// start is the offset of the block's opening fence, for problems of
	// the block as a whole.
	start int
	// indent is the spaces before each of its lines in the file (inside
	// a list item), which YAML messages count in.
	indent int
}

// pos converts a YAML token of the body to a file position; the body's
// lines may be indented (inside a list), so each line's own start is used.
func (b *body) pos(tk *token.Token) diag.Position {
	if tk == nil || tk.Position == nil || b.lines.Len() == 0 {
		return b.env.Position(b.start)
	}
	i := min(max(tk.Position.Line-1, 0), b.lines.Len()-1)
	p := b.env.Position(b.lines.At(i).Start)
	p.Col += tk.Position.Column - 1
	return p
}

func (b *body) nodePos(n yast.Node) diag.Position {
	if n == nil {
		return b.env.Position(b.start)
	}
	return b.pos(startToken(n))
}

func startToken(n yast.Node) *token.Token {
	if pairs, ok := frontmatter.Pairs(n); ok && len(pairs) > 0 {
		return pairs[0].Key.GetToken()
	}
	return n.GetToken()
}

// decode parses the body as YAML into fields; syntax errors are reported
// at their position.
func (b *body) parse() (yast.Node, bool) {
	var diags diag.List
	// The block's lines are the file's from its first on, so that the
	// lines a message names are the file's.
	first := 1
	if b.lines.Len() > 0 {
		first = max(1, b.env.Position(b.lines.At(0).Start).Line)
	}
	node, ok := frontmatter.ParseIndented("", b.text, first, b.indent, &diags)
	for _, d := range diags.Items() {
		// Re-anchor the YAML position inside the Markdown file.
		pos := b.env.Position(b.start)
		if i := d.Pos.Line - first; i >= 0 && i < b.lines.Len() {
			pos = b.env.Position(b.lines.At(i).Start)
			pos.Col += d.Pos.Col - 1
		}
		b.env.ErrorAt(pos, d.Rule, "%s", d.Msg())
	}
	return node, ok
}

type transformer struct{}

var renderers = map[string]func(*body) []byte{
	"chart":    renderChart,
	"figures":  renderFigures,
	"timeline": renderTimeline,
}

// Transform replaces each chart, figures and timeline block by its
// rendering.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	env := mdenv.From(pc)
	if env == nil {
		return
	}
	source := reader.Source()
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering {
			if _, known := renderers[string(fb.Language(source))]; known {
				blocks = append(blocks, fb)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, fb := range blocks {
		lang := string(fb.Language(source))
		var buf bytes.Buffer
		lines := fb.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			buf.Write(seg.Value(source))
		}
		start := 0
		if fb.Info != nil {
			start = fb.Info.Segment.Start
		} else if lines.Len() > 0 {
			start = lines.At(0).Start
		}
		b := &body{env: env, node: fb, text: buf.Bytes(), lines: lines, start: start}
		if lines.Len() > 0 {
			first := lines.At(0)
			lineStart := bytes.LastIndexByte(source[:first.Start], '\n') + 1
			if prefix := source[lineStart:first.Start]; len(bytes.TrimLeft(prefix, " ")) == 0 && first.Padding == 0 {
				b.indent = len(prefix)
			}
		}
		out := &Block{Lang: lang, HTML: renderers[lang](b)}
		fb.Parent().ReplaceChild(fb.Parent(), fb, out)
	}
}

type htmlRenderer struct{}

func (htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBlock, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(node.(*Block).HTML)
		}
		return ast.WalkSkipChildren, nil
	})
}

type extension struct{}

// Extension renders chart, figures and timeline blocks.
var Extension goldmark.Extender = extension{}

func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 400)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(htmlRenderer{}, 500)))
}

// join writes the distinct non-empty values, in order, separated by sep.
func join(values []string, sep string) string {
	var out []string
	for _, v := range values {
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return strings.Join(out, sep)
}
