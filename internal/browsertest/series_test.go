package browsertest

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/rogpeppe/go-internal/txtar"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

// buildSeries builds the series fixture of internal/site (three
// installments) as on 2021-07-20, when all three are published.
func buildSeries(t *testing.T) *output.Memory {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("..", "site", "testdata", "series.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mem := output.NewMemory()
	var diags diag.List
	opts := site.Options{Options: config.Options{Src: dir, BaseURL: "https://example.org" + prefix}, Now: time.Date(2021, 7, 20, 0, 0, 0, 0, time.Local)}
	if _, err := site.Build(context.Background(), opts, mem, &diags); err != nil || diags.HasErrors() {
		t.Fatalf("build: %v %v", err, diags.Items())
	}
	return mem
}

// TestSeriesSearchInTheBrowser types queries on the series' search page:
// each installment's words are found, each result is labelled with its
// installment, and choosing an installment keeps only its results.
func TestSeriesSearchInTheBrowser(t *testing.T) {
	ctx := Start(t)
	mem := buildSeries(t)
	srv := httptest.NewServer(Handler(prefix, mem.File))
	defer srv.Close()

	results := func(url, query, part string) []string {
		t.Helper()
		pctx, cancel := WithTimeout(ctx)
		defer cancel()
		if err := chromedp.Do(pctx, chromedp.Navigate(srv.URL+prefix+url)); err != nil {
			t.Fatal(err)
		}
		if part != "" {
			if err := chromedp.Do(pctx, chromedp.SetValue("#search-in", part)); err != nil {
				t.Fatal(err)
			}
		}
		if err := chromedp.Do(pctx, chromedp.SendKeys("#search-query", query), chromedp.Submit("#search-query")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, pctx, `document.querySelector("[data-search-status]").textContent !== ""`, 5*time.Second)
		got, err := chromedp.Run(pctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".search-result h2")].map(h => h.textContent)`))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}

	// (The series' home, whose timeline holds the installments' events,
	// may be found too.)
	for query, want := range map[string]string{"尼龙": "高新篇", "老街巷": "新华篇", "湛河": "卫东篇"} {
		if got := results("search/", query, ""); !anyPrefix(got, want) {
			t.Errorf("query %s: results %q, want one labelled %s", query, got, want)
		}
	}
	// 高新区 is in 高新篇 and in 新华篇: both are found, and the filter
	// keeps 新华篇's alone.
	all := results("search/", "高新区", "")
	if !anyPrefix(all, "高新篇") || !anyPrefix(all, "新华篇") {
		t.Errorf("query 高新区: results %q, want both 高新篇 and 新华篇", all)
	}
	only := results("search/", "高新区", "xinhua")
	if len(only) == 0 {
		t.Error("query 高新区 within 新华篇: no result")
	}
	for _, r := range only {
		if !strings.HasPrefix(r, "新华篇") {
			t.Errorf("query 高新区 within 新华篇: result %q of another installment", r)
		}
	}
	// The filter is in the page's address, so a shared link keeps it.
	again := results("search/?in=xinhua", "高新区", "")
	if len(again) != len(only) {
		t.Errorf("search/?in=xinhua: %q, want %q", again, only)
	}
}

func anyPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
