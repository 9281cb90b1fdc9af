package site_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

const tinySite = `
-- content/publication.yaml --
title: 小站
series: 测试丛书
base_url: https://example.org/book/
published: 2021-07-01
-- content/index.md --
前言第一段。
-- content/chapters/01-alpha.md --
---
title: 甲篇
label: 一、
summary: 甲篇的摘要。
---
第一段写得很长，这一行在中文里
换行之后不应该多出空格。

## 发展历程

见[乙篇](02-beta.md#主要成绩)。

## 发展历程

| 年份 | 事件 |
|---|---|
| 2018 | 改革 |

- [x] 完成
- ~~删除~~

访问 https://example.org 了解更多[^1]。

[^1]: 一个脚注。
-- content/chapters/02-beta.md --
---
title: 乙篇
---
## 主要成绩

![园区全景](../images/park.svg "园区")

<script>alert(1)</script>
-- content/chapters/03-draft.md --
---
title: 草稿篇
draft: true
---
未完成。
-- content/pages/about.md --
---
title: 关于
---
关于本站。
-- content/images/park.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>
`

func TestBuildWritesEveryPage(t *testing.T) {
	b := buildArchive(t, tinySite)
	b.noErrors()
	for _, name := range []string{
		"index.html", "alpha/index.html", "beta/index.html", "about/index.html",
		"404.html", "sitemap.xml", "robots.txt", "feed.xml",
	} {
		b.file(name)
	}
	if names := strings.Join(b.out.Names(), " "); !regexp.MustCompile(`images/park\.[0-9a-f]{8}\.svg`).MatchString(names) {
		t.Errorf("the drawing is not served under a content-hashed name: %s", names)
	}
	if b.has("draft/index.html") {
		t.Error("a draft chapter was built without --drafts")
	}
}

func TestMarkdownFeatures(t *testing.T) {
	b := buildArchive(t, tinySite)
	b.noErrors()
	alpha := b.file("alpha/index.html")
	for _, want := range []string{
		"这一行在中文里换行之后",              // CJK soft break joined without a space
		`id="发展历程"`, `id="发展历程-1"`, // Chinese ids, unique in the page
		`href="../beta/#%E4%B8%BB%E8%A6%81%E6%88%90%E7%BB%A9"`, // .md link rewritten, relative
		"<table>", "<del>删除</del>", `type="checkbox"`, // GFM
		`<a href="https://example.org">`,  // autolink
		`id="fn:1"`,                       // footnote
		`<span class="label">一、</span>甲篇`, // label and title
		"甲篇的摘要。",                          // summary as description
	} {
		if !strings.Contains(alpha, want) {
			t.Errorf("alpha/index.html lacks %q", want)
		}
	}
	beta := b.file("beta/index.html")
	if strings.Contains(beta, "<script>alert") {
		t.Error("raw HTML passed through although publication.yaml does not allow it")
	}
	if !regexp.MustCompile(`<figure class="figure"><picture><img src="../images/park\.[0-9a-f]{8}\.svg" width="10" height="10" alt="园区全景" loading="lazy" decoding="async"></picture><figcaption>园区</figcaption></figure>`).MatchString(beta) {
		t.Errorf("image not rewritten to its relative URL:\n%s", beta)
	}
}

func TestChapterNavigation(t *testing.T) {
	b := buildArchive(t, tinySite)
	b.noErrors()
	alpha := b.file("alpha/index.html")
	if !strings.Contains(alpha, `href="../beta/" rel="next"`) {
		t.Error("alpha has no next link to beta")
	}
	if strings.Contains(alpha, `rel="prev"`) {
		t.Error("the first chapter has a previous link")
	}
	beta := b.file("beta/index.html")
	if !strings.Contains(beta, `href="../alpha/" rel="prev"`) {
		t.Error("beta has no previous link to alpha")
	}
	// Section table of contents.
	if !strings.Contains(alpha, `href="#发展历程"`) && !strings.Contains(alpha, `href="#%e5%8f%91%e5%b1%95%e5%8e%86%e7%a8%8b"`) {
		t.Error("alpha's table of contents does not link its sections")
	}
	cover := b.file("index.html")
	for _, want := range []string{"测试丛书", "前言第一段", `href="alpha/"`, `href="beta/"`, "甲篇的摘要。"} {
		if !strings.Contains(cover, want) {
			t.Errorf("cover lacks %q", want)
		}
	}
}

func TestDraftsIncludedWithFlag(t *testing.T) {
	b := buildSite(t, writeSite(t, tinySite), config.Options{Drafts: true})
	b.noErrors()
	if !strings.Contains(b.file("draft/index.html"), "草稿") {
		t.Error("a draft built with --drafts carries no draft banner")
	}
}

func TestFeedsUseBaseURL(t *testing.T) {
	b := buildSite(t, writeSite(t, tinySite), config.Options{BaseURL: "https://mirror.example.com/x/"})
	b.noErrors()
	for name, want := range map[string]string{
		"sitemap.xml":      "<loc>https://mirror.example.com/x/alpha/</loc>",
		"feed.xml":         `<link href="https://mirror.example.com/x/beta/"`,
		"robots.txt":       "Sitemap: https://mirror.example.com/x/sitemap.xml",
		"alpha/index.html": `<link rel="canonical" href="https://mirror.example.com/x/alpha/">`,
		"404.html":         `href="/x/alpha/"`,
	} {
		if got := b.file(name); !strings.Contains(got, want) {
			t.Errorf("%s lacks %q:\n%s", name, want, got)
		}
	}
}

func TestEveryProblemReportedInOneRun(t *testing.T) {
	b := buildArchive(t, `
-- content/publication.yaml --
title: 小站
-- content/chapters/01-a.md --
---
titel: 甲
weight: first
---
正文
-- content/chapters/02-b.md --
---
title: 乙
slug: same
---
![图](images/missing.png)

见[丙](09-none.md)，又见[甲](01-a.md#没有)。
-- content/chapters/03-c.md --
---
title: 丙
slug: same
---
正文
`)
	for _, want := range []string{
		`content/chapters/01-a.md:2:1: warning: unknown key "titel"; did you mean "title"? [frontmatter-unknown-key]`,
		`content/chapters/01-a.md:3:9: error: weight: expected a whole number, found "first" [yaml-type]`,
		`content/chapters/01-a.md:1:1: error: missing title: add a line "title: …" to the front matter between the --- lines [frontmatter-title]`,
		`content/chapters/03-c.md:3:7: error: slug "same" is already used by `,
		`content/chapters/02-b.md:5:1: error: image "images/missing.png" not found (looked in chapters/images/missing.png and images/missing.png under content/) [image-missing]`,
		`content/chapters/02-b.md:7:2: error: link to 09-none.md: no such page in the publication (resolved to content/chapters/09-none.md); check the file name, or whether the page is a draft [broken-link]`,
	} {
		if strings.HasPrefix(want, "content/chapters/03-c.md") {
			if !strings.Contains(b.diagText(), want) {
				t.Errorf("no diagnostic %q in:\n%s", want, b.diagText())
			}
			continue
		}
		b.wantDiag(want)
	}
	if len(b.out.Names()) != 0 {
		t.Errorf("a build with errors wrote files: %v", b.out.Names())
	}
}

func TestBrokenAnchorIsReported(t *testing.T) {
	b := buildArchive(t, `
-- content/publication.yaml --
title: 小站
-- content/chapters/01-a.md --
---
title: 甲
---
## 五个一服务机制
-- content/chapters/02-b.md --
---
title: 乙
---
见[甲](01-a.md#五个一服务)。
`)
	b.wantDiag(`content/chapters/02-b.md:4:2: error: link to chapters/01-a.md#五个一服务: that page has no such heading; did you mean #五个一服务机制? [broken-link]`)
}

func TestSiteLayoutsOverrideTheTheme(t *testing.T) {
	b := buildArchive(t, `
-- content/publication.yaml --
title: 小站
-- content/pages/about.md --
---
title: 关于
---
正文
-- layouts/page.html --
{{define "main"}}<p class="custom">自定义：{{.Page.Title}}</p>{{end}}
`)
	b.noErrors()
	about := b.file("about/index.html")
	if !strings.Contains(about, `<p class="custom">自定义：关于</p>`) {
		t.Errorf("the site's page.html did not replace the theme's:\n%s", about)
	}
	if !strings.Contains(about, `class="skip-link"`) {
		t.Error("the theme's base.html was not used for what the site does not override")
	}
}

func TestTemplateErrorIsPositioned(t *testing.T) {
	b := buildArchive(t, `
-- content/publication.yaml --
title: 小站
-- layouts/page.html --
{{define "main"}}
<p>{{.Page.Nope}}</p>
{{end}}
-- content/pages/about.md --
---
title: 关于
---
`)
	if !regexp.MustCompile(`layouts/page\.html:2:\d+: error: .*can't evaluate field Nope`).MatchString(b.diagText()) {
		t.Errorf("template error not positioned in the site's layout:\n%s", b.diagText())
	}
}

func TestContentFolderOnlyBuilds(t *testing.T) {
	b := buildArchive(t, `
-- content/publication.yaml --
title: 只有内容
`)
	b.noErrors()
	if !strings.Contains(b.file("index.html"), "只有内容") {
		t.Error("a folder holding only content/ did not build with the default theme")
	}
	b.wantDiag(`content/publication.yaml: warning: base_url is not set: sitemap.xml, feed.xml and canonical links need it; add "base_url: https://…/" or pass --base-url [base-url-missing]`)
}

// base_url: a path alone says the host is not known yet: no warning, the
// 404 page links to that path, and nothing absolute is written.
func TestBaseURLPathAlone(t *testing.T) {
	b := buildArchive(t, `
-- content/publication.yaml --
title: 只有路径
base_url: /gaoxin
`)
	if b.diags.Len() != 0 {
		t.Errorf("a base_url giving only a path gave diagnostics:\n%s", b.diagText())
	}
	if notFound := b.file("404.html"); !strings.Contains(notFound, `href="/gaoxin/`) {
		t.Errorf("404.html does not link to /gaoxin/:\n%s", notFound)
	}
	if b.has("sitemap.xml") || b.has("feed.xml") || strings.Contains(b.file("index.html"), "canonical") {
		t.Error("a base_url without a host wrote absolute addresses")
	}
	if !b.has("gaoxin.epub") {
		t.Errorf("the EPUB is not named after the path: %v", b.out.Names())
	}

	b = buildArchive(t, `
-- content/publication.yaml --
title: 坏路径
base_url: /gaoxin/?x=1
`)
	b.wantDiag(`content/publication.yaml:2:11: error: base_url "/gaoxin/?x=1": a path alone, such as / or /gaoxin/, has no query or fragment [publication-base-url]`)
}

// A one-shot build lets each page's text go as soon as the page is
// checked; what the publication-wide checks and the anchor check report
// must still point where the dev server's builds and folio check point.
func TestOneShotBuildReportsWhereTheDevServerDoes(t *testing.T) {
	dir := writeSite(t, `
-- content/publication.yaml --
title: 小站
subject: 长河县
-- content/chapters/01-a.md --
---
title: 甲
---
## 园区

开篇一段。

园区坚持把营商环境作为第一竞争力，推行企业开办一网通办，审批时限大幅压缩。

2020年，全年出口额增长8.5%。

管委会持续优化政务服务流程，推动企业诉求快速响应，群众满意度逐年提高。
-- content/chapters/02-b.md --
---
title: 乙
---
## 服务

另起一段，说明情况。

2020年，全年出口额增长9.5%。

见[甲](01-a.md#园区服务)。

园区坚持把营商环境作为第一竞争力，推行企业开办一网通办，审批时限大幅压缩。
-- content/chapters/03-c.md --
---
title: 丙
---
<!-- folio:ignore duplicate-paragraph -->
管委会持续优化政务服务流程，推动企业诉求快速响应，群众满意度逐年提高。
`)
	wants := []string{
		`content/chapters/02-b.md:8:14: warning: 出口额 growth of 长河县 in 2020年 is 9.5% here but 8.5% at `,
		`content/chapters/02-b.md:10:2: error: link to chapters/01-a.md#园区服务: that page has no such heading; its headings are #园区 [broken-link]`,
		`content/chapters/02-b.md:12:1: error: this paragraph appears 2 times (`,
		`content/chapters/01-a.md:8:1: keep one and delete the copies [duplicate-paragraph]`,
	}
	oneShot := buildSite(t, dir, config.Options{})

	var sessionDiags diag.List
	s := site.NewSession(site.Options{Options: config.Options{Src: dir}})
	if _, err := s.Build(context.Background(), output.NewMemory(), &sessionDiags); err != nil {
		t.Fatal(err)
	}
	var checkDiags diag.List
	if err := site.Check(context.Background(), site.Options{Options: config.Options{Src: dir}}, &checkDiags); err != nil {
		t.Fatal(err)
	}
	text := func(l *diag.List) string {
		var sb strings.Builder
		l.Print(&sb)
		return sb.String()
	}
	for _, want := range wants {
		if !strings.Contains(oneShot.diagText(), want) {
			t.Errorf("no diagnostic with %q in:\n%s", want, oneShot.diagText())
		}
	}
	// The copy in 03-c.md is silenced: no build reports it.
	if strings.Contains(oneShot.diagText(), "03-c.md") {
		t.Errorf("a silenced copy is reported:\n%s", oneShot.diagText())
	}
	if got, want := oneShot.diagText(), text(&sessionDiags); got != want {
		t.Errorf("one-shot build reported\n%s\nthe session's build\n%s", got, want)
	}
	if got, want := text(&checkDiags), text(&sessionDiags); got != want {
		t.Errorf("folio check reported\n%s\nthe session's build\n%s", got, want)
	}
}

// The print page is assembled around markers when its layout shows each
// section's content once, in order; a layout that shows them otherwise
// (all twice, one twice, out of order, not at all) gets the page rendered
// whole.
func TestPrintLayoutsShowingSectionsOtherwise(t *testing.T) {
	const site = `
-- content/publication.yaml --
title: 小站
-- content/chapters/01-a.md --
---
title: 甲
---
## 起步

甲篇正文。
-- content/chapters/02-b.md --
---
title: 乙
---
乙篇正文，见[甲](01-a.md#起步)。
`
	for _, c := range []struct {
		name, layout string
		want         []string
	}{
		{"theme", "", []string{`<div class="prose"><h2 id="s-a--起步">起步</h2><p>甲篇正文。</p></div>`, `<p>乙篇正文，见<a href="#s-a--起步">甲</a>。</p>`}},
		{"twice", `
-- layouts/print.html --
{{define "main"}}{{range .Site.Print}}<div class="once">{{.Content}}</div>{{end}}{{range .Site.Print}}<div class="again">{{.Content}}</div>{{end}}{{end}}
`, []string{`<div class="once"><h2 id="s-a--起步">起步</h2><p>甲篇正文。</p></div><div class="once"><p>乙篇正文`, `<div class="again"><h2 id="s-a--起步">起步</h2><p>甲篇正文。</p></div><div class="again"><p>乙篇正文`}},
		{"first twice", `
-- layouts/print.html --
{{define "main"}}{{with index .Site.Print 0}}<div>{{.Content}}</div><div>{{.Content}}</div>{{end}}{{with index .Site.Print 1}}<div>{{.Content}}</div>{{end}}{{end}}
`, []string{`<div><h2 id="s-a--起步">起步</h2><p>甲篇正文。</p></div><div><h2 id="s-a--起步">起步</h2><p>甲篇正文。</p></div><div><p>乙篇正文`}},
		{"reversed", `
-- layouts/print.html --
{{define "main"}}{{with index .Site.Print 1}}<div>{{.Content}}</div>{{end}}{{with index .Site.Print 0}}<div>{{.Content}}</div>{{end}}{{end}}
`, []string{`<div><p>乙篇正文，见<a href="#s-a--起步">甲</a>。</p></div><div><h2 id="s-a--起步">起步</h2><p>甲篇正文。</p></div>`}},
		{"none", `
-- layouts/print.html --
{{define "main"}}<ol>{{range .Site.Print}}<li>{{.Page.Title}}</li>{{end}}</ol>{{end}}
`, []string{`<ol><li>甲</li><li>乙</li></ol>`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := buildArchive(t, site+c.layout)
			if b.diags.HasErrors() {
				t.Fatalf("errors:\n%s", b.diagText())
			}
			page := b.file("print/index.html")
			if strings.Contains(page, "folio-print-section") {
				t.Errorf("a marker is left in the print page:\n%s", page)
			}
			for _, want := range c.want {
				if !strings.Contains(page, want) {
					t.Errorf("print page lacks %s:\n%s", want, page)
				}
			}
		})
	}
}

// TestSharePreviewsAndSummaries: a share card of the cover names the
// publication, not its preface; a chapter without summary: shows its
// first paragraph once, in the text, and uses its opening for cards.
func TestSharePreviewsAndSummaries(t *testing.T) {
	dir := writeSite(t, `
-- content/publication.yaml --
title: 长河纪事
base_url: https://example.org/
-- content/index.md --
---
title: 序言
---
开篇的话。
-- content/chapters/01-a.md --
---
title: 第一篇
---
园区建设稳步推进，新项目接连落地。

第二段。
-- content/chapters/02-b.md --
---
title: 第二篇
summary: 自己写的摘要。
---
正文第一段。
`)
	b := buildSite(t, dir, config.Options{})
	cover := b.file("index.html")
	for _, want := range []string{`<meta property="og:title" content="长河纪事">`, `<meta name="twitter:title" content="长河纪事">`} {
		if !strings.Contains(cover, want) {
			t.Errorf("the cover has no %s", want)
		}
	}
	a := b.file("a/index.html")
	body := a[strings.Index(a, "<body"):]
	if n := strings.Count(body, "园区建设稳步推进"); n != 1 {
		t.Errorf("the first paragraph of a chapter without summary is shown %d times, want once", n)
	}
	if !strings.Contains(a, `<meta property="og:description" content="园区建设稳步推进，新项目接连落地。">`) {
		t.Error("the share card of a chapter without summary does not describe it by its opening")
	}
	if strings.Contains(a, "chapter-summary") {
		t.Error("a chapter without summary: shows a summary above its text")
	}
	if !strings.Contains(a, `<meta property="og:title" content="第一篇">`) {
		t.Error("a chapter's share card does not carry its title")
	}
	if !strings.Contains(b.file("b/index.html"), `<p class="chapter-summary">自己写的摘要。</p>`) {
		t.Error("a written summary is not shown")
	}
	if !strings.Contains(cover, "园区建设稳步推进") {
		t.Error("the chapter card on the cover lost its opening")
	}
}
