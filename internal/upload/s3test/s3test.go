// Package s3test starts a real S3-compatible server for tests, as
// net/http/httptest starts a real HTTP server, and checks what a bucket
// holds the way a reader would meet it.
package s3test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/s3blob"
	"gocloud.dev/gcerrors"
	"golang.org/x/net/html"

	"folio/internal/testtools"
)

// The credentials the server is started with.
const (
	AccessKey = "folio-test"
	SecretKey = "folio-test-secret"
)

// Server is a running versitygw with its posix backend, holding one
// empty bucket.
type Server struct {
	URL  string // the bucket's gocloud.dev URL
	Addr string // host:port
	Root string // the folder the buckets are kept in
	// Env is what a folio process needs to reach it: the credentials,
	// and no AWS configuration files of the machine's.
	Env []string
}

// Binary is the server to start: the binary FOLIO_S3_SERVER names,
// else versitygw on PATH, else "".
func Binary() string {
	if bin := os.Getenv("FOLIO_S3_SERVER"); bin != "" {
		return bin
	}
	bin, _ := exec.LookPath("versitygw")
	return bin
}

// Install says how to get the server.
const Install = "go install github.com/versity/versitygw/cmd/versitygw@v1.8.0, or set FOLIO_S3_SERVER"

// Start starts the server on a free loopback port with an empty bucket
// named bucket, sets the credentials in the test's environment, and
// stops the server when the test ends. Without the server the test is
// skipped (or fails under FOLIO_REQUIRE_TOOLS).
func Start(t testing.TB, bucket string) *Server {
	t.Helper()
	bin := Binary()
	if bin == "" {
		testtools.Missing(t, "versitygw", Install)
	}
	s, stop, err := Launch(bin, t.TempDir(), bucket)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	for _, kv := range s.Env {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	return s
}

// Launch starts the server bin keeping its buckets in root, with an
// empty bucket named bucket; stop stops it.
func Launch(bin, root, bucket string) (s *Server, stop func(), err error) {
	if err := os.MkdirAll(filepath.Join(root, bucket), 0o755); err != nil {
		return nil, nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "--quiet", "--access", AccessKey, "--secret", SecretKey, "--port", addr, "posix", root)
	// What the server says goes to a file beside the buckets, read
	// when it does not answer.
	logPath := filepath.Join(root, "server.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, nil, err
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, nil, err
	}
	stop = func() { _ = cmd.Process.Kill(); _ = cmd.Wait(); logFile.Close() }
	for deadline := time.Now().Add(10 * time.Second); ; {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			stop()
			said, _ := os.ReadFile(logPath)
			return nil, nil, fmt.Errorf("%s did not answer on %s within 10 s; it said:\n%s", bin, addr, said)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return &Server{
		URL:  "s3://" + bucket + "?endpoint=http://" + addr + "&region=us-east-1&use_path_style=true",
		Addr: addr,
		Root: root,
		// The credentials come from the environment only, as a
		// publisher's do.
		Env: []string{
			"AWS_ACCESS_KEY_ID=" + AccessKey,
			"AWS_SECRET_ACCESS_KEY=" + SecretKey,
			"AWS_CONFIG_FILE=" + filepath.Join(root, "no-config"),
			"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(root, "no-credentials"),
		},
	}, stop, nil
}

// Objects reads every object of the bucket by key.
func Objects(ctx context.Context, b *blob.Bucket) (map[string][]byte, error) {
	return objects(ctx, b, func(string) bool { return true })
}

// Pages lists every object of the bucket by key, with the bytes of the
// HTML ones (the others' are nil): what MissingAssets needs. While a
// deploy runs, a page deleted between the listing and its reading is
// left out.
func Pages(ctx context.Context, b *blob.Bucket) (map[string][]byte, error) {
	return objects(ctx, b, func(key string) bool { return strings.HasSuffix(key, ".html") })
}

func objects(ctx context.Context, b *blob.Bucket, read func(key string) bool) (map[string][]byte, error) {
	out := map[string][]byte{}
	it := b.List(nil)
	for {
		o, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if o.IsDir {
			continue
		}
		if !read(o.Key) {
			out[o.Key] = nil
			continue
		}
		data, err := b.ReadAll(ctx, o.Key)
		if gcerrors.Code(err) == gcerrors.NotFound {
			continue // deleted since the listing, by a deploy under way
		}
		if err != nil {
			return nil, err
		}
		out[o.Key] = data
	}
}

// MissingAssets lists, as "page → key", each file an HTML object of
// objects refers to (a style, a script, an image, a download: anything
// but another page) that objects does not hold. A reader who opened
// that page would get it broken.
func MissingAssets(objects map[string][]byte) []string {
	var out []string
	for key, data := range objects {
		if !strings.HasSuffix(key, ".html") {
			continue
		}
		for _, ref := range references(data) {
			target, ok := resolve(key, ref)
			if !ok || strings.HasSuffix(target, "/") || strings.HasSuffix(target, ".html") {
				continue
			}
			if _, held := objects[target]; !held {
				out = append(out, key+" → "+target)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// references are the URLs an HTML document loads or links: src, href
// and each candidate of srcset.
func references(data []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "src", "href", "poster":
					out = append(out, string(v))
				case "srcset":
					for _, c := range strings.Split(string(v), ",") {
						if f := strings.Fields(c); len(f) > 0 {
							out = append(out, f[0])
						}
					}
				}
				if !more {
					break
				}
			}
		}
	}
}

// resolve is the key a reference from the page at key names, when it
// names a file of the same site.
func resolve(key, ref string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return "", false
	}
	p, _ := url.PathUnescape(u.Path)
	target := path.Join(path.Dir(key), p)
	if strings.HasSuffix(p, "/") {
		target += "/"
	}
	if strings.HasPrefix(target, "../") || target == ".." {
		return "", false
	}
	return target, true
}
