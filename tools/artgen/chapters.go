package main

import (
	"math"
	"math/rand/v2"
)

// bez flattens a quadratic Bézier curve into n+1 points (x, y, x, y, ...).
func bez(x0, y0, cx, cy, x1, y1 float64, n int) []float64 {
	var p []float64
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		a, b, c := (1-t)*(1-t), 2*t*(1-t), t*t
		p = append(p, a*x0+b*cx+c*x1, a*y0+b*cy+c*y1)
	}
	return p
}

// reverse returns a point list in reverse order.
func reverse(p []float64) []float64 {
	q := make([]float64, 0, len(p))
	for i := len(p) - 2; i >= 0; i -= 2 {
		q = append(q, p[i], p[i+1])
	}
	return q
}

// drawReform (改革篇): a great doorway in a wall of interlocking blocks, its
// two studded leaves swung wide open, warm light pouring out over a flight
// of steps that rises towards it, under a lintel built up in three tiers.
func drawReform(c *Canvas, r *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	cx := W / 2
	ox0, ox1, oy0, oy1 := 970.0, 1430.0, 400.0, 1040.0 // the opening
	nz := newNoise(r)

	wall := []stop{{0, hex("#3b080c")}, {0.45, band}, {0.75, redDeep}, {1, hex("#3a080c")}}
	c.Shade(0, c.H, func(x, y float64, _ RGB) RGB {
		col := ramp(wall, y/H)
		l := math.Hypot((x-cx)/1.2, y-720) / 900
		col = mix(col, hex("#b4432f"), 0.75*math.Exp(-l*l))
		// A bond of interlocking blocks: rows of 150×75 blocks, each row
		// offset by half a block, every block bevelled light on top.
		row := math.Floor(y / 75)
		bx := math.Mod(x+math.Mod(row, 2)*75, 150)
		by := y - row*75
		edge := math.Min(math.Min(bx, 150-bx), math.Min(by, 75-by))
		col = mix(col, hex("#1e0406"), 0.45*clamp01(1.6-edge))
		col = mix(col, hex("#e3a35a"), 0.18*clamp01(1.6-math.Abs(by-2.5))*math.Exp(-l*l))
		return col.add(9*nz.FBM(x/180, y/180, 4) + 4*nz.At(x/3, y/3))
	})

	// Light beyond the doorway: a bright sky over a low horizon and a path.
	c.Glow(cx, 760, 430, hex("#f6c66e"), 0.45)
	c.Fill(Box{ox0, oy0, ox1, oy1}, func(x, y float64) (RGB, float64) {
		if y < 820 {
			return mix(hex("#f7d48c"), sunPale, smooth(oy0, 820, y)), 1
		}
		return mix(hex("#f3cc82"), hex("#e2a65a"), smooth(820, oy1, y)), 1
	})
	c.Glow(cx, 820, 120, hex("#ffffff"), 0.7)
	c.Fill(Poly{cx - 6, 820, cx + 6, 820, cx + 150, oy1, cx - 150, oy1}, vgrad(820, oy1, hex("#ffeec8"), hex("#fbe2ae"), 0.8))

	// Frame, tiered lintel and cornice, each block with a gold top edge.
	frame := hex("#33070a")
	block := func(x0, y0, x1, y1 float64) {
		c.Fill(Box{x0, y0, x1, y1}, vgrad(y0, y1, hex("#5c1016"), frame, 1))
		c.Fill(Box{x0, y0, x1, y0 + 2.5}, solid(goldL, 0.75))
	}
	block(900, 340, ox0, oy1)
	block(ox1, 340, 1500, oy1)
	block(880, 312, 1520, 400)
	for i := range 9 {
		bx := 905 + float64(i)*68
		block(bx, 276, bx+50, 312)
		block(bx-8, 262, bx+58, 276)
	}
	block(840, 226, 1560, 262)
	for i := range 12 {
		bx := 850 + float64(i)*60
		block(bx, 196, bx+40, 226)
	}
	block(790, 160, 1610, 196)
	for _, s := range []Shape{Seg{ox0, oy0, ox1, oy0, 2}, Seg{ox0, oy0, ox0, oy1, 2}, Seg{ox1, oy0, ox1, oy1, 2}} {
		c.Fill(s, solid(goldL, 0.9))
	}

	// Steps: treads catch the light, risers stay in shade.
	const n = 8
	hw := func(y float64) float64 { return 300 + (y-oy1)*0.95 }
	c.Fill(Poly{0, oy1 + 70, cx - hw(oy1+70), oy1 + 70, cx - hw(H), H, 0, H}, vgrad(oy1, H, hex("#3a080c"), hex("#1f0406"), 1))
	c.Fill(Poly{W, oy1 + 70, cx + hw(oy1+70), oy1 + 70, cx + hw(H), H, W, H}, vgrad(oy1, H, hex("#3a080c"), hex("#1f0406"), 1))
	for _, sd := range []float64{-1, 1} { // parapets flanking the flight
		var in, out []float64
		for y := oy1; y <= H+1; y += 20 {
			in = append(in, cx+sd*hw(y), y)
			out = append(out, cx+sd*(hw(y)+40+(y-oy1)*0.3), y-30-(y-oy1)*0.12)
		}
		c.Fill(Poly(append(in, reverse(out)...)), vgrad(oy1, H, hex("#5c1016"), hex("#2e070a"), 1))
		c.Fill(Seg{in[0], in[1], in[len(in)-2], in[len(in)-1], 1.3}, solid(goldL, 0.55))
		c.Fill(Seg{out[0], out[1], out[len(out)-2], out[len(out)-1], 1.3}, solid(goldL, 0.35))
	}
	yAt := func(k float64) float64 { return oy1 + 70 + (H-oy1-70)*math.Pow(k/n, 1.3) }
	pool := func(x, y float64) float64 { d := (x - cx) / (hw(y) * 0.55); return math.Exp(-d * d) }
	landing := Poly{cx - hw(oy1), oy1, cx + hw(oy1), oy1, cx + hw(oy1+70), oy1 + 70, cx - hw(oy1+70), oy1 + 70}
	c.Fill(landing, func(x, y float64) (RGB, float64) {
		return mix(hex("#8a2a22"), hex("#f1bf6a"), 0.9*pool(x, y)), 1
	})
	for k := range n {
		y0, y1 := yAt(float64(k)), yAt(float64(k+1))
		yt := y0 + (y1-y0)*0.32
		tread := Poly{cx - hw(y0), y0, cx + hw(y0), y0, cx + hw(yt), yt, cx - hw(yt), yt}
		riser := Poly{cx - hw(yt), yt, cx + hw(yt), yt, cx + hw(y1), y1, cx - hw(y1), y1}
		fade := 1 - 0.5*float64(k)/n
		c.Fill(tread, func(x, y float64) (RGB, float64) {
			return mix(hex("#9c3328"), hex("#f3c877"), 0.85*pool(x, y)*fade), 1
		})
		c.Fill(riser, func(x, y float64) (RGB, float64) {
			return mix(hex("#4f0d12"), hex("#a8452f"), 0.6*pool(x, y)*fade*(1-smooth(yt, y1, y)*0.5)), 1
		})
		c.Fill(Seg{cx - hw(y0), y0, cx + hw(y0), y0, 1.2}, solid(goldL, 0.5*fade))
	}

	// The two leaves, swung out towards us, studded with rows of gold bosses.
	for _, side := range []float64{-1, 1} {
		hx := cx + side*(ox1-ox0)/2 // hinge edge
		ex := cx + side*470         // outer edge
		leaf := Poly{hx, oy0, ex, oy0 - 70, ex, oy1 + 70, hx, oy1}
		c.Fill(leaf, func(x, y float64) (RGB, float64) {
			u := (x - hx) / (ex - hx)
			return mix(hex("#8e2220"), hex("#4a0b10"), u).add(6 * nz.At(x/4, y/90)), 1
		})
		pt := func(u, v float64) (float64, float64) {
			top, bot := oy0-70*u, oy1+70*u
			return hx + (ex-hx)*u, top + (bot-top)*v
		}
		for i := range 5 {
			for j := range 9 {
				u, v := 0.14+0.18*float64(i), 0.08+0.105*float64(j)
				x, y := pt(u, v)
				rr := 11 + 4*u
				c.Fill(Circle{x, y, rr}, func(px, py float64) (RGB, float64) {
					d := math.Hypot(px-x+rr*0.3*side, py-y+rr*0.35) / rr
					return mix(hex("#fbe3a3"), hex("#8a5a1c"), smooth(0, 1.3, d)), 1
				})
			}
		}
		for _, s := range []Shape{Seg{hx, oy0, ex, oy0 - 70, 1.5}, Seg{ex, oy0 - 70, ex, oy1 + 70, 1.5}} {
			c.Fill(s, solid(goldL, 0.6))
		}
	}

	// A beam of light falling from the doorway down the steps.
	c.Fill(Poly{ox0, oy1, ox1, oy1, cx + 560, H, cx - 560, H}, func(x, y float64) (RGB, float64) {
		return hex("#ffd98c"), 0.16 * (1 - smooth(oy1, H, y))
	})
	c.Vignette(0.4)
	c.Grain(r, 5)
}

// drawIndustry (产业篇): an industrial park at golden hour. Bundles of fine
// fibre threads stream across the sky from a spinning tower; factory halls
// with saw-tooth roofs, tanks and a pipe bridge line the horizon; rows of
// logistics warehouses with loading bays flank a road traced by light trails.
func drawIndustry(c *Canvas, r *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	hz := 840.0
	nz := newNoise(r)
	sx, sy := 470.0, hz-110
	sky := []stop{{0, hex("#3a080c")}, {0.3, band}, {0.55, hex("#8a1a1e")}, {0.8, hex("#c4472f")},
		{0.95, hex("#e58f45")}, {1, hex("#f0b25a")}}
	c.Shade(0, int(hz)+2, func(x, y float64, _ RGB) RGB {
		col := ramp(sky, y/hz)
		e := math.Hypot((x-sx)/1.4, y-sy) / 420
		col = mix(col, hex("#f7c66e"), 0.7*math.Exp(-e*e))
		cl := smooth(0.05, 0.5, nz.FBM(x/700, y/40, 5)) * smooth(200, 600, y)
		return mix(col, hex("#f3b062"), 0.25*cl).add(8 * nz.FBM(x/240, y/240, 3))
	})
	c.Fill(Circle{sx, sy, 62}, func(x, y float64) (RGB, float64) {
		return mix(sunPale, hex("#f6c56c"), smooth(0, 62, math.Hypot(x-sx, y-sy))), 1
	})

	// Fibre threads fanning out from the top of the spinning tower.
	tx, ty := 1960.0, 330.0
	for i := range 72 {
		s := float64(i)/71 - 0.5
		ph, amp := r.Float64(), 12+r.Float64()*30
		var segs []Shape
		px, py := tx, ty
		for k := 1; k <= 240; k++ {
			t := float64(k) / 240
			x := tx - t*2250
			y := ty - 40*t + s*560*math.Pow(t, 0.9) + 110*t*math.Sin(2*math.Pi*1.15*t+0.5) +
				amp*t*math.Sin(2*math.Pi*(2.6*t+ph))
			segs = append(segs, Seg{px, py, x, y, 0.7 + r.Float64()*0.2 + 0.9*math.Abs(s)})
			px, py = x, y
		}
		col, a := mix(goldL, paper, r.Float64()*0.7), 0.3+0.45*r.Float64()
		c.Union(segs, func(x, y float64) (RGB, float64) { return col, a * smooth(-200, 300, x) })
	}

	// The horizon: far haze, then factory halls, tanks, the tower, a pipe bridge.
	far, _ := skyline(r, -40, W+40, hz+2, H, 0.6, func(float64) float64 { return 0.7 })
	c.Union(far, func(x, y float64) (RGB, float64) { return mix(c.At(x, hz-4), hex("#7a171b"), 0.4), 1 })
	mid, wins := skyline(r, 900, W+40, hz+10, H, 1, func(x float64) float64 { return 0.3 + 0.7*smooth(900, 1500, x) })
	mid = append(mid, Box{tx - 38, ty, tx + 38, H}, Poly{tx - 50, ty, tx, ty - 40, tx + 50, ty},
		Box{tx - 52, ty + 60, tx + 52, ty + 84}, Box{tx - 46, ty + 150, tx + 46, ty + 168},
		Box{1380, 600, tx, 612}, Box{1380, 626, tx, 632})
	for x := 1390.0; x < tx; x += 26 {
		mid = append(mid, Seg{x, 612, x + 13, 626, 1.4}, Seg{x + 13, 626, x + 26, 612, 1.4})
	}
	for x := 1420.0; x < tx; x += 130 {
		mid = append(mid, Box{x, 612, x + 10, hz + 10})
	}
	c.Union(mid, vgrad(300, hz, hex("#4f0d12"), hex("#3a080c"), 1))
	for _, w := range wins {
		c.Fill(w, solid(hex("#f2c46d"), 0.4+0.5*r.Float64()))
	}

	// Ground, road and light trails, seen from a raised viewpoint.
	k := cam{cx: 760, hz: hz, f: 1100, h: 16}
	c.Shade(int(hz), c.H, func(x, y float64, _ RGB) RGB {
		return mix(hex("#5c1116"), hex("#240508"), smooth(hz, H, y)).add(6 * nz.FBM(x/90, y/30, 3))
	})
	c.Fill(k.quad([3]float64{-8, 0, 3}, [3]float64{8, 0, 3}, [3]float64{8, 0, 900}, [3]float64{-8, 0, 900}),
		vgrad(hz, H, hex("#6e2a24"), hex("#2e090c"), 1))
	for z := 6.0; z < 400; z *= 1.22 {
		c.Fill(k.quad([3]float64{-0.15, 0, z}, [3]float64{0.15, 0, z}, [3]float64{0.15, 0, z * 1.1}, [3]float64{-0.15, 0, z * 1.1}), solid(goldL, 0.7))
	}
	for _, lane := range []struct {
		x   float64
		col RGB
	}{{-5.5, hex("#ffe2a0")}, {-3.2, hex("#f7c873")}, {3.2, hex("#e85a3a")}, {5.5, hex("#f06a45")}} {
		x0, y0 := k.P(lane.x, 0.6, 3)
		x1, y1 := k.P(lane.x, 0.6, 600)
		var segs []Shape
		for i := range 40 {
			t0, t1 := float64(i)/40, float64(i+1)/40
			segs = append(segs, Seg{x0 + (x1-x0)*t0, y0 + (y1-y0)*t0, x0 + (x1-x0)*t1, y0 + (y1-y0)*t1, 1 + 3*(1-t0)*(1-t0)})
		}
		c.Union(segs, func(_, y float64) (RGB, float64) { return lane.col, 0.85 * smooth(hz, hz+200, y) })
	}

	// Container yards beyond the warehouses, far to near.
	boxes := []RGB{red, hex("#b0602a"), redDeep, hex("#c4472f"), hex("#5a1016"), hex("#8a4a2a")}
	for z := 300.0; z >= 40; z -= 15 {
		for _, sd := range []float64{-1, 1} {
			for i := 34; i >= 0; i-- {
				if i%7 == 6 { // a lane between blocks
					continue
				}
				x := sd*(42+float64(i)*2.6) - (1-sd)/2*2.4
				n := 1 + r.IntN(3)
				if r.IntN(5) == 0 {
					continue
				}
				for q := range n {
					col := mix(boxes[r.IntN(len(boxes))], hex("#b4452f"), 0.6*smooth(40, 300, z))
					container(c, k, x, float64(q)*2.6, z, col)
				}
			}
			if int(z)%60 == 0 && sd > 0 { // a rail gantry straddling the stacks
				ax, ay := k.P(43, 0, z)
				bx, by := k.P(43, 15, z)
				dx, dy := k.P(75, 0, z)
				ex, ey := k.P(75, 15, z)
				w := 4000 / z
				c.Fill(Seg{ax, ay, bx, by, w / 10}, solid(hex("#2e070a"), 1))
				c.Fill(Seg{dx, dy, ex, ey, w / 10}, solid(hex("#2e070a"), 1))
				c.Fill(Seg{bx - w, by, ex + w, ey, w / 7}, solid(hex("#2e070a"), 1))
			}
		}
	}
	// Two rows of warehouses, far to near; the sun (left) lights the faces
	// that look left.
	for j := 7; j >= 0; j-- {
		z0 := 26 + float64(j)*34
		z1 := z0 + 28
		for _, sd := range []float64{-1, 1} {
			a, b := 11*sd, 36*sd
			m := 23.5 * sd
			side := k.quad([3]float64{a, 0, z0}, [3]float64{a, 9, z0}, [3]float64{a, 9, z1}, [3]float64{a, 0, z1})
			front := k.quad([3]float64{a, 0, z0}, [3]float64{b, 0, z0}, [3]float64{b, 9, z0}, [3]float64{m, 12, z0}, [3]float64{a, 9, z0})
			roofA := k.quad([3]float64{a, 9, z0}, [3]float64{m, 12, z0}, [3]float64{m, 12, z1}, [3]float64{a, 9, z1})
			roofB := k.quad([3]float64{m, 12, z0}, [3]float64{b, 9, z0}, [3]float64{b, 9, z1}, [3]float64{m, 12, z1})
			lit, shade := hex("#b4452f"), hex("#5a1016")
			if sd < 0 {
				lit, shade = shade, lit
			}
			c.Fill(roofA, vgrad(hz-300, hz+300, mix(lit, goldL, 0.3), lit, 1))
			c.Fill(roofB, solid(mix(shade, band, 0.3), 1))
			c.Fill(side, solid(lit.mul(0.85), 1))
			c.Fill(front, vgrad(hz-200, hz+400, hex("#6e1519"), hex("#3f0a0e"), 1))
			rx0, ry0 := k.P(m, 12, z0)
			rx1, ry1 := k.P(m, 12, z1)
			c.Fill(Seg{rx0, ry0, rx1, ry1, 1}, solid(goldL, 0.6))
			for d := 0; d < 8; d++ { // loading bays with a lit lamp over each
				zd := z0 + 2 + float64(d)*3.3
				c.Fill(k.quad([3]float64{a, 0, zd}, [3]float64{a, 5, zd}, [3]float64{a, 5, zd + 2.2}, [3]float64{a, 0, zd + 2.2}), solid(hex("#2a0609"), 0.9))
				lx, ly := k.P(a, 5.8, zd+1.1)
				c.Glow(lx, ly, 380/zd, hex("#ffd27a"), 0.55)
				c.Fill(Circle{lx, ly, 60 / zd}, solid(hex("#fff3d0"), 0.9))
			}
			for q := 0.25; q < 1; q += 0.25 { // roof-light strips
				x0, y0 := k.P(a+(m-a)*q, 9+3*q, z0+1)
				x1, y1 := k.P(a+(m-a)*q, 9+3*q, z1-1)
				c.Fill(Seg{x0, y0, x1, y1, 1.2}, solid(goldL, 0.35))
			}
		}
	}
	c.Vignette(0.35)
	c.Grain(r, 5)
}

// container draws one shipping container 2.4 m wide, 2.6 m high and 12 m long
// with its near corner at (x, y, z): top, front and the face towards the road.
func container(c *Canvas, k cam, x, y, z float64, col RGB) {
	w, h, l := 2.4, 2.6, 12.0
	sx := x // the face towards the camera's axis
	if x < 0 {
		sx = x + w
	}
	c.Fill(k.quad([3]float64{x, y + h, z}, [3]float64{x + w, y + h, z}, [3]float64{x + w, y + h, z + l}, [3]float64{x, y + h, z + l}), solid(mix(col, hex("#e9a45c"), 0.2), 1))
	c.Fill(k.quad([3]float64{sx, y, z}, [3]float64{sx, y + h, z}, [3]float64{sx, y + h, z + l}, [3]float64{sx, y, z + l}), solid(col.mul(0.8), 1))
	c.Fill(k.quad([3]float64{x, y, z}, [3]float64{x + w, y, z}, [3]float64{x + w, y + h, z}, [3]float64{x, y + h, z}), solid(col.mul(0.55), 1))
}
