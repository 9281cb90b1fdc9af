package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"folio/internal/diag"
	"folio/internal/indicator"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
	"folio/internal/output"
)

// dataParts matches what a chapter shows of the data: inline references and
// chart, figures and timeline blocks.
var dataParts = regexp.MustCompile("(?s)\\{\\{[^}]*\\}\\}|```(?:chart|figures|timeline)\\n.*?```")

// BenchmarkIndicators measures what the data costs a build of the sample:
// loading content/data, every reference and data block of the chapters
// (converted on their own, without the prose around them), the data page's
// charts and the CSV and JSON downloads. Compare it with
// BenchmarkBuildSample, measured in the same run.
func BenchmarkIndicators(b *testing.B) {
	contentDir := filepath.Join("..", "..", "content")
	var parts []string
	for _, pattern := range []string{"index.md", "chapters/*.md", "pages/*.md"} {
		files, _ := filepath.Glob(filepath.Join(contentDir, pattern))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			parts = append(parts, dataParts.FindAllString(string(data), -1)...)
		}
	}
	if len(parts) < 20 {
		b.Fatalf("the sample shows only %d references and blocks", len(parts))
	}
	doc := []byte(strings.Join(parts, "\n\n"))
	conv := markdown.New(markdown.Options{})
	for b.Loop() {
		var diags diag.List
		data := indicator.Load(contentDir, "content", &diags)
		env := &mdenv.Env{RelPath: "chapters/x.md", URL: "x/", Data: data, Diags: &diags}
		if _, err := conv.Convert(doc, env); err != nil || diags.HasErrors() {
			b.Fatalf("%v %v", err, diags.Items())
		}
		bl := &builder{data: data, diags: &diags, min: output.NewMinifier()}
		_ = bl.indicatorViews()
		bl.downloadsFor("sample", newOutputs(output.NewMemory()))
		if diags.HasErrors() {
			b.Fatal(diags.Items())
		}
	}
}
