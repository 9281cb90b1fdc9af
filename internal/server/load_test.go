package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoadWhileRewriting: 200 clients fetch pages for 30 s (3 s with
// -short) while a chapter is rewritten every 50 ms. No request may fail,
// every page must be whole and come from one complete build (a page of a
// build shows that build's text of the chapter, never another's), and
// once the server stops no goroutine of it may be left.
func TestLoadWhileRewriting(t *testing.T) {
	duration := 30 * time.Second
	if testing.Short() {
		duration = 3 * time.Second
	}
	h := start(t)
	chapter := filepath.Join(h.dir, "content/chapters/01-a.md")
	rewrite := func(rev int) {
		write(t, chapter, fmt.Sprintf("---\ntitle: 甲篇\nsummary: 甲的摘要。\n---\n甲的第%d版正文。\n", rev))
	}

	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 200}, Timeout: 20 * time.Second}
	defer client.CloseIdleConnections()
	// Each build's pages carry its sequence number (the reload check
	// script) and the chapter's revision: one build, one revision.
	genRE := regexp.MustCompile(`g!=="(\d+)"`)
	revRE := regexp.MustCompile(`甲的第([^版]+)版正文`)
	var mu sync.Mutex
	revOf := map[string]string{}
	var requests, failures atomic.Int64
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 5 {
			t.Errorf(format, args...)
		}
	}
	paths := []string{"a/", "", "b/", "a/"}
	var wg sync.WaitGroup
	for c := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; ctx.Err() == nil; i++ {
				p := paths[i%len(paths)]
				resp, err := client.Get(h.srv.URL() + p)
				if err != nil {
					if ctx.Err() == nil {
						fail("GET /%s: %v", p, err)
					}
					return
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				requests.Add(1)
				page := string(body)
				switch {
				case err != nil:
					fail("GET /%s: reading: %v", p, err)
				case resp.StatusCode != http.StatusOK:
					fail("GET /%s: %d", p, resp.StatusCode)
				case !strings.HasSuffix(strings.TrimSpace(page), "</html>"):
					fail("GET /%s: a partial page of %d bytes", p, len(body))
				case p == "a/":
					gen, rev := genRE.FindStringSubmatch(page), revRE.FindStringSubmatch(page)
					if gen == nil || rev == nil {
						fail("GET /a/: no build number or no chapter text")
						continue
					}
					mu.Lock()
					if seen, ok := revOf[gen[1]]; ok && seen != rev[1] {
						fail("build %s served revision %s and revision %s of the chapter", gen[1], seen, rev[1])
					}
					revOf[gen[1]] = rev[1]
					mu.Unlock()
				}
			}
		}()
	}
	rev := 0
	for tick := time.NewTicker(50 * time.Millisecond); ctx.Err() == nil; <-tick.C {
		rev++
		rewrite(rev)
	}
	wg.Wait()
	t.Logf("%d requests, %d builds seen, %d rewrites", requests.Load(), len(revOf), rev)
	if len(revOf) < 2 {
		t.Errorf("the rewrites were served by %d build(s): the watcher did not rebuild under load", len(revOf))
	}

	client.CloseIdleConnections()
	h.ws.Close()
	h.ws = nil
	h.stop()
	assertNoServerGoroutines(t)
}

// assertNoServerGoroutines waits up to 3 s for the server's goroutines
// (watcher, builds, connections) to end, and fails naming one that stays.
func assertNoServerGoroutines(t *testing.T) {
	t.Helper()
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(3 * time.Second)
	for {
		buf := make([]byte, 1<<22)
		stacks := string(buf[:runtime.Stack(buf, true)])
		leak := ""
		for _, l := range []string{"folio/internal/server.(*Watcher)", "fsnotify", "folio/internal/server.(*Server)", "net/http.(*conn).serve", "livereload.(*connection)"} {
			if strings.Contains(stacks, l) {
				leak = l
			}
		}
		if leak == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("goroutine left running after stop: %s\n%s", leak, stacks)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
