package upload

import (
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestHeaders(t *testing.T) {
	for _, c := range []struct {
		key, contentType, cacheControl string
		class                          Class
	}{
		{"index.html", "text/html; charset=utf-8", "no-cache", Page},
		{"reform/index.html", "text/html; charset=utf-8", "no-cache", Page},
		{"assets/main.3f9a1c2e.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable", Asset},
		{"assets/search.c397f010.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable", Asset},
		{"images/cover.1aca71e0-960.webp", "image/webp", "public, max-age=31536000, immutable", Asset},
		{"images/cover.1aca71e0.svg", "image/svg+xml; charset=utf-8", "public, max-age=31536000, immutable", Asset},
		{"favicon.svg", "image/svg+xml; charset=utf-8", "no-cache", Asset},
		{"gaoxin.epub", "application/epub+zip", "no-cache", Asset},
		{"data/indicators.csv", "text/csv; charset=utf-8", "no-cache", Asset},
		{"feed.xml", "application/atom+xml; charset=utf-8", "no-cache", Index},
		{"gaoxin/feed.xml", "application/atom+xml; charset=utf-8", "no-cache", Index},
		{"sitemap.xml", "application/xml; charset=utf-8", "no-cache", Index},
		{"robots.txt", "text/plain; charset=utf-8", "no-cache", Index},
		{"search/index/t-3.json", "application/json; charset=utf-8", "no-cache", Index},
	} {
		if got := ContentType(c.key); got != c.contentType {
			t.Errorf("%s: Content-Type %q, want %q", c.key, got, c.contentType)
		}
		if got := CacheControl(c.key); got != c.cacheControl {
			t.Errorf("%s: Cache-Control %q, want %q", c.key, got, c.cacheControl)
		}
		if got := ClassOf(c.key); got != c.class {
			t.Errorf("%s: class %d, want %d", c.key, got, c.class)
		}
	}
}

func TestPlan(t *testing.T) {
	sum := func(s string) [md5.Size]byte { return md5.Sum([]byte(s)) }
	file := func(key, body string) Local {
		return Local{Key: key, MD5: sum(body), Size: int64(len(body)), Class: ClassOf(key)}
	}
	obj := func(key, body string) Remote {
		m := sum(body)
		return Remote{Key: key, MD5: m[:], Size: int64(len(body))}
	}
	local := []Local{
		file("index.html", "new home"),
		file("reform/index.html", "same"),
		file("assets/main.aaaaaaaa.css", "css"),
		file("search/index/meta.json", "meta"),
		file("search/index/t-0.json", "fragment"),
		file("sitemap.xml", "sitemap"),
		file("images/big.bbbbbbbb.webp", "uploaded in parts"),
	}
	remote := map[string]Remote{
		"index.html":               obj("index.html", "old home"),
		"reform/index.html":        obj("reform/index.html", "same"),
		"sitemap.xml":              obj("sitemap.xml", "sitemap"),
		"images/big.bbbbbbbb.webp": {Key: "images/big.bbbbbbbb.webp", Size: int64(len("uploaded in parts"))}, // no MD5 in the listing
		"assets/main.00000000.css": obj("assets/main.00000000.css", "old css"),
		"gone/index.html":          obj("gone/index.html", "gone"),
		ManifestKey:                obj(ManifestKey, "{}"),
	}
	manifest := map[string][md5.Size]byte{"images/big.bbbbbbbb.webp": sum("uploaded in parts")}
	p := MakePlan(local, remote, manifest)
	var order []string
	for _, f := range p.Uploads {
		order = append(order, f.Key)
	}
	// The new stylesheet before the page that refers to it; the page
	// before the search index that lists it; meta.json last.
	want := []string{"assets/main.aaaaaaaa.css", "index.html", "search/index/t-0.json", "search/index/meta.json"}
	if !slices.Equal(order, want) {
		t.Errorf("uploads %v, want %v", order, want)
	}
	// The page that referred to the old stylesheet goes first.
	if want := []string{"gone/index.html", "assets/main.00000000.css"}; !slices.Equal(p.Deletes, want) {
		t.Errorf("deletes %v, want %v (pages before assets, never the manifest)", p.Deletes, want)
	}
	var stages [][]string
	for _, st := range p.UploadStages() {
		stages = append(stages, keys(st))
	}
	if want := [][]string{{"assets/main.aaaaaaaa.css"}, {"index.html"}, {"search/index/t-0.json"}, {"search/index/meta.json"}}; !slices.EqualFunc(stages, want, slices.Equal) {
		t.Errorf("upload stages %v, want %v", stages, want)
	}
	if want := [][]string{{"gone/index.html"}, {"assets/main.00000000.css"}}; !slices.EqualFunc(p.DeleteStages(), want, slices.Equal) {
		t.Errorf("delete stages %v, want %v", p.DeleteStages(), want)
	}
	if p.Unchanged != 3 {
		t.Errorf("%d unchanged, want 3 (the same page, the sitemap, and the image the manifest knows)", p.Unchanged)
	}
	// Without the manifest, an object the listing gives no MD5 is
	// uploaded again.
	if p := MakePlan(local, remote, nil); !slices.ContainsFunc(p.Uploads, func(f Local) bool { return f.Key == "images/big.bbbbbbbb.webp" }) {
		t.Error("an object of unknown MD5 was taken as unchanged")
	}
}

func TestScanGzipsTextTheSameEveryTime(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"index.html": "<p>你好</p>", "images/a.12345678.webp": "RIFF", ".folio-output": ""} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	first, err := Scan(dir, ScanOptions{Gzip: true})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Scan(dir, ScanOptions{Gzip: true})
	if len(first) != 2 {
		t.Fatalf("scanned %d files, want 2 (not the output folder's marker)", len(first))
	}
	for i, f := range first {
		if f.MD5 != again[i].MD5 {
			t.Errorf("%s: the MD5 changed between two scans", f.Key)
		}
		body, err := f.Body()
		if err != nil || md5.Sum(body) != f.MD5 || int64(len(body)) != f.Size {
			t.Errorf("%s: the body is not what its MD5 and size say", f.Key)
		}
		switch f.Key {
		case "index.html":
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			plain, _ := io.ReadAll(zr)
			if f.ContentEncoding != "gzip" || string(plain) != "<p>你好</p>" {
				t.Errorf("index.html: encoding %q, body %q", f.ContentEncoding, plain)
			}
		case "images/a.12345678.webp":
			if f.ContentEncoding != "" || string(body) != "RIFF" {
				t.Errorf("an image was compressed: %q", f.ContentEncoding)
			}
		}
	}
}

func keys(files []Local) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Key)
	}
	return out
}
