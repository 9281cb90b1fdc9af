package imageproc

import (
	"bytes"
	"image"
	"image/png"
	"testing"
)

// FuzzProcess feeds Process damaged and hostile images (they come from
// editors' folders): it must return an error or variants that decode,
// never panic.
func FuzzProcess(f *testing.F) {
	var pngBuf bytes.Buffer
	_ = png.Encode(&pngBuf, image.NewGray(image.Rect(0, 0, 24, 12)))
	f.Add(pngBuf.Bytes())
	for _, o := range []int{0, 3, 6, 8} {
		f.Add(testJPEG(f, 12, 24, o))
	}
	f.Add(truncated(testJPEG(f, 40, 40, 6)))
	p, err := New(Options{Widths: []int{8, 16}, Quality: 60, MaxPixels: 64 * 64})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := p.Process(data)
		if err != nil {
			return
		}
		for _, v := range res.Variants {
			if v.Width <= 0 || v.Height <= 0 || len(v.Data) == 0 {
				t.Fatalf("empty %s variant %d×%d", v.Format, v.Width, v.Height)
			}
			if v.Format == "webp" {
				continue // the standard library reads no WebP
			}
			if _, _, err := image.Decode(bytes.NewReader(v.Data)); err != nil {
				t.Fatalf("the %s variant does not decode: %v", v.Format, err)
			}
		}
	})
}
