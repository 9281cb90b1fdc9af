// Package dataref is a goldmark extension for inline references to the
// publication's indicators: {{gdp-growth}} shows the latest value,
// {{gdp-growth@2020}} a given period. The value is rendered as a <data>
// element carrying the raw number, titled with label, period and source,
// and linked to the indicator on the data page, so a figure in prose can
// never contradict the data.
package dataref

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"folio/internal/indicator"
	"folio/internal/markdown/mdenv"
	"folio/internal/urls"
)

// KindRef is the kind of Ref nodes.
var KindRef = ast.NewNodeKind("IndicatorRef")

// Ref is one resolved reference.
type Ref struct {
	ast.BaseInline
	ID, Period string // as written; Period may be ""
	Source     string // the reference as written, shown when unresolved
	Offset     int    // where it starts in the document
	Resolved   bool
	Display    string // 5.3%
	Raw        string // 5.3
	Title      string // label · period · source
	Href       string // link to the data page entry, relative to the page
}

// Kind implements ast.Node.
func (*Ref) Kind() ast.NodeKind { return KindRef }

// Dump implements ast.Node.
func (n *Ref) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID, "Period": n.Period}, nil)
}

// refRE is what may stand between the braces: an id, optionally after
// the slug of another installment of the series (slug:id), optionally
// @period.
var refRE = regexp.MustCompile(`^((?:[a-z0-9]+(?:-[a-z0-9]+)*:)?[a-z0-9]+(?:-[a-z0-9]+)*)(?:@([0-9A-Za-z.\-]+))?$`)

type refParser struct{}

func (refParser) Trigger() []byte { return []byte{'{'} }

// Parse reads {{…}} on one line. Anything between the braces that is not
// an id is reported, since a reference an editor mistyped must not slip
// into print as literal braces.
func (refParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{")) {
		return nil
	}
	end := bytes.Index(line[2:], []byte("}}"))
	if end < 0 {
		return nil
	}
	inner := string(bytes.TrimSpace(line[2 : 2+end]))
	written := string(line[:end+4])
	block.Advance(end + 4)
	offset := seg.Start
	ref := &Ref{Source: written, Offset: offset}
	env := mdenv.From(pc)
	m := refRE.FindStringSubmatch(inner)
	if m == nil {
		if env != nil {
			env.Errorf(offset, "indicator-ref-syntax", "malformed indicator reference %s: write {{id}} or {{id@period}}, e.g. {{gdp-growth@2020}}", written)
		}
		return ref
	}
	ref.ID, ref.Period = m[1], m[2]
	if env == nil {
		return ref
	}
	resolve(ref, env, offset)
	return ref
}

func resolve(ref *Ref, env *mdenv.Env, offset int) {
	var ids []string
	var ind *indicator.Indicator
	if env.Data != nil {
		ind = env.Data.Get(ref.ID)
		ids = env.Data.CitableIDs()
	}
	if ind == nil {
		// When the data has an error that left indicators out, the
		// reference may be to one of them: the data's error says what
		// to fix, and the reference is checked once it is fixed.
		if env.Data.IDsComplete() {
			env.Errorf(offset, "unknown-indicator", "%s", indicator.UnknownMessage(ref.ID, ids))
		}
		return
	}
	pt, ok := ind.Latest()
	if ref.Period != "" {
		p, err := indicator.ParsePeriod(ref.Period)
		if err != nil {
			env.Errorf(offset, "unknown-period", "%s: %v", ref.Source, err)
			return
		}
		pt, ok = ind.At(p)
		if !ok {
			if env.Data.ValuesComplete(ind) {
				env.Errorf(offset, "unknown-period", "%s has no value for %s (it has %s)", ref.ID, p, strings.Join(ind.Periods(), ", "))
			}
			return
		}
	} else if !ok {
		if env.Data.ValuesComplete(ind) {
			env.Errorf(offset, "unknown-period", "%s has no values yet: add a series in content/data/indicators.yaml", ref.ID)
		}
		return
	}
	env.UseIndicator(ref.ID)
	ref.Resolved = true
	ref.Display = indicator.Format(ind, pt.Value)
	ref.Raw = pt.Value.Raw()
	ref.Title = Title(ind, pt.Period)
	ref.Href = urls.Rel(env.URL, ind.Home+"data/") + "#" + ind.ID
}

// Title is the tooltip of a figure: label, period and source.
func Title(ind *indicator.Indicator, p indicator.Period) string {
	t := ind.Label + " · " + p.Chinese()
	if ind.Source != "" {
		t += " · 来源：" + ind.Source
	}
	return t
}

type refRenderer struct{}

func (refRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindRef, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		n := node.(*Ref)
		if !n.Resolved {
			_, _ = w.WriteString(`<span class="figure-ref figure-ref-missing">` + html.EscapeString(n.Source) + `</span>`)
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString(`<a class="figure-ref" href="` + html.EscapeString(n.Href) + `"><data value="` + html.EscapeString(n.Raw) +
			`" title="` + html.EscapeString(n.Title) + `">` + html.EscapeString(n.Display) + `</data></a>`)
		return ast.WalkContinue, nil
	})
}

type extension struct{}

// Extension adds {{id}} references.
var Extension goldmark.Extender = extension{}

func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(refParser{}, 150)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(refRenderer{}, 500)))
}
