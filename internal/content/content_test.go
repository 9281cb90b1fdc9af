package content

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"folio/internal/diag"
)

func TestSplitNumberPrefix(t *testing.T) {
	for _, tc := range []struct {
		in     string
		weight int
		slug   string
	}{
		{"01-reform", 1, "reform"},
		{"10_industry", 10, "industry"},
		{"2.about", 2, "about"},
		{"about", 1 << 30, "about"},
		{"2021", 1 << 30, "2021"}, // a number alone is a name, not a prefix
		{"03-民生", 3, "民生"},        // Chinese slugs are kept
		{"007-x-y", 7, "x-y"},
	} {
		w, s := splitNumberPrefix(tc.in)
		if w != tc.weight || s != tc.slug {
			t.Errorf("splitNumberPrefix(%q) = %d, %q; want %d, %q", tc.in, w, s, tc.weight, tc.slug)
		}
	}
}

func TestValidateSlug(t *testing.T) {
	for _, tc := range []struct {
		slug string
		ok   bool
	}{
		{"reform", true}, {"民生", true}, {"a-b_c.d", true},
		{"", false}, {"..", false}, {".hidden", false}, {"a/b", false}, {`a\b`, false},
		{"a b", false}, {"a?b", false}, {"assets", false}, {"Index", false},
		{"reserved-by-a-format", true},
	} {
		if tc.slug == "reserved-by-a-format" {
			// Before an output format reserves it, then after.
			if ValidateSlug(tc.slug) != nil {
				t.Errorf("%q refused before it is reserved", tc.slug)
			}
			Reserve(tc.slug)
			tc.ok = false
		}
		if got := ValidateSlug(tc.slug) == nil; got != tc.ok {
			t.Errorf("ValidateSlug(%q) ok = %v, want %v (%s)", tc.slug, got, tc.ok, ValidateSlug(tc.slug))
		}
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadOrdersAndSlugs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"publication.yaml":      "title: 书\n",
		"chapters/01-first.md":  "---\ntitle: 一\n---\n",
		"chapters/02-second.md": "---\ntitle: 二\nweight: 9\n---\n", // weight beats the prefix
		"chapters/03-third.md":  "---\ntitle: 三\nslug: custom\n---\n",
		"chapters/appendix.md":  "---\ntitle: 附\n---\n", // no prefix: last
		"chapters/04-draft.md":  "---\ntitle: 草\ndraft: true\n---\n",
		"chapters/notes.txt":    "not markdown",
		"pages/about.md":        "---\ntitle: 关于\n---\n",
		"pages/01-colophon.md":  "---\ntitle: 版权\n---\n",
	})
	var diags diag.List
	pub := Load(dir, "content", false, &diags)
	if diags.HasErrors() {
		t.Fatalf("errors: %v", diags.Items())
	}
	var got []string
	for _, p := range pub.Chapters {
		got = append(got, p.Slug+"="+p.URL)
	}
	want := "first=first/ custom=custom/ second=second/ appendix=appendix/"
	if strings.Join(got, " ") != want {
		t.Errorf("chapters = %v, want %s", got, want)
	}
	if len(pub.Pages) != 2 || pub.Pages[0].Slug != "colophon" || pub.Pages[1].Slug != "about" {
		t.Errorf("pages in wrong order: %v", pub.Pages)
	}
	if pub.Cover.Title() != "书" || pub.Cover.URL != "" {
		t.Errorf("cover without index.md: title %q url %q", pub.Cover.Title(), pub.Cover.URL)
	}

	withDrafts := Load(dir, "content", true, &diag.List{})
	if len(withDrafts.Chapters) != 5 {
		t.Errorf("with drafts: %d chapters, want 5", len(withDrafts.Chapters))
	}
}

func TestLoadReportsProblems(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"publication.yaml":     "titel: 书\ncover: images/none.jpg\n",
		"chapters/01-a.md":     "---\nsubtitle: 无题\n---\n",
		"chapters/02-a.md":     "---\ntitle: 乙\nslug: a\n---\n",
		"chapters/03-bad.md":   "---\ntitle: 丙\nslug: ../x\n---\n",
		"chapters/04-open.md":  "---\ntitle: 丁\n",
		"chapters/05-latin.md": "\xff\xfe bad bytes",
		"pages/x.md":           "---\ntitle: 戊\ncover: ../../etc/passwd\n---\n",
	})
	var diags diag.List
	Load(dir, "content", false, &diags)
	var out strings.Builder
	diags.Print(&out)
	for _, want := range []string{
		`content/publication.yaml:1:1: warning: unknown key "titel"; did you mean "title"? [publication-unknown-key]`,
		`content/publication.yaml:1:1: error: the publication has no title: add a line "title: …" [publication-title]`,
		`content/publication.yaml:2:8: error: image "images/none.jpg" not found (looked in images/none.jpg under content/) [image-missing]`,
		`content/chapters/01-a.md:1:1: error: missing title: add a line "title: …" to the front matter between the --- lines [frontmatter-title]`,
		`content/chapters/02-a.md:3:7: error: slug "a" is already used by content/chapters/01-a.md: give one of them another slug in its front matter [slug-duplicate]`,
		`content/chapters/03-bad.md:3:7: error: slug "../x" must not start with a dot [slug-invalid]`,
		`content/chapters/04-open.md:1:1: error: front matter opened with --- on line 1 is never closed: add a line --- after its last key [frontmatter-unclosed]`,
		`content/chapters/05-latin.md:1:1: error: the file is not valid UTF-8 text: save it as UTF-8 [invalid-utf8]`,
		`content/pages/x.md:3:8: error: image "../../etc/passwd" points outside content/: keep images inside the content folder [image-missing]`,
	} {
		if !strings.Contains(out.String(), want+"\n") {
			t.Errorf("missing diagnostic:\n\t%s\ngot:\n%s", want, out.String())
		}
	}
}

func TestSymlinksAreNotFollowed(t *testing.T) {
	outside := writeFiles(t, map[string]string{"secret.md": "---\ntitle: 秘密\n---\n", "secret.png": "x"})
	dir := writeFiles(t, map[string]string{
		"publication.yaml": "title: 书\ncover: images/link.png\n",
	})
	for link, target := range map[string]string{"chapters/01-link.md": "secret.md", "images/link.png": "secret.png"} {
		p := filepath.Join(dir, filepath.FromSlash(link))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(outside, target), p); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	var diags diag.List
	pub := Load(dir, "content", false, &diags)
	if len(pub.Chapters) != 0 {
		t.Errorf("a chapter was read through a symbolic link")
	}
	var out strings.Builder
	diags.Print(&out)
	for _, want := range []string{
		"content/chapters/01-link.md: warning: 01-link.md is a symbolic link and was left out",
		`content/publication.yaml:2:8: error: image "images/link.png" is a symbolic link (images/link.png)`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in:\n%s", want, out.String())
		}
	}
}

func TestBrokenFrontMatterIsOneError(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"publication.yaml": "title: 书\n",
		"chapters/01-a.md": "---\ntitle: [甲\n---\n",
		"chapters/02-b.md": "---\ntitle: 乙\n---\n",
	})
	var diags diag.List
	pub := Load(dir, "content", false, &diags)
	if n, _ := diags.Count(); n != 1 {
		t.Errorf("%d errors for one syntax error: %v", n, diags.Items())
	}
	if pub.ByPath("chapters/01-a.md") == nil {
		t.Error("the page with broken front matter left the model: links to it would be reported as broken")
	}
}

func TestSymlinkedFolderIsNotRead(t *testing.T) {
	outside := writeFiles(t, map[string]string{"01-x.md": "---\ntitle: 外\n---\n"})
	dir := writeFiles(t, map[string]string{"publication.yaml": "title: 书\n"})
	if err := os.Symlink(outside, filepath.Join(dir, "chapters")); err != nil {
		t.Skip(err)
	}
	var diags diag.List
	pub := Load(dir, "content", false, &diags)
	if len(pub.Chapters) != 0 {
		t.Error("chapters were read through a symbolic link")
	}
	if diags.Len() != 1 || diags.Items()[0].Rule != "symlink-skipped" {
		t.Errorf("diagnostics: %v", diags.Items())
	}
}

// TestFileCache: a second load through the cache gives the same pages and
// diagnostics, sees an edited file, forgets a deleted one, and checks a
// page's cover image again even when the page did not change.
func TestFileCache(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"publication.yaml": "title: 书\n",
		"chapters/01-a.md": "---\ntitle: 甲\ncover: ../images/a.png\n---\n",
		"chapters/02-b.md": "---\ntitle: 乙\nsumary: 拼错\n---\n",
		"chapters/03-c.md": "---\ntitle: 丙\n---\n",
		"images/a.png":     "\x89PNG",
	})
	// Files count as settled two seconds after their last change.
	old := time.Now().Add(-time.Minute)
	for _, name := range []string{"chapters/01-a.md", "chapters/02-b.md", "chapters/03-c.md"} {
		if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	var cache FileCache
	load := func() (*Publication, string) {
		var diags diag.List
		pub := LoadCached(dir, "content", false, &cache, &diags)
		var b strings.Builder
		for _, d := range diags.Items() {
			b.WriteString(d.String() + "\n")
		}
		return pub, b.String()
	}
	titles := func(pub *Publication) string {
		var out []string
		for _, p := range pub.Chapters {
			out = append(out, p.Title())
		}
		return strings.Join(out, " ")
	}
	first, firstDiags := load()
	second, secondDiags := load()
	if titles(first) != "甲 乙 丙" || titles(second) != titles(first) || secondDiags != firstDiags || !strings.Contains(firstDiags, `unknown key "sumary"`) {
		t.Fatalf("first %q %q, second %q %q", titles(first), firstDiags, titles(second), secondDiags)
	}
	if first.Chapters[0] == second.Chapters[0] {
		t.Error("two loads share a page: a build could change the next one's")
	}
	if err := os.WriteFile(filepath.Join(dir, "chapters/03-c.md"), []byte("---\ntitle: 丙改\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "chapters/02-b.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "images/a.png")); err != nil {
		t.Fatal(err)
	}
	third, thirdDiags := load()
	if titles(third) != "甲 丙改" || strings.Contains(thirdDiags, "sumary") || !strings.Contains(thirdDiags, "a.png") {
		t.Errorf("after the edits: %q\n%s", titles(third), thirdDiags)
	}
	// 03-c.md was just written: it is not kept until it settles.
	if _, ok := cache.last["chapters/01-a.md"]; len(cache.last) != 1 || !ok {
		t.Errorf("the cache holds %v, want chapters/01-a.md alone", slices.Collect(maps.Keys(cache.last)))
	}
}
