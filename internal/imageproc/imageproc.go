// Package imageproc turns a source image into the responsive variants a page
// serves: EXIF orientation applied, metadata stripped, resized to a set of
// widths (never upscaled), encoded as WebP and in the source format.
//
// It does what Hugo's resources/images does for a resize, with the
// libraries Hugo's does it with: Hugo's own metadata decoder
// (resources/images/meta) reads the orientation, capture date, caption,
// credit and copyright (meta.go), gift resizes (Lanczos) and turns, the standard library decodes and
// encodes JPEG and PNG, and gen2brain/webp encodes WebP (Hugo's WebP
// runtime is internal). Importing resources/images itself linked half of
// Hugo (its config, chroma's lexers and styles, bluemonday, go-org), whose
// package initialisation cost every folio command about 20 ms at start.
package imageproc

import (
	"bytes"
	"fmt"
	"folio/internal/msg"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"slices"
	"sync/atomic"

	"github.com/bep/imagemeta"
	"github.com/gen2brain/webp"
	"github.com/gohugoio/gift"
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
	Meta          Meta // what the source's metadata says; the variants keep none
}

// Processor processes images; it is safe for concurrent use.
type Processor struct {
	opts    Options
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
	return &Processor{opts: opts}, nil
}

// Options returns the options in force, for cache keys.
func (p *Processor) Options() Options { return p.opts }

// Decodes counts the full decodes so far: a rebuild served from the cache
// decodes none.
func (p *Processor) Decodes() int64 { return p.decodes.Load() }

// ErrUnsupported is returned for formats other than JPEG and PNG.
var ErrUnsupported = msg.Errorf("unsupported image format: use JPEG or PNG (or SVG for drawings)")

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
		return format, 0, 0, msg.Errorf("cannot read the image: %v", err)
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
		return nil, msg.Errorf("the image has no pixels")
	}
	// Refuse before decoding: a small file can claim a huge canvas.
	if int64(w)*int64(h) > int64(p.opts.MaxPixels) {
		return nil, msg.Errorf("the image is %d×%d pixels, above the limit of %d million: scale it down before adding it", w, h, p.opts.MaxPixels/1_000_000)
	}
	meta := ReadMeta(format, data)
	orientation := meta.Orientation
	p.decodes.Add(1)
	// By content, not by name: a JPEG saved as .png is common.
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, msg.Errorf("cannot decode the image: %v", err)
	}
	if f := orientationFilters[orientation]; f != nil {
		src = apply(src, f)
	}
	b := src.Bounds()
	w, h = b.Dx(), b.Dy()

	res := &Result{Format: format, Meta: meta}
	for _, width := range p.widths(w) {
		img := src
		if width != w {
			img = apply(src, gift.Resize(width, 0, gift.LanczosResampling))
		}
		vb := img.Bounds()
		var fallback bytes.Buffer
		if err := encode(&fallback, img, format, p.opts.Quality); err != nil {
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

// readOrientation returns the EXIF orientation (1–8) of a JPEG or PNG, or 0
// when it has none or it cannot be read: the image is then used as stored.
// It is the fallback of ReadMeta for damaged metadata: an orientation read
// before the metadata turns out damaged is kept (Hugo's decoder returns
// nothing then), since the tag itself was whole.
func readOrientation(format string, data []byte) (orientation int) {
	defer func() {
		if recover() != nil { // damaged metadata must not stop the build
			orientation = 0
		}
	}()
	imf := imagemeta.JPEG
	if format == "png" {
		imf = imagemeta.PNG
	}
	_, _ = imagemeta.Decode(imagemeta.Options{
		R:           bytes.NewReader(data),
		ImageFormat: imf,
		Sources:     imagemeta.EXIF,
		ShouldHandleTag: func(ti imagemeta.TagInfo) bool {
			return ti.Tag == "Orientation" && ti.Namespace == "IFD0" // not a thumbnail's
		},
		HandleTag: func(ti imagemeta.TagInfo) error {
			switch v := ti.Value.(type) {
			case uint16:
				orientation = int(v)
			case uint32:
				orientation = int(v)
			case int:
				orientation = v
			}
			return nil
		},
	})
	return orientation
}

// apply draws src through filter into an image of src's kind, as Hugo's
// image processor does: an RGBA stays RGBA, and YCbCr, which gift cannot
// draw into, becomes NRGBA.
func apply(src image.Image, filter gift.Filter) image.Image {
	g := gift.New(filter)
	bounds := g.Bounds(src.Bounds())
	var dst draw.Image
	switch src.(type) {
	case *image.RGBA:
		dst = image.NewRGBA(bounds)
	case *image.Gray:
		dst = image.NewGray(bounds)
	case *image.RGBA64:
		dst = image.NewRGBA64(bounds)
	case *image.NRGBA64:
		dst = image.NewNRGBA64(bounds)
	case *image.Gray16:
		dst = image.NewGray16(bounds)
	default:
		dst = image.NewNRGBA(bounds)
	}
	g.Draw(dst, src)
	return dst
}

// encode writes img as a JPEG of the given quality or as a PNG.
func encode(w io.Writer, img image.Image, format string, quality int) error {
	if format == "png" {
		return (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(w, img)
	}
	if n, ok := img.(*image.NRGBA); ok && n.Opaque() {
		// The same pixels read as RGBA, which the encoder takes without
		// converting each one.
		img = &image.RGBA{Pix: n.Pix, Stride: n.Stride, Rect: n.Rect}
	}
	return jpeg.Encode(w, img, &jpeg.Options{Quality: quality})
}

// orientationFilters undo EXIF orientations 2–8 (the same table as Hugo's
// auto-orient filter).
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
