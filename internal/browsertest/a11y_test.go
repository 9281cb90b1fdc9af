package browsertest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"folio/internal/output"
	"folio/internal/testtools"
)

// axeSource is axe-core from npm (installed by npm ci).
func axeSource(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		testtools.Missing(t, "axe-core", "npm ci")
	}
	return string(data)
}

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []string `json:"target"`
	} `json:"nodes"`
}

// TestAccessibility runs axe-core's WCAG 2.1 A and AA rules on every page
// type, in the light and the dark colour scheme, on a desktop and on a
// phone (where the masthead's menu is also checked open): no violation is
// allowed.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	ctx := Start(t)
	checkAccessibility(t, ctx, axe, buildSample(t), []string{"", "reform/", "about/", "data/", "search/?q=尼龙", "no/such/page/"}, "industry/#menu")
}

// TestSeriesAccessibility runs axe on a series' own pages and an
// installment's.
func TestSeriesAccessibility(t *testing.T) {
	axe := axeSource(t)
	ctx := Start(t)
	checkAccessibility(t, ctx, axe, buildSeries(t), []string{"", "data/", "search/?q=高新区", "gaoxin/", "gaoxin/reform/", "xinhua/data/"}, "gaoxin/industry/#menu")
}

// checkAccessibility runs axe on pages of the site in mem, at a desktop's
// and a phone's width, in light and dark, and on the phone with the menu
// of menuPage open.
func checkAccessibility(t *testing.T, ctx context.Context, axe string, mem *output.Memory, pages []string, menuPage string) {
	t.Helper()
	srv := httptest.NewServer(Handler(prefix, mem.File))
	defer srv.Close()
	for _, width := range []int64{1280, 390} {
		for _, scheme := range []string{"light", "dark"} {
			pages := pages
			if width < 600 {
				pages = append(slices.Clone(pages), menuPage)
			}
			for _, p := range pages {
				where := fmt.Sprintf("%s (%s, %dpx)", p, scheme, width)
				pctx, cancel := WithTimeout(ctx)
				err := setViewport(pctx, width, 844)
				if err == nil {
					_, err = chromedp.Call(pctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
						Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
				}
				page, menu := strings.CutSuffix(p, "#menu")
				if err == nil {
					err = chromedp.Do(pctx, chromedp.Navigate(srv.URL+prefix+page))
				}
				if err == nil && strings.HasPrefix(p, "search/") {
					waitFor(t, pctx, `document.querySelectorAll(".search-result").length > 0`, 5*time.Second)
				}
				if err == nil && menu {
					err = chromedp.Do(pctx, chromedp.Click(".site-menu-button"))
					if err == nil && !eval[bool](t, pctx, `document.querySelector("#site-nav").matches(":popover-open")`) {
						t.Errorf("%s: the menu did not open", where)
					}
				}
				var violations []axeViolation
				if err == nil {
					_, err = chromedp.Run(pctx, chromedp.Evaluate[bool](axe+";true"))
				}
				if err == nil {
					violations, err = chromedp.Run(pctx, chromedp.Evaluate[[]axeViolation](
						`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r => r.violations)`,
						chromedp.EvalAwaitPromise))
				}
				cancel()
				if err != nil {
					t.Errorf("%s: %v", where, err)
					continue
				}
				for _, v := range violations {
					var targets []string
					for _, n := range v.Nodes {
						targets = append(targets, strings.Join(n.Target, " "))
					}
					t.Errorf("%s: %s: %s, at %s", where, v.ID, v.Help, strings.Join(targets, "; "))
				}
			}
		}
	}
}

// TestSearchInTheBrowser types queries on /search/ and reads the results.
func TestSearchInTheBrowser(t *testing.T) {
	ctx := Start(t)
	mem := buildSample(t)
	srv := httptest.NewServer(Handler(prefix, mem.File))
	defer srv.Close()
	for query, want := range map[string]string{"尼龙": "产业篇", "帮办": "民生篇", "GDP": "数据"} {
		pctx, cancel := WithTimeout(ctx)
		if err := chromedp.Do(pctx, chromedp.Navigate(srv.URL+prefix+"search/")); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(pctx, chromedp.SendKeys("#search-query", query), chromedp.Submit("#search-query")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, pctx, `document.querySelectorAll(".search-result").length > 0`, 5*time.Second)
		first, err := chromedp.Run(pctx, chromedp.Evaluate[string](`document.querySelector(".search-result h2").textContent`))
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(first, want) {
			t.Errorf("query %s: first result %q, want %s", query, first, want)
		}
	}
}

// TestScreenshots writes the cover, a chapter, the data page and the
// search page with results, on a 390×844 phone and a 1280×900 desktop, to
// test-output/screenshots, for people to look at: each page's first screen
// (NAME-WxH.png) and the whole page (NAME-WxH-full.png).
func TestScreenshots(t *testing.T) {
	ctx := Start(t)
	screenshots(t, ctx, buildSample(t), []shot{{"cover", ""}, {"chapter", "industry/"}, {"data", "data/"}, {"search", "search/?q=尼龙"}})
	screenshots(t, ctx, buildSeries(t), []shot{{"series-home", ""}, {"series-data", "data/"}, {"series-search", "search/?q=高新区"}, {"series-installment", "gaoxin/"}, {"series-chapter", "gaoxin/reform/"}})
	_, _ = chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, cdpEmpty)
}

// shot is a page to take pictures of, and the name of the files.
type shot struct{ name, path string }

func screenshots(t *testing.T, ctx context.Context, mem *output.Memory, pages []shot) {
	t.Helper()
	srv := httptest.NewServer(Handler(prefix, mem.File))
	defer srv.Close()
	out := filepath.Join("..", "..", "test-output", "screenshots")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int64{{390, 844}, {1280, 900}} {
		for _, p := range pages {
			pctx, cancel := WithTimeout(ctx)
			open(t, pctx, srv.URL+prefix+p.path, size[0], size[1])
			if strings.HasPrefix(p.path, "search/") {
				waitFor(t, pctx, `document.querySelectorAll(".search-result").length > 0`, 5*time.Second)
			}
			screen, err := chromedp.Run(pctx, chromedp.CaptureScreenshot())
			var full []byte
			if err == nil {
				full, err = chromedp.Run(pctx, chromedp.FullScreenshot(100)) // 100: PNG
			}
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("%s-%dx%d", p.name, size[0], size[1])
			for file, png := range map[string][]byte{name + ".png": screen, name + "-full.png": full} {
				if err := os.WriteFile(filepath.Join(out, file), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

var cdpEmpty = cdp.Empty{}
