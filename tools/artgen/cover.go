package main

import (
	"math"
	"math/rand/v2"
)

// drawCover: a gold sun rising behind the zone's skyline, rays fanning into a
// deep-red sky with low clouds, three layers of factories, chimneys, tanks,
// towers and tower cranes receding into haze, and a river in front catching
// the light.
func drawCover(c *Canvas, r *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	hz := 0.73 * H
	sx, sy := W/2, hz-30
	nz := newNoise(r)
	sky := []stop{{0, hex("#33070b")}, {0.28, band}, {0.55, redDeep}, {0.78, red},
		{0.92, hex("#c0412e")}, {1, hex("#df7b3d")}}
	c.Shade(0, c.H, func(x, y float64, _ RGB) RGB {
		col := ramp(sky, y/hz)
		dx, dy := x-sx, y-sy
		dist := math.Hypot(dx, dy)
		e := math.Hypot(dx/1.6, dy) / 520
		col = mix(col, hex("#f3b95c"), 0.8*math.Exp(-e*e))
		if dy < 0 { // rays: broad soft beams and fine bright threads
			th := math.Atan2(dy, dx)
			fade := math.Exp(-dist/1300) * smooth(140, 320, dist)
			broad := math.Pow(0.5+0.5*math.Cos(th*38), 4) * smooth(-0.5, 0.6, nz.At(th*9, 2.5))
			fine := math.Pow(0.5+0.5*math.Cos(th*76+1.3), 90) * smooth(-0.3, 0.5, nz.At(th*13+5, 7))
			col = mix(col, goldL, clamp01(fade*(0.38*broad+0.4*fine)))
		}
		cl := nz.FBM(x/900+3, y/48, 5)
		cloud := smooth(0.02, 0.45, cl) * smooth(0.2*hz, 0.75*hz, y) * (1 - smooth(0.86*hz, 0.97*hz, y))
		lit := math.Exp(-(dx*dx/(900*900) + dy*dy/(420*420)))
		col = mix(col, mix(hex("#3d080d"), hex("#f0b463"), lit), 0.5*cloud)
		return col.add(10 * nz.FBM(x/260, y/260, 3))
	})

	// The sun, its halo and two thin gold rings.
	c.Glow(sx, sy, 260, hex("#ffd98a"), 0.55)
	sun := []stop{{0, hex("#fff7df")}, {0.55, hex("#fbe0a0")}, {0.85, hex("#f3c06a")}, {1, hex("#e8a74e")}}
	c.Fill(Circle{sx, sy, 132}, func(x, y float64) (RGB, float64) {
		return ramp(sun, math.Hypot(x-sx, y-sy)/132), 1
	})
	c.Fill(Ring{sx, sy, 160, 1.2}, solid(goldL, 0.6))
	c.Fill(Ring{sx, sy, 188, 0.8}, solid(goldL, 0.35))

	// Three layers of skyline, far and hazy to near and dark. A hazy layer
	// takes the colour of the sky behind it.
	haze := func(k float64, tint RGB) Paint {
		return func(x, y float64) (RGB, float64) {
			h := mix(c.At(x, hz-6), tint, k)
			return mix(h, c.At(x, hz-6), 0.35*smooth(hz-260, hz+20, y)), 1
		}
	}
	low := func(x float64) float64 { return 0.12 + 0.88*smooth(170, 720, math.Abs(x-sx)) }
	far, _ := skyline(r, -40, W+40, hz+4, H, 0.75, func(x float64) float64 { return 0.3 + 0.7*low(x) })
	c.Union(far, haze(0.42, hex("#6e1318")))
	mid, wins := skyline(r, -40, W+40, hz+30, H, 1.05, low)
	mid = append(mid, gantry(560, hz+30, 150, 230)...)
	c.Union(mid, vgrad(hz-420, hz+40, hex("#4a0c11"), hex("#3a080c"), 1))
	for _, w := range wins {
		c.Fill(w, solid(hex("#f2c46d"), 0.35+0.5*r.Float64()))
	}
	near, _ := skyline(r, -40, W+40, hz+100, H, 0.6, func(x float64) float64 { return 0.25 + 0.45*low(x) })
	near = append(near, towerCrane(1790, hz+100, 430, 520, 170, 1)...)
	near = append(near, towerCrane(330, hz+100, 330, 150, 330, 0.8)...)
	c.Union(near, vgrad(hz-300, H, hex("#2c070a"), hex("#1d0406"), 1))

	// The river: dark water with shimmering gold streaks under the sun.
	wy := H - 200
	c.Shade(int(wy), c.H, func(x, y float64, _ RGB) RGB {
		t := (y - wy) / (H - wy)
		col := mix(hex("#3a0a0e"), hex("#1a0305"), t)
		glow := math.Exp(-math.Pow((x-sx)/520, 2))
		col = mix(col, hex("#8a2a22"), 0.6*glow*(1-t))
		sh := smooth(0.25, 0.7, nz.At(x/70+9, y/2.2)) * math.Exp(-math.Pow((x-sx)/(260+300*t), 2))
		return mix(col, hex("#f6c873"), 0.85*sh*(1-0.5*t))
	})
	c.Fill(Box{0, wy - 1, W, wy + 1}, solid(hex("#c98a45"), 0.55))
	for x := 20.0; x < W; x += 38 + r.Float64()*30 { // lamps along the embankment
		if r.IntN(4) > 0 {
			c.Glow(x, wy-14, 7, hex("#ffd27a"), 0.8)
			c.Fill(Box{x - 1.5, wy + 6, x + 1.5, wy + 30 + r.Float64()*40}, vgrad(wy, wy+70, hex("#f7c66e"), hex("#3a0a0e"), 0.45))
		}
	}
	c.Vignette(0.35)
	c.Grain(r, 5)
}

// skyline returns the silhouettes of a row of buildings standing on base (and
// reaching down to bottom), scaled by s and by an envelope over x, plus small
// lit windows.
func skyline(r *rand.Rand, x0, x1, base, bottom, s float64, env func(float64) float64) (shapes, wins []Shape) {
	shapes = append(shapes, Box{x0, base - 8*s, x1, bottom})
	for x := x0; x < x1; {
		w := (40 + r.Float64()*110) * s
		h := (50 + r.Float64()*190) * s * env(x)
		top := base - h
		switch k := r.IntN(10); {
		case k < 3: // plain block, sometimes stepped
			shapes = append(shapes, Box{x, top, x + w, bottom})
			if r.IntN(2) == 0 {
				shapes = append(shapes, Box{x + w*0.25, top - h*0.25, x + w*0.75, bottom})
			}
		case k < 5: // hall with a saw-tooth roof
			w *= 1.8
			shapes = append(shapes, Box{x, top, x + w, bottom})
			n := max(2, int(w/(34*s)))
			tw := w / float64(n)
			for i := range n {
				a := x + float64(i)*tw
				shapes = append(shapes, Poly{a, top + 1, a + tw, top - tw*0.55, a + tw, top + 1})
			}
		case k < 7: // chimney beside a low shed
			cw := (12 + r.Float64()*10) * s
			ch := (200 + r.Float64()*230) * s * env(x)
			shapes = append(shapes, Box{x, base - h*0.4, x + w, bottom},
				Poly{x + w*0.5 - cw, bottom, x + w*0.5 - cw*0.6, base - ch, x + w*0.5 + cw*0.6, base - ch, x + w*0.5 + cw, bottom})
		case k < 8: // storage tanks with domed tops
			for i := range 2 {
				tx := x + float64(i)*w*0.55
				th := h * (0.5 + 0.2*float64(i))
				shapes = append(shapes, Box{tx, base - th, tx + w*0.5, bottom}, Ellipse{tx + w*0.25, base - th, w * 0.25, w * 0.08})
			}
		default: // tower with setbacks and a mast
			h *= 1.5
			shapes = append(shapes, Box{x, base - h, x + w, bottom},
				Box{x + w*0.15, base - h*1.12, x + w*0.85, bottom},
				Seg{x + w*0.5, base - h*1.12, x + w*0.5, base - h*1.3, 1.5 * s})
			for wy := base - h + 14*s; wy < base-12*s; wy += 22 * s {
				for wx := x + 8*s; wx < x+w-10*s; wx += 16 * s {
					if r.IntN(9) == 0 {
						wins = append(wins, Box{wx, wy, wx + 6*s, wy + 8*s})
					}
				}
			}
		}
		x += w * (0.7 + r.Float64()*0.5)
	}
	return shapes, wins
}

// towerCrane is a lattice mast at x rising h above base, with a jib reaching
// left and right, drawn as line segments at scale s.
func towerCrane(x, base, h, left, right, s float64) []Shape {
	top := base - h
	m := 9 * s
	var sh []Shape
	sh = append(sh, Seg{x - m, base, x - m, top, 2 * s}, Seg{x + m, base, x + m, top, 2 * s})
	for y, i := base, 0; y > top+2*m; y, i = y-2*m, i+1 {
		a, b := x-m, x+m
		if i%2 == 1 {
			a, b = b, a
		}
		sh = append(sh, Seg{a, y, b, y - 2*m, 1.2 * s})
	}
	jy := top - 6*s
	sh = append(sh, Seg{x - left, jy, x + right, jy, 2.5 * s}, Seg{x - left*0.9, jy + 14*s, x + right, jy + 14*s, 1.6 * s},
		Poly{x - m, jy, x, jy - 60*s, x + m, jy}, Seg{x, jy - 60*s, x - left, jy, 1 * s}, Seg{x, jy - 60*s, x + right*0.8, jy, 1 * s},
		Box{x + right - 40*s, jy - 4*s, x + right - 4*s, jy + 26*s}, Box{x - 24*s, jy, x + 24*s, jy + 34*s})
	for jx := x - left + 20*s; jx < x+right-20*s; jx += 28 * s {
		sh = append(sh, Seg{jx, jy, jx + 14*s, jy + 14*s, 1 * s}, Seg{jx + 14*s, jy + 14*s, jx + 28*s, jy, 1 * s})
	}
	tx := x - left*0.6
	return append(sh, Seg{tx, jy + 14*s, tx, jy + 150*s, 0.8 * s}, Box{tx - 6*s, jy + 150*s, tx + 6*s, jy + 162*s})
}

// gantry is a portal crane: two legs and a beam spanning w, h above base.
func gantry(x, base, w, h float64) []Shape {
	return []Shape{
		Poly{x - 6, base, x, base - h, x + 10, base - h, x + 8, base},
		Poly{x + w - 8, base, x + w - 10, base - h, x + w, base - h, x + w + 6, base},
		Box{x - 30, base - h - 18, x + w + 30, base - h},
		Box{x + w*0.4, base - h, x + w*0.55, base - h + 26},
		Seg{x + w*0.47, base - h + 26, x + w*0.47, base - h*0.35, 1},
	}
}
