package wechat

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update to accept):\n%s", name, firstDiff(string(want), got))
	}
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return "want …" + a[lo:min(len(a), i+80)] + "…\n got …" + b[lo:min(len(b), i+80)] + "…"
}

func convertFile(t *testing.T, file, pagePath, base string) *Article {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := Convert(f, Options{BaseURL: base, PagePath: pagePath})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestConvertTheSampleChapter(t *testing.T) {
	a := convertFile(t, "reform.html", "reform/", "https://example.org/gaoxin/")
	golden(t, "reform.wechat.html", a.Body)
	golden(t, "reform.wechat.txt", a.Text)
	if a.Title != "改革篇" || !strings.HasPrefix(a.Summary, "面对派出机构") {
		t.Errorf("title %q, summary %q", a.Title, a.Summary)
	}
}
