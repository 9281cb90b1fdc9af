package site

import (
	"strings"

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
