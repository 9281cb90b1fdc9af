// Package upload publishes a built site to object storage: it reads the
// output folder, compares each file with the bucket's object of the same
// key, and plans what to upload and delete, in an order that keeps every
// published page whole while the deploy runs.
package upload

import (
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"io/fs"
	"mime"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// Local is a file of the output folder as it will be stored.
type Local struct {
	Key  string // slash path from the folder's root: the object's key
	Path string // on disk
	// Size and MD5 are of the bytes stored: gzipped when
	// ContentEncoding is gzip.
	Size            int64
	MD5             [md5.Size]byte
	ContentType     string
	CacheControl    string
	ContentEncoding string
	Class           Class
}

// Class orders the uploads: what a page refers to goes up before the
// page, and what lists the pages (feeds, sitemap, search index) after.
type Class int

const (
	Asset Class = iota // styles, scripts, images, downloads: named by content or referred to by pages
	Page               // HTML
	Index              // feeds, sitemap, robots.txt, the search index: they list the pages
)

// ScanOptions configure how files are stored.
type ScanOptions struct {
	// Gzip stores text files gzipped, with Content-Encoding: gzip.
	Gzip bool
}

// markerName is the file folio leaves in its output folder to know it
// as its own; it is not part of the site.
const markerName = ".folio-output"

// Scan reads every file of the output folder dir.
func Scan(dir string, opts ScanOptions) ([]Local, error) {
	var out []Local
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		key := filepath.ToSlash(rel)
		if key == markerName {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f := Local{Key: key, Path: p, ContentType: ContentType(key), CacheControl: CacheControl(key), Class: ClassOf(key)}
		if opts.Gzip && compressible(f.ContentType) {
			data = gzipped(data)
			f.ContentEncoding = "gzip"
		}
		f.Size, f.MD5 = int64(len(data)), md5.Sum(data)
		out = append(out, f)
		return nil
	})
	return out, err
}

// Body returns the bytes stored for f: the file's, gzipped when f says so.
func (f Local) Body() ([]byte, error) {
	data, err := os.ReadFile(f.Path)
	if err != nil || f.ContentEncoding != "gzip" {
		return data, err
	}
	return gzipped(data), nil
}

// gzipped compresses data the same way every time (no name, no time in
// the header), so an unchanged file keeps its MD5.
func gzipped(data []byte) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	_, _ = w.Write(data)
	_ = w.Close()
	return b.Bytes()
}

// types are what folio writes, beyond what the mime package knows on
// every system; text types name their charset, as the nginx recipe does.
var types = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".json":  "application/json; charset=utf-8",
	".xml":   "application/xml; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".csv":   "text/csv; charset=utf-8",
	".svg":   "image/svg+xml; charset=utf-8",
	".map":   "application/json; charset=utf-8",
	".epub":  "application/epub+zip",
	".webp":  "image/webp",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".png":   "image/png",
	".gif":   "image/gif",
	".avif":  "image/avif",
	".woff2": "font/woff2",
}

// ContentType is the Content-Type a file is stored with.
func ContentType(key string) string {
	if key == "feed.xml" || strings.HasSuffix(key, "/feed.xml") {
		return "application/atom+xml; charset=utf-8"
	}
	ext := strings.ToLower(path.Ext(key))
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(contentType string) bool {
	return strings.Contains(contentType, "charset=") // the text types above
}

// fingerprinted matches the names folio gives files that never change
// under their name (main.1a2b3c4d.css, cover.1a2b3c4d-960.webp): the
// nginx recipe's location for them.
var fingerprinted = regexp.MustCompile(`(?i)\.[0-9a-f]{8}(-[0-9]+)?\.(css|js|webp|jpe?g|png|gif|svg|avif|woff2?)$`)

// CacheControl is the Cache-Control a file is stored with, as the nginx
// recipe serves it: a year and immutable for a fingerprinted file, else
// caches must ask again.
func CacheControl(key string) string {
	if fingerprinted.MatchString(key) {
		return "public, max-age=31536000, immutable"
	}
	return "no-cache"
}

// ClassOf is when a file goes up.
func ClassOf(key string) Class {
	switch {
	case strings.HasSuffix(key, ".html"):
		return Page
	case key == "sitemap.xml" || key == "robots.txt" || path.Base(key) == "feed.xml" || strings.HasPrefix(key, "search/index/"):
		return Index
	}
	return Asset
}
