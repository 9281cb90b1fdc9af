package site_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

const sessionSite = `
-- content/publication.yaml --
title: 站
-- content/index.md --
` + "```figures\n- gdp-growth\n```" + `
-- content/chapters/01-a.md --
---
title: 甲篇
summary: 甲的摘要。
---
增长{{gdp-growth}}。
-- content/chapters/02-b.md --
---
title: 乙篇
summary: 乙的摘要。
---
乙的正文。
-- content/chapters/03-c.md --
---
title: 丙篇
summary: 丙的摘要。
---
见[乙篇](02-b.md)。
-- content/data/indicators.yaml --
- id: gdp-growth
  label: 增速
  unit: percent
  source: 统计局
  series: {2020: 5.3}
- id: other
  label: 其他
  unit: count
  source: 统计局
  series: {2020: 1}
-- assets/css/extra.css --
.x { color: red }
`

type sessionFixture struct {
	t    *testing.T
	dir  string
	s    *site.Session
	last *output.Memory
}

func newSessionFixture(t *testing.T, dev bool) *sessionFixture {
	dir := writeSite(t, sessionSite)
	return &sessionFixture{t: t, dir: dir, s: site.NewSession(site.Options{Options: config.Options{Src: dir}, Dev: dev, NoEditions: dev, CacheDir: t.TempDir()})}
}

func (f *sessionFixture) edit(name, old, new string) {
	f.t.Helper()
	p := filepath.Join(f.dir, name)
	data, err := os.ReadFile(p)
	if err != nil && old != "" {
		f.t.Fatal(err)
	}
	if old == "" {
		data = []byte(new)
	} else if !strings.Contains(string(data), old) {
		f.t.Fatalf("%s has no %q", name, old)
	} else {
		data = []byte(strings.Replace(string(data), old, new, 1))
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		f.t.Fatal(err)
	}
}

// build rebuilds and checks what was converted and rendered.
func (f *sessionFixture) build(converted, rendered []string) {
	f.t.Helper()
	mem := output.NewMemory()
	var diags diag.List
	res, err := f.s.Build(context.Background(), mem, &diags)
	if err != nil || diags.HasErrors() {
		f.t.Fatalf("build: %v %v", err, diags.Items())
	}
	slices.Sort(res.Converted)
	slices.Sort(res.Rendered)
	if converted != nil && !slices.Equal(res.Converted, converted) {
		f.t.Errorf("converted %v, want %v", res.Converted, converted)
	}
	if rendered != nil && !slices.Equal(res.Rendered, rendered) {
		f.t.Errorf("rendered %v, want %v", res.Rendered, rendered)
	}
	f.last = mem
}

var allPages = []string{"404.html", "a/index.html", "b/index.html", "c/index.html", "data/index.html", "index.html", "print/index.html", "search/index.html"}

func TestRebuildRedoesOnlyWhatChanged(t *testing.T) {
	f := newSessionFixture(t, false)
	f.build([]string{"chapters/01-a.md", "chapters/02-b.md", "chapters/03-c.md", "index.md"}, allPages)

	// Nothing changed: nothing converted, nothing rendered.
	f.build([]string{}, []string{})

	// A text edit in one chapter: that chapter only.
	f.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
	f.build([]string{"chapters/02-b.md"}, []string{"b/index.html", "print/index.html"})
	mem := f.last
	if data, _ := mem.File("b/index.html"); !strings.Contains(string(data), "乙的新正文") {
		t.Error("the edit is not in the page")
	}

	// A summary edit: the chapter, whose description it is, and the
	// cover's card. (The body moved within the file, so it is converted
	// again: diagnostics must carry its new lines.)
	f.edit("content/chapters/02-b.md", "乙的摘要。", "乙的新摘要。")
	f.build([]string{"chapters/02-b.md"}, []string{"b/index.html", "index.html"})

	// A title edit reaches every page: every page's navigation shows it.
	f.edit("content/chapters/02-b.md", "title: 乙篇", "title: 乙篇（修订）")
	f.build([]string{"chapters/02-b.md"}, allPages)

	// A slug edit: the page moves, and the chapter linking to it is
	// converted again for the new address.
	f.edit("content/chapters/02-b.md", "title: 乙篇（修订）", "title: 乙篇（修订）\nslug: bee")
	f.build([]string{"chapters/02-b.md", "chapters/03-c.md"}, nil)
	if data, _ := f.last.File("c/index.html"); !strings.Contains(string(data), `href="../bee/"`) {
		t.Error("the link did not follow the new slug")
	}

	// A data edit: the pages that show that indicator, and the data page.
	f.edit("content/data/indicators.yaml", "series: {2020: 5.3}", "series: {2020: 5.4}")
	f.build([]string{"chapters/01-a.md", "index.md"}, []string{"a/index.html", "data/index.html", "index.html", "print/index.html"})

	// An indicator no page shows: only the data page.
	f.edit("content/data/indicators.yaml", "series: {2020: 1}", "series: {2020: 2}")
	f.build([]string{}, []string{"data/index.html", "print/index.html"})

	// A layout edit renders every page again without converting Markdown.
	f.edit("layouts/page.html", "", `{{define "main"}}<p>自定义</p>{{end}}`)
	f.build([]string{}, []string{"404.html", "a/index.html", "bee/index.html", "c/index.html", "data/index.html", "index.html", "print/index.html", "search/index.html"})
}

func TestDevStylesheetEditRendersNoPage(t *testing.T) {
	f := newSessionFixture(t, true)
	f.build(nil, nil)
	before, _ := f.last.File("assets/main.css")
	f.edit("assets/css/main.css", "", "@import \"theme.css\";\n@import \"charts.css\";\nbody { color: #123456 }\n")
	f.build([]string{}, []string{})
	after, _ := f.last.File("assets/main.css")
	if string(before) == string(after) || !strings.Contains(string(after), "#123456") {
		t.Error("the stylesheet did not change under its stable name")
	}
	if data, _ := f.last.File("index.html"); strings.Contains(string(data), "integrity=") {
		t.Error("dev pages carry integrity digests, which would block a stylesheet swapped in place")
	}
}

// TestRebuildKeepsCheckPositionsRight: a page's check results are kept
// between builds, but not when its front matter moves its text.
func TestRebuildKeepsCheckPositionsRight(t *testing.T) {
	f := newSessionFixture(t, false)
	f.edit("content/chapters/02-b.md", "乙的正文。", "乙的正文，有个project。")
	warning := func() string {
		var diags diag.List
		if _, err := f.s.Build(context.Background(), output.NewMemory(), &diags); err != nil {
			t.Fatal(err)
		}
		for _, d := range diags.Items() {
			if d.Rule == "stray-latin" {
				return d.Pos.String()
			}
		}
		return ""
	}
	first := warning()
	if !strings.HasSuffix(first, "02-b.md:5:8") {
		t.Fatalf("warning at %q", first)
	}
	if again := warning(); again != first {
		t.Errorf("unchanged rebuild moved the warning to %s", again)
	}
	f.edit("content/chapters/02-b.md", "summary: 乙的摘要。", "summary: 乙的摘要。\nauthor: 记者")
	if moved := warning(); !strings.HasSuffix(moved, "02-b.md:6:8") {
		t.Errorf("after a line was added above, the warning is at %s, want line 6", moved)
	}
}

// TestAssumeTakesTheWatchersWord: the dev server tells a rebuild which
// files its watcher saw change; the others are taken as they were without
// a stat each, files new to the session are read whatever the list says,
// and a build told nothing checks every file.
func TestAssumeTakesTheWatchersWord(t *testing.T) {
	f := newSessionFixture(t, true)
	// Files saved in the last two seconds are read on every build (coarse
	// file times): these were saved an hour ago.
	age := func(name string) {
		t.Helper()
		old := time.Now().Add(-time.Hour)
		if err := os.Chtimes(filepath.Join(f.dir, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"content/chapters/01-a.md", "content/chapters/02-b.md", "content/chapters/03-c.md"} {
		age(name)
	}
	f.build(nil, nil)
	page := func(name string) string {
		data, _ := f.last.File(name)
		return string(data)
	}

	f.edit("content/chapters/02-b.md", "乙的正文。", "乙的正文，改过。")
	age("content/chapters/02-b.md")
	f.s.Assume([]string{filepath.Join(f.dir, "content/chapters/01-a.md")})
	f.build([]string{}, []string{})
	if strings.Contains(page("b/index.html"), "改过") {
		t.Fatal("a file the watcher did not name was read again: the list was not used")
	}
	f.s.Assume([]string{filepath.Join(f.dir, "content/chapters/02-b.md")})
	f.build([]string{"chapters/02-b.md"}, nil)
	if !strings.Contains(page("b/index.html"), "改过") {
		t.Error("the file the watcher named was not read again")
	}

	// A new file is read though the list is empty; a removed one is gone.
	f.edit("content/chapters/04-d.md", "", "---\ntitle: 丁篇\n---\n丁的正文。\n")
	if err := os.Remove(filepath.Join(f.dir, "content/chapters/03-c.md")); err != nil {
		t.Fatal(err)
	}
	f.s.Assume(nil)
	f.build([]string{"chapters/04-d.md"}, nil)
	if !strings.Contains(page("d/index.html"), "丁的正文") || page("c/index.html") != "" {
		t.Error("the new chapter is missing or the removed one still there")
	}

	// Told nothing, a build checks every file (the list was for one build).
	f.edit("content/chapters/01-a.md", "增长", "增速为")
	age("content/chapters/01-a.md")
	f.build([]string{"chapters/01-a.md"}, nil)
}

// A layout that shows other pages' text is rendered again when that text
// changes: a chapter listing every chapter in full shows the edit of
// another.
func TestLayoutShowingOtherPagesIsNotStale(t *testing.T) {
	f := newSessionFixture(t, false)
	f.edit("layouts/chapter.html", "", `{{define "main"}}{{range .Site.Chapters}}<section>{{.Content}}</section>{{end}}{{end}}`)
	f.build(nil, nil)
	f.edit("content/chapters/02-b.md", "乙的正文。", "乙的新正文。")
	f.build([]string{"chapters/02-b.md"}, nil)
	for _, page := range []string{"a/index.html", "c/index.html"} {
		if data, _ := f.last.File(page); !strings.Contains(string(data), "乙的新正文") {
			t.Errorf("%s shows chapter b's old text", page)
		}
	}
}
