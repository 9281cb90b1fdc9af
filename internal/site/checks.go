package site

import (
	"strings"
	"time"

	"folio/internal/check"
	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/suggest"
)

// ruleSeverities turns the publisher's checks: lines into the severities
// the build reports each rule with. An unknown rule or level is an error
// at its line, with the nearest known one suggested. A rule off by default
// is off unless a line names it.
func ruleSeverities(settings []config.CheckSetting, diags *diag.List) map[string]diag.Severity {
	levels := map[string]diag.Severity{"error": diag.Error, "warning": diag.Warning, "off": diag.Off}
	out := map[string]diag.Severity{}
	rules := check.Rules()
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
		if r.Default == diag.Off {
			out[r.ID] = diag.Off // until checks: names it
		}
	}
	for _, s := range settings {
		if _, ok := check.LookupRule(s.Rule); !ok {
			if near := suggest.Nearest(s.Rule, ids); near != "" {
				diags.Errorf(s.Pos, "publication-checks", "checks: unknown rule %s; did you mean %s?", quote(s.Rule), quote(near))
			} else {
				diags.Errorf(s.Pos, "publication-checks", "checks: unknown rule %s; the rules are %s", quote(s.Rule), strings.Join(ids, ", "))
			}
			continue
		}
		level, ok := levels[strings.ToLower(s.Level)]
		if !ok {
			diags.Errorf(s.LevelPos, "publication-checks", "checks: %s must be error, warning or off, not %s", s.Rule, quote(s.Level))
			continue
		}
		out[s.Rule] = level
	}
	return out
}

func quote(s string) string { return "\"" + s + "\"" }

// checkOptions are the house rules of the publication.
func (b *builder) checkOptions() check.Options {
	cfg := b.pub.Config
	opts := check.Options{Glossary: cfg.Glossary, Spacing: cfg.CJKSpacing, Subject: cfg.Subject.Names(), Title: cfg.Title,
		Simplified: simplifiedChinese(cfg.Language), Allow: cfg.CheckAllow}
	opts.Year = yearOf(cfg.Published)
	if p := b.opts.part; p != nil {
		opts.Places = p.places
	}
	return opts
}

// check reports what each page's checks found (they ran with the
// conversion) and runs the publication-wide checks, again only when a
// page or the data changed.
func (b *builder) check() {
	if b.pub.Config.Unreadable {
		// The house rules and their severities are in
		// publication.yaml: until its error is fixed, the rules
		// would judge the copy by the wrong ones.
		return
	}
	pages := b.pub.All()
	// The same page results in the same order, with the same data and
	// rules, find the same: the key names each page's by its kept
	// conversion and the rules it was checked with. A page not kept (one
	// with problems) was checked afresh: its results are not known to be
	// the same.
	var k keyWriter
	for _, ind := range b.data.Indicators {
		k.str(b.data.FingerprintOf(ind.ID))
	}
	known := true
	for _, p := range pages {
		c := b.converted[p]
		if c == nil {
			continue
		}
		if c.entry == nil {
			known = false
			break
		}
		k.str(p.RelPath)
		k.str(c.entry.contentKey())
		k.str(c.entry.checkOpts)
	}
	key := k.sum()
	// An installment of a series leaves its results for the checks
	// across the series, which read their figures.
	again := !known || key != b.session.globalKey || b.opts.part != nil
	if again {
		// The publication-wide checks read every page's paragraphs and
		// figures: those the memo keeps are read now.
		if err := b.loadBulk(); err != nil {
			b.memoErr = err
			return
		}
	}
	results := make([]*check.PageResult, len(pages))
	for i, p := range pages {
		if c := b.converted[p]; c != nil {
			// Taken, not kept: the blocks are much of a build's memory,
			// and rendering does not need them.
			results[i], c.check = c.check, nil
			if c.entry != nil && b.session.keep.compact {
				// In the memo already, and checked by no later build of
				// this session.
				c.entry.check = nil
			}
		}
	}
	var kept []*check.PageResult
	for _, r := range results {
		if r == nil {
			continue
		}
		kept = append(kept, r)
		for _, d := range r.Diags {
			b.diags.Add(d)
		}
	}
	if !again {
		for _, d := range b.session.globalDiags {
			b.diags.Add(d)
		}
		return
	}
	b.session.changed()
	var global diag.List
	check.Global(kept, b.data, b.session.similarity(), &global)
	b.session.globalDiags = global.Items()
	b.session.globalKey = ""
	if known {
		b.session.globalKey = key
	}
	b.diags.Merge(&global)
	if b.opts.part != nil {
		b.opts.part.checks = kept
	}
}

// yearOf is t's year, 0 for no date.
func yearOf(t time.Time) int {
	if t.IsZero() {
		return 0
	}
	return t.Year()
}

// simplifiedChinese says whether a language tag is simplified Chinese:
// zh, zh-CN, zh-Hans, zh-SG and their like, not zh-TW, zh-HK or zh-Hant.
func simplifiedChinese(lang string) bool {
	l := strings.ToLower(lang)
	if l != "zh" && !strings.HasPrefix(l, "zh-") && !strings.HasPrefix(l, "zh_") {
		return false
	}
	for _, t := range []string{"hant", "tw", "hk", "mo"} {
		if strings.Contains(l, t) {
			return false
		}
	}
	return true
}

// similarity is the memo of the near-duplicate comparisons for the
// publication-wide checks: kept from rebuild to rebuild of one process;
// a build that compacts its pages builds once, and keeps none.
func (s *Session) similarity() *check.GlobalMemo {
	if s.keep.compact {
		return nil
	}
	return &s.similar
}
