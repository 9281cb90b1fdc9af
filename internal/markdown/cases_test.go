package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"folio/internal/diag"
	"folio/internal/indicator"
	"folio/internal/markdown/mdenv"
)

// TestCases runs testdata/cases/*.txtar: each holds input.md and the
// expected output.html and diagnostics, against the small publication data
// in testdata/content/data. Run with -update to rewrite the expectations,
// then review the diff.
func TestCases(t *testing.T) {
	var dataDiags diag.List
	data := indicator.Load(filepath.Join("testdata", "content"), "content", &dataDiags)
	if dataDiags.Len() != 0 {
		t.Fatalf("test data: %v", dataDiags.Items())
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "cases", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	conv := New(Options{})
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			input := section(a, "input.md")
			src := diag.NewSource("chapters/01-a.md", input)
			var diags diag.List
			env := &mdenv.Env{RelPath: "chapters/01-a.md", URL: "a/", Data: data, Pos: src.Pos, Diags: &diags}
			res, err := conv.Convert(input, env)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			diags.Print(&got)
			if *update {
				setSection(a, "output.html", []byte(res.HTML))
				setSection(a, "diagnostics", got.Bytes())
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := section(a, "output.html"); res.HTML != string(want) {
				t.Errorf("output.html:\n%s\nwant:\n%s", res.HTML, want)
			}
			if want := section(a, "diagnostics"); !bytes.Equal(got.Bytes(), want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got.Bytes(), want)
			}
		})
	}
}

func section(a *txtar.Archive, name string) []byte {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

func setSection(a *txtar.Archive, name string, data []byte) {
	for i := range a.Files {
		if a.Files[i].Name == name {
			a.Files[i].Data = data
			return
		}
	}
	a.Files = append(a.Files, txtar.File{Name: name, Data: data})
}

// FuzzReferences runs text full of braces and data blocks through the
// conversion with the test data: no panic, every problem inside the text.
func FuzzReferences(f *testing.F) {
	for _, seed := range []string{
		"{{gdp-growth}}", "{{gdp-growth@2020}}", "{{national-rank@2017}}{{x}}", "{{", "}}{{}}", "{{a@}}", "{{@2020}}",
		"{{gdp-growth@2021-01..05}}", "{{ gdp-growth }}", "{{gdp-growth}", "{{{gdp-growth}}}",
		"```chart\nindicator: gdp-growth\n```", "```figures\n- training\n- x@1\n```", "```timeline\nyears: 1..2\n```",
		"```chart\nindicators: [gdp-growth, budget-growth]\ntype: bar\n```",
	} {
		f.Add(seed)
	}
	var dataDiags diag.List
	data := indicator.Load(filepath.Join("testdata", "content"), "content", &dataDiags)
	conv := New(Options{})
	f.Fuzz(func(t *testing.T, in string) {
		src := diag.NewSource("a.md", []byte(in))
		var diags diag.List
		env := &mdenv.Env{RelPath: "chapters/a.md", URL: "a/", Data: data, Pos: src.Pos, Diags: &diags}
		if _, err := conv.Convert([]byte(in), env); err != nil {
			return
		}
		lines := strings.Count(in, "\n") + 1
		for _, d := range diags.Items() {
			if d.Pos.Line < 1 || d.Pos.Line > lines {
				t.Errorf("diagnostic outside the text (%d lines): %s", lines, d)
			}
		}
	})
}
