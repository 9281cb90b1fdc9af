package imageproc

import (
	"bytes"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bep/imagemeta"
	hugometa "github.com/gohugoio/hugo/resources/images/meta"
)

// Meta is what a photo's own metadata says about it: read with Hugo's
// decoder (resources/images/meta, the one behind $image.Meta), which
// merges EXIF, IPTC and XMP. Its fields feed the photo's figure: the
// caption and credit a page shows when the Markdown gives none.
type Meta struct {
	// Caption: IPTC Caption-Abstract, else EXIF ImageDescription, else
	// XMP dc:description.
	Caption string `json:",omitempty"`
	// Creator is the photographer: EXIF Artist, else IPTC By-line, else
	// XMP dc:creator.
	Creator string `json:",omitempty"`
	// Source is who supplied the photo, when it names no photographer's
	// name alone: IPTC Credit, else IPTC Source (or their XMP forms).
	Source    string    `json:",omitempty"`
	Copyright string    `json:",omitempty"` // EXIF Copyright, IPTC CopyrightNotice, XMP dc:rights
	Date      time.Time `json:",omitzero"`  // when it was taken
	// Orientation is the EXIF orientation (1–8), 0 when it has none; it
	// is applied to the pixels, not kept.
	Orientation int `json:"-"`
}

// decoder is Hugo's metadata decoder, reading every source. The GPS
// position it also decodes is never kept: it is not in Meta, and no
// metadata is written into the variants.
var decoder = sync.OnceValues(func() (*hugometa.Decoder, error) {
	return hugometa.NewDecoder(hugometa.WithSources("exif", "iptc", "xmp"))
})

// ReadMeta reads a JPEG's or PNG's metadata without decoding its pixels.
// Damaged or missing metadata gives an empty Meta: it never stops a build.
func ReadMeta(format string, data []byte) Meta {
	imf := imagemeta.JPEG
	if format == "png" {
		imf = imagemeta.PNG
	}
	d, err := decoder()
	if err != nil {
		return Meta{Orientation: readOrientation(format, data)}
	}
	m, err := d.DecodeMeta("", imf, bytes.NewReader(data))
	if err != nil || m == nil {
		// Hugo's decoder returns nothing when any part of the metadata is
		// damaged; the orientation tag read before the damage still
		// decides how the photo is shown, so it is read directly.
		return Meta{Orientation: readOrientation(format, data)}
	}
	out := Meta{Orientation: m.Orientation, Date: m.Date}
	if out.Orientation < 0 || out.Orientation > 8 {
		out.Orientation = 0
	}
	first := func(cands ...any) string {
		for _, c := range cands {
			if s := text(c); s != "" {
				return s
			}
		}
		return ""
	}
	out.Caption = first(m.IPTC["Caption-Abstract"], caption(m.Exif["ImageDescription"]), m.XMP["Description"])
	out.Creator = first(m.Exif["Artist"], m.IPTC["By-line"], m.XMP["Creator"])
	out.Source = first(m.IPTC["Credit"], m.IPTC["Source"], m.XMP["Credit"], m.XMP["Source"])
	out.Copyright = first(m.Exif["Copyright"], m.IPTC["CopyrightNotice"], m.XMP["Rights"])
	return out
}

// cameraDescriptions are the ImageDescription cameras write by themselves.
var cameraDescriptions = map[string]bool{
	"olympus digital camera": true, "sony dsc": true, "digital camera": true,
	"default": true, "image": true, "picture": true, "dcim": true,
	"samsung camera pictures": true, "lg digital camera": true,
	"minolta digital camera": true, "kodak digital still camera": true,
	"konica minolta digital camera": true, "exif_jpeg_picture": true,
}

// caption drops an ImageDescription a camera wrote rather than a person.
func caption(v any) any {
	if s := text(v); cameraDescriptions[strings.ToLower(s)] {
		return nil
	}
	return v
}

// text turns a tag's value into one line of text: lists joined with 、,
// control characters dropped, spaces collapsed, at most 300 characters.
func text(v any) string {
	var s string
	switch v := v.(type) {
	case string:
		s = v
	case []string:
		s = strings.Join(v, "、")
	case []any:
		var parts []string
		for _, p := range v {
			if t := text(p); t != "" {
				parts = append(parts, t)
			}
		}
		s = strings.Join(parts, "、")
	default:
		return ""
	}
	s = latin1Repair(s)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	if utf8.RuneCountInString(s) > 300 {
		s = string([]rune(s)[:300]) + "…"
	}
	return s
}

// latin1Repair undoes a UTF-8 text read as ISO-8859-1, as IPTC fields
// without a declared character set are (张三 read back as å¼ ä¸): when
// every character fits a byte and those bytes are UTF-8, they were.
func latin1Repair(s string) string {
	b := make([]byte, 0, len(s))
	high := false
	for _, r := range s {
		if r > 0xFF {
			return s
		}
		if r >= 0x80 {
			high = true
		}
		b = append(b, byte(r))
	}
	if !high || !utf8.Valid(b) {
		return s
	}
	return string(b)
}
