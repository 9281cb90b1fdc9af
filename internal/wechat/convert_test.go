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

// The key-figure panel and the timeline of the sample's cover, as
// blocks: each figure's number, unit, label and source; each event's
// date, title and detail.
func TestConvertFiguresAndTimeline(t *testing.T) {
	a := convertFile(t, "blocks.html", "", "https://example.org/gaoxin/")
	golden(t, "blocks.wechat.html", a.Body)
	for _, want := range []string{
		"169家中第88位\n\n国家高新区综合评价排名\n\n2020年 · 来源：科技部国家高新区综合评价",
		"2013年\n\n实行区域管理\n\n高新区开始实行区域管理",
	} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("the article's text lacks %q:\n%s", want, a.Text)
		}
	}
}
