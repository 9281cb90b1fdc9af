// Package phototest makes JPEG photos carrying the metadata cameras and
// picture desks write (EXIF with a GPS position and a camera serial, IPTC,
// XMP), for tests of what folio reads from photos and what it must not
// publish. It is imported by tests only.
package phototest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"sort"
	"testing"

	"github.com/bep/imagemeta"
)

// Meta is what a test photo says about itself; empty fields are left out.
type Meta struct {
	// EXIF IFD0.
	Artist, Description, Copyright string
	Orientation                    int
	// EXIF sub-IFD.
	Serial, Date string // BodySerialNumber; DateTimeOriginal as 2021:06:30 09:15:00
	// GPS writes a GPS IFD placing the photo at 31°13′49″N 121°28′25″E.
	GPS bool
	// IPTC (APP13), declared UTF-8.
	Byline, Caption, Credit string
	// XMP (APP1): dc:creator, and a GPS position in exif:GPSLatitude when GPS is set.
	XMPCreator string
}

// JPEG returns a w×h photo-like JPEG (a gradient) carrying m.
func JPEG(w, h int, m Meta) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / max(w, 1)), uint8(y * 255 / max(h, 1)), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		panic(err)
	}
	data := buf.Bytes()
	var segs []byte
	if tiff := exif(m); tiff != nil {
		segs = append(segs, segment(0xE1, append([]byte("Exif\x00\x00"), tiff...))...)
	}
	if m.XMPCreator != "" || m.GPS {
		segs = append(segs, segment(0xE1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), xmp(m)...))...)
	}
	if iptc := iptc(m); iptc != nil {
		segs = append(segs, segment(0xED, iptc)...)
	}
	out := append([]byte{}, data[:2]...) // SOI
	out = append(out, segs...)
	return append(out, data[2:]...)
}

func segment(marker byte, payload []byte) []byte {
	n := len(payload) + 2
	return append([]byte{0xFF, marker, byte(n >> 8), byte(n)}, payload...)
}

type entry struct {
	tag, typ uint16
	count    uint32
	data     []byte
}

func ascii(tag uint16, s string) entry {
	return entry{tag, 2, uint32(len(s) + 1), append([]byte(s), 0)}
}

func short(tag uint16, v int) entry {
	return entry{tag, 3, 1, binary.BigEndian.AppendUint16(nil, uint16(v))}
}

func long(tag uint16, v int) entry {
	return entry{tag, 4, 1, binary.BigEndian.AppendUint32(nil, uint32(v))}
}

func rationals(tag uint16, v ...[2]uint32) entry {
	var b []byte
	for _, r := range v {
		b = binary.BigEndian.AppendUint32(b, r[0])
		b = binary.BigEndian.AppendUint32(b, r[1])
	}
	return entry{tag, 5, uint32(len(v)), b}
}

// ifd serialises entries as an IFD starting at offset in the TIFF data,
// with the values that do not fit an entry right after it.
func ifd(offset int, entries []entry) []byte {
	sort.Slice(entries, func(i, j int) bool { return entries[i].tag < entries[j].tag })
	dataAt := offset + 2 + 12*len(entries) + 4
	var head, data []byte
	head = binary.BigEndian.AppendUint16(head, uint16(len(entries)))
	for _, e := range entries {
		head = binary.BigEndian.AppendUint16(head, e.tag)
		head = binary.BigEndian.AppendUint16(head, e.typ)
		head = binary.BigEndian.AppendUint32(head, e.count)
		if len(e.data) <= 4 {
			head = append(head, e.data...)
			head = append(head, make([]byte, 4-len(e.data))...)
			continue
		}
		head = binary.BigEndian.AppendUint32(head, uint32(dataAt+len(data)))
		data = append(data, e.data...)
		if len(data)%2 == 1 {
			data = append(data, 0)
		}
	}
	head = binary.BigEndian.AppendUint32(head, 0) // no next IFD
	return append(head, data...)
}

// exif is the TIFF structure of an APP1 Exif segment: IFD0, then the
// Exif sub-IFD and the GPS IFD it points to.
func exif(m Meta) []byte {
	var ifd0, sub, gps []entry
	if m.Description != "" {
		ifd0 = append(ifd0, ascii(0x010E, m.Description))
	}
	if m.Artist != "" {
		ifd0 = append(ifd0, ascii(0x013B, m.Artist))
	}
	if m.Copyright != "" {
		ifd0 = append(ifd0, ascii(0x8298, m.Copyright))
	}
	if m.Orientation != 0 {
		ifd0 = append(ifd0, short(0x0112, m.Orientation))
	}
	if m.Date != "" {
		sub = append(sub, ascii(0x9003, m.Date))
	}
	if m.Serial != "" {
		sub = append(sub, ascii(0xA431, m.Serial))
	}
	if m.GPS {
		gps = []entry{
			{0x0000, 1, 4, []byte{2, 3, 0, 0}}, // GPSVersionID
			ascii(0x0001, "N"),
			rationals(0x0002, [2]uint32{31, 1}, [2]uint32{13, 1}, [2]uint32{49, 1}),
			ascii(0x0003, "E"),
			rationals(0x0004, [2]uint32{121, 1}, [2]uint32{28, 1}, [2]uint32{25, 1}),
		}
	}
	if len(ifd0)+len(sub)+len(gps) == 0 {
		return nil
	}
	// Pointers take a slot in IFD0 whatever their value: size it with them.
	n0 := len(ifd0)
	if len(sub) > 0 {
		ifd0 = append(ifd0, long(0x8769, 0))
	}
	if len(gps) > 0 {
		ifd0 = append(ifd0, long(0x8825, 0))
	}
	subAt := 8 + len(ifd(8, append([]entry{}, ifd0...)))
	gpsAt := subAt
	if len(sub) > 0 {
		gpsAt += len(ifd(subAt, append([]entry{}, sub...)))
	}
	k := n0
	if len(sub) > 0 {
		ifd0[k] = long(0x8769, subAt)
		k++
	}
	if len(gps) > 0 {
		ifd0[k] = long(0x8825, gpsAt)
	}
	out := []byte("MM\x00\x2a\x00\x00\x00\x08")
	out = append(out, ifd(8, ifd0)...)
	if len(sub) > 0 {
		out = append(out, ifd(subAt, sub)...)
	}
	if len(gps) > 0 {
		out = append(out, ifd(gpsAt, gps)...)
	}
	return out
}

// iptc is an APP13 Photoshop segment holding an IPTC record in UTF-8.
func iptc(m Meta) []byte {
	var rec []byte
	add := func(record, dataset byte, v string) {
		rec = append(rec, 0x1C, record, dataset)
		rec = binary.BigEndian.AppendUint16(rec, uint16(len(v)))
		rec = append(rec, v...)
	}
	add(1, 90, "\x1b%G") // CodedCharacterSet: UTF-8
	n := len(rec)
	if m.Byline != "" {
		add(2, 80, m.Byline)
	}
	if m.Credit != "" {
		add(2, 110, m.Credit)
	}
	if m.Caption != "" {
		add(2, 120, m.Caption)
	}
	if len(rec) == n {
		return nil
	}
	out := []byte("Photoshop 3.0\x008BIM\x04\x04\x00\x00")
	out = binary.BigEndian.AppendUint32(out, uint32(len(rec)))
	out = append(out, rec...)
	if len(rec)%2 == 1 {
		out = append(out, 0)
	}
	return out
}

func xmp(m Meta) []byte {
	var b bytes.Buffer
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`)
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/"`)
	if m.GPS {
		b.WriteString(` exif:GPSLatitude="31,13.82N" exif:GPSLongitude="121,28.42E"`)
	}
	b.WriteString(`>`)
	if m.XMPCreator != "" {
		b.WriteString(`<dc:creator><rdf:Seq><rdf:li>` + m.XMPCreator + `</rdf:li></rdf:Seq></dc:creator>`)
	}
	b.WriteString(`</rdf:Description></rdf:RDF></x:xmpmeta>`)
	return b.Bytes()
}

// Tags returns every EXIF, IPTC and XMP tag bep/imagemeta finds.
func Tags(t testing.TB, data []byte, f imagemeta.ImageFormat) map[string]any {
	t.Helper()
	tags := map[string]any{}
	_, err := imagemeta.Decode(imagemeta.Options{
		R: bytes.NewReader(data), ImageFormat: f, Sources: imagemeta.EXIF | imagemeta.IPTC | imagemeta.XMP,
		ShouldHandleTag: func(imagemeta.TagInfo) bool { return true },
		HandleTag:       func(ti imagemeta.TagInfo) error { tags[ti.Tag] = ti.Value; return nil },
	})
	if err != nil {
		t.Fatalf("imagemeta: %v", err)
	}
	return tags
}

// AssertNoMetadata fails when a JPEG has an APPn (other than JFIF) or COM
// segment, a WebP an EXIF, XMP or ICC chunk, or imagemeta finds any tag.
func AssertNoMetadata(t testing.TB, format string, data []byte) {
	t.Helper()
	switch format {
	case "jpg":
		for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
			m := data[i+1]
			if m == 0xDA { // start of scan: the entropy-coded data follows
				break
			}
			n := int(binary.BigEndian.Uint16(data[i+2:]))
			if m >= 0xE1 && m <= 0xEF || m == 0xFE {
				t.Errorf("JPEG variant has segment FF%X (%q)", m, data[i+4:min(i+12, len(data))])
			}
			i += 2 + n
		}
		if tags := Tags(t, data, imagemeta.JPEG); len(tags) > 0 {
			t.Errorf("JPEG variant keeps tags %v", tags)
		}
	case "webp":
		if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
			t.Fatalf("not a WebP")
		}
		for i := 12; i+8 <= len(data); {
			id := string(data[i : i+4])
			n := int(binary.LittleEndian.Uint32(data[i+4:]))
			switch id {
			case "EXIF", "XMP ", "ICCP":
				t.Errorf("WebP variant has a %s chunk", id)
			}
			i += 8 + n + n%2
		}
		if tags := Tags(t, data, imagemeta.WebP); len(tags) > 0 {
			t.Errorf("WebP variant keeps tags %v", tags)
		}
	default:
		t.Fatalf("unexpected variant format %s", format)
	}
}
