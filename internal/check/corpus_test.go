package check_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/internal/check"
	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/site"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus.golden")

// TestCorpus checks a small publication with every defect planted at least
// twice, in different forms, beside clean controls that must stay silent
// (02-controls.md), against the expected diagnostics.
func TestCorpus(t *testing.T) {
	var diags diag.List
	if err := site.Check(context.Background(), site.Options{Options: config.Options{Src: filepath.Join("testdata", "corpus")}}, &diags); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	diags.Print(&out)
	got := strings.ReplaceAll(out.String(), filepath.ToSlash(filepath.Join("testdata", "corpus"))+"/", "")
	golden := filepath.Join("testdata", "corpus.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("diagnostics differ from %s (run with -update if intended):\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
	if strings.Contains(got, "02-controls.md") {
		t.Error("a clean control was flagged")
	}
	for _, rule := range []string{"duplicate-paragraph", "conflicting-figure", "hand-typed-figure", "repeated-word", "stray-latin", "unfinished-paragraph", "punctuation-width", "cjk-spacing", "broken-link", "missing-alt", "heading-skip", "frontmatter-unknown-key", "unknown-indicator", "traditional-in-simplified", "confusable-word", "placeholder-text"} {
		if strings.Count(got, "["+rule+"]") < 1 {
			t.Errorf("no %s in the corpus", rule)
		}
	}
	// The corpus sets no checks:, so each rule reports at the default
	// README and folio check --help give it.
	for _, d := range diags.Items() {
		if r, ok := check.LookupRule(d.Rule); ok && r.Split == "" && d.Severity != r.Default {
			t.Errorf("%s is reported as %s, but its default is %s: %s", d.Rule, d.Severity, r.Default, d)
		}
	}
}

// TestSampleIsClean: the sample publication passes every check.
func TestSampleIsClean(t *testing.T) {
	var diags diag.List
	if err := site.Check(context.Background(), site.Options{Options: config.Options{Src: "../.."}}, &diags); err != nil {
		t.Fatal(err)
	}
	if diags.Len() != 0 {
		var out bytes.Buffer
		diags.Print(&out)
		t.Errorf("the sample has diagnostics:\n%s", out.String())
	}
}
