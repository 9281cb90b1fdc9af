package upload_test

import (
	"context"
	"crypto/md5"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/s3blob"

	"folio/internal/upload"
	"folio/internal/upload/s3test"
)

// s3Server starts a real S3-compatible server with an empty bucket
// "site" and returns the bucket's URL.
func s3Server(t *testing.T) (bucketURL, root string) {
	t.Helper()
	s := s3test.Start(t, "site")
	return s.URL, s.Root
}

// siteDir writes a small built site.
func siteDir(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var site = map[string]string{
	"index.html":               `<link rel="stylesheet" href="assets/main.aaaaaaaa.css"><a href="reform/">改革篇</a>`,
	"reform/index.html":        `<img src="../images/a.bbbbbbbb.webp">`,
	"about/index.html":         `关于`,
	"assets/main.aaaaaaaa.css": `body{color:red}`,
	"images/a.bbbbbbbb.webp":   "RIFF\x00\x00\x00\x00WEBP",
	"feed.xml":                 `<feed/>`,
	"sitemap.xml":              `<urlset/>`,
	"search/index/meta.json":   `{"fragments":1}`,
	".folio-output":            ``,
}

func TestDeployToARealServer(t *testing.T) {
	bucketURL, _ := s3Server(t)
	ctx := context.Background()
	dir := siteDir(t, site)
	deploy := func(edit func(*upload.Options)) upload.Summary {
		t.Helper()
		opts := upload.Options{Dir: dir, URL: bucketURL, MaxDeletes: 256}
		if edit != nil {
			edit(&opts)
		}
		sum, err := upload.Deploy(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	bucket, err := blob.OpenBucket(ctx, bucketURL)
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()

	// A dry run plans every file and stores none.
	if sum := deploy(func(o *upload.Options) { o.DryRun = true }); len(sum.Plan.Uploads) != 8 {
		t.Fatalf("the dry run plans %d uploads, want 8", len(sum.Plan.Uploads))
	}
	if ok, _ := bucket.Exists(ctx, "index.html"); ok {
		t.Fatal("the dry run stored a file")
	}
	// The first deploy stores every file, with its MD5 and headers.
	if sum := deploy(nil); len(sum.Plan.Uploads) != 8 || len(sum.Plan.Deletes) != 0 {
		t.Fatalf("the first deploy: %d uploads, %d deletes", len(sum.Plan.Uploads), len(sum.Plan.Deletes))
	}
	for name, data := range site {
		if name == ".folio-output" {
			if ok, _ := bucket.Exists(ctx, name); ok {
				t.Error("the output folder's marker was deployed")
			}
			continue
		}
		a, err := bucket.Attributes(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		sum := md5.Sum([]byte(data))
		if string(a.MD5) != string(sum[:]) || a.ContentType != upload.ContentType(name) || a.CacheControl != upload.CacheControl(name) {
			t.Errorf("%s stored as MD5 %x, %q, %q", name, a.MD5, a.ContentType, a.CacheControl)
		}
	}
	// Nothing changed: nothing goes up.
	if sum := deploy(nil); len(sum.Plan.Uploads) != 0 || len(sum.Plan.Deletes) != 0 || sum.Plan.Unchanged != 8 {
		t.Errorf("a second deploy: %d uploads, %d deletes, %d unchanged", len(sum.Plan.Uploads), len(sum.Plan.Deletes), sum.Plan.Unchanged)
	}
	// One page edited, one deleted: that page goes up, the other's
	// object goes.
	if err := os.WriteFile(filepath.Join(dir, "reform", "index.html"), []byte(`<p>改过了</p>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "about")); err != nil {
		t.Fatal(err)
	}
	sum := deploy(nil)
	if len(sum.Plan.Uploads) != 1 || sum.Plan.Uploads[0].Key != "reform/index.html" || len(sum.Plan.Deletes) != 1 || sum.Plan.Deletes[0] != "about/index.html" {
		t.Errorf("after an edit and a deletion: uploads %v, deletes %v", keys(sum.Plan.Uploads), sum.Plan.Deletes)
	}
	if ok, _ := bucket.Exists(ctx, "about/index.html"); ok {
		t.Error("the deleted page's object is still there")
	}
	if data, _ := bucket.ReadAll(ctx, "reform/index.html"); string(data) != `<p>改过了</p>` {
		t.Errorf("the edited page reads %q", data)
	}
	// More deletions than --max-deletes: refused, nothing deleted.
	for _, name := range []string{"index.html", "feed.xml", "sitemap.xml"} {
		os.Remove(filepath.Join(dir, name))
	}
	_, err = upload.Deploy(ctx, upload.Options{Dir: dir, URL: bucketURL, MaxDeletes: 2})
	if err == nil || !strings.Contains(err.Error(), "would delete 3 objects, more than --max-deletes 2") {
		t.Errorf("a deploy over --max-deletes: %v", err)
	}
	if ok, _ := bucket.Exists(ctx, "index.html"); !ok {
		t.Error("a refused deploy deleted an object")
	}
}

func TestDeployGzipsText(t *testing.T) {
	bucketURL, _ := s3Server(t)
	ctx := context.Background()
	dir := siteDir(t, site)
	if _, err := upload.Deploy(ctx, upload.Options{Dir: dir, URL: bucketURL, MaxDeletes: 256, Gzip: true}); err != nil {
		t.Fatal(err)
	}
	bucket, err := blob.OpenBucket(ctx, bucketURL)
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()
	a, err := bucket.Attributes(ctx, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	if a.ContentEncoding != "gzip" {
		t.Errorf("index.html stored with Content-Encoding %q", a.ContentEncoding)
	}
	if a, _ := bucket.Attributes(ctx, "images/a.bbbbbbbb.webp"); a.ContentEncoding != "" {
		t.Errorf("an image stored with Content-Encoding %q", a.ContentEncoding)
	}
	// The MD5 compared is the stored bytes': a second deploy sends none.
	sum, err := upload.Deploy(ctx, upload.Options{Dir: dir, URL: bucketURL, MaxDeletes: 256, Gzip: true})
	if err != nil || len(sum.Plan.Uploads) != 0 {
		t.Errorf("a second gzip deploy: %v, %v", keys(sum.Plan.Uploads), err)
	}
}

func TestDeployErrorsSayWhatToDo(t *testing.T) {
	bucketURL, _ := s3Server(t)
	ctx := context.Background()
	dir := siteDir(t, site)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln.Addr().String()
	ln.Close()
	for _, c := range []struct {
		name, url, want string
		env             map[string]string
	}{
		{"a secret in the URL", bucketURL + "&secret_access_key=x", "the bucket URL holds a secret (secret_access_key=)", nil},
		{"an unreachable endpoint", "s3://site?endpoint=http://" + closed + "&region=us-east-1&use_path_style=true", "cannot reach the storage at http://" + closed, nil},
		{"a missing bucket", strings.Replace(bucketURL, "s3://site?", "s3://nosuch?", 1), "bucket nosuch does not exist at", nil},
		{"wrong credentials", bucketURL, "refused the credentials", map[string]string{"AWS_SECRET_ACCESS_KEY": "wrong"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			_, err := upload.Deploy(ctx, upload.Options{Dir: dir, URL: c.url, MaxDeletes: 256})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
			if err != nil && strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("the error is more than one line:\n%v", err)
			}
		})
	}
}

func keys(files []upload.Local) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Key)
	}
	return out
}

// picky stands in front of the real server as a store that knows S3 as
// it was before the AWS SDKs began to send CRC checksums with every
// upload (2025): it refuses uploads streamed as aws-chunked, as Aliyun
// OSS does in its own words, and any x-amz-checksum-* header, which
// Tencent COS and Huawei OBS were reported to refuse in other words.
// When full is set it refuses every upload as a full store does (507).
func picky(t *testing.T, bucketURL string, full bool) (pickyURL string, refused *atomic.Int32) {
	t.Helper()
	u, err := url.Parse(bucketURL)
	if err != nil {
		t.Fatal(err)
	}
	target, err := url.Parse(u.Query().Get("endpoint"))
	if err != nil {
		t.Fatal(err)
	}
	refused = new(atomic.Int32)
	// The Host header stays the one the client signed.
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut && full {
			refused.Add(1)
			w.WriteHeader(http.StatusInsufficientStorage)
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>InsufficientStorage</Code><Message>Storage backend has reached its minimum free drive threshold.</Message></Error>`)
			return
		}
		flexible := r.Header.Get("X-Amz-Sdk-Checksum-Algorithm") != "" || r.Header.Get("X-Amz-Trailer") != ""
		for name := range r.Header {
			flexible = flexible || strings.HasPrefix(strings.ToLower(name), "x-amz-checksum-")
		}
		if flexible || strings.HasPrefix(r.Header.Get("X-Amz-Content-Sha256"), "STREAMING-") || strings.Contains(r.Header.Get("Content-Encoding"), "aws-chunked") {
			refused.Add(1)
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidArgument</Code><Message>aws-chunked encoding is not supported with the specified x-amz-content-sha256 value</Message></Error>`)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	q := u.Query()
	q.Set("endpoint", srv.URL)
	u.RawQuery = q.Encode()
	return u.String(), refused
}

// A store that refuses the AWS SDK's streamed uploads, as Aliyun OSS,
// Tencent COS and Huawei OBS do, takes folio's: each file goes up whole
// with its Content-MD5.
func TestDeployToAStoreThatRefusesStreamedUploads(t *testing.T) {
	bucketURL, _ := s3Server(t)
	ctx := context.Background()
	pickyURL, refused := picky(t, bucketURL, false)
	sum, err := upload.Deploy(ctx, upload.Options{Dir: siteDir(t, site), URL: pickyURL, MaxDeletes: 256})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Plan.Uploads) != 8 || refused.Load() != 0 {
		t.Errorf("%d uploads, %d requests refused", len(sum.Plan.Uploads), refused.Load())
	}
	// The test can fail: the SDK's own default is refused.
	bucket, err := blob.OpenBucket(ctx, pickyURL+"&request_checksum_calculation=when_supported")
	if err != nil {
		t.Fatal(err)
	}
	defer bucket.Close()
	w, err := bucket.NewWriter(ctx, "streamed.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "streamed")
	if err := w.Close(); err == nil || refused.Load() == 0 {
		t.Errorf("the SDK's default upload was not refused (%v): the stand-in tests nothing", err)
	}
}

// A full store: one line that says so, and what to do.
func TestDeployToAFullStore(t *testing.T) {
	bucketURL, _ := s3Server(t)
	pickyURL, _ := picky(t, bucketURL, true)
	_, err := upload.Deploy(context.Background(), upload.Options{Dir: siteDir(t, site), URL: pickyURL, MaxDeletes: 256})
	if err == nil || !strings.Contains(err.Error(), "bucket site is full (InsufficientStorage): free space or raise its quota") {
		t.Errorf("a full store: %v", err)
	}
}
