package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"folio/internal/config"
	"folio/internal/server"
	"folio/internal/site"
)

// TestServeUpdatesTheOpenPage opens a chapter in Chromium through the dev
// server, edits the file, and waits for the page to change by itself; then
// saves broken front matter and waits for the overlay naming the file and
// position, and repairs it and waits for the overlay to go.
func TestServeUpdatesTheOpenPage(t *testing.T) {
	ctx := Start(t)
	dir := t.TempDir()
	chapter := filepath.Join(dir, "content/chapters/01-a.md")
	writeFile(t, filepath.Join(dir, "content/publication.yaml"), "title: 预览\n")
	writeFile(t, chapter, "---\ntitle: 甲篇\n---\n第一版正文。\n")
	srv, err := server.New(server.Options{Site: site.Options{Options: config.Options{Src: dir}, CacheDir: t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx) }()
	defer func() { stop(); <-done }()

	pctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(pctx, chromedp.Navigate(srv.URL()+"a/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, pctx, `document.body.innerText.includes("第一版正文")`, 5*time.Second)
	// Let livereload.js connect before saving.
	waitFor(t, pctx, `typeof LiveReload !== "undefined" && LiveReload.connector && LiveReload.connector._isSocketConnected()`, 5*time.Second)

	writeFile(t, chapter, "---\ntitle: 甲篇\n---\n第二版正文。\n")
	waitFor(t, pctx, `document.body.innerText.includes("第二版正文")`, 5*time.Second)

	writeFile(t, chapter, "---\ntitle: 甲篇\nsummary: [未闭合\nweight: 1\n---\n第三版正文。\n")
	start := time.Now()
	waitFor(t, pctx, `(document.getElementById("folio-overlay")||{innerText:""}).innerText.includes("content/chapters/01-a.md:3:10")`, 5*time.Second)
	t.Logf("overlay shown %s after the broken save", time.Since(start).Round(time.Millisecond))
	// The repair is saved at once, perhaps before the reloaded page's
	// live-reload socket is connected: the page still catches up.

	writeFile(t, chapter, "---\ntitle: 甲篇\n---\n第四版正文。\n")
	waitFor(t, pctx, `!document.getElementById("folio-overlay") && document.body.innerText.includes("第四版正文")`, 5*time.Second)
}

func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitFor polls a JavaScript condition in the open page.
func waitFor(t *testing.T, ctx context.Context, cond string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	var last string
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if err != nil {
			last = err.Error()
		}
		time.Sleep(25 * time.Millisecond)
	}
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 500) : ""`))
	t.Fatalf("timed out waiting for %s (%s); page text:\n%s", cond, last, strings.TrimSpace(text))
}
