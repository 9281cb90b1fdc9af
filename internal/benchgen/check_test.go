package benchgen_test

import (
	"context"
	"testing"

	"folio/internal/benchgen"
	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/site"
)

// TestGeneratedPublicationChecks: the generated copy is correct, so
// folio check finds no error in it, and no conflicting figure of any
// severity in its bulletins' thousands of figures (TestFiguresAgree shows
// they agree). The benchmarks of checks and builds fail on an error.
func TestGeneratedPublicationChecks(t *testing.T) {
	dir := t.TempDir()
	if err := benchgen.Generate(dir, 200, 1); err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	if err := site.Check(context.Background(), site.Options{Options: config.Options{Src: dir}, CacheDir: t.TempDir()}, &diags); err != nil {
		t.Fatal(err)
	}
	_, warnings := diags.Count()
	for _, d := range diags.Items() {
		if d.Severity == diag.Error || d.Rule == "conflicting-figure" {
			t.Errorf("%s", d)
		}
	}
	if warnings > 0 {
		t.Logf("%d warnings, the first: %v", warnings, diags.Items()[0])
	}
}
