package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

const prefix = "/any/sub/path/"

// sampleCache is shared by this package's builds of the sample, so only
// the first processes its images.
var sampleCache string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "folio-browsertest-cache-")
	if err != nil {
		panic(err)
	}
	sampleCache = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

func buildSample(t *testing.T) *output.Memory {
	t.Helper()
	mem := output.NewMemory()
	var diags diag.List
	opts := site.Options{Options: config.Options{Src: "../..", BaseURL: "https://example.org" + prefix}, CacheDir: sampleCache}
	if _, err := site.Build(context.Background(), opts, mem, &diags); err != nil || diags.HasErrors() {
		t.Fatalf("build: %v %v", err, diags.Items())
	}
	return mem
}

// problems collects what a reader's browser would complain about.
type problems struct {
	mu   sync.Mutex
	list []string
}

func (p *problems) add(format string, args ...any) {
	p.mu.Lock()
	p.list = append(p.list, fmt.Sprintf(format, args...))
	p.mu.Unlock()
}

func (p *problems) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.list
	p.list = nil
	return out
}

// TestSamplePagesLoadCleanly opens every page of the sample, served under a
// sub-path, and fails on any console error, script exception or failed
// request (a stylesheet refused for a wrong integrity digest is one).
func TestSamplePagesLoadCleanly(t *testing.T) {
	ctx := Start(t)
	mem := buildSample(t)
	srv := httptest.NewServer(Handler(prefix, mem.File))
	defer srv.Close()
	var pages []string
	for _, name := range mem.Names() {
		if path.Ext(name) == ".html" && name != "404.html" {
			pages = append(pages, strings.TrimSuffix(name, "index.html"))
		}
	}
	if len(pages) < 6 {
		t.Fatalf("only %d pages built", len(pages))
	}
	for page, found := range openPages(t, ctx, srv.URL+prefix, pages) {
		for _, p := range found {
			t.Errorf("%s: %s", page, p)
		}
	}
}

// TestBrokenPagesAreCaught makes sure the checks above can fail: a page
// with a console error, a missing image, a stylesheet whose integrity
// digest is wrong and an inline script the security policy refuses.
func TestBrokenPagesAreCaught(t *testing.T) {
	ctx := Start(t)
	files := map[string][]byte{
		"index.html": []byte(`<!DOCTYPE html><html lang="en"><head><title>x</title><link rel="stylesheet" href="a.css" integrity="sha384-AAAA"></head><body><img src="missing.png" alt=""><script src="b.js"></script><script>document.title="inline"</script></body></html>`),
		"a.css":      []byte(`body{display:flex}`),
		"b.js":       []byte(`console.error("boom")`),
		"404.html":   []byte(`not found`),
	}
	srv := httptest.NewServer(Handler("/", func(name string) ([]byte, bool) { d, ok := files[name]; return d, ok }))
	defer srv.Close()
	found := strings.Join(openPages(t, ctx, srv.URL+"/", []string{""})[""], "\n")
	// The inline script breaks the Content-Security-Policy every page is
	// served with.
	for _, want := range []string{"console error: boom", "HTTP 404", "stylesheet did not apply", "integrity", "Content Security Policy"} {
		if !strings.Contains(found, want) {
			t.Errorf("not caught: %q in\n%s", want, found)
		}
	}
}

// openPages opens each page of base in turn and returns what a reader's
// browser complained about on each.
func openPages(t *testing.T, ctx context.Context, base string, pages []string) map[string][]string {
	t.Helper()
	var seen problems
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range ev.Args {
					var s string
					if json.Unmarshal(a.Value, &s) != nil {
						s = string(a.Value) + a.Description
					}
					args = append(args, s)
				}
				seen.add("console error: %s", strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			seen.add("exception: %s", ev.ExceptionDetails.Text)
		case *network.EventLoadingFailed:
			seen.add("request failed: %s %s", ev.ErrorText, ev.BlockedReason)
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				seen.add("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	// Chromium reports integrity failures in the console through the Log
	// domain rather than Runtime.
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*cdplog.EventEntryAdded); ok && e.Entry.Level == cdplog.EntryLevelError {
			seen.add("log error: %s", e.Entry.Text)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, page := range pages {
		pctx, cancel := WithTimeout(ctx)
		// A stylesheet blocked by its integrity digest leaves the page
		// unstyled: check that the stylesheet applied too.
		styled := false
		err := chromedp.Do(pctx, chromedp.Navigate(base+page))
		if err == nil {
			styled, err = chromedp.Run(pctx, chromedp.Evaluate[bool](`getComputedStyle(document.body).display === "flex"`))
		}
		cancel()
		found := seen.take()
		if err != nil {
			found = append(found, err.Error())
		}
		if !styled {
			found = append(found, "the stylesheet did not apply")
		}
		out[page] = found
	}
	return out
}

// TestChartsAreAnnouncedFromTitleAndDescription reads Chromium's
// accessibility tree: every chart is an image whose name is its title and
// whose description states the trend, as a screen reader announces it.
func TestChartsAreAnnouncedFromTitleAndDescription(t *testing.T) {
	ctx := Start(t)
	mem := buildSample(t)
	srv := httptest.NewServer(Handler(prefix, mem.File))
	defer srv.Close()

	type svgText struct{ Title, Desc string }
	charts := 0
	for _, page := range []string{"", "reform/", "industry/", "livelihood/", "data/"} {
		pctx, cancel := WithTimeout(ctx)
		var want []svgText
		err := chromedp.Do(pctx, chromedp.Navigate(srv.URL+prefix+page))
		if err == nil {
			want, err = chromedp.Run(pctx, chromedp.Evaluate[[]svgText](`[...document.querySelectorAll("svg.chart")].map(s => ({Title: s.querySelector("title").textContent, Desc: s.querySelector("desc").textContent}))`))
		}
		if err != nil {
			cancel()
			t.Fatalf("%s: %v", page, err)
		}
		tree, err := chromedp.Call(pctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		cancel()
		if err != nil {
			t.Fatalf("%s: accessibility tree: %v", page, err)
		}
		announced := map[string]string{}
		for _, n := range tree.Nodes {
			if n.Ignored || n.Role == nil || n.Name == nil {
				continue
			}
			if role := axString(n.Role); role == "image" || role == "img" {
				announced[axString(n.Name)] = axString(n.Description)
			}
		}
		for _, c := range want {
			charts++
			desc, ok := announced[c.Title]
			switch {
			case !ok:
				t.Errorf("%s: chart %q is not an image with that name in the accessibility tree (images: %v)", page, c.Title, announced)
			case desc != c.Desc || desc == "":
				t.Errorf("%s: chart %q is described as %q, want %q", page, c.Title, desc, c.Desc)
			}
		}
	}
	if charts < 4 {
		t.Errorf("only %d charts found in the sample", charts)
	}
}

// axString decodes an accessibility value, which the protocol sends as
// JSON.
func axString(v *accessibility.Value) string {
	if v == nil {
		return ""
	}
	var s string
	if err := json.Unmarshal(v.Value, &s); err != nil {
		return string(v.Value)
	}
	return s
}
