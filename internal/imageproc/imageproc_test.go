package imageproc

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

// testJPEG is a w×h JPEG whose left half is red and right half blue, with
// an EXIF orientation tag when orientation > 0.
func testJPEG(t testing.TB, w, h, orientation int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{200, 20, 20, 255}
			if x >= w/2 {
				c = color.RGBA{20, 20, 200, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if orientation == 0 {
		return data
	}
	// APP1 Exif segment: big-endian TIFF header, one IFD entry 0x0112
	// (Orientation), SHORT, count 1.
	var tiff bytes.Buffer
	tiff.WriteString("MM\x00\x2a")
	_ = binary.Write(&tiff, binary.BigEndian, uint32(8))
	_ = binary.Write(&tiff, binary.BigEndian, uint16(1))
	_ = binary.Write(&tiff, binary.BigEndian, []uint16{0x0112, 3})
	_ = binary.Write(&tiff, binary.BigEndian, uint32(1))
	_ = binary.Write(&tiff, binary.BigEndian, []uint16{uint16(orientation), 0})
	_ = binary.Write(&tiff, binary.BigEndian, uint32(0))
	payload := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	seg := []byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	out := append([]byte{}, data[:2]...) // SOI
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, data[2:]...)
}

func newProc(t *testing.T, widths ...int) *Processor {
	t.Helper()
	p, err := New(Options{Widths: widths, Quality: 75, MaxPixels: 4_000_000})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestVariantsNeverUpscale(t *testing.T) {
	p := newProc(t, 100, 200, 400)
	for _, tc := range []struct {
		width int
		want  []int
	}{
		{600, []int{100, 200, 400}},
		{300, []int{100, 200, 300}},
		{400, []int{100, 200, 400}},
		{80, []int{80}},
	} {
		res, err := p.Process(testJPEG(t, tc.width, tc.width/2, 0))
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, v := range res.Variants {
			if v.Format == "webp" {
				got = append(got, v.Width)
				if webpFormat(v.Data) != "webp" {
					t.Errorf("variant %d is not WebP", v.Width)
				}
			}
		}
		if len(got) != len(tc.want) {
			t.Fatalf("source %d: widths %v, want %v", tc.width, got, tc.want)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("source %d: widths %v, want %v", tc.width, got, tc.want)
			}
		}
		if res.Width != tc.want[len(tc.want)-1] || res.Height != res.Width/2 {
			t.Errorf("source %d: result %d×%d", tc.width, res.Width, res.Height)
		}
	}
}

func webpFormat(data []byte) string {
	if len(data) > 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		return "webp"
	}
	return ""
}

func TestOrientationAppliedAndMetadataStripped(t *testing.T) {
	p := newProc(t, 1000)
	src := testJPEG(t, 40, 20, 6) // stored landscape, shown rotated 90° clockwise
	if !bytes.Contains(src, []byte("Exif")) {
		t.Fatal("test image has no EXIF")
	}
	res, err := p.Process(src)
	if err != nil {
		t.Fatal(err)
	}
	if res.Width != 20 || res.Height != 40 {
		t.Fatalf("oriented size %d×%d, want 20×40", res.Width, res.Height)
	}
	for _, v := range res.Variants {
		if bytes.Contains(v.Data, []byte("Exif")) {
			t.Errorf("%s variant keeps EXIF metadata", v.Format)
		}
	}
	// Orientation 6 turns the red left half into the top half.
	img, err := jpeg.Decode(bytes.NewReader(res.Variants[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if r, _, b, _ := img.At(10, 5).RGBA(); r < b {
		t.Errorf("top of the oriented image is not red: orientation not applied")
	}
}

func TestPixelLimitRefusesBeforeDecoding(t *testing.T) {
	p := newProc(t, 100)
	// A PNG header claiming 30000×30000 pixels, and nothing else.
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 30000)
	binary.BigEndian.PutUint32(ihdr[4:], 30000)
	ihdr[8], ihdr[9] = 8, 2
	chunk := append([]byte("IHDR"), ihdr...)
	_ = binary.Write(&buf, binary.BigEndian, uint32(13))
	buf.Write(chunk)
	_ = binary.Write(&buf, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	_, err := p.Process(buf.Bytes())
	if err == nil || !strings.Contains(err.Error(), "30000×30000 pixels, above the limit") {
		t.Fatalf("err = %v", err)
	}
	if p.Decodes() != 0 {
		t.Error("the image was decoded before the limit was checked")
	}
}

func TestBadImages(t *testing.T) {
	p := newProc(t, 100)
	var pngBuf bytes.Buffer
	_ = png.Encode(&pngBuf, image.NewGray(image.Rect(0, 0, 10, 10)))
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"gif":       {[]byte("GIF89a\x01\x00\x01\x00"), "unsupported image format"},
		"text":      {[]byte("not an image"), "unsupported image format"},
		"no header": {testJPEG(t, 50, 50, 0)[:100], "cannot read the image"},
		"truncated": {truncated(testJPEG(t, 400, 400, 0)), "cannot decode the image"},
		"empty":     {nil, "unsupported image format"},
	} {
		if _, err := p.Process(tc.data); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", name, err, tc.want)
		}
	}
	if res, err := p.Process(pngBuf.Bytes()); err != nil || res.Format != "png" || res.Variants[0].Format != "png" {
		t.Errorf("PNG: %+v, %v", res, err)
	}
}

func truncated(data []byte) []byte { return data[:len(data)*6/10] }
