// Package imageproc turns a source image into the responsive variants a page
// serves: EXIF orientation applied, metadata stripped, resized to a set of
// widths (never upscaled), encoded as WebP and in the source format. It
// keeps Hugo's resources/images behind one small API (Hugo's own API has
// changed between releases), and encodes WebP with gen2brain/webp, since
// Hugo's WebP runtime is internal.
package imageproc

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"
	"slices"
	"strconv"
	"sync/atomic"

	"github.com/bep/logg"
	"github.com/gen2brain/webp"
	"github.com/gohugoio/gift"
	"github.com/gohugoio/hugo/resources/images"
)

// Options configure the variants.
type Options struct {
	Widths    []int // the widths to produce, when the source is wider
	Quality   int   // JPEG and WebP quality, 1–100
	MaxPixels int   // sources above this many pixels are refused before decoding
}

// DefaultOptions suit a reading column of about 630 CSS pixels on screens
// of 1–3 device pixels per CSS pixel, and full-width cover images.
var DefaultOptions = Options{Widths: []int{480, 960, 1440, 1920}, Quality: 80, MaxPixels: 50_000_000}

// Variant is one encoded size.
type Variant struct {
	Width, Height int
	Format        string // jpg, png or webp
	Data          []byte
}

// Result is every variant of one source image.
type Result struct {
	Width, Height int    // of the largest variant, after orientation
	Format        string // the source format's extension: jpg or png
	Variants      []Variant
}

// Processor processes images; it is safe for concurrent use.
type Processor struct {
	opts    Options
	proc    *images.ImageProcessor
	decodes atomic.Int64
}

// New returns a Processor.
func New(opts Options) (*Processor, error) {
	if len(opts.Widths) == 0 {
		opts.Widths = DefaultOptions.Widths
	}
	if opts.Quality == 0 {
		opts.Quality = DefaultOptions.Quality
	}
	if opts.MaxPixels == 0 {
		opts.MaxPixels = DefaultOptions.MaxPixels
	}
	opts.Widths = slices.Clone(opts.Widths)
	slices.Sort(opts.Widths)
	opts.Widths = slices.Compact(opts.Widths)
	cfg, err := images.DecodeConfig(map[string]any{
		"quality":        opts.Quality,
		"resampleFilter": "lanczos",
		"anchor":         "center",
	})
	if err != nil {
		return nil, err
	}
	quiet := logg.New(logg.Options{Level: logg.LevelError, Handler: logg.HandlerFunc(func(*logg.Entry) error { return nil })})
	proc, err := images.NewImageProcessor(quiet.WithLevel(logg.LevelDebug), quiet.WithLevel(logg.LevelWarn), nil, cfg)
	if err != nil {
		return nil, err
	}
	return &Processor{opts: opts, proc: proc}, nil
}

// Options returns the options in force, for cache keys.
func (p *Processor) Options() Options { return p.opts }

// Decodes counts the full decodes so far: a rebuild served from the cache
// decodes none.
func (p *Processor) Decodes() int64 { return p.decodes.Load() }

// ErrUnsupported is returned for formats other than JPEG and PNG.
var ErrUnsupported = errors.New("unsupported image format: use JPEG or PNG (or SVG for drawings)")

// Format returns the format of an image by its first bytes: jpg, png, or
// "" when it is neither.
func Format(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "jpg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	}
	return ""
}

// Config reads only the header: the format and the stored size (before
// orientation).
func Config(data []byte) (format string, width, height int, err error) {
	format = Format(data)
	if format == "" {
		return "", 0, 0, ErrUnsupported
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return format, 0, 0, fmt.Errorf("cannot read the image: %v", err)
	}
	return format, cfg.Width, cfg.Height, nil
}

// Process decodes data and encodes every variant.
func (p *Processor) Process(data []byte) (*Result, error) {
	format, w, h, err := Config(data)
	if err != nil {
		return nil, err
	}
	if w <= 0 || h <= 0 {
		return nil, errors.New("the image has no pixels")
	}
	// Refuse before decoding: a small file can claim a huge canvas.
	if int64(w)*int64(h) > int64(p.opts.MaxPixels) {
		return nil, fmt.Errorf("the image is %d×%d pixels, above the limit of %d million: scale it down before adding it", w, h, p.opts.MaxPixels/1_000_000)
	}
	hf, _ := images.ImageFormatFromExt("." + format)
	orientation := 0
	if meta, err := p.proc.DecodeMeta("image", hf.ToImageMetaImageFormatFormat(), bytes.NewReader(data)); err == nil && meta != nil {
		orientation = meta.Orientation
	}
	p.decodes.Add(1)
	src, err := p.proc.Codec.DecodeFormat(hf, bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot decode the image: %v", err)
	}
	if f := orientationFilters[orientation]; f != nil {
		if src, err = p.proc.Filter(src, f); err != nil {
			return nil, err
		}
	}
	b := src.Bounds()
	w, h = b.Dx(), b.Dy()

	res := &Result{Format: format}
	for _, width := range p.widths(w) {
		conf, err := images.DecodeImageConfig([]string{"resize", strconv.Itoa(width) + "x", format, "q" + strconv.Itoa(p.opts.Quality)}, p.proc.Cfg, hf)
		if err != nil {
			return nil, err
		}
		img := src
		if width != w {
			if img, err = p.proc.ApplyFiltersFromConfig(src, conf); err != nil {
				return nil, err
			}
		}
		vb := img.Bounds()
		var fallback bytes.Buffer
		if err := p.proc.Codec.EncodeTo(conf, &fallback, img); err != nil {
			return nil, fmt.Errorf("encoding %s: %v", format, err)
		}
		var wp bytes.Buffer
		if err := encodeWebP(&wp, img, p.opts.Quality); err != nil {
			return nil, fmt.Errorf("encoding WebP: %v", err)
		}
		res.Variants = append(res.Variants,
			Variant{Width: vb.Dx(), Height: vb.Dy(), Format: format, Data: fallback.Bytes()},
			Variant{Width: vb.Dx(), Height: vb.Dy(), Format: "webp", Data: wp.Bytes()})
		res.Width, res.Height = vb.Dx(), vb.Dy()
	}
	return res, nil
}

// widths returns the variant widths for a source w pixels wide: the
// configured widths below w, and w itself when it is below the largest
// configured width (never upscaled).
func (p *Processor) widths(w int) []int {
	var out []int
	for _, x := range p.opts.Widths {
		if x < w {
			out = append(out, x)
		}
	}
	if largest := p.opts.Widths[len(p.opts.Widths)-1]; w <= largest {
		out = append(out, w)
	} else if len(out) == 0 || out[len(out)-1] != largest {
		out = append(out, largest)
	}
	return out
}

// orientationFilters undo EXIF orientations 2–8 (the same table as Hugo's
// auto-orient filter, which is not exported).
var orientationFilters = map[int]gift.Filter{
	2: gift.FlipHorizontal(),
	3: gift.Rotate180(),
	4: gift.FlipVertical(),
	5: gift.Transpose(),
	6: gift.Rotate270(),
	7: gift.Transverse(),
	8: gift.Rotate90(),
}

func encodeWebP(w io.Writer, img image.Image, quality int) error {
	return webp.Encode(w, img, webp.Options{Quality: quality, Method: 4})
}
