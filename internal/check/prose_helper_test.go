package check_test

import (
	"strings"
	"testing"

	"folio/internal/check"
	"folio/internal/diag"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
)

// proseCase is one paragraph (or a few blocks of Markdown) and how many
// diagnostics of the rule under test it must give.
type proseCase struct {
	md   string
	want int
	opts check.Options
}

// ruleDiags converts md as the page t.md and returns what the per-page
// rules report under rule.
func ruleDiags(t *testing.T, md string, opts check.Options, rule string) []diag.Diagnostic {
	t.Helper()
	src := []byte(md)
	source := diag.NewSource("t.md", src)
	var convDiags diag.List
	env := &mdenv.Env{RelPath: "chapters/t.md", URL: "t/", Pos: source.Pos, Diags: &convDiags}
	res, err := markdown.New(markdown.Options{}).Convert(src, env)
	if err != nil {
		t.Fatal(err)
	}
	var out []diag.Diagnostic
	for _, d := range check.CheckPage(&check.Page{Doc: res.Doc, Source: res.Source, Pos: source.Pos}, opts).Diags {
		if d.Rule == rule {
			out = append(out, d)
		}
	}
	return out
}

// runProseCases checks every case against rule.
func runProseCases(t *testing.T, rule string, cases []proseCase) {
	t.Helper()
	for _, tc := range cases {
		got := ruleDiags(t, tc.md, tc.opts, rule)
		if len(got) != tc.want {
			var msgs []string
			for _, d := range got {
				msgs = append(msgs, d.Pos.String()+" "+d.Message)
			}
			t.Errorf("%q: %d %s, want %d\n\t%s", tc.md, len(got), rule, tc.want, strings.Join(msgs, "\n\t"))
		}
	}
}
