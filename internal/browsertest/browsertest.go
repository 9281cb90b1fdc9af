// Package browsertest starts Debian's Chromium for tests that must see the
// site as readers' browsers do: console errors, failed requests, the
// accessibility tree. Tests skip when Chromium is not installed, unless
// FOLIO_REQUIRE_TOOLS is set (as in CI), when they fail instead.
package browsertest

import (
	"context"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"folio/deploy"
	"folio/internal/testtools"
)

// Chromium returns the path of the browser, or skips (or fails) the test.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	testtools.Missing(t, "chromium", "apt-get install chromium")
	return ""
}

// Start launches a headless Chromium that reaches nothing but loopback and
// returns a context for its first tab. The browser stops with the test.
func Start(t testing.TB) context.Context {
	t.Helper()
	exe := Chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(1280, 800),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first Run starts the browser; it must not carry a timeout, which
	// would stop the whole browser when it expires.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int]("1")); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// WithTimeout derives a bounded context for one page from the tab's context.
func WithTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, 30*time.Second)
}

// Handler serves files the way static hosts do, under prefix: a folder URL
// serves its index.html; anything missing serves 404.html with status 404.
// Every answer carries the security headers of deploy/security-headers.conf,
// Content-Security-Policy included, so a page the policy would break fails
// the tests (Chromium logs each refusal as an error).
func Handler(prefix string, file func(name string) ([]byte, bool)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, h := range deploy.SecurityHeaders() {
			w.Header().Set(h[0], h[1])
		}
		name, ok := strings.CutPrefix(r.URL.Path, prefix)
		if ok && (name == "" || strings.HasSuffix(name, "/")) {
			name += "index.html"
		}
		data, found := file(name)
		if !ok || !found {
			data, _ = file("404.html")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
		} else if ct := contentType(name); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		_, _ = w.Write(data)
	})
}

func contentType(name string) string {
	for ext, ct := range map[string]string{
		".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
		".svg": "image/svg+xml", ".xml": "application/xml", ".json": "application/json", ".csv": "text/csv; charset=utf-8",
	} {
		if strings.HasSuffix(name, ext) {
			return ct
		}
	}
	return ""
}
