package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"folio/internal/cache"
	"folio/internal/imageproc"
	"folio/internal/picture"
)

// The images the publication shows, in every width and format of their
// variants; the EPUB takes its own from them.
func init() {
	registerFormat(outputFormat{
		name: "images", order: 40, reserved: []string{"images"},
		make: func(r *renderRun) {
			r.images = r.b.images.Files()
			r.files.addAll(r.images)
		},
	})
}

// images processes the publication's images once each, whichever page asks
// first, with the variants cached on disk between builds.
type images struct {
	contentDir string
	opts       imageproc.Options
	cache      *cache.Cache

	procOnce sync.Once
	proc     *imageproc.Processor
	procErr  error

	checkOnly bool // read headers only: folio check processes nothing

	mu      sync.Mutex
	entries map[string]*imageEntry // by content-relative path
	used    map[string]bool        // the images of the current build
}

// imageEntry is one image as last processed; stamp tells whether the
// file changed since.
type imageEntry struct {
	stamp string
	once  sync.Once
	pic   *picture.Picture
	err   error
	files map[string][]byte // output site path → bytes
}

func newImages(contentDir string, opts imageproc.Options, c *cache.Cache) *images {
	return &images{contentDir: contentDir, opts: opts, cache: c, entries: map[string]*imageEntry{}, used: map[string]bool{}}
}

// Begin starts a build: only the images it asks for are written.
func (im *images) Begin() {
	im.mu.Lock()
	im.used = map[string]bool{}
	im.mu.Unlock()
}

// stamp identifies a file's version without reading it.
func (im *images) stamp(rel string) string {
	fi, err := os.Lstat(filepath.Join(im.contentDir, filepath.FromSlash(rel)))
	if err != nil {
		return "missing"
	}
	return fmt.Sprint(fi.Size(), fi.ModTime().UnixNano(), fi.Mode())
}

// Fingerprint identifies the version of an image a page shows.
func (im *images) Fingerprint(rel string) string { return rel + "@" + im.stamp(rel) }

// processor starts Hugo's image processor on first use: a publication
// without raster images never pays for it.
func (im *images) processor() (*imageproc.Processor, error) {
	im.procOnce.Do(func() { im.proc, im.procErr = imageproc.New(im.opts) })
	return im.proc, im.procErr
}

// Decodes is how many images were decoded: none when every image came
// from the cache.
func (im *images) Decodes() int64 {
	if im.proc == nil {
		return 0
	}
	return im.proc.Decodes()
}

func (im *images) decodesOrZero() int64 {
	if im == nil {
		return 0
	}
	return im.Decodes()
}

// Picture returns the processed image at a content-relative path.
func (im *images) Picture(rel string) (*picture.Picture, error) {
	stamp := im.stamp(rel)
	im.mu.Lock()
	e, ok := im.entries[rel]
	if !ok || e.stamp != stamp {
		e = &imageEntry{stamp: stamp, files: map[string][]byte{}}
		im.entries[rel] = e
	}
	im.used[rel] = true
	im.mu.Unlock()
	e.once.Do(func() { e.pic, e.err = im.process(rel, e.files) })
	return e.pic, e.err
}

// Prefetch processes images in parallel, so the pages that show them find
// them ready.
func (im *images) Prefetch(rels []string) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, rel := range rels {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			_, _ = im.Picture(rel)
		}()
	}
	wg.Wait()
}

// Files returns the variants of the images this build used.
func (im *images) Files() map[string][]byte {
	im.mu.Lock()
	defer im.mu.Unlock()
	out := map[string][]byte{}
	for rel := range im.used {
		for name, data := range im.entries[rel].files {
			out[name] = data
		}
	}
	return out
}

// meta is what the cache keeps besides the variant files.
type imageMeta struct {
	Width, Height int
	Format        string
	Variants      []variantMeta
	Photo         imageproc.Meta // caption, credit, date read from the source
}

// imageCacheFormat is part of every image's cache key: a change to what an
// entry holds (the metadata was added in 2) makes the old entries misses.
const imageCacheFormat = "images/2 meta"

// withMeta returns pic with the caption and credit the photo's metadata
// gives.
func withMeta(pic *picture.Picture, m imageproc.Meta) *picture.Picture {
	pic.Caption, pic.Creator, pic.Source = m.Caption, m.Creator, m.Source
	return pic
}

type variantMeta struct {
	Width, Height int
	Format, File  string
}

func (im *images) process(rel string, out map[string][]byte) (*picture.Picture, error) {
	p := filepath.Join(im.contentDir, filepath.FromSlash(rel))
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:4])
	ext := path.Ext(rel)
	base := strings.TrimSuffix(rel, ext)
	if strings.EqualFold(ext, ".svg") {
		return im.svg(base, hash, data, out)
	}

	if im.checkOnly {
		format, w, h, err := imageproc.Config(data)
		if err != nil {
			return nil, err
		}
		limit := im.opts.MaxPixels
		if limit == 0 {
			limit = imageproc.DefaultOptions.MaxPixels
		}
		if int64(w)*int64(h) > int64(limit) {
			return nil, fmt.Errorf("the image is %d×%d pixels, above the limit of %d million: scale it down before adding it", w, h, limit/1_000_000)
		}
		// The metadata is read, as the pixels are not: a check reports
		// photos without a credit.
		return withMeta(&picture.Picture{Width: w, Height: h, Type: mimeType(format), Fallback: []picture.Source{{Path: rel, Width: w}}}, imageproc.ReadMeta(format, data)), nil
	}
	key := cache.Key(data, []byte(fmt.Sprint(im.opts)), []byte(imageCacheFormat))
	meta, files, ok := im.cached(key)
	if !ok {
		proc, err := im.processor()
		if err != nil {
			return nil, err
		}
		res, err := proc.Process(data)
		if err != nil {
			return nil, err
		}
		meta = imageMeta{Width: res.Width, Height: res.Height, Format: res.Format, Photo: res.Meta}
		files = map[string][]byte{}
		for _, v := range res.Variants {
			file := strconv.Itoa(v.Width) + "." + v.Format
			files[file] = v.Data
			meta.Variants = append(meta.Variants, variantMeta{Width: v.Width, Height: v.Height, Format: v.Format, File: file})
		}
		encoded, _ := json.Marshal(meta)
		store := map[string][]byte{"meta.json": encoded}
		for k, v := range files {
			store[k] = v
		}
		_ = im.cache.Put("images", key, store)
	}

	pic := withMeta(&picture.Picture{Width: meta.Width, Height: meta.Height, Type: mimeType(meta.Format)}, meta.Photo)
	for _, v := range meta.Variants {
		name := fmt.Sprintf("%s.%s-%d.%s", base, hash, v.Width, v.Format)
		out[name] = files[v.File]
		src := picture.Source{Path: name, Width: v.Width}
		if v.Format == "webp" {
			pic.WebP = append(pic.WebP, src)
		} else {
			pic.Fallback = append(pic.Fallback, src)
		}
	}
	return pic, nil
}

func (im *images) cached(key string) (imageMeta, map[string][]byte, bool) {
	files, ok := im.cache.Get("images", key)
	if !ok {
		return imageMeta{}, nil, false
	}
	var meta imageMeta
	if err := json.Unmarshal(files["meta.json"], &meta); err != nil || len(meta.Variants) == 0 {
		return imageMeta{}, nil, false
	}
	for _, v := range meta.Variants {
		if _, ok := files[v.File]; !ok {
			return imageMeta{}, nil, false
		}
	}
	return meta, files, true
}

var (
	svgRootRE  = regexp.MustCompile(`(?s)<svg\b[^>]*>`)
	svgAttrRE  = regexp.MustCompile(`\b(width|height|viewBox)\s*=\s*["']([^"']*)["']`)
	svgUnitsRE = regexp.MustCompile(`^\s*([0-9.]+)\s*(px)?\s*$`)
)

// svg serves a drawing as it is (it scales by itself), named by its hash,
// with the intrinsic size from its width and height or viewBox.
func (im *images) svg(base, hash string, data []byte, out map[string][]byte) (*picture.Picture, error) {
	root := svgRootRE.Find(data)
	if root == nil || !bytes.Contains(data, []byte("</svg>")) && !bytes.HasSuffix(bytes.TrimSpace(root), []byte("/>")) {
		return nil, errors.New("not an SVG drawing: no <svg> element")
	}
	var w, h float64
	var viewBox string
	for _, m := range svgAttrRE.FindAllSubmatch(root, -1) {
		switch string(m[1]) {
		case "width":
			if u := svgUnitsRE.FindSubmatch(m[2]); u != nil {
				w, _ = strconv.ParseFloat(string(u[1]), 64)
			}
		case "height":
			if u := svgUnitsRE.FindSubmatch(m[2]); u != nil {
				h, _ = strconv.ParseFloat(string(u[1]), 64)
			}
		case "viewBox":
			viewBox = string(m[2])
		}
	}
	if w == 0 || h == 0 {
		f := strings.Fields(strings.ReplaceAll(viewBox, ",", " "))
		if len(f) == 4 {
			w, _ = strconv.ParseFloat(f[2], 64)
			h, _ = strconv.ParseFloat(f[3], 64)
		}
	}
	if w <= 0 || h <= 0 {
		return nil, errors.New("the SVG has no size: give its <svg> element a viewBox")
	}
	name := base + "." + hash + ".svg"
	out[name] = data
	return &picture.Picture{Width: int(w + 0.5), Height: int(h + 0.5), Type: "image/svg+xml",
		Fallback: []picture.Source{{Path: name, Width: int(w + 0.5)}}}, nil
}

func mimeType(format string) string {
	switch format {
	case "png":
		return "image/png"
	case "webp":
		return "image/webp"
	}
	return "image/jpeg"
}

// markdownImageRE finds image references in Markdown, to process the
// images before the pages that show them are converted.
var markdownImageRE = regexp.MustCompile(`!\[[^\]]*\]\(\s*<?([^)\s>]+)`)
