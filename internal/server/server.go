// Package server is folio's dev server: it builds the site into memory,
// serves it on loopback, watches the source folders, rebuilds what a
// change reaches, and tells open pages to reload (or to swap a stylesheet
// in place) through Hugo's livereload. When a build fails, every page
// shows the diagnostics in an overlay over the last good build, until the
// next good build removes it.
package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gohugoio/hugo/livereload"
	"github.com/gohugoio/hugo/transform"
	"github.com/gohugoio/hugo/transform/livereloadinject"

	"folio/deploy"
	"folio/internal/diag"
	"folio/internal/msg"
	"folio/internal/output"
	"folio/internal/site"
)

// Options configure a dev server.
type Options struct {
	Site  site.Options  // Src, Drafts, …; the base URL is the server's own
	Bind  string        // default 127.0.0.1
	Port  int           // 0 picks a free port
	Quiet time.Duration // quiet period of the watcher; default 20 ms
	Log   io.Writer     // the terminal: diagnostics and rebuild lines
	// LogLang is the language of the terminal's lines; OverlayLang that
	// of the overlay in the page, "" for the publication's language.
	LogLang     msg.Lang
	OverlayLang string
}

// Server is a running dev server.
type Server struct {
	opts    Options
	ln      net.Listener
	base    *url.URL
	session *site.Session
	gen     atomic.Pointer[generation]
	mu      sync.Mutex // serialises builds

	// Reloads counts the reload messages sent; tests and benchmarks wait
	// on it.
	reloads atomic.Int64
	notify  chan struct{}
}

// generation is one build as served: its files, and the diagnostics of
// the latest build (which may have failed, leaving these files in place).
type generation struct {
	seq    int64 // counts the builds that changed what is served
	files  *output.Memory
	diags  []diag.Diagnostic
	failed bool
	lang   msg.Lang // of the overlay
	// context holds source lines around each diagnostic, by position.
	context map[diag.Position][]sourceLine
	// wechat is what the WeChat preview needs; nil before a build
	// could read the publication.
	wechat *wechatInfo
}

var initLivereload sync.Once

// New listens on the address and builds the site once. A port in use is
// an error naming it.
func New(opts Options) (*Server, error) {
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	if opts.Quiet == 0 {
		// An editor's save is its events within a millisecond or two
		// (atomic saves: a temporary file, a rename); 20 ms is also
		// webpack's default for the same wait. A longer burst, say a
		// git checkout, keeps the watcher waiting until it is over.
		opts.Quiet = 20 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	addr := net.JoinHostPort(opts.Bind, strconv.Itoa(opts.Port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("port %d on %s is already in use: stop the other server, or pass --port 0 for a free port", opts.Port, opts.Bind)
		}
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	host := opts.Bind
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	base := &url.URL{Scheme: "http", Host: net.JoinHostPort(host, strconv.Itoa(port)), Path: "/"}
	opts.Site.BaseURL = base.String()
	opts.Site.Dev = true
	// The editions (print page, EPUB) show every chapter: the preview
	// leaves them to folio build rather than redo them on every save.
	opts.Site.NoEditions = true
	if opts.Site.CacheDir == "" {
		opts.Site.CacheDir = serveCacheDir(opts.Site.Src)
	}
	s := &Server{opts: opts, ln: ln, base: base, session: site.NewSession(opts.Site), notify: make(chan struct{}, 1)}
	initLivereload.Do(livereload.Initialize)
	s.build(context.Background(), nil, false)
	return s, nil
}

// URL is where the site is served.
func (s *Server) URL() string { return s.base.String() }

// Reloads returns how many reload messages were sent.
func (s *Server) Reloads() int64 { return s.reloads.Load() }

// Serve serves and watches until ctx is done, then shuts down: the
// listener is closed and the watcher stopped.
func (s *Server) Serve(ctx context.Context) error {
	w, err := NewWatcher(s.opts.Site.Src, s.opts.Quiet)
	if err != nil {
		s.ln.Close()
		return fmt.Errorf("watching %s: %w", s.opts.Site.Src, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/livereload.js", livereload.ServeJS)
	mux.HandleFunc("/livereload", livereload.Handler)
	mux.HandleFunc("/__folio/generation", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, s.gen.Load().seq)
	})
	mux.HandleFunc(wechatPath, s.serveWeChat)
	mux.Handle("/", http.HandlerFunc(s.serveSite))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); w.Run(ctx) }()
	go func() {
		defer wg.Done()
		// A build may take the watcher's word for which files changed
		// once one build has checked every file while the watcher ran
		// (files saved before it started were seen by no one), and
		// until the watcher reports an error (it may have dropped
		// events).
		watched := false
		for {
			select {
			case <-ctx.Done():
				return
			case batch := <-w.Batches():
				s.build(ctx, batch, watched)
				watched = true
			case err := <-w.Errors():
				watched = false
				fmt.Fprintf(s.opts.Log, "watch: %v\n", err)
			}
		}
	}()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(s.ln) }()
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	cancel()
	shutdown, done := context.WithTimeout(context.Background(), 3*time.Second)
	defer done()
	_ = srv.Shutdown(shutdown)
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// Rebuild builds now, as if the files changed had been saved, checking
// every file (the watcher's own builds, once it has been running for a
// build, take its list as complete).
func (s *Server) Rebuild(ctx context.Context, changed []string) { s.build(ctx, changed, false) }

// overlayLang is the language of the overlay: the one Options names,
// else the publication's; a build that could not read the publication
// keeps the last one known (Chinese, the default language, at first).
func (s *Server) overlayLang(prev *generation) msg.Lang {
	if l, ok := msg.Parse(s.opts.OverlayLang); ok {
		return l
	}
	if tag := s.session.Language(); tag != "" {
		return msg.ForContent(tag)
	}
	if prev != nil {
		return prev.lang
	}
	return msg.Chinese
}

// build rebuilds the site after the files changed were saved; when
// watched, they are every file changed since the last build.
func (s *Server) build(ctx context.Context, changed []string, watched bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	if watched {
		s.session.Assume(changed)
	}
	mem := output.NewMemory()
	var diags diag.List
	res, err := s.session.Build(ctx, mem, &diags)
	if ctx.Err() != nil {
		return
	}
	prev := s.gen.Load()
	next := &generation{files: mem, diags: diags.Items()}
	if res != nil {
		next.wechat = wechatInfoOf(s.opts.Site, res.Pub)
	}
	if err != nil || diags.HasErrors() {
		next.failed = true
		if prev != nil {
			next.files = prev.files // the last good build stays served
			next.wechat = prev.wechat
		}
		if err != nil {
			next.diags = append(next.diags, diag.Make(diag.Position{}, diag.Error, "build", "%v", err))
		}
	}
	next.context = sourceContext(next.diags)
	next.lang = s.overlayLang(prev)
	next.seq = 1
	if prev != nil {
		next.seq = prev.seq + 1
	}
	s.gen.Store(next)

	l := s.opts.LogLang
	diags.PrintIn(s.opts.Log, l)
	elapsed := time.Since(start).Round(time.Millisecond)
	switch {
	case next.failed:
		e, w := 0, 0 // counted in next.diags: they include a failure of the machine
		for _, d := range next.diags {
			switch d.Severity {
			case diag.Error:
				e++
			case diag.Warning:
				w++
			}
		}
		l.Fprintf(s.opts.Log, "build failed in %s: %s; serving the last good build\n", elapsed, msg.Problems(e, w))
	case res != nil && prev != nil:
		l.Fprintf(s.opts.Log, "rebuilt in %s: %d converted, %d rendered\n", elapsed, len(res.Converted), len(res.Rendered))
	}
	if prev != nil {
		s.reload(prev, next, changed)
	}
}

// reload tells the open pages what changed: a stylesheet alone is swapped
// in place; one page changed by an edit of its Markdown is navigated to;
// anything else reloads the open page.
func (s *Server) reload(prev, next *generation, changed []string) {
	var changedOut []string
	if !next.failed {
		for _, name := range next.files.Names() {
			a, _ := prev.files.File(name)
			b, _ := next.files.File(name)
			if !bytes.Equal(a, b) {
				changedOut = append(changedOut, name)
			}
		}
		for _, name := range prev.files.Names() {
			if _, ok := next.files.File(name); !ok {
				changedOut = append(changedOut, name)
			}
		}
	}
	sameDiags := slices.EqualFunc(prev.diags, next.diags, diag.Diagnostic.Same) && prev.failed == next.failed && prev.lang == next.lang
	if len(changedOut) == 0 && sameDiags {
		return
	}
	var pages, styles, others []string
	for _, name := range changedOut {
		switch path.Ext(name) {
		case ".html":
			pages = append(pages, name)
		case ".css", ".map":
			styles = append(styles, name)
		default:
			others = append(others, name)
		}
	}
	switch {
	case sameDiags && len(pages) == 0 && len(others) == 0 && len(styles) > 0:
		for _, name := range styles {
			if path.Ext(name) == ".css" {
				livereload.RefreshPath("/" + name)
			}
		}
	case sameDiags && len(pages) == 1 && onlyMarkdown(changed):
		livereload.NavigateToPathForPort("/"+strings.TrimSuffix(pages[0], "index.html"), 0)
	default:
		livereload.ForceRefresh()
	}
	s.reloads.Add(1)
	select {
	case s.notify <- struct{}{}:
	default:
	}
}

func onlyMarkdown(changed []string) bool {
	for _, p := range changed {
		if filepath.Ext(p) != ".md" {
			return false
		}
	}
	return len(changed) > 0
}

// serveSite answers from the current generation, as a static host would.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	gen := s.gen.Load()
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	data, ok := gen.files.File(name)
	status := http.StatusOK
	if !ok {
		if _, isDir := gen.files.File(path.Join(name, "index.html")); isDir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name, status = "404.html", http.StatusNotFound
		data, _ = gen.files.File(name)
		if data == nil {
			// No good build yet: a bare page to carry the overlay.
			data = []byte("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>folio</title></head><body></body></html>")
		}
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if path.Ext(name) == ".html" {
		data = s.decorate(data, gen, name)
		ctype = "text/html; charset=utf-8"
	}
	// The headers publishers are told to send (deploy/), but for the
	// Content-Security-Policy: the preview injects inline scripts (the
	// reload check, the overlay) that the policy refuses. The browser
	// tests serve built pages under the full policy.
	for _, h := range deploy.SecurityHeaders() {
		if h[0] != "Content-Security-Policy" {
			w.Header().Set(h[0], h[1])
		}
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		_, _ = w.Write(data)
	}
}

// decorate injects the live-reload script and, after a failed build or
// with warnings, the overlay.
func (s *Server) decorate(page []byte, gen *generation, name string) []byte {
	var out bytes.Buffer
	chain := transform.New(livereloadinject.New(s.base))
	if err := chain.Apply(&out, bytes.NewReader(page)); err != nil {
		out.Reset()
		out.Write(page)
	}
	// A save can land between this page being served and its live-reload
	// socket connecting, and its reload message is then lost: the page
	// asks once, a moment after loading, whether it is still current.
	check := []byte(`<script>addEventListener("load",function(){setTimeout(function(){fetch("/__folio/generation").then(function(r){return r.text()}).then(function(g){if(g!=="` + strconv.FormatInt(gen.seq, 10) + `")location.reload()})},800)})</script>`)
	overlay := check
	if len(gen.diags) > 0 {
		overlay = append(renderOverlay(gen), check...)
	}
	if gen.wechat != nil && bytes.Contains(page, []byte(`<article class="chapter"`)) {
		overlay = append(wechatLink(name), overlay...)
	}
	html := out.Bytes()
	if i := bytes.LastIndex(html, []byte("</body>")); i >= 0 {
		return slices.Concat(html[:i], overlay, html[i:])
	}
	return append(html, overlay...)
}

// serveCacheDir keeps the dev server's processed images and bundles in the
// user's cache folder, one per site, so that serving writes nothing into
// the site itself.
func serveCacheDir(src string) string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	abs, err := filepath.Abs(src)
	if err != nil {
		abs = src
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "folio", "serve-"+hex.EncodeToString(sum[:6]))
}
