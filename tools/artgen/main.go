// Command artgen renders the sample publication's illustrations: original,
// abstract pictures in the edition's deep red and gold (a sunrise over the
// zone for the cover, and one picture per chapter), at photo-like sizes so the
// responsive image pipeline has real work to do. There are no photographs,
// text, emblems, logos or faces in them.
//
// The output is deterministic: every picture draws from its own fixed PCG
// seed, so rerunning writes identical bytes. Regenerate from the repository
// root with:
//
//	go run ./tools/artgen -out content/images
//
// The program uses only the standard library.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// The edition's palette.
var (
	red     = hex("#9a1b1f")
	redDeep = hex("#7c1418")
	band    = hex("#4d0c11")
	gold    = hex("#b98a33")
	goldL   = hex("#d9ad5c")
	paper   = hex("#faf5ea")
	ink     = hex("#2a0609")
	sunPale = hex("#fff1cf")
)

// A picture: file name, size, seed and painter.
type picture struct {
	name string
	w, h int
	seed uint64
	draw func(c *Canvas, r *rand.Rand)
}

var pictures = []picture{
	{"cover.jpg", 2400, 1350, 1921, drawCover},
	{"reform.jpg", 2400, 1600, 2013, drawReform},
	{"industry.jpg", 2400, 1350, 2018, drawIndustry},
	{"organization.jpg", 2400, 1600, 2019, drawOrganization},
	{"livelihood.jpg", 2400, 1350, 2021, drawLivelihood},
}

const quality = 82

func main() {
	out := flag.String("out", "content/images", "directory to write the JPEG files into")
	only := flag.String("only", "", "render only the picture with this file name")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "artgen:", err)
		os.Exit(1)
	}
	for _, p := range pictures {
		if *only != "" && *only != p.name {
			continue
		}
		c := newCanvas(p.w, p.h)
		p.draw(c, rand.New(rand.NewPCG(p.seed, 0x666f6c696f)))
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, c.Image(), &jpeg.Options{Quality: quality}); err != nil {
			fmt.Fprintln(os.Stderr, "artgen:", err)
			os.Exit(1)
		}
		path := filepath.Join(*out, p.name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "artgen:", err)
			os.Exit(1)
		}
		fmt.Printf("wrote %s  %d×%d  %d bytes\n", path, p.w, p.h, buf.Len())
	}
}
