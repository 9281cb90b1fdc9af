package server

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"folio/internal/benchgen"
	"folio/internal/config"
	"folio/internal/site"
)

// BenchmarkSaveToReload measures what an editor waits for: from writing a
// chapter of the sample to the dev server's reload message, through the
// watcher's quiet period, the incremental rebuild and the live-reload hub.
// It reports the median in ms/save.
func BenchmarkSaveToReload(b *testing.B) {
	dir := b.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		b.Fatal(err)
	}
	saveToReload(b, dir, filepath.Join(dir, "content/chapters/02-industry.md"), func(original string, i int) string {
		return strings.Replace(original, "。", "。"+strings.Repeat("新", i%7+1), 1)
	})
}

// BenchmarkSaveToReload1000 is the same on a generated publication of
// 1,000 chapters, editing the last paragraph of one in the middle (the
// first "。" of a generated chapter is in its summary, which search does
// not index).
func BenchmarkSaveToReload1000(b *testing.B) {
	dir := b.TempDir()
	if err := benchgen.Generate(dir, 1000, 1); err != nil {
		b.Fatal(err)
	}
	saveToReload(b, dir, filepath.Join(dir, "content/chapters/00500-chapter-500.md"), func(original string, i int) string {
		at := strings.LastIndex(original, "。")
		return original[:at] + strings.Repeat("新", i%7+1) + original[at:]
	})
}

// saveToReload serves the site in dir and times edits of chapter from the
// write to the reload message; edit returns the text of the i-th edit.
func saveToReload(b *testing.B, dir, chapter string, edit func(original string, i int) string) {
	srv, err := New(Options{Site: site.Options{Options: config.Options{Src: dir}, CacheDir: b.TempDir()}})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	defer func() { cancel(); <-done }()

	ws, _, err := websocket.DefaultDialer.Dial(strings.Replace(srv.URL(), "http://", "ws://", 1)+"livereload", nil)
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	_ = ws.WriteMessage(websocket.TextMessage, []byte(`{"command":"hello"}`))
	if _, _, err := ws.ReadMessage(); err != nil {
		b.Fatal(err)
	}
	original, err := os.ReadFile(chapter)
	if err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	i := 0
	for b.Loop() {
		i++
		edited := edit(string(original), i)
		start := time.Now()
		if err := os.WriteFile(chapter, []byte(edited), fs.FileMode(0o644)); err != nil {
			b.Fatal(err)
		}
		_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
		if _, msg, err := ws.ReadMessage(); err != nil || !strings.Contains(string(msg), "reload") {
			b.Fatalf("no reload message: %v %s", err, msg)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median/save")
}
