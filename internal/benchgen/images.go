package benchgen

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
)

// imageCount illustrations are shared by the chapters that show one
// (every 25th): a publication reuses a few photographs far more than it
// has distinct ones, and each distinct image costs folio a resize and
// encoding per width on a cold cache.
const imageCount = 3

// illustration draws the k-th benchmark image, 1,200×800: bands of colour
// standing for buildings and roads, so the JPEG is not trivially small.
func illustration(k int) []byte {
	const w, h = 1200, 800
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			band := (x/(60+20*k) + y/90) % 5
			img.Set(x, y, color.RGBA{
				R: uint8(40*band + x*60/w + 30*k),
				G: uint8(120 + 20*band - y*60/h),
				B: uint8(90 + (x^y)%40 + 25*k),
				A: 255,
			})
		}
	}
	var b bytes.Buffer
	_ = jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}) // writing to memory cannot fail
	return b.Bytes()
}
