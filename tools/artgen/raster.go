package main

// A tiny anti-aliased rasteriser: shapes are signed distance functions, so a
// pixel's coverage is clamp(0.5 - distance) and every edge is smooth without
// supersampling. Colours are float RGB in 0..255.

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"strconv"
)

// RGB is a colour with float channels in 0..255.
type RGB struct{ R, G, B float64 }

func hex(s string) RGB {
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		panic(err)
	}
	return RGB{float64(v >> 16 & 255), float64(v >> 8 & 255), float64(v & 255)}
}

func mix(a, b RGB, t float64) RGB {
	return RGB{a.R + (b.R-a.R)*t, a.G + (b.G-a.G)*t, a.B + (b.B-a.B)*t}
}

func (c RGB) add(v float64) RGB { return RGB{c.R + v, c.G + v, c.B + v} }
func (c RGB) mul(k float64) RGB { return RGB{c.R * k, c.G * k, c.B * k} }
func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }
func smooth(a, b, v float64) float64 {
	t := clamp01((v - a) / (b - a))
	return t * t * (3 - 2*t)
}

// stop is one colour stop of a gradient; ramp interpolates between stops.
type stop struct {
	T float64
	C RGB
}

func ramp(s []stop, t float64) RGB {
	if t <= s[0].T {
		return s[0].C
	}
	for i := 1; i < len(s); i++ {
		if t <= s[i].T {
			return mix(s[i-1].C, s[i].C, smooth(s[i-1].T, s[i].T, t))
		}
	}
	return s[len(s)-1].C
}

// Canvas is a float RGB image.
type Canvas struct {
	W, H int
	Pix  []RGB
	mask []float32 // scratch coverage buffer for Union
}

func newCanvas(w, h int) *Canvas {
	return &Canvas{W: w, H: h, Pix: make([]RGB, w*h), mask: make([]float32, w*h)}
}

// At returns the colour at pixel centre (x, y), clamped to the canvas.
func (c *Canvas) At(x, y float64) RGB {
	ix := min(max(int(x), 0), c.W-1)
	iy := min(max(int(y), 0), c.H-1)
	return c.Pix[iy*c.W+ix]
}

// Shade replaces every pixel in rows y0..y1 with f(x, y, old).
func (c *Canvas) Shade(y0, y1 int, f func(x, y float64, old RGB) RGB) {
	for y := max(y0, 0); y < min(y1, c.H); y++ {
		for x := 0; x < c.W; x++ {
			i := y*c.W + x
			c.Pix[i] = f(float64(x)+.5, float64(y)+.5, c.Pix[i])
		}
	}
}

// Paint gives the colour and opacity of a fill at a point.
type Paint func(x, y float64) (RGB, float64)

func solid(c RGB, a float64) Paint { return func(float64, float64) (RGB, float64) { return c, a } }

func vgrad(y0, y1 float64, c0, c1 RGB, a float64) Paint {
	return func(_, y float64) (RGB, float64) { return mix(c0, c1, clamp01((y-y0)/(y1-y0))), a }
}

// Shape is a region given by its bounding box and signed distance.
type Shape interface {
	Bounds() (x0, y0, x1, y1 float64)
	Dist(x, y float64) float64
}

func (c *Canvas) box(s Shape) (int, int, int, int) {
	x0, y0, x1, y1 := s.Bounds()
	return max(int(math.Floor(x0))-1, 0), max(int(math.Floor(y0))-1, 0),
		min(int(math.Ceil(x1))+1, c.W), min(int(math.Ceil(y1))+1, c.H)
}

// Fill paints a shape with analytic anti-aliasing.
func (c *Canvas) Fill(s Shape, p Paint) {
	x0, y0, x1, y1 := c.box(s)
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			px, py := float64(x)+.5, float64(y)+.5
			cov := clamp01(0.5 - s.Dist(px, py))
			if cov > 0 {
				col, a := p(px, py)
				i := y*c.W + x
				c.Pix[i] = mix(c.Pix[i], col, clamp01(a*cov))
			}
		}
	}
}

// Union paints many shapes as one region, so overlaps are not painted twice
// (what thin translucent curves made of segments need).
func (c *Canvas) Union(shapes []Shape, p Paint) {
	bx0, by0, bx1, by1 := c.W, c.H, 0, 0
	for _, s := range shapes {
		x0, y0, x1, y1 := c.box(s)
		bx0, by0, bx1, by1 = min(bx0, x0), min(by0, y0), max(bx1, x1), max(by1, y1)
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				cov := float32(clamp01(0.5 - s.Dist(float64(x)+.5, float64(y)+.5)))
				if i := y*c.W + x; cov > c.mask[i] {
					c.mask[i] = cov
				}
			}
		}
	}
	for y := by0; y < by1; y++ {
		for x := bx0; x < bx1; x++ {
			i := y*c.W + x
			if cov := float64(c.mask[i]); cov > 0 {
				col, a := p(float64(x)+.5, float64(y)+.5)
				c.Pix[i] = mix(c.Pix[i], col, clamp01(a*cov))
				c.mask[i] = 0
			}
		}
	}
}

// Glow blends a soft Gaussian halo of colour col into the canvas.
func (c *Canvas) Glow(x, y, r float64, col RGB, a float64) {
	c.Fill(Circle{x, y, 3 * r}, func(px, py float64) (RGB, float64) {
		d := math.Hypot(px-x, py-y) / r
		return col, a * math.Exp(-d*d)
	})
}

// Grain adds fine monochrome film grain, then Vignette darkens the corners.
func (c *Canvas) Grain(r *rand.Rand, amp float64) {
	for i := range c.Pix {
		c.Pix[i] = c.Pix[i].add((r.Float64() + r.Float64() - 1) * amp)
	}
}

func (c *Canvas) Vignette(k float64) {
	cx, cy := float64(c.W)/2, float64(c.H)/2
	c.Shade(0, c.H, func(x, y float64, old RGB) RGB {
		dx, dy := (x-cx)/cx, (y-cy)/cy
		return old.mul(1 - k*smooth(0.3, 1.6, dx*dx+dy*dy))
	})
}

// Image converts the canvas to 8-bit RGBA.
func (c *Canvas) Image() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, c.W, c.H))
	q := func(v float64) uint8 { return uint8(math.Max(0, math.Min(255, math.Round(v)))) }
	for i, p := range c.Pix {
		img.SetRGBA(i%c.W, i/c.W, color.RGBA{q(p.R), q(p.G), q(p.B), 255})
	}
	return img
}

// Shapes.

type Circle struct{ X, Y, R float64 }

func (s Circle) Bounds() (float64, float64, float64, float64) {
	return s.X - s.R, s.Y - s.R, s.X + s.R, s.Y + s.R
}
func (s Circle) Dist(x, y float64) float64 { return math.Hypot(x-s.X, y-s.Y) - s.R }

// Ring is a circle outline of half-width W.
type Ring struct{ X, Y, R, W float64 }

func (s Ring) Bounds() (float64, float64, float64, float64) {
	return Circle{s.X, s.Y, s.R + s.W}.Bounds()
}
func (s Ring) Dist(x, y float64) float64 { return math.Abs(math.Hypot(x-s.X, y-s.Y)-s.R) - s.W }

// Ellipse uses a first-order distance estimate, exact enough for edges.
type Ellipse struct{ X, Y, RX, RY float64 }

func (s Ellipse) Bounds() (float64, float64, float64, float64) {
	return s.X - s.RX, s.Y - s.RY, s.X + s.RX, s.Y + s.RY
}
func (s Ellipse) Dist(x, y float64) float64 {
	px, py := x-s.X, y-s.Y
	k0 := math.Hypot(px/s.RX, py/s.RY)
	k1 := math.Hypot(px/(s.RX*s.RX), py/(s.RY*s.RY))
	if k1 == 0 {
		return -math.Min(s.RX, s.RY)
	}
	return k0 * (k0 - 1) / k1
}

// Box is an axis-aligned rectangle.
type Box struct{ X0, Y0, X1, Y1 float64 }

func (s Box) Bounds() (float64, float64, float64, float64) { return s.X0, s.Y0, s.X1, s.Y1 }
func (s Box) Dist(x, y float64) float64 {
	dx := math.Max(s.X0-x, x-s.X1)
	dy := math.Max(s.Y0-y, y-s.Y1)
	if dx <= 0 && dy <= 0 {
		return math.Max(dx, dy)
	}
	return math.Hypot(math.Max(dx, 0), math.Max(dy, 0))
}

// Seg is a line segment with round caps and half-width W.
type Seg struct{ AX, AY, BX, BY, W float64 }

func (s Seg) Bounds() (float64, float64, float64, float64) {
	return math.Min(s.AX, s.BX) - s.W, math.Min(s.AY, s.BY) - s.W,
		math.Max(s.AX, s.BX) + s.W, math.Max(s.AY, s.BY) + s.W
}
func (s Seg) Dist(x, y float64) float64 {
	ex, ey := s.BX-s.AX, s.BY-s.AY
	wx, wy := x-s.AX, y-s.AY
	t := 0.0
	if l := ex*ex + ey*ey; l > 0 {
		t = clamp01((wx*ex + wy*ey) / l)
	}
	return math.Hypot(wx-ex*t, wy-ey*t) - s.W
}

// Poly is a simple polygon given as x0, y0, x1, y1, ...
type Poly []float64

func (p Poly) Bounds() (float64, float64, float64, float64) {
	x0, y0, x1, y1 := p[0], p[1], p[0], p[1]
	for i := 2; i < len(p); i += 2 {
		x0, x1 = math.Min(x0, p[i]), math.Max(x1, p[i])
		y0, y1 = math.Min(y0, p[i+1]), math.Max(y1, p[i+1])
	}
	return x0, y0, x1, y1
}

func (p Poly) Dist(x, y float64) float64 {
	n := len(p) / 2
	d, s := math.Inf(1), 1.0
	for i, j := 0, n-1; i < n; j, i = i, i+1 {
		vix, viy, vjx, vjy := p[2*i], p[2*i+1], p[2*j], p[2*j+1]
		ex, ey := vjx-vix, vjy-viy
		wx, wy := x-vix, y-viy
		t := clamp01((wx*ex + wy*ey) / (ex*ex + ey*ey))
		bx, by := wx-ex*t, wy-ey*t
		d = math.Min(d, bx*bx+by*by)
		c1, c2, c3 := y >= viy, y < vjy, ex*wy > ey*wx
		if (c1 && c2 && c3) || (!c1 && !c2 && !c3) {
			s = -s
		}
	}
	return s * math.Sqrt(d)
}

// Inter is the intersection of two shapes, Sub is A minus B.
type Inter struct{ A, B Shape }

func (s Inter) Bounds() (float64, float64, float64, float64) {
	a0, a1, a2, a3 := s.A.Bounds()
	b0, b1, b2, b3 := s.B.Bounds()
	return math.Max(a0, b0), math.Max(a1, b1), math.Min(a2, b2), math.Min(a3, b3)
}
func (s Inter) Dist(x, y float64) float64 { return math.Max(s.A.Dist(x, y), s.B.Dist(x, y)) }

type Sub struct{ A, B Shape }

func (s Sub) Bounds() (float64, float64, float64, float64) { return s.A.Bounds() }
func (s Sub) Dist(x, y float64) float64                    { return math.Max(s.A.Dist(x, y), -s.B.Dist(x, y)) }

// Noise is seeded 2-D value noise; FBM sums octaves into about -1..1.
type Noise struct {
	perm [256]uint8
	val  [256]float64
}

func newNoise(r *rand.Rand) *Noise {
	n := &Noise{}
	for i, v := range r.Perm(256) {
		n.perm[i] = uint8(v)
		n.val[i] = r.Float64()*2 - 1
	}
	return n
}

func (n *Noise) lat(x, y int) float64 { return n.val[n.perm[(int(n.perm[x&255])+y)&255]] }

func (n *Noise) At(x, y float64) float64 {
	fx, fy := math.Floor(x), math.Floor(y)
	ix, iy := int(fx), int(fy)
	tx, ty := smooth(0, 1, x-fx), smooth(0, 1, y-fy)
	a := n.lat(ix, iy) + (n.lat(ix+1, iy)-n.lat(ix, iy))*tx
	b := n.lat(ix, iy+1) + (n.lat(ix+1, iy+1)-n.lat(ix, iy+1))*tx
	return a + (b-a)*ty
}

func (n *Noise) FBM(x, y float64, octaves int) float64 {
	sum, amp, norm := 0.0, 1.0, 0.0
	for range octaves {
		sum += amp * n.At(x, y)
		norm += amp
		x, y, amp = x*2.03+17.1, y*2.03+5.3, amp*0.5
	}
	return sum / norm
}

// cam is a pinhole camera over a ground plane: X right, Y up, Z ahead, in
// metres; cx, hz are the vanishing point, f the focal length in pixels and h
// the eye height.
type cam struct{ cx, hz, f, h float64 }

func (k cam) P(x, y, z float64) (float64, float64) {
	return k.cx + k.f*x/z, k.hz + k.f*(k.h-y)/z
}

// quad projects four world points into a polygon.
func (k cam) quad(pts ...[3]float64) Poly {
	var p Poly
	for _, q := range pts {
		x, y := k.P(q[0], q[1], q[2])
		p = append(p, x, y)
	}
	return p
}
