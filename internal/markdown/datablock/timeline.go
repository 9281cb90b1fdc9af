package datablock

import (
	"bytes"
	"strconv"
	"strings"

	"folio/internal/diag"
	"folio/internal/frontmatter"
)

// renderTimeline renders the events of content/data/timeline.yaml, all of
// them or those of "years: 2013..2018" (or a single year).
func renderTimeline(b *body) []byte {
	node, ok := b.parse()
	if !ok {
		return nil
	}
	from, to := 0, 9999
	if node != nil {
		var years string
		var yearsPos diag.Position
		fields := []frontmatter.Field{{Key: "years", Target: &years, Pos: &yearsPos}}
		var diags diag.List
		frontmatter.DecodeMapping("", node, 1, fields, "timeline-unknown-key", &diags)
		b.report(&diags)
		if years != "" {
			var err error
			if from, to, err = parseYears(years); err != nil {
				b.env.ErrorAt(b.relocate(yearsPos), "timeline-years", "years %q: %v", years, err)
				return nil
			}
		}
	}
	b.env.Timeline = true
	if !b.env.Data.EventsComplete() {
		// timeline.yaml has an error, reported there.
		return nil
	}
	if b.env.Data == nil || len(b.env.Data.Events) == 0 {
		b.env.ErrorAt(b.env.Position(b.start), "timeline-empty", "no events to show: add them to content/data/timeline.yaml")
		return nil
	}
	var out bytes.Buffer
	out.WriteString(`<ol class="timeline">`)
	n := 0
	for _, e := range b.env.Data.Events {
		if e.Year < from || e.Year > to {
			continue
		}
		n++
		out.WriteString(`<li class="timeline-event"><time datetime="` + esc(e.Date) + `">` + esc(e.Chinese()) + `</time>`)
		out.WriteString(`<div class="timeline-body"><p class="timeline-title">`)
		if e.Part != "" {
			out.WriteString(`<span class="timeline-part">` + esc(e.Part) + `</span>`)
		}
		out.WriteString(esc(e.Title) + `</p>`)
		if e.Detail != "" {
			out.WriteString(`<p class="timeline-detail">` + esc(e.Detail) + `</p>`)
		}
		out.WriteString(`</div></li>`)
	}
	out.WriteString("</ol>\n")
	if n == 0 {
		b.env.ErrorAt(b.env.Position(b.start), "timeline-empty", "no events in years %d..%d: check the years or content/data/timeline.yaml", from, to)
		return nil
	}
	return out.Bytes()
}

// parseYears reads 2013..2018 or 2018.
func parseYears(s string) (int, int, error) {
	a, b, isRange := strings.Cut(strings.TrimSpace(s), "..")
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to := from
	var err2 error
	if isRange {
		to, err2 = strconv.Atoi(strings.TrimSpace(b))
	}
	if err1 != nil || err2 != nil || from > to {
		return 0, 0, errYears
	}
	return from, to, nil
}

type yearsError struct{}

func (yearsError) Error() string { return "write a year (2018) or a range of years (2013..2018)" }

var errYears = yearsError{}

// report re-anchors diagnostics made by frontmatter on the body's own
// lines (file "", line 1 = the body's first line) inside the Markdown file.
func (b *body) report(diags *diag.List) {
	for _, d := range diags.Items() {
		if d.Severity == diag.Error {
			b.env.ErrorAt(b.relocate(d.Pos), d.Rule, "%s", d.Msg())
		} else if b.env.Diags != nil {
			b.env.Diags.Warnf(b.relocate(d.Pos), d.Rule, "%s", d.Msg())
		}
	}
}

// relocate turns a body-relative position into a file position.
func (b *body) relocate(p diag.Position) diag.Position {
	if p.Line < 1 || p.Line > b.lines.Len() {
		return b.env.Position(b.start)
	}
	pos := b.env.Position(b.lines.At(p.Line - 1).Start)
	pos.Col += p.Col - 1
	return pos
}
