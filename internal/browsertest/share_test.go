package browsertest

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

// TestSharePreviewsInTheBrowser reads share cards and summaries from the
// rendered DOM of a small publication: the cover's og:title and
// twitter:title are the publication's title, a chapter's are its own; a
// chapter without summary: does not show its first paragraph twice (once
// as a summary above the text), while one with a summary shows it.
func TestSharePreviewsInTheBrowser(t *testing.T) {
	ctx := Start(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content/publication.yaml"), "title: 长河纪事\nseries: 巡礼·长河篇\nbase_url: https://example.org/changhe/\n")
	writeFile(t, filepath.Join(dir, "content/index.md"), "---\ntitle: 序言\n---\n开篇的话。\n")
	writeFile(t, filepath.Join(dir, "content/chapters/01-a.md"), "---\ntitle: 第一篇\n---\n园区建设稳步推进，新项目接连落地。\n\n第二段。\n")
	writeFile(t, filepath.Join(dir, "content/chapters/02-b.md"), "---\ntitle: 第二篇\nsummary: 自己写的摘要。\n---\n正文第一段。\n")
	mem := output.NewMemory()
	var diags diag.List
	if _, err := site.Build(context.Background(), site.Options{Options: config.Options{Src: dir}, CacheDir: t.TempDir()}, mem, &diags); err != nil || diags.HasErrors() {
		t.Fatalf("build: %v %v", err, diags.Items())
	}
	srv := httptest.NewServer(Handler("/changhe/", mem.File))
	defer srv.Close()

	type page struct {
		OGTitle, TwitterTitle, OGDescription string
		Summary                              []string // .chapter-summary texts
		Text                                 string   // what the page shows
	}
	read := func(p string) page {
		t.Helper()
		pctx, cancel := WithTimeout(ctx)
		defer cancel()
		if err := chromedp.Do(pctx, chromedp.Navigate(srv.URL+"/changhe/"+p)); err != nil {
			t.Fatal(err)
		}
		return eval[page](t, pctx, `(() => {
			const meta = s => { const m = document.querySelector(s); return m ? m.content : "(none)"; };
			return {OGTitle: meta('meta[property="og:title"]'), TwitterTitle: meta('meta[name="twitter:title"]'),
				OGDescription: meta('meta[property="og:description"]'),
				Summary: [...document.querySelectorAll(".chapter-summary")].map(e => e.textContent),
				Text: document.body.innerText};
		})()`)
	}

	cover := read("")
	if cover.OGTitle != "长河纪事" || cover.TwitterTitle != "长河纪事" {
		t.Errorf("cover: og:title %q, twitter:title %q; want the publication's title 长河纪事", cover.OGTitle, cover.TwitterTitle)
	}
	if !strings.Contains(cover.Text, "园区建设稳步推进") {
		t.Error("cover: the card of a chapter without summary lost its opening")
	}

	a := read("a/")
	if a.OGTitle != "第一篇" || a.TwitterTitle != "第一篇" {
		t.Errorf("a chapter: og:title %q, twitter:title %q; want 第一篇", a.OGTitle, a.TwitterTitle)
	}
	if n := strings.Count(a.Text, "园区建设稳步推进"); n != 1 {
		t.Errorf("a chapter without summary shows its first paragraph %d times, want once:\n%s", n, a.Text)
	}
	if len(a.Summary) != 0 {
		t.Errorf("a chapter without summary shows a summary above its text: %q", a.Summary)
	}
	if a.OGDescription != "园区建设稳步推进，新项目接连落地。" {
		t.Errorf("a chapter without summary: og:description %q, want its opening", a.OGDescription)
	}

	b := read("b/")
	if b.OGTitle != "第二篇" || b.TwitterTitle != "第二篇" {
		t.Errorf("a chapter: og:title %q, twitter:title %q; want 第二篇", b.OGTitle, b.TwitterTitle)
	}
	if len(b.Summary) != 1 || b.Summary[0] != "自己写的摘要。" {
		t.Errorf("a chapter with summary: shows %q above its text, want 自己写的摘要。", b.Summary)
	}
	if n := strings.Count(b.Text, "正文第一段。"); n != 1 {
		t.Errorf("a chapter with summary shows its first paragraph %d times, want once", n)
	}
}
