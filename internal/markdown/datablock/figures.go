package datablock

import (
	"bytes"

	yast "github.com/goccy/go-yaml/ast"

	"folio/internal/cjk"
	"folio/internal/indicator"
	"folio/internal/markdown/dataref"
)

// renderFigures renders a panel of key figures from a YAML list of ids
// (id or id@period): each a big number with its label, period and source,
// linked to the data page.
func renderFigures(b *body) []byte {
	node, ok := b.parse()
	if !ok {
		return nil
	}
	seq, isSeq := node.(*yast.SequenceNode)
	if !isSeq {
		b.env.ErrorAt(b.nodePos(node), "figures-syntax", "a figures block is a list of indicator ids, one per line: - gdp-growth")
		return nil
	}
	refs, positions := b.strings(seq)
	var out bytes.Buffer
	out.WriteString(`<ul class="key-figures">`)
	for i, ref := range refs {
		f, ok := b.value(ref, positions[i])
		if !ok {
			continue
		}
		before, number, after := indicator.Parts(f.ind, f.pt.Value)
		out.WriteString(`<li class="key-figure"><a class="key-figure-link" href="` + b.dataLink(f.ind.ID) + `">`)
		out.WriteString(`<data class="key-figure-value" value="` + esc(f.pt.Value.Raw()) + `" title="` + esc(dataref.Title(f.ind, f.pt.Period)) + `">`)
		if before != "" {
			out.WriteString(`<span class="key-figure-unit">` + esc(before) + `</span>`)
		}
		out.WriteString(`<span class="key-figure-number">` + esc(number) + `</span>`)
		if after != "" {
			out.WriteString(`<span class="key-figure-unit">` + esc(after) + `</span>`)
		}
		out.WriteString(`</data><span class="key-figure-label">` + noBreakTail(f.ind.Label) + `</span></a>`)
		out.WriteString(`<span class="key-figure-meta">` + esc(f.pt.Period.Chinese()))
		if f.ind.Source != "" {
			out.WriteString(` · 来源：` + esc(f.ind.Source))
		}
		out.WriteString(`</span></li>`)
	}
	out.WriteString("</ul>\n")
	return out.Bytes()
}

// noBreakTail escapes a label with its last two characters in a span the
// theme keeps on one line (cjk.KeepTail), so that it never ends with one
// character alone on a line.
func noBreakTail(s string) string {
	head, tail := cjk.KeepTail(s)
	if tail == "" {
		return esc(s)
	}
	return esc(head) + `<span class="nobr">` + esc(tail) + `</span>`
}
