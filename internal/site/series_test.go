package site_test

import (
	"context"
	"maps"
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

// seriesFixture lays out testdata/series.txtar: 高新篇 (2021-07-01),
// 新华篇 (2021-07-08) and 卫东篇 (2021-07-20).
func seriesFixture(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "series.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return writeSite(t, string(data))
}

// buildSeriesOn builds the series in dir as on day (YYYY-MM-DD).
func buildSeriesOn(t *testing.T, dir, day string, edit func(*site.Options)) *built {
	t.Helper()
	now, err := time.Parse("2006-01-02", day)
	if err != nil {
		t.Fatal(err)
	}
	opts := site.Options{Options: config.Options{Src: dir}, Now: now}
	if edit != nil {
		edit(&opts)
	}
	mem := output.NewMemory()
	var diags diag.List
	res, err := site.Build(context.Background(), opts, mem, &diags)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return &built{t: t, out: mem, diags: &diags, res: res}
}

// mentions lists the output files whose bytes contain s.
func (b *built) mentions(s string) []string {
	var found []string
	for _, name := range b.out.Names() {
		data, _ := b.out.File(name)
		if strings.Contains(string(data), s) {
			found = append(found, name)
		}
	}
	return found
}

func TestSeriesLeavesOutAnInstallmentUntilItsDay(t *testing.T) {
	dir := seriesFixture(t)
	b := buildSeriesOn(t, dir, "2021-07-10", nil)
	b.noErrors()
	b.wantDiag("content/installments/xinhua/chapters/01-renewal.md:8:10: warning: link to ../../weidong/chapters/01-river.md: installment 卫东篇 is scheduled for 2021-07-20; it shows as plain text until a build publishes it [link-held]")
	home := b.file("index.html")
	for _, slug := range []string{"gaoxin", "xinhua"} {
		if !strings.Contains(home, `data-part="`+slug+`"`) {
			t.Errorf("the home does not list %s", slug)
		}
	}
	if strings.Index(home, `data-part="gaoxin"`) > strings.Index(home, `data-part="xinhua"`) {
		t.Errorf("the home lists 新华篇 (weight 2) before 高新篇 (weight 1)")
	}
	for _, name := range []string{"gaoxin/index.html", "gaoxin/reform/index.html", "xinhua/renewal/index.html", "search/index/meta.json", "feed.xml", "sitemap.xml", "gaoxin/gaoxin.epub"} {
		if !b.has(name) {
			t.Errorf("no %s", name)
		}
	}
	// Nothing of 卫东篇: no file of its own, and no word of it in any
	// other (home, search index, feeds, sitemap, neighbours' links).
	for _, name := range b.out.Names() {
		if strings.HasPrefix(name, "weidong/") {
			t.Errorf("the scheduled installment was written: %s", name)
		}
	}
	for _, word := range []string{"卫东", "湛河", "weidong"} {
		if found := b.mentions(word); len(found) > 0 {
			t.Errorf("%q of the scheduled installment is in %v", word, found)
		}
	}

	// On its day it is published, with everything that lists it.
	b = buildSeriesOn(t, dir, "2021-07-20", nil)
	b.noErrors()
	if !strings.Contains(b.file("index.html"), `data-part="weidong"`) {
		t.Error("on its day, the home does not list 卫东篇")
	}
	b.file("weidong/river/index.html")
	if !strings.Contains(b.file("xinhua/renewal/index.html"), `<a href="../../weidong/river/">下一篇</a>`) {
		t.Error("on its day, 新华篇's link to 卫东篇 is not a link")
	}
	for _, name := range []string{"feed.xml", "sitemap.xml", "xinhua/index.html"} {
		if !strings.Contains(b.file(name), "weidong") {
			t.Errorf("on its day, %s does not link 卫东篇", name)
		}
	}
	if found := b.mentions("湛河"); !containsPrefix(found, "search/index/") {
		t.Errorf("on its day, the search index does not hold its words (found in %v)", found)
	}

	// --future publishes it before its day; draft: true holds an
	// installment until --drafts.
	b = buildSeriesOn(t, dir, "2021-07-10", func(o *site.Options) { o.Future = true })
	b.noErrors()
	b.file("weidong/river/index.html")
	yaml := filepath.Join(dir, "content", "installments", "xinhua", "publication.yaml")
	writeFileT(t, yaml, readFileT(t, yaml)+"draft: true\n")
	b = buildSeriesOn(t, dir, "2021-07-10", nil)
	b.noErrors()
	for _, word := range []string{"xinhua", "老街巷"} {
		if found := b.mentions(word); len(found) > 0 {
			t.Errorf("%q of the draft installment is in %v", word, found)
		}
	}
	// 高新篇's link to it is its text alone until it is published.
	b.wantDiag("content/installments/gaoxin/chapters/01-reform.md:12:10: warning: link to ../../xinhua/chapters/01-renewal.md: installment 新华篇 is a draft (draft: true); it shows as plain text until a build publishes it [link-held]")
	if reform := b.file("gaoxin/reform/index.html"); !strings.Contains(reform, "<p>新华区的城市更新见新华篇。</p>") {
		t.Errorf("the link to the draft installment is not plain text:\n%s", reform)
	}
	b = buildSeriesOn(t, dir, "2021-07-10", func(o *site.Options) { o.Drafts = true })
	b.noErrors()
	b.file("xinhua/renewal/index.html")
}

func containsPrefix(names []string, prefix string) bool {
	for _, n := range names {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}

func readFileT(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeFileT(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSeriesIndicatorsAreCitableFromEveryInstallment(t *testing.T) {
	dir := seriesFixture(t)
	b := buildSeriesOn(t, dir, "2021-07-10", nil)
	b.noErrors()
	// The series' own indicator, from an installment: its value, linked
	// to the series' data page, where it is.
	reform := b.file("gaoxin/reform/index.html")
	if !strings.Contains(reform, `href="../../data/#districts"><data value="6"`) {
		t.Errorf("the series indicator {{districts}} is not shown with its value and link:\n%s", reform)
	}
	if !strings.Contains(b.file("data/index.html"), `id="districts"`) {
		t.Error("the series' data page has no entry districts")
	}
	// Another installment's, as {{gaoxin:gdp-growth}}: its value, linked
	// to that installment's data page; and the installment's own
	// indicator of the same id keeps its own value.
	renewal := b.file("xinhua/renewal/index.html")
	if !strings.Contains(renewal, `href="../../gaoxin/data/#gdp-growth"><data value="5.3"`) {
		t.Errorf("{{gaoxin:gdp-growth}} is not shown with 高新篇's value and link:\n%s", renewal)
	}
	if !strings.Contains(renewal, `href="../data/#gdp-growth"><data value="4.1"`) {
		t.Errorf("{{gdp-growth}} in 新华篇 is not its own value:\n%s", renewal)
	}
	if !strings.Contains(b.file("gaoxin/data/index.html"), `id="gdp-growth"`) {
		t.Error("高新篇's data page has no entry gdp-growth")
	}
	// 新华篇 states a figure of 高新篇's subject differently: one
	// warning, naming both files.
	b.wantDiag("content/installments/xinhua/chapters/01-renewal.md:6:20: warning: 一般公共预算收入 growth of 平顶山高新区 in 2020年 is 61.1% here but 16.1% at " +
		filepath.ToSlash(filepath.Join(dirDisplay(t, dir), "content/installments/gaoxin/chapters/01-reform.md")) + ":6:20: make them agree, or give the figure an entry in content/data/indicators.yaml and write a reference [conflicting-figure]")

	// An id defined by the series and by an installment is an error
	// naming both definitions.
	data := filepath.Join(dir, "content", "installments", "gaoxin", "data", "indicators.yaml")
	writeFileT(t, data, readFileT(t, data)+"- id: districts\n  label: 城区\n  unit: count\n  source: 测试数据\n  series: {2020: 5}\n")
	b = buildSeriesOn(t, dir, "2021-07-10", nil)
	b.wantDiag("content/installments/gaoxin/data/indicators.yaml:6:3: error: indicator \"districts\" is defined here and for the whole series at " +
		filepath.ToSlash(filepath.Join(dirDisplay(t, dir), "content/data/indicators.yaml")) + ":1:3: give one of them another id [indicator-duplicate]")
}

// dirDisplay is how diagnostics name dir.
func dirDisplay(t *testing.T, dir string) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if rel, err := filepath.Rel(wd, dir); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return dir
}

func TestSeriesLinksResolveUnderSubPath(t *testing.T) {
	const prefix = "/any/sub/path/"
	dir := seriesFixture(t)
	b := buildSeriesOn(t, dir, "2021-07-20", func(o *site.Options) { o.BaseURL = "https://example.org" + prefix })
	b.noErrors()
	crawlUnder(t, prefix, b.out, "gaoxin/", "gaoxin/reform/", "xinhua/renewal/", "weidong/river/", "data/", "search/", "gaoxin/data/", "404.html")
}

// TestSeriesEPUB checks the whole series' book: epubcheck passes it (and
// an installment's own book, whose links to the series leave for the
// web), each installment is a part with its chapters under it, and links
// between installments stay within the book.
func TestSeriesEPUB(t *testing.T) {
	dir := seriesFixture(t)
	b := buildSeriesOn(t, dir, "2021-07-20", nil)
	b.noErrors()
	files := epubFiles(t, b.file("xunli.epub"))
	nav := files["OEBPS/nav.xhtml"]
	for _, want := range []string{
		`<li><a href="text/gaoxin.xhtml">高新篇</a><ol>`,
		`<li><a href="text/gaoxin-reform.xhtml">改革篇</a></li>`,
		`<li><a href="text/weidong-river.xhtml">治河篇</a></li></ol></li>`,
		`<li><a href="text/data.xhtml">数据附录</a></li>`,
	} {
		if !strings.Contains(nav, want) {
			t.Errorf("the series' table of contents lacks %s:\n%s", want, nav)
		}
	}
	renewal := files["OEBPS/text/xinhua-renewal.xhtml"]
	if !strings.Contains(renewal, `href="gaoxin-data.xhtml#gdp-growth"`) || !strings.Contains(renewal, "老街巷") {
		t.Errorf("新华篇's chapter in the series' book:\n%s", renewal)
	}
	reform := files["OEBPS/text/gaoxin-reform.xhtml"]
	for _, want := range []string{`href="data.xhtml#districts"`, `href="xinhua-renewal.xhtml"`, `src="../gaoxin/images/cover.`} {
		if !strings.Contains(reform, want) {
			t.Errorf("高新篇's chapter in the series' book lacks %s:\n%s", want, reform)
		}
	}
	if !containsPrefix(slices.Collect(maps.Keys(files)), "OEBPS/gaoxin/images/cover.") {
		t.Errorf("the series' book lacks 高新篇's image; it has %v", slices.Sorted(maps.Keys(files)))
	}
	// 高新篇's own book: the link to the series' data goes to the web.
	own := epubFiles(t, b.file("gaoxin/gaoxin.epub"))["OEBPS/text/reform.xhtml"]
	if !strings.Contains(own, `href="https://example.org/xunli/data/#districts"`) {
		t.Errorf("高新篇's book does not link the series' data on the web:\n%s", own)
	}
	epubcheck(t, b.file("xunli.epub"))
	epubcheck(t, b.file("gaoxin/gaoxin.epub"))
}

// TestSeriesRebuildsOnlyTheEditedInstallment builds the series into an
// output folder, as folio build does, edits one chapter of 新华篇 and
// builds again: only that installment's pages that show the text are
// rendered again, and none of 高新篇's or the series' own (the home shows
// no chapter's text).
func TestSeriesRebuildsOnlyTheEditedInstallment(t *testing.T) {
	dir := seriesFixture(t)
	out := filepath.Join(dir, "public")
	day := 10
	build := func() *site.Result {
		t.Helper()
		update := output.NewUpdate(out)
		update.KeepTwin(filepath.Join(dir, ".cache", "folio", "twin"))
		var diags diag.List
		now := time.Date(2021, 7, day, 0, 0, 0, 0, time.Local)
		res, err := site.Build(context.Background(), site.Options{Options: config.Options{Src: dir, Out: out}, Now: now}, update, &diags)
		if err != nil || diags.HasErrors() {
			_ = update.Abort()
			t.Fatalf("build: %v %v", err, diags.Items())
		}
		if _, err := update.Commit(); err != nil {
			t.Fatal(err)
		}
		slices.Sort(res.Rendered)
		return res
	}
	first := build()
	if !slices.Contains(first.Rendered, "gaoxin/reform/index.html") || !slices.Contains(first.Rendered, "index.html") {
		t.Fatalf("the first build rendered %v", first.Rendered)
	}
	if again := build(); len(again.Rendered) > 0 || len(again.Converted) > 0 {
		t.Errorf("a build with nothing changed converted %v and rendered %v", again.Converted, again.Rendered)
	}
	// (新华篇's chapter has a warning, its link to 卫东篇: a page with a
	// diagnostic is converted again by every build that is not up to
	// date, which reports it.)
	warned := []string{"installments/xinhua/chapters/01-renewal.md"}
	// An edit below the chapter's first paragraph (which its card on the
	// installment's cover shows).
	chapter := filepath.Join(dir, "content", "installments", "xinhua", "chapters", "01-renewal.md")
	writeFileT(t, chapter, strings.Replace(readFileT(t, chapter), "生态治理的故事", "河道治理的故事", 1))
	edited := build()
	want := []string{"xinhua/print/index.html", "xinhua/renewal/index.html"}
	if !slices.Equal(edited.Rendered, want) {
		t.Errorf("after an edit of 新华篇's chapter, rendered %v, want %v", edited.Rendered, want)
	}
	if !slices.Equal(edited.Converted, warned) {
		t.Errorf("after an edit of 新华篇's chapter, converted %v", edited.Converted)
	}
	if !strings.Contains(readFileT(t, filepath.Join(out, "xinhua", "renewal", "index.html")), "河道治理") {
		t.Error("the edited chapter does not show the edit")
	}
	// The series' book is made again with 高新篇's two chapters copied
	// from the last one, and the edit in 新华篇's.
	if n := site.EPUBReused(edited); n != 2 {
		t.Errorf("the books copied %d sections, want 高新篇's 2 in the series' book", n)
	}
	if book := epubFiles(t, readFileT(t, filepath.Join(out, "xunli.epub"))); !strings.Contains(book["OEBPS/text/xinhua-renewal.xhtml"], "河道治理") {
		t.Error("the series' book does not show the edit")
	}
	// A later day that publishes 卫东篇 is not up to date, though no
	// file changed.
	day = 20
	later := build()
	if !slices.Contains(later.Rendered, "weidong/river/index.html") {
		t.Errorf("on 卫东篇's day, rendered %v", later.Rendered)
	}
	if _, err := os.Stat(filepath.Join(out, "weidong", "river", "index.html")); err != nil {
		t.Error(err)
	}
}

// TestSeriesCheck checks the series as folio check does: every
// installment, the scheduled one too, and the checks across them.
func TestSeriesCheck(t *testing.T) {
	dir := seriesFixture(t)
	river := filepath.Join(dir, "content", "installments", "weidong", "chapters", "01-river.md")
	writeFileT(t, river, readFileT(t, river)+"\n治理后的湛河水质达到{{water-grade}}。\n")
	var diags diag.List
	now := time.Date(2021, 7, 10, 0, 0, 0, 0, time.Local)
	if err := site.Check(context.Background(), site.Options{Options: config.Options{Src: dir, NoCache: true}, Now: now}, &diags); err != nil {
		t.Fatal(err)
	}
	b := &built{t: t, diags: &diags}
	b.wantDiag(`content/installments/weidong/chapters/01-river.md:6:11: error: unknown indicator "water-grade" (see content/data/indicators.yaml) [unknown-indicator]`)
	b.wantDiag("[conflicting-figure]")
}

// TestSeriesSession builds the series as the dev server does, again and
// again in one process: an edit of one installment renders its pages
// again, and the site served shows it.
func TestSeriesSession(t *testing.T) {
	dir := seriesFixture(t)
	s := site.NewSession(site.Options{Options: config.Options{Src: dir}, CacheDir: t.TempDir(), Now: time.Date(2021, 7, 10, 0, 0, 0, 0, time.Local)})
	build := func() (*site.Result, *output.Memory) {
		t.Helper()
		mem := output.NewMemory()
		var diags diag.List
		res, err := s.Build(context.Background(), mem, &diags)
		if err != nil || diags.HasErrors() || res == nil {
			t.Fatalf("build: %v %v", err, diags.Items())
		}
		slices.Sort(res.Rendered)
		return res, mem
	}
	first, mem := build()
	if _, ok := mem.File("xinhua/renewal/index.html"); !ok || !slices.Contains(first.Rendered, "index.html") {
		t.Fatalf("the first build rendered %v", first.Rendered)
	}
	if s.Language() != "zh-CN" {
		t.Errorf("the session's language is %q", s.Language())
	}
	chapter := filepath.Join(dir, "content", "installments", "xinhua", "chapters", "01-renewal.md")
	writeFileT(t, chapter, strings.Replace(readFileT(t, chapter), "生态治理的故事", "河道治理的故事", 1))
	res, mem := build()
	if want := []string{"xinhua/print/index.html", "xinhua/renewal/index.html"}; !slices.Equal(res.Rendered, want) {
		t.Errorf("after an edit, rendered %v, want %v", res.Rendered, want)
	}
	if data, _ := mem.File("xinhua/renewal/index.html"); !strings.Contains(string(data), "河道治理") {
		t.Error("the served chapter does not show the edit")
	}
	if _, ok := mem.File("gaoxin/reform/index.html"); !ok {
		t.Error("the other installments' pages are not served after the rebuild")
	}
}

// TestSeriesDataComparesInstallments finds, on the series' data page,
// the indicator two installments hold (地区生产总值增速) compared in one
// chart, stated in words and in a table linking each installment's data.
func TestSeriesDataComparesInstallments(t *testing.T) {
	dir := seriesFixture(t)
	b := buildSeriesOn(t, dir, "2021-07-10", nil)
	b.noErrors()
	data := b.file("data/index.html")
	for _, want := range []string{
		`<section class="indicator comparison" id="compare-gdp-growth"`,
		`<a href="#compare-gdp-growth">`,
		`2020年，高新篇5.3%，新华篇4.1%`, // the chart's description
		`<a href="../gaoxin/data/#gdp-growth">高新篇</a></th><td><data value="5.3">5.3%</data>`,
		`<a href="../xinhua/data/#gdp-growth">新华篇</a></th><td><data value="4.1">4.1%</data>`,
		`id="districts"`, // and the series' own indicator
	} {
		if !strings.Contains(data, want) {
			t.Errorf("the series' data page lacks %s", want)
		}
	}
	if !strings.Contains(b.file("index.html"), `href="data/"`) {
		t.Error("the series' home does not link its data page")
	}
}

func TestSeriesHTMLValidates(t *testing.T) {
	b := buildSeriesOn(t, seriesFixture(t), "2021-07-20", nil)
	b.noErrors()
	validateHTML(t, b.out, 15)
}

// TestSeriesTimelineMergesInstallments shows, in the series' own text,
// one timeline of every published installment's events, in order of
// date, each labelled with its installment.
func TestSeriesTimelineMergesInstallments(t *testing.T) {
	dir := seriesFixture(t)
	b := buildSeriesOn(t, dir, "2021-07-10", nil)
	b.noErrors()
	home := b.file("index.html")
	first := strings.Index(home, `<span class="timeline-part">高新篇</span>高新区体制机制改革获批启动`)
	second := strings.Index(home, `<span class="timeline-part">新华篇</span>新华区老街巷改造开工`)
	if first < 0 || second < 0 || first > second {
		t.Errorf("the series' timeline does not hold both installments' events in order:\n%s", home)
	}
}
