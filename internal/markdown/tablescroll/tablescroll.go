// Package tablescroll is a goldmark extension that puts every table in a
// scrolling region: wide tables scroll sideways inside their own box on a
// phone instead of widening the page, and the table itself stays a table for
// screen readers (a table made display:block loses its table semantics in
// some of them). The region is focusable and labelled so keyboard users can
// scroll it too (WCAG 2.1.1). It is a labelled group, not a region
// landmark: the print page holds many tables, and landmarks must have
// unique names.
package tablescroll

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindRegion is the kind of Region nodes.
var KindRegion = ast.NewNodeKind("TableScrollRegion")

// Region wraps one table.
type Region struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (*Region) Kind() ast.NodeKind { return KindRegion }

// Dump implements ast.Node.
func (n *Region) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

type wrapper struct{}

// Transform moves each table into a Region.
func (wrapper) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var tables []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == east.KindTable {
			tables = append(tables, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, t := range tables {
		parent := t.Parent()
		region := &Region{}
		parent.ReplaceChild(parent, t, region)
		region.AppendChild(region, t)
	}
}

// Label is the accessible name of every table region.
const Label = "表格（可左右滑动）"

type htmlRenderer struct{}

func (htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindRegion, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<div class="table-scroll" tabindex="0" role="group" aria-label="` + Label + `">` + "\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}

type extension struct{}

// Extension wraps tables; add it after the table extension.
var Extension goldmark.Extender = extension{}

func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(wrapper{}, 900)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(htmlRenderer{}, 500)))
}
