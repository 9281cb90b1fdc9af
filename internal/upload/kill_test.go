package upload_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gocloud.dev/blob"

	"folio/internal/upload"
	"folio/internal/upload/s3test"
)

// version writes one build of a small site: every page refers to the
// build's stylesheet and to images of its own, and the images and
// stylesheet are named by content, so each build refers to files the
// other does not have.
func version(t *testing.T, n int) map[string]string {
	t.Helper()
	css := fmt.Sprintf("assets/main.%08x.css", n)
	files := map[string]string{
		css:                      fmt.Sprintf("body{--build:%d}", n),
		"feed.xml":               fmt.Sprintf("<feed>%d</feed>", n),
		"sitemap.xml":            fmt.Sprintf("<urlset>%d</urlset>", n),
		"search/index/meta.json": fmt.Sprintf(`{"build":%d}`, n),
	}
	home := `<link rel="stylesheet" href="` + css + `">`
	// Pages 0..11 in build 1, 4..15 in build 2: some go, some come.
	for p := 4 * (n - 1); p < 4*(n-1)+12; p++ {
		img := fmt.Sprintf("images/p%02d.%08x", p, n)
		files[fmt.Sprintf("p%02d/index.html", p)] = fmt.Sprintf(
			`<link rel="stylesheet" href="../%s"><img src="../%s-480.webp" srcset="../%s-480.webp 480w, ../%s-960.webp 960w" alt="">`, css, img, img, img)
		files[img+"-480.webp"] = fmt.Sprintf("RIFF%d-%d", p, n)
		files[img+"-960.webp"] = fmt.Sprintf("RIFF%d-%d-wide", p, n)
		files[fmt.Sprintf("search/index/t-%d.json", p)] = fmt.Sprintf(`[%d,%d]`, p, n)
		home += fmt.Sprintf(`<a href="p%02d/">%d</a>`, p, p)
	}
	files["index.html"] = home
	return files
}

// TestDeployStoppedAnywhereConverges stops deploys at random moments,
// between files and in the middle of one, alternating between two builds
// of a site. At every step of every deploy, no page in the bucket refers
// to a file the bucket lacks; after the stops, one deploy makes the
// bucket the site exactly, and the next uploads nothing.
func TestDeployStoppedAnywhereConverges(t *testing.T) {
	server := s3test.Start(t, "site")
	ctx := context.Background()
	bucket, err := blob.OpenBucket(ctx, server.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()
	builds := map[int]map[string]string{1: version(t, 1), 2: version(t, 2)}
	dir := t.TempDir()
	use := func(n int) {
		os.RemoveAll(dir)
		for name, data := range builds[n] {
			p := filepath.Join(dir, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	checkWhole := func(when string) {
		t.Helper()
		objects, err := s3test.Pages(ctx, bucket)
		if err != nil {
			t.Fatal(err)
		}
		if missing := s3test.MissingAssets(objects); len(missing) > 0 {
			t.Fatalf("%s, pages refer to files the bucket lacks: %v", when, missing)
		}
	}
	use(1)
	start := time.Now()
	if _, err := upload.Deploy(ctx, upload.Options{Dir: dir, URL: server.URL, MaxDeletes: 256}); err != nil {
		t.Fatal(err)
	}
	full := time.Since(start)

	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	stopped := 0
	for round := range 8 {
		n := 2 - round%2
		use(n)
		ctx, cancel := context.WithCancel(ctx)
		// Odd rounds stop after a random step, uploads and deletions
		// alike; even ones at a random moment, which may fall inside an
		// upload.
		stopAfter := r.Float64()
		if round%2 == 0 {
			timer := time.AfterFunc(time.Duration(r.Int64N(int64(full))), cancel)
			defer timer.Stop()
			stopAfter = 2
		}
		_, err := upload.Deploy(ctx, upload.Options{Dir: dir, URL: server.URL, MaxDeletes: 256, Progress: func(s upload.Step) {
			checkWhole(fmt.Sprintf("round %d, after step %d of %d (%s)", round, s.Done, s.Total, s.Key))
			if float64(s.Done) >= stopAfter*float64(s.Total) {
				cancel()
			}
		}})
		cancel()
		if errors.Is(err, context.Canceled) {
			stopped++
		} else if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		checkWhole(fmt.Sprintf("round %d, stopped", round))
	}
	if stopped == 0 {
		t.Fatal("no deploy was stopped: the test tested nothing")
	}
	t.Logf("%d of 8 deploys were stopped before their end", stopped)

	use(2)
	if _, err := upload.Deploy(ctx, upload.Options{Dir: dir, URL: server.URL, MaxDeletes: 256, Progress: func(s upload.Step) {
		checkWhole(fmt.Sprintf("the last deploy, after step %d of %d (%s)", s.Done, s.Total, s.Key))
	}}); err != nil {
		t.Fatal(err)
	}
	objects, err := s3test.Objects(ctx, bucket)
	if err != nil {
		t.Fatal(err)
	}
	delete(objects, upload.ManifestKey)
	want := map[string][]byte{}
	for k, v := range builds[2] {
		want[k] = []byte(v)
	}
	if !maps.EqualFunc(objects, want, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Errorf("after the stops and one whole deploy the bucket holds %d objects, not the site's %d files", len(objects), len(want))
	}
	sum, err := upload.Deploy(ctx, upload.Options{Dir: dir, URL: server.URL, MaxDeletes: 256})
	if err != nil || len(sum.Plan.Uploads)+len(sum.Plan.Deletes) != 0 {
		t.Errorf("the deploy after that: uploads %v, deletes %v, %v", keys(sum.Plan.Uploads), sum.Plan.Deletes, err)
	}
}
