// The organization and livelihood chapters (chapters.go has reform and industry).
package main

import (
	"math"
	"math/rand/v2"
)

// drawOrganization (组织篇): a pale-gold morning over layered hills; a path of
// footsteps runs from an open book in the foreground towards the light,
// lined on both sides by rows of red flags streaming in the wind.
func drawOrganization(c *Canvas, r *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	hz := 760.0
	k := cam{cx: W / 2, hz: hz, f: 1300, h: 1.6}
	nz := newNoise(r)
	sky := []stop{{0, hex("#f3e6cc")}, {0.5, hex("#f5dcaa")}, {0.85, hex("#f0c27a")}, {1, hex("#eeae5e")}}
	c.Shade(0, int(hz)+2, func(x, y float64, _ RGB) RGB {
		col := ramp(sky, y/hz)
		e := math.Hypot((x-k.cx)/2, y-hz) / 420
		col = mix(col, hex("#fff6dc"), 0.8*math.Exp(-e*e))
		cl := smooth(0.1, 0.55, nz.FBM(x/800, y/45, 5)) * (1 - smooth(0.5*hz, hz, y))
		return mix(col, hex("#fffaf0"), 0.45*cl).add(5 * nz.FBM(x/200, y/200, 3))
	})
	// Three ranges of hills, paler with distance.
	for i, col := range []RGB{hex("#e6b07e"), hex("#c9775a"), hex("#a2423a")} {
		amp, sc, off := 150-40*float64(i), 700-150*float64(i), float64(i)*31
		p := Poly{-10, hz + 4}
		for x := -10.0; x <= W+10; x += 8 {
			d := math.Abs(x-k.cx) / W
			h := amp * (0.35 + 0.65*(0.5+0.5*nz.FBM(x/sc+off, off, 4))) * (0.4 + 0.6*smooth(0.02, 0.3, d))
			p = append(p, x, hz-h)
		}
		p = append(p, W+10, hz+4)
		c.Fill(p, vgrad(hz-150, hz, col, mix(col, hex("#f0c27a"), 0.35), 1))
	}
	// Fields, furrows and the path.
	c.Shade(int(hz), c.H, func(x, y float64, _ RGB) RGB {
		t := smooth(hz, H, y)
		col := ramp([]stop{{0, hex("#d9a767")}, {0.3, hex("#c28c45")}, {1, hex("#7a4c22")}}, t)
		z := k.f * k.h / (y - hz + 0.01)
		xw := (x - k.cx) * z / k.f
		return col.add(12*nz.FBM(xw*0.5, z*0.2, 4) + 5*nz.FBM(x/120, y/40, 3)) // foreshortened texture
	})
	c.Fill(k.quad([3]float64{-1.1, 0, 1.2}, [3]float64{1.1, 0, 1.2}, [3]float64{1.1, 0, 900}, [3]float64{-1.1, 0, 900}),
		vgrad(hz, H, hex("#fbeacb"), hex("#e9cd98"), 1))
	// Footsteps, alternating left and right, shrinking into the distance.
	for i := 0; ; i++ {
		z := 2.6 + float64(i)*0.72
		if z > 70 {
			break
		}
		sd := float64(i%2*2 - 1)
		x, y := k.P(0.17*sd, 0, z)
		rx, ry := k.f*0.05/z, k.f*k.h*0.12/(z*z)
		a := 0.5 * (1 - smooth(10, 70, z))
		c.Fill(Ellipse{x, y - ry*0.5, rx * 0.85, ry}, solid(redDeep, a))
		c.Fill(Ellipse{x, y + ry*1.05, rx * 0.7, ry * 0.5}, solid(redDeep, a))
	}
	// Rows of flags, far to near. Each flag is a strip rippling in the wind,
	// shaded by the slope of its folds.
	for z := 78.0; z >= 5.5; z -= 4.5 {
		for _, x0 := range []float64{-6, -2.5, 2.5, 6} {
			if math.Abs(x0) > 3 && z < 9 {
				continue
			}
			px0, py0 := k.P(x0, 0, z)
			px1, py1 := k.P(x0, 4.4, z)
			w := math.Max(0.9, k.f*0.025/z)
			c.Fill(Seg{px0, py0, px1, py1, w}, vgrad(py1, py0, hex("#6b4a2a"), hex("#3a2414"), 1))
			c.Fill(Circle{px1, py1 - w, w * 1.8}, solid(goldL, 1))
			ph := r.Float64()
			var top, bot []float64
			for i := 0; i <= 32; i++ {
				u := float64(i) / 32
				wave := 2 * math.Pi * (1.25*u - ph)
				dz := 0.22 * u * math.Sin(wave)
				dy := 0.1 * u * math.Cos(wave)
				tx, ty := k.P(x0+u*1.6, 4.3-0.1*u+dy, z+dz)
				bx, by := k.P(x0+u*1.6, 3.25-0.05*u+dy, z+dz)
				top, bot = append(top, tx, ty), append(bot, bx, by)
			}
			flag := Poly(append(top, reverse(bot)...))
			x1 := top[len(top)-2]
			fade := 1 - 0.45*smooth(20, 78, z)
			c.Fill(flag, func(x, y float64) (RGB, float64) {
				u := clamp01((x - px1) / (x1 - px1))
				s := math.Cos(2*math.Pi*(1.25*u-ph) + 0.9)
				col := mix(hex("#a51d21"), hex("#d8402f"), 0.5+0.5*s).mul(0.9 + 0.08*s)
				return mix(hex("#d9a07a"), col, fade), 1
			})
		}
	}
	// The open book: a red board under two curved pages and their edges.
	sp, top := W/2, 1395.0
	left := append([]float64{sp, top}, bez(sp, top, sp-230, top-90, sp-560, top-50, 24)[2:]...)
	left = append(left, sp-590, H+30, sp, H+30)
	right := make(Poly, len(left))
	for i := 0; i < len(left); i += 2 {
		right[i], right[i+1] = 2*sp-left[i], left[i+1]
	}
	board := append(Poly{sp, top + 20}, bez(sp, top+20, sp-260, top-50, sp-620, top-10, 24)[2:]...)
	board = append(board, sp-650, H+30, sp+650, H+30)
	board = append(board, reverse(bez(sp, top+20, sp+260, top-50, sp+620, top-10, 24))...)
	c.Fill(board, vgrad(top-60, H, redDeep, band, 1))
	for i := 3; i >= 0; i-- { // page edges
		o := float64(i) * 7
		edge := append(Poly{sp, top + o}, bez(sp, top+o, sp-230, top-90+o, sp-560-o, top-50+o, 24)[2:]...)
		edge = append(edge, sp-590-o, H+30, sp, H+30)
		for _, pg := range []Poly{edge, mirror(edge, sp)} {
			c.Fill(pg, solid(mix(hex("#eadbbd"), hex("#cdb58a"), float64(i)/3), 1))
		}
	}
	for _, pg := range []Poly{Poly(left), right} {
		c.Fill(pg, func(x, y float64) (RGB, float64) {
			d := math.Abs(x-sp) / 560
			return mix(hex("#e8d6b2"), paper, smooth(0, 0.35, d)).mul(1 - 0.06*smooth(0.7, 1, d)), 1
		})
	}
	c.Fill(Seg{sp, top + 2, sp, H, 1.2}, solid(hex("#b89a6a"), 0.8))
	c.Vignette(0.3)
	c.Grain(r, 4.5)
}

// mirror reflects a polygon about the vertical line x = m.
func mirror(p Poly, m float64) Poly {
	q := make(Poly, len(p))
	for i := 0; i < len(p); i += 2 {
		q[i], q[i+1] = 2*m-p[i], p[i+1]
	}
	return q
}

// drawLivelihood (民生篇): dusk over the city; a long, low service hall glows
// through its glass front, counters and pendant lamps inside, warm windows
// in the towers behind, street lamps and a wet plaza reflecting the light.
func drawLivelihood(c *Canvas, r *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	hz := 930.0
	nz := newNoise(r)
	sky := []stop{{0, hex("#26060c")}, {0.35, hex("#4d0c14")}, {0.62, hex("#8a2430")}, {0.85, hex("#c8603f")}, {1, hex("#eda85c")}}
	c.Shade(0, int(hz)+2, func(x, y float64, _ RGB) RGB {
		col := ramp(sky, y/hz)
		cl := smooth(0.05, 0.5, nz.FBM(x/800, y/50, 5)) * smooth(150, 700, y)
		return mix(col, hex("#e58a5a"), 0.3*cl).add(6 * nz.FBM(x/220, y/220, 3))
	})
	// Towers behind, with scattered warm windows.
	for layer := range 2 {
		s := 0.8 + 0.35*float64(layer)
		col := []RGB{hex("#8a3440"), hex("#3e0d17")}[layer]
		for x := -30.0; x < W; {
			w := (70 + r.Float64()*120) * s
			h := (100 + r.Float64()*300) * s
			if math.Abs(x+w/2-W/2) < 650 {
				h = math.Max(h, 440+r.Float64()*120)
			}
			y0 := hz - h
			c.Fill(Box{x, y0, x + w, hz + 2}, vgrad(y0, hz, col, mix(col, hex("#d8804f"), 0.35*(1-float64(layer))), 1))
			if r.IntN(3) == 0 {
				c.Fill(Seg{x + w/2, y0, x + w/2, y0 - 40*s, 1.5}, solid(col, 1))
			}
			for wy := y0 + 12; wy < hz-14; wy += 17 * s {
				for wx := x + 8; wx < x+w-12; wx += 14 * s {
					if r.IntN(4) == 0 {
						c.Fill(Box{wx, wy, wx + 7*s, wy + 9*s}, solid(mix(hex("#ffd27a"), hex("#f59b4e"), r.Float64()), 0.35+0.6*r.Float64()))
					}
				}
			}
			x += w + (r.Float64()*70-10)*s
		}
	}
	// The service hall: roof slab, an upper storey of offices and a
	// double-height glass hall of service counters.
	x0, x1, rt, fl, mt := 500.0, 1900.0, 560.0, 690.0, 930.0
	c.Fill(Box{x0, rt, x1, mt}, vgrad(rt, mt, hex("#3a0a10"), hex("#2a070c"), 1))
	for x := x0 + 12; x < x1-12; x += 100 { // offices upstairs, some brighter than others
		k := 0.78 + 0.25*r.Float64()
		c.Fill(Box{x, rt + 34, math.Min(x+100, x1-12), fl - 12}, func(_, y float64) (RGB, float64) {
			return mix(hex("#f6cf86"), hex("#e0a05a"), smooth(rt, fl, y)).mul(k), 1
		})
		c.Fill(Box{x + 14, rt + 40, math.Min(x+86, x1-26), rt + 43}, solid(paper, 0.8))
	}
	c.Fill(Box{x0 + 12, fl + 6, x1 - 12, mt - 4}, func(x, y float64) (RGB, float64) {
		return mix(hex("#fff0c9"), hex("#f2c072"), smooth(fl, mt, y)).mul(0.92 + 0.08*math.Cos((x-W/2)/180)), 1
	})
	for x := x0 + 60; x < x1-40; x += 92 { // counters with a bright top edge
		c.Fill(Box{x, 842, x + 70, 900}, vgrad(842, 900, hex("#7c1418"), hex("#4d0c11"), 1))
		c.Fill(Box{x, 838, x + 70, 844}, solid(paper, 1))
		c.Fill(Box{x + 10, 806, x + 60, 836}, solid(hex("#3a0a10"), 0.55)) // screens
		c.Fill(Box{x + 13, 809, x + 57, 833}, solid(hex("#ffe6ad"), 0.5))
	}
	for x := x0 + 95; x < x1-40; x += 92 { // pendant lamps
		c.Fill(Seg{x, fl + 6, x, 742, 0.8}, solid(hex("#5a1c16"), 0.7))
		c.Glow(x, 752, 26, hex("#ffffff"), 0.7)
		c.Fill(Ellipse{x, 748, 14, 6}, solid(hex("#fff7e0"), 1))
	}
	for x := x0 + 12; x <= x1-12; x += 100 { // mullions and transoms
		c.Fill(Box{x - 3, rt + 34, x + 3, mt}, solid(hex("#3a0a10"), 0.9))
	}
	for _, y := range []float64{fl - 12, fl + 6, 790} {
		c.Fill(Box{x0, y - 3, x1, y + 3}, solid(hex("#3a0a10"), 0.9))
	}
	c.Fill(Box{x0 - 80, rt, x1 + 80, rt + 34}, vgrad(rt, rt+34, hex("#2a070c"), hex("#4a1016"), 1))
	c.Fill(Box{x0 - 80, rt + 31, x1 + 80, rt + 34}, solid(goldL, 0.9))
	c.Fill(Box{W/2 - 160, 780, W/2 + 160, 800}, solid(hex("#2a070c"), 1)) // entrance canopy
	c.Fill(Box{W/2 - 160, 798, W/2 + 160, 801}, solid(goldL, 0.9))
	for i := range 4 { // steps
		y := mt + float64(i)*9
		c.Fill(Box{x0 - 40 - float64(i)*30, y, x1 + 40 + float64(i)*30, y + 9}, solid(mix(hex("#8a3a2a"), hex("#4a1016"), float64(i)/4), 1))
	}
	// Trees either side of the hall.
	for _, tx := range []float64{160, 300, 420, 1980, 2110, 2260} {
		ry := 70 + r.Float64()*30
		c.Fill(Seg{tx, hz + 30, tx, hz - 40, 4}, solid(hex("#1e0508"), 1))
		c.Fill(Ellipse{tx, hz - 60 - ry*0.4, 60 + r.Float64()*20, ry}, solid(hex("#24070b"), 1))
	}
	// The wet plaza mirrors the scene above, broken up by ripples.
	py := mt + 36
	c.Shade(int(py), c.H, func(x, y float64, _ RGB) RGB {
		t := (y - py) / (H - py)
		base := mix(hex("#2c0a10"), hex("#150406"), t)
		mx, my := x+9*nz.At(x/25, y/3)*(0.3+t), 2*py-y-30
		a, b, d := c.At(mx, my), c.At(mx, my-6), c.At(mx, my+6)
		refl := RGB{(a.R*2 + b.R + d.R) / 4, (a.G*2 + b.G + d.G) / 4, (a.B*2 + b.B + d.B) / 4}
		tile := 0.5 + 0.5*math.Cos((x-W/2)/(30+400*t)*math.Pi)
		return mix(base, refl, 0.42*(1-t*0.8)).add(-4 * tile * t)
	})
	// Street lamps along the plaza, nearer ones larger.
	for _, l := range []struct{ x, y, h float64 }{{260, 1250, 330}, {700, 1040, 150}, {1700, 1040, 150}, {2140, 1250, 330}} {
		c.Fill(Seg{l.x, l.y, l.x, l.y - l.h, l.h / 90}, solid(hex("#14030a"), 1))
		c.Glow(l.x, l.y-l.h, l.h/3, hex("#ffc870"), 0.55)
		c.Fill(Ellipse{l.x, l.y - l.h, l.h / 22, l.h / 34}, solid(hex("#fff3d4"), 1))
	}
	c.Vignette(0.35)
	c.Grain(r, 5)
}
