package datablock

import (
	"html"
	"strings"

	yast "github.com/goccy/go-yaml/ast"

	"folio/internal/diag"
	"folio/internal/indicator"
	"folio/internal/urls"
)

// figure is one indicator value a block shows.
type figure struct {
	ind *indicator.Indicator
	pt  indicator.Point
}

// lookup resolves an indicator id, reporting an unknown one at pos with the
// nearest known id.
func (b *body) lookup(id string, pos diag.Position) *indicator.Indicator {
	var ind *indicator.Indicator
	var ids []string
	if b.env.Data != nil {
		ind = b.env.Data.Get(id)
		ids = b.env.Data.CitableIDs()
	}
	if ind == nil {
		// Unless the data's own error left it out.
		if b.env.Data.IDsComplete() {
			b.env.ErrorAt(pos, "unknown-indicator", "%s", indicator.UnknownMessage(id, ids))
		}
		return nil
	}
	b.env.UseIndicator(id)
	return ind
}

// value resolves "id" (latest) or "id@period".
func (b *body) value(ref string, pos diag.Position) (figure, bool) {
	id, period, hasPeriod := strings.Cut(strings.TrimSpace(ref), "@")
	ind := b.lookup(id, pos)
	if ind == nil {
		return figure{}, false
	}
	if !hasPeriod {
		pt, ok := ind.Latest()
		if !ok && b.env.Data.ValuesComplete(ind) {
			b.env.ErrorAt(pos, "unknown-period", "%s has no values yet: add a series in content/data/indicators.yaml", id)
		}
		return figure{ind, pt}, ok
	}
	return b.at(ind, period, pos)
}

// at returns the value of ind for a period as written.
func (b *body) at(ind *indicator.Indicator, period string, pos diag.Position) (figure, bool) {
	p, err := indicator.ParsePeriod(period)
	if err != nil {
		b.env.ErrorAt(pos, "unknown-period", "%s: %v", ind.ID, err)
		return figure{}, false
	}
	pt, ok := ind.At(p)
	if !ok && b.env.Data.ValuesComplete(ind) {
		b.env.ErrorAt(pos, "unknown-period", "%s has no value for %s (it has %s)", ind.ID, p, strings.Join(ind.Periods(), ", "))
	}
	return figure{ind, pt}, ok
}

// strings reads a YAML scalar or list of scalars, with each item's position.
func (b *body) strings(n yast.Node) ([]string, []diag.Position) {
	var items []yast.Node
	if seq, ok := n.(*yast.SequenceNode); ok {
		items = seq.Values
	} else if n != nil {
		items = []yast.Node{n}
	}
	var out []string
	var pos []diag.Position
	for _, it := range items {
		out = append(out, strings.Trim(it.String(), `"'`))
		pos = append(pos, b.nodePos(it))
	}
	return out, pos
}

// dataLink is the link to an indicator on the data page.
func (b *body) dataLink(id string) string {
	return html.EscapeString(urls.Rel(b.env.URL, "data/") + "#" + id)
}

func esc(s string) string { return html.EscapeString(s) }
