package site_test

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"folio/internal/config"
	"folio/internal/testtools"
)

// TestSampleEPUBPassesEpubcheck runs Debian's epubcheck (installed by
// .ci/run) on the sample's EPUB: no error, no warning.
func TestSampleEPUBPassesEpubcheck(t *testing.T) {
	jar := "/usr/share/java/epubcheck.jar"
	if _, err := os.Stat(jar); err != nil {
		testtools.Missing(t, "epubcheck", "apt-get install epubcheck")
	}
	b := buildSample(t, config.Options{})
	epubcheck(t, b.file("gaoxin.epub"))
}

// epubcheck runs epubcheck on a book: no error, no warning.
func epubcheck(t *testing.T, book string) {
	t.Helper()
	jar := "/usr/share/java/epubcheck.jar"
	if _, err := os.Stat(jar); err != nil {
		testtools.Missing(t, "epubcheck", "apt-get install epubcheck")
	}
	p := filepath.Join(t.TempDir(), "book.epub")
	if err := os.WriteFile(p, []byte(book), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("java", "-jar", jar, p).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No errors or warnings detected") {
		t.Errorf("epubcheck:\n%s", out)
	}
}

// TestSampleEPUBHoldsEveryChapter opens the EPUB and finds every chapter
// with its text, charts and images.
func TestSampleEPUBHoldsEveryChapter(t *testing.T) {
	b := buildSample(t, config.Options{})
	files := epubFiles(t, b.file("gaoxin.epub"))
	for file, want := range map[string]string{
		"OEBPS/text/reform.xhtml":     "改革篇",
		"OEBPS/text/industry.xhtml":   "尼龙新材料",
		"OEBPS/text/livelihood.xhtml": "五个一",
		"OEBPS/text/about.xhtml":      "关于本刊",
		"OEBPS/text/data.xhtml":       "169家中第88位",
	} {
		if !strings.Contains(files[file], want) {
			t.Errorf("%s lacks %q", file, want)
		}
	}
	if n := strings.Count(files["OEBPS/text/industry.xhtml"], `<svg xmlns="http://www.w3.org/2000/svg"`); n != 1 {
		t.Errorf("industry.xhtml holds %d inline charts, want 1", n)
	}
	images := 0
	for name := range files {
		if strings.HasPrefix(name, "OEBPS/images/") {
			images++
		}
	}
	if images != 5 {
		t.Errorf("%d images in the EPUB, want the cover and four illustrations", images)
	}
	if !strings.Contains(b.file("index.html"), `href="gaoxin.epub" download`) {
		t.Error("the cover does not link the EPUB")
	}
}

// TestSamplePrintPage: every chapter, figure and chart on one page, every
// link within it pointing at an element of it.
func TestSamplePrintPage(t *testing.T) {
	b := buildSample(t, config.Options{})
	page := b.file("print/index.html")
	for _, want := range []string{`id="s-reform"`, `id="s-industry"`, `id="s-organization"`, `id="s-livelihood"`, `id="s-about"`, `id="print-data"`, "数据附录"} {
		if !strings.Contains(page, want) {
			t.Errorf("print page lacks %s", want)
		}
	}
	// The running heads, one named page per section, are a stylesheet
	// of their own: no inline style under the security policy.
	heads := regexp.MustCompile(`<link rel="stylesheet" href="\.\./(assets/style\.[0-9a-f]{8}\.css)"`).FindStringSubmatch(page)
	if heads == nil || !strings.Contains(b.file(heads[1]), `@page p0{@top-center{content: "改革篇"`) || strings.Contains(page, "<style") {
		t.Errorf("the print page's running heads are not in a linked stylesheet: %v", heads)
	}
	for _, name := range []string{"reform/index.html", "industry/index.html", "livelihood/index.html"} {
		if got, want := strings.Count(page, `<svg class="chart`), 3; got < want {
			t.Errorf("print page holds %d charts", got)
		}
		if !strings.Contains(b.file(name), "<figure") {
			t.Errorf("%s has no figure", name)
		}
	}
	if got := strings.Count(page, `<figure class="figure">`); got != 4 {
		t.Errorf("print page holds %d illustrations, want 4", got)
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`\sid="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if ids[m[1]] {
			t.Errorf("id %q twice on the print page", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`href="#([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !ids[htmlUnescape(m[1])] && !ids[urlUnescape(m[1])] {
			t.Errorf("print page links to #%s, which it does not hold", m[1])
		}
	}
}

func urlUnescape(s string) string {
	out, err := urlPathUnescape(s)
	if err != nil {
		return s
	}
	return out
}

var urlPathUnescape = url.PathUnescape
