package browsertest

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

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
// type, in the light and the dark colour scheme: no violation is allowed.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	ctx := Start(t)
	mem := buildSample(t)
	srv := httptest.NewServer(Handler(prefix, mem.File))
	defer srv.Close()
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range []string{"", "reform/", "about/", "data/", "search/?q=尼龙", "no/such/page/"} {
			pctx, cancel := WithTimeout(ctx)
			_, err := chromedp.Call(pctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
			if err == nil {
				err = chromedp.Do(pctx, chromedp.Navigate(srv.URL+prefix+p))
			}
			if err == nil && strings.HasPrefix(p, "search/") {
				waitFor(t, pctx, `document.querySelectorAll(".search-result").length > 0`, 5*time.Second)
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
				t.Errorf("%s (%s): %v", p, scheme, err)
				continue
			}
			for _, v := range violations {
				var targets []string
				for _, n := range v.Nodes {
					targets = append(targets, strings.Join(n.Target, " "))
				}
				t.Errorf("%s (%s): %s: %s, at %s", p, scheme, v.ID, v.Help, strings.Join(targets, "; "))
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

// TestScreenshots writes the cover, a chapter and the data page at phone
// and desktop widths to test-output/screenshots, for people to look at.
func TestScreenshots(t *testing.T) {
	ctx := Start(t)
	mem := buildSample(t)
	srv := httptest.NewServer(Handler(prefix, mem.File))
	defer srv.Close()
	out := filepath.Join("..", "..", "test-output", "screenshots")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{375, 1280} {
		for name, p := range map[string]string{"cover": "", "chapter": "industry/", "data": "data/"} {
			pctx, cancel := WithTimeout(ctx)
			_, err := chromedp.Call(pctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 600})
			if err == nil {
				err = chromedp.Do(pctx, chromedp.Navigate(srv.URL+prefix+p))
			}
			var png []byte
			if err == nil {
				png, err = chromedp.Run(pctx, chromedp.FullScreenshot(90))
			}
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(out, fmt.Sprintf("%s-%d.png", name, width))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	_, _ = chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, cdpEmpty)
}

var cdpEmpty = cdp.Empty{}
