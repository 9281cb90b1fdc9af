package upload_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"folio/internal/upload"
	"folio/internal/upload/s3test"
)

// BenchmarkDeploy1000 deploys a site of 1,000 pages (16 KB each, like
// the sample's chapters) and 1,000 images (48 KB) to a real server on
// loopback: the first deploy, one with nothing changed (a listing and a
// plan), and one after one page changed. It measures folio's side of a
// deploy; a store across a network adds its round trips.
func BenchmarkDeploy1000(b *testing.B) {
	server := s3test.Start(b, "site")
	dir := generatedSite(b, 1000)
	page := strings.Repeat("高新区改革发展", 16*1024/21)
	ctx := context.Background()
	emptyBucket := func(b *testing.B) {
		if err := os.RemoveAll(filepath.Join(server.Root, "site")); err != nil {
			b.Fatal(err)
		}
		if err := os.Mkdir(filepath.Join(server.Root, "site"), 0o755); err != nil {
			b.Fatal(err)
		}
	}
	deploy := func(b *testing.B, want int) {
		sum, err := upload.Deploy(ctx, upload.Options{Dir: dir, URL: server.URL, MaxDeletes: 256})
		if err != nil {
			b.Fatal(err)
		}
		if len(sum.Plan.Uploads) != want {
			b.Fatalf("%d uploads, want %d", len(sum.Plan.Uploads), want)
		}
	}
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			emptyBucket(b)
			b.StartTimer()
			deploy(b, 2000)
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		for b.Loop() {
			deploy(b, 0)
		}
	})
	b.Run("one-page-changed", func(b *testing.B) {
		n := 0
		for b.Loop() {
			b.StopTimer()
			n++
			if err := os.WriteFile(filepath.Join(dir, "p0500", "index.html"), []byte(fmt.Sprint(page, n)), 0o644); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			deploy(b, 1)
		}
	})
}

// generatedSite writes n pages (16 KB each, like the sample's chapters)
// and n images (48 KB), each page referring to its image.
func generatedSite(b *testing.B, n int) string {
	page := strings.Repeat("高新区改革发展", 16*1024/21)
	image := strings.Repeat("\x00RIFF", 48*1024/5)
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("p%04d/index.html", i)] = fmt.Sprintf(`<img src="../images/p%04d.%08x.webp">%s`, i, i, page)
		files[fmt.Sprintf("images/p%04d.%08x.webp", i, i)] = image + fmt.Sprint(i)
	}
	return siteDir(b, files)
}

// BenchmarkDeployAcrossANetwork is the first deploy of 200 pages and 200
// images to a store that answers each request 20 ms late, as one across
// a network does: one request at a time, and eight.
func BenchmarkDeployAcrossANetwork(b *testing.B) {
	server := s3test.Start(b, "site")
	dir := generatedSite(b, 200)
	u, err := url.Parse(server.URL)
	if err != nil {
		b.Fatal(err)
	}
	target, _ := url.Parse(u.Query().Get("endpoint"))
	proxy := httputil.NewSingleHostReverseProxy(target)
	far := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		proxy.ServeHTTP(w, r)
	}))
	defer far.Close()
	q := u.Query()
	q.Set("endpoint", far.URL)
	u.RawQuery = q.Encode()
	for _, workers := range []int{1, 8} {
		b.Run(fmt.Sprintf("workers-%d", workers), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				os.RemoveAll(filepath.Join(server.Root, "site"))
				if err := os.Mkdir(filepath.Join(server.Root, "site"), 0o755); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				sum, err := upload.Deploy(context.Background(), upload.Options{Dir: dir, URL: u.String(), MaxDeletes: 256, Workers: workers})
				if err != nil || len(sum.Plan.Uploads) != 400 {
					b.Fatalf("%d uploads: %v", len(sum.Plan.Uploads), err)
				}
			}
		})
	}
}
