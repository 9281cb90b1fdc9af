package deploy

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/site"
	"folio/internal/testtools"
)

// dirSink writes a build's files under a folder.
type dirSink string

func (d dirSink) WriteFile(name string, data []byte) error {
	p := filepath.Join(string(d), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// TestNginxServesTheSample runs nginx.conf, as a publisher would install
// it, with Debian's nginx on loopback against a build of the sample, and
// checks what a static host must get right: content types and charsets,
// caching of fingerprinted files, the security headers on every answer,
// compression, directory redirects and the 404 page.
func TestNginxServesTheSample(t *testing.T) {
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		nginx = "/usr/sbin/nginx"
	}
	if _, err := os.Stat(nginx); err != nil {
		testtools.Missing(t, "nginx", "apt-get install nginx-light")
	}
	public := filepath.Join(t.TempDir(), "public")
	var diags diag.List
	if _, err := site.Build(context.Background(), site.Options{Options: config.Options{Src: ".."}}, dirSink(public), &diags); err != nil || diags.HasErrors() {
		t.Fatalf("%v %v", err, diags.Items())
	}
	base := start(t, nginx, public)

	security := map[string]string{}
	for _, h := range SecurityHeaders() {
		security[h[0]] = h[1]
	}
	if len(security) < 5 || security["Content-Security-Policy"] == "" {
		t.Fatalf("security-headers.conf names %d headers: %v", len(security), security)
	}
	asset := func(pattern string) string {
		matches, _ := filepath.Glob(filepath.Join(public, pattern))
		if len(matches) == 0 {
			t.Fatalf("no %s in the build", pattern)
		}
		rel, _ := filepath.Rel(public, matches[0])
		return "/" + filepath.ToSlash(rel)
	}
	const year = "public, max-age=31536000, immutable"
	for _, tc := range []struct {
		path, status, ctype, cache string
	}{
		{"/", "200", "text/html; charset=utf-8", "no-cache"},
		{"/industry/", "200", "text/html; charset=utf-8", "no-cache"},
		{asset("assets/main.*.css"), "200", "text/css; charset=utf-8", year},
		{asset("assets/search.*.js"), "200", "application/javascript; charset=utf-8", year},
		{asset("images/industry.*-960.webp"), "200", "image/webp", year},
		{asset("images/industry.*-960.jpg"), "200", "image/jpeg", year},
		{"/favicon.svg", "200", "image/svg+xml; charset=utf-8", "no-cache"},
		{"/feed.xml", "200", "text/xml; charset=utf-8", "no-cache"},
		{"/sitemap.xml", "200", "text/xml; charset=utf-8", "no-cache"},
		{"/data/indicators.csv", "200", "text/csv; charset=utf-8", "no-cache"},
		{"/data/indicators.json", "200", "application/json; charset=utf-8", "no-cache"},
		{asset("search/index/t-0.json"), "200", "application/json; charset=utf-8", "no-cache"},
		{"/gaoxin.epub", "200", "application/epub+zip", "no-cache"},
		{"/no-such-page/", "404", "text/html; charset=utf-8", "no-cache"},
	} {
		resp, err := http.Get(base + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := func(h string) string { return resp.Header.Get(h) }
		if fmt.Sprint(resp.StatusCode) != tc.status || got("Content-Type") != tc.ctype || got("Cache-Control") != tc.cache {
			t.Errorf("%s: %d %q %q, want %s %q %q", tc.path, resp.StatusCode, got("Content-Type"), got("Cache-Control"), tc.status, tc.ctype, tc.cache)
		}
		for name, want := range security {
			if got(name) != want {
				t.Errorf("%s: %s = %q, want %q", tc.path, name, got(name), want)
			}
		}
		if tc.status == "404" && !strings.Contains(string(body), "404") {
			t.Errorf("%s: not the site's 404 page", tc.path)
		}
	}

	// A folder without its slash is redirected, to a relative address
	// (so a proxy in front keeps its own host and port).
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(base + "/industry")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/industry/" {
		t.Errorf("/industry: %d to %q, want 301 to /industry/", resp.StatusCode, resp.Header.Get("Location"))
	}

	// Text is compressed for clients that accept it.
	req, _ := http.NewRequest(http.MethodGet, base+"/industry/", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err = http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("/industry/ was not compressed: %v", resp.Header)
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(zr)
	if !strings.Contains(string(page), "</html>") {
		t.Error("the compressed page does not decompress to the page")
	}
}

// start runs nginx with nginx.conf (root and listen replaced, the
// headers snippet included from here) and returns its base URL.
func start(t *testing.T, nginx, public string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	sample, err := os.ReadFile("nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	snippet, _ := filepath.Abs("security-headers.conf")
	server := strings.NewReplacer(
		"listen 80;", "listen "+addr+";",
		"root /srv/folio/public;", "root "+public+";",
		"/etc/nginx/snippets/security-headers.conf", snippet,
	).Replace(string(sample))
	prefix := t.TempDir()
	conf := filepath.Join(prefix, "nginx.conf")
	main := fmt.Sprintf(`user root;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
%[2]s
}
`, prefix, server)
	if err := os.WriteFile(conf, []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nginx, "-p", prefix, "-c", conf, "-g", "daemon off;")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	for deadline := time.Now().Add(10 * time.Second); ; {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
			t.Fatalf("nginx did not start: %s\n%s", stderr.String(), log)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return "http://" + addr
}
