package server

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"golang.org/x/tools/txtar"

	"folio/deploy"
	"folio/internal/config"
	"folio/internal/msg"
	"folio/internal/site"
)

const testSite = `
-- content/publication.yaml --
title: 预览站
-- content/index.md --
封面导语。
-- content/chapters/01-a.md --
---
title: 甲篇
summary: 甲的摘要。
---
甲的第一版正文。
-- content/chapters/02-b.md --
---
title: 乙篇
summary: 乙的摘要。
---
乙的正文。
-- content/chapters/03-c.md --
---
title: 丙篇
draft: true
---
丙还在写。
-- assets/css/main.css --
@import "theme.css";
@import "charts.css";
`

type harness struct {
	t    *testing.T
	dir  string
	srv  *Server
	ws   *websocket.Conn
	stop func()
	log  *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func start(t *testing.T) *harness {
	t.Helper()
	return startWith(t, func(*Options) {})
}

// startWith starts a server on the test site with options changed by set.
func startWith(t *testing.T, set func(*Options)) *harness {
	t.Helper()
	dir := t.TempDir()
	// Saved an hour ago: files saved in the last two seconds are read on
	// every build, and the rebuilds must also find the edits of files the
	// session has cached, by the watcher's list of changed files.
	old := time.Now().Add(-time.Hour)
	for _, f := range txtar.Parse([]byte(testSite)).Files {
		p := filepath.Join(dir, f.Name)
		write(t, p, string(f.Data))
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	log := &syncBuffer{}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	opts := Options{Site: site.Options{Options: config.Options{Src: dir, Drafts: true}}, Port: 0, Log: log}
	set(&opts)
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	h := &harness{t: t, dir: dir, srv: srv, log: log}
	h.stop = func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}
	t.Cleanup(func() {
		if h.ws != nil {
			h.ws.Close()
		}
		if ctx.Err() == nil {
			h.stop()
		}
	})
	h.connect()
	return h
}

func write(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// connect opens the live-reload websocket as livereload.js does and waits
// for the server's hello, so the connection is registered.
func (h *harness) connect() {
	h.t.Helper()
	u := strings.Replace(h.srv.URL(), "http://", "ws://", 1) + "livereload"
	ws, _, err := websocket.DefaultDialer.Dial(u, nil)
	if err != nil {
		h.t.Fatal(err)
	}
	if err := ws.WriteMessage(websocket.TextMessage, []byte(`{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}`)); err != nil {
		h.t.Fatal(err)
	}
	_ = ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, msg, err := ws.ReadMessage(); err != nil || !strings.Contains(string(msg), `"hello"`) {
		h.t.Fatalf("no hello from the server: %v %s", err, msg)
	}
	h.ws = ws
}

type reloadMsg struct {
	Command string `json:"command"`
	Path    string `json:"path"`
	LiveCSS bool   `json:"liveCSS"`
}

// next waits for the next live-reload message.
func (h *harness) next() reloadMsg {
	h.t.Helper()
	_ = h.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, data, err := h.ws.ReadMessage()
	if err != nil {
		h.t.Fatalf("no reload message: %v\nserver log:\n%s", err, h.log.String())
	}
	var m reloadMsg
	if err := json.Unmarshal(data, &m); err != nil {
		h.t.Fatalf("bad message %s", data)
	}
	return m
}

// none asserts that no further message arrives for a while.
func (h *harness) none(wait time.Duration) {
	h.t.Helper()
	_ = h.ws.SetReadDeadline(time.Now().Add(wait))
	if _, data, err := h.ws.ReadMessage(); err == nil {
		h.t.Errorf("unexpected second message: %s", data)
	}
	h.connect() // a read deadline breaks a gorilla connection: start afresh
}

func (h *harness) get(p string) (int, string) {
	h.t.Helper()
	resp, err := http.Get(h.srv.URL() + p)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestEditReloadsOnceWithNewText(t *testing.T) {
	h := start(t)
	if _, body := h.get("a/"); !strings.Contains(body, "甲的第一版正文") || !strings.Contains(body, "/livereload.js") {
		t.Fatalf("first page:\n%s", body)
	}
	write(t, filepath.Join(h.dir, "content/chapters/01-a.md"), "---\ntitle: 甲篇\nsummary: 甲的摘要。\n---\n甲的第二版正文。\n")
	m := h.next()
	if m.Command != "reload" || m.Path != "__hugo_navigate/a/" {
		t.Errorf("message %+v: want a navigation to the edited chapter", m)
	}
	h.none(300 * time.Millisecond)
	if _, body := h.get("a/"); !strings.Contains(body, "甲的第二版正文") {
		t.Errorf("the page does not show the edit:\n%s", body)
	}
}

// TestEditsOfCachedFilesAreSeen: after the first save the server builds
// from the watcher's list of changed files, taking the others as cached.
// Each of these files was cached (saved an hour before), and each save
// must show, including a save of the same size.
func TestEditsOfCachedFilesAreSeen(t *testing.T) {
	h := start(t)
	for _, edit := range []struct{ file, path, text string }{
		{"content/chapters/01-a.md", "a/", "甲的第二版正文。"},
		{"content/chapters/02-b.md", "b/", "乙的第二版正文。"},
		{"content/index.md", "", "封面的新序言。"},
	} {
		p := filepath.Join(h.dir, edit.file)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, front, _ := strings.Cut(string(data), "---\n")
		front, _, _ = strings.Cut(front, "---\n")
		write(t, p, "---\n"+front+"---\n"+edit.text+"\n")
		h.next()
		if _, body := h.get(edit.path); !strings.Contains(body, edit.text) {
			t.Errorf("%s does not show the save of %s", edit.path, edit.file)
		}
	}
}

func TestDraftsShownWithBanner(t *testing.T) {
	h := start(t)
	if code, body := h.get("c/"); code != 200 || !strings.Contains(body, `class="draft-banner"`) || !strings.Contains(body, "草稿") {
		t.Errorf("the draft is not shown with its banner (status %d)", code)
	}
}

func TestBrokenSaveShowsOverlayAndRepairClearsIt(t *testing.T) {
	h := start(t)
	chapter := filepath.Join(h.dir, "content/chapters/02-b.md")
	write(t, chapter, "---\ntitle: 乙篇\nsummary: [未闭合\nweight: 2\n---\n乙的新正文。\n")
	h.next()
	code, body := h.get("b/")
	if code != http.StatusOK || !strings.Contains(body, "乙的正文") {
		t.Errorf("the last good build is not served under the overlay (status %d)", code)
	}
	for _, want := range []string{`id="folio-overlay" role="alertdialog"`, "构建失败：1 个错误", "content/chapters/02-b.md:3:10", "[yaml-syntax]", `<span class="here">   3 │ summary: [未闭合</span>`, "关闭（Esc）"} {
		if !strings.Contains(body, want) {
			t.Errorf("overlay lacks %q:\n%s", want, body)
		}
	}
	if _, other := h.get(""); !strings.Contains(other, "folio-overlay") {
		t.Error("another open page does not show the overlay")
	}
	if !strings.Contains(h.log.String(), "content/chapters/02-b.md:3:10: error:") {
		t.Errorf("the terminal does not show the diagnostic:\n%s", h.log.String())
	}
	if !regexp.MustCompile(`build failed in \S+: 1 error; serving the last good build\n`).MatchString(h.log.String()) {
		t.Errorf("the terminal does not count the error in the singular:\n%s", h.log.String())
	}
	write(t, chapter, "---\ntitle: 乙篇\nsummary: 乙的摘要。\n---\n乙的新正文。\n")
	h.next()
	if _, body := h.get("b/"); strings.Contains(body, "folio-overlay") || !strings.Contains(body, "乙的新正文") {
		t.Errorf("the repair did not clear the overlay:\n%s", body)
	}
}

// TestOverlaySpeaksThePublicationsLanguage: the overlay inside a
// Chinese page is Chinese, inside an English one English, whatever the
// terminal's language; --lang (OverlayLang) overrides the publication.
func TestOverlaySpeaksThePublicationsLanguage(t *testing.T) {
	h := startWith(t, func(o *Options) { o.LogLang = msg.English })
	chapter := filepath.Join(h.dir, "content/chapters/02-b.md")
	write(t, chapter, "---\ntitle: 乙篇\nsummary: 乙的摘要。\n---\n见[丙篇](09-none.md)。\n")
	h.next()
	_, body := h.get("b/")
	for _, want := range []string{"构建失败：1 个错误", "链接到 09-none.md：出版物中没有这一页", "[broken-link]", "关闭（Esc）"} {
		if !strings.Contains(body, want) {
			t.Errorf("the overlay of a zh-CN publication lacks %q:\n%s", want, body)
		}
	}
	if log := h.log.String(); !strings.Contains(log, "error: link to 09-none.md: no such page") || !strings.Contains(log, "build failed in") || !strings.Contains(log, ": 1 error; serving the last good build") {
		t.Errorf("the terminal (LANG=C) is not in English:\n%s", log)
	}

	write(t, filepath.Join(h.dir, "content/publication.yaml"), "title: 预览站\nlanguage: en\n")
	h.next()
	_, body = h.get("b/")
	for _, want := range []string{"Build failed: 1 error", "link to 09-none.md: no such page in the publication", "Close (Esc)"} {
		if !strings.Contains(body, want) {
			t.Errorf("the overlay of an English publication lacks %q:\n%s", want, body)
		}
	}

	z := startWith(t, func(o *Options) { o.LogLang = msg.Chinese; o.OverlayLang = "en" })
	write(t, filepath.Join(z.dir, "content/chapters/02-b.md"), "---\ntitle: 乙篇\nsummary: 乙的摘要。\n---\n见[丙篇](09-none.md)。\n")
	z.next()
	if _, body := z.get("b/"); !strings.Contains(body, "Build failed: 1 error") {
		t.Errorf("--lang en does not make the overlay English:\n%s", body)
	}
	if log := z.log.String(); !strings.Contains(log, "error: 链接到 09-none.md") || !strings.Contains(log, "构建失败") {
		t.Errorf("the terminal (LANG=zh_CN) is not in Chinese:\n%s", log)
	}
}

func TestWarningsShowQuietly(t *testing.T) {
	h := start(t)
	write(t, filepath.Join(h.dir, "content/chapters/02-b.md"), "---\ntitle: 乙篇\nsumary: 错字\n---\n乙的正文。\n")
	h.next()
	_, body := h.get("b/")
	if !strings.Contains(body, `<aside id="folio-warnings" role="status"`) || strings.Contains(body, "alertdialog") || !strings.Contains(body, `未知的键 &#34;sumary&#34;；是不是 &#34;summary&#34;？`) {
		t.Errorf("warnings not shown as a quiet panel:\n%s", body)
	}
}

func TestRenameSaveIsSeen(t *testing.T) {
	h := start(t)
	// vim, VS Code and JetBrains write a temporary file and rename it over
	// the original.
	tmp := filepath.Join(h.dir, "content/chapters/.01-a.md.swp")
	write(t, tmp, "---\ntitle: 甲篇\nsummary: 甲的摘要。\n---\n改名保存的正文。\n")
	if err := os.Rename(tmp, filepath.Join(h.dir, "content/chapters/01-a.md")); err != nil {
		t.Fatal(err)
	}
	h.next()
	if _, body := h.get("a/"); !strings.Contains(body, "改名保存的正文") {
		t.Errorf("the renamed save is not shown:\n%s", body)
	}
}

func TestNewFolderAndDeletedFile(t *testing.T) {
	h := start(t)
	write(t, filepath.Join(h.dir, "content/pages/about.md"), "---\ntitle: 关于\n---\n新页面。\n")
	h.next()
	if code, body := h.get("about/"); code != 200 || !strings.Contains(body, "新页面") {
		t.Errorf("a page in a new folder is not served: %d", code)
	}
	if err := os.Remove(filepath.Join(h.dir, "content/chapters/02-b.md")); err != nil {
		t.Fatal(err)
	}
	h.next()
	if code, _ := h.get("b/"); code != http.StatusNotFound {
		t.Errorf("a deleted chapter still answers %d", code)
	}
}

func TestStylesheetEditSwapsInPlace(t *testing.T) {
	h := start(t)
	write(t, filepath.Join(h.dir, "assets/css/main.css"), "@import \"theme.css\";\n@import \"charts.css\";\nbody { outline: 1px solid red }\n")
	m := h.next()
	if m.Path != "/assets/main.css" || !m.LiveCSS {
		t.Errorf("message %+v: want the stylesheet swapped in place", m)
	}
	if _, css := h.get("assets/main.css"); !strings.Contains(css, "outline:1px solid red") {
		t.Error("the new stylesheet is not served")
	}
}

func TestConcurrentRequestsGetWholePages(t *testing.T) {
	h := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	var bad sync.Map
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				resp, err := http.Get(h.srv.URL() + "a/")
				if err != nil {
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				s := string(body)
				if !strings.HasSuffix(strings.TrimSpace(s), "</html>") || !strings.Contains(s, "正文") {
					bad.Store(s, true)
				}
			}
		}()
	}
	for i := range 15 {
		text := strings.Repeat("新", i+1)
		write(t, filepath.Join(h.dir, "content/chapters/01-a.md"), "---\ntitle: 甲篇\nsummary: 甲的摘要。\n---\n正文"+text+"。\n")
		h.srv.Rebuild(ctx, nil)
	}
	cancel()
	wg.Wait()
	bad.Range(func(k, _ any) bool {
		t.Errorf("a partial page was served:\n%s", k)
		return false
	})
}

func TestStopsCleanly(t *testing.T) {
	h := start(t)
	addr := strings.TrimSuffix(strings.TrimPrefix(h.srv.URL(), "http://"), "/")
	h.ws.Close()
	h.ws = nil
	h.stop()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("the port was not freed: %v", err)
	}
	ln.Close()
	assertNoServerGoroutines(t)

	entries, _ := os.ReadDir(h.dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "assets content" {
		t.Errorf("serve wrote into the site: it now holds %v", names)
	}
}

func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	_, err = New(Options{Site: site.Options{Options: config.Options{Src: t.TempDir()}}, Port: port})
	if err == nil || !strings.Contains(err.Error(), "port "+strconv.Itoa(port)+" on 127.0.0.1 is already in use") {
		t.Errorf("err = %v", err)
	}
}

// TestServesOnlyTheSite: every spelling of a path out of the site answers
// 404 (the site is served from memory: nothing else can be read), and only
// GET and HEAD are allowed.
func TestServesOnlyTheSite(t *testing.T) {
	h := start(t)
	write(t, filepath.Join(h.dir, "secret.txt"), "secret")
	base := strings.TrimSuffix(h.srv.URL(), "/")
	for _, p := range []string{"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..\\secret.txt", "/content/publication.yaml", "/a/%00", "/a/..%5c..%5csecret.txt"} {
		req, err := http.NewRequest(http.MethodGet, base+p, nil)
		if err != nil {
			continue // not even a request
		}
		req.URL.Opaque = p // send the path exactly as written
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(body), "secret") || strings.Contains(string(body), "title: 预览站") {
			t.Errorf("%s served a file outside the site", p)
		}
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s answered %d", p, resp.StatusCode)
		}
	}
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		req, _ := http.NewRequest(m, base+"/", strings.NewReader("x"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s answered %d", m, resp.StatusCode)
		}
	}
	resp, err := http.Get(base + "/a/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, sh := range deploy.SecurityHeaders() {
		if got := resp.Header.Get(sh[0]); got != sh[1] && sh[0] != "Content-Security-Policy" {
			t.Errorf("%s: %q, want %q", sh[0], got, sh[1])
		}
	}
	if !strings.HasPrefix(h.srv.URL(), "http://127.0.0.1:") {
		t.Errorf("not on loopback by default: %s", h.srv.URL())
	}
}
