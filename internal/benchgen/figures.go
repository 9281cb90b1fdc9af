package benchgen

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Every fifth chapter is a statistical bulletin: its sections' paragraphs
// state the figures of generated counties and towns for one year, or part
// of one, with 同比 clauses in a row, as local bulletins do:
//
//	2019年，白石县实现地区生产总值286.4亿元，同比增长7.2%；规模以上工业企业213家，同比增长4.9%；…
//
// so that the figure rules work at scale on many unrelated figures. A
// figure is a function of its place, metric and period alone (figureValue),
// and a growth rate agrees with the values of the two years, so the
// publication never contradicts itself however often a place, metric and
// period come back, in one chapter or in two.

// figureEvery: chapter i is a bulletin when i%figureEvery == 0.
const figureEvery = 5

// figureSlots is how many figure paragraphs a bulletin has: two in each of
// its four sections, of which annualSlots are about a whole year and the
// others about part of one.
const (
	figureSlots = 8
	annualSlots = 6
)

// Place names are made of two characters and 县 or 镇: 30×24 names, none a
// word or a name the rules read otherwise (no 城, 乡, 村, 区 at the end).
var (
	placeFirst  = []rune("青白石岚河松云桐枫柳梅竹金龙凤鹤鹿清丹碧玉紫长双黄赤苍翠星桃")
	placeSecond = []rune("山水川溪阳平宁丰源江岭林田塘桥湖泉峰口坪洲滩湾谷")
)

type place struct {
	name string
	town bool // a town's figures are a fraction of a county's
}

// places are every generated name in a fixed order that mixes first
// characters: consecutive paragraphs are about unrelated places.
var places = func() []place {
	var out []place
	for _, a := range placeFirst {
		for _, b := range placeSecond {
			if a == b {
				continue
			}
			name := string([]rune{a, b})
			town := hash("town", name)%3 == 0
			if town {
				name += "镇"
			} else {
				name += "县"
			}
			out = append(out, place{name, town})
		}
	}
	// A fixed shuffle (not the publication's seed: the names and their
	// figures are the same in every generated publication).
	r := rand.New(rand.NewPCG(0x706c61636573, 1))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}()

// metricKind says how a metric is stated.
type metricKind int

const (
	flow   metricKind = iota // an amount for a period: value, growth, part-year values
	growth                   // stated by its growth rate only (规模以上工业增加值同比增长8.9%)
	count                    // a number of units at the end of a year
	rate                     // a percentage at the end of a year
)

type metric struct {
	name     string
	kind     metricKind
	unit     string  // after the number: 亿元 (or 万元 below one 亿), 元, 家, 万户, %
	decimals int     // of the value
	lo, hi   float64 // a county's value in 2015
	glo, ghi float64 // yearly growth, %
	town     bool    // towns report it
	perHead  bool    // the same for a town as for a county
}

var metrics = []metric{
	{"地区生产总值", flow, "亿元", 1, 80, 600, 2, 10, true, false},
	{"一般公共预算收入", flow, "亿元", 1, 5, 40, -3, 12, true, false},
	{"社会消费品零售总额", flow, "亿元", 1, 30, 250, 1, 11, true, false},
	{"外贸进出口总额", flow, "亿元", 1, 5, 120, -6, 20, false, false},
	{"入库税收", flow, "亿元", 1, 3, 30, -4, 16, true, false},
	{"全社会用电量", flow, "亿千瓦时", 1, 5, 60, 1, 14, false, false},
	{"旅游综合收入", flow, "亿元", 1, 4, 90, -8, 25, true, false},
	{"农村居民人均可支配收入", flow, "元", 0, 9000, 18000, 5, 11, true, true},
	{"城镇居民人均可支配收入", flow, "元", 0, 22000, 40000, 4, 9, false, true},
	{"规模以上工业增加值", growth, "", 0, 0, 0, -2, 15, true, false},
	{"固定资产投资", growth, "", 0, 0, 0, -10, 18, true, false},
	{"规模以上工业企业", count, "家", 0, 60, 900, -3, 12, true, false},
	{"高新技术企业", count, "家", 0, 8, 160, 3, 25, false, false},
	{"市场主体", count, "万户", 2, 1.2, 12, 4, 14, false, false},
	{"森林覆盖率", rate, "%", 1, 30, 72, 0.1, 0.9, true, true},
}

// Years the figures are stated for; 2015 is the base year.
const (
	firstYear = 2016
	lastYear  = 2023
	years     = lastYear - firstYear + 1
)

// A period is a year or part of one.
type period struct {
	year int
	part int // 0: the whole year, else an index into parts
}

var parts = []struct {
	name  string  // 一季度, 1—5月 …, as written after 2019年
	share float64 // of the year's amount, roughly
}{
	{}, {"一季度", 0.23}, {"上半年", 0.48}, {"1—5月", 0.4}, {"前三季度", 0.74},
}

func (p period) String() string { return strconv.Itoa(p.year) + "年" + parts[p.part].name }

// hash is FNV-1a of its parts: the seed of every generated figure.
func hash(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// unit returns a number in [0, 1) from the parts.
func unit(parts ...string) float64 { return float64(hash(parts...)>>11) / (1 << 53) }

// yearGrowth is the growth rate of a metric of a place in a year, in %,
// with one decimal: the figure a bulletin states.
func yearGrowth(pl place, m metric, year int) float64 {
	g := m.glo + (m.ghi-m.glo)*unit("growth", pl.name, m.name, strconv.Itoa(year))
	return math.Round(g*10) / 10
}

// yearValue is the exact value of a metric of a place at the end of (or
// for) a year: the 2015 value grown by each year's rate since.
func yearValue(pl place, m metric, year int) float64 {
	v := m.lo + (m.hi-m.lo)*unit("base", pl.name, m.name)
	if pl.town && !m.perHead {
		v *= 0.08 + 0.12*unit("town", pl.name)
	}
	for y := firstYear; y <= year; y++ {
		if m.kind == rate {
			v += yearGrowth(pl, m, y) // at most 72+8×0.9: below 100
		} else {
			v *= 1 + yearGrowth(pl, m, y)/100
		}
	}
	return v
}

// stated is a figure as written, and its value as the reader reads it in
// the metric's unit.
type stated struct {
	text  string
	value float64
}

// state writes v, in unitText, to decimals places; an amount in 亿元 below
// one 亿 is written in 万元, as bulletins do.
func state(v float64, decimals int, unitText string) stated {
	if unitText == "亿元" && math.Abs(v) < 1 {
		s := strconv.FormatFloat(v*1e4, 'f', 0, 64)
		x, _ := strconv.ParseFloat(s, 64)
		return stated{s + "万元", x / 1e4}
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	x, _ := strconv.ParseFloat(s, 64)
	return stated{s + unitText, x}
}

// figureValue is a metric of a place for a period as written.
func figureValue(pl place, m metric, p period) stated {
	v := yearValue(pl, m, p.year)
	if p.part != 0 {
		v *= parts[p.part].share * (0.96 + 0.08*unit("part", pl.name, m.name, p.String()))
	}
	return state(v, m.decimals, m.unit)
}

// figureGrowth is the growth of a metric of a place in a period over the
// same period a year before, in %, one decimal. For a count it follows
// from the two counts as written, so the three figures agree.
func figureGrowth(pl place, m metric, p period) float64 {
	switch {
	case p.part != 0:
		return math.Round((yearGrowth(pl, m, p.year)+3*unit("partgrowth", pl.name, m.name, p.String())-1.5)*10) / 10
	case m.kind == count && p.year > firstYear:
		now, before := figureValue(pl, m, p), figureValue(pl, m, period{year: p.year - 1})
		return math.Round((now.value/before.value-1)*1000) / 10
	}
	return yearGrowth(pl, m, p.year)
}

// growthText is 同比增长7.2% or 同比下降1.3%, after how the growth is
// compared.
func growthText(compared string, g float64) string {
	if g == 0 {
		if compared == "比上年同期" {
			return "与上年同期持平"
		}
		return "与上年持平"
	}
	if g < 0 {
		return compared + "下降" + strconv.FormatFloat(-g, 'f', 1, 64) + "%"
	}
	return compared + "增长" + strconv.FormatFloat(g, 'f', 1, 64) + "%"
}

// figureSlot is the place and period of a bulletin's paragraph. Over the
// publication, the annual paragraphs go through every place once before
// any comes back, each time for another year, and so do the part-year
// paragraphs: a place and period is stated in one paragraph, until a
// publication has more than 30×24×8 annual paragraphs (5,760 bulletins'
// worth of them, 28,800 chapters).
func figureSlot(i, slot int) (place, period) {
	k := (i/figureEvery - 1) // the bulletin's index
	n := len(places)
	if slot < annualSlots {
		c := k*annualSlots + slot
		pi := c * 149 % n // 149 is prime to n: every place once a round
		return places[pi], period{year: firstYear + (c/n+pi)%years}
	}
	c := k*(figureSlots-annualSlots) + slot - annualSlots
	pi := (c*263 + n/2) % n // not the annual paragraphs' places
	idx := (c/n + pi) % (years * (len(parts) - 1))
	return places[pi], period{year: firstYear + idx%years, part: 1 + idx/years}
}

// figureParagraph is paragraph slot of bulletin chapter i: one place and
// one period, five to seven metrics in a row.
func figureParagraph(i, slot int) string {
	pl, p := figureSlot(i, slot)
	r := rand.New(rand.NewPCG(uint64(i), uint64(slot)))
	var pool []metric
	for _, m := range metrics {
		if (m.town || !pl.town) && (p.part == 0 || m.kind == flow || m.kind == growth) {
			pool = append(pool, m)
		}
	}
	r.Shuffle(len(pool), func(a, b int) { pool[a], pool[b] = pool[b], pool[a] })
	chosen := pool[:5+r.IntN(3)]
	// 地区生产总值 leads when it is chosen, as bulletins put it.
	for k, m := range chosen {
		if m.name == "地区生产总值" {
			chosen[0], chosen[k] = chosen[k], chosen[0]
		}
	}
	clauses := make([]string, len(chosen))
	for k, m := range chosen {
		clauses[k] = figureClause(r, pl, m, p)
	}
	var b strings.Builder
	// The place starts a clause, so it is the subject of what follows.
	switch r.IntN(3) {
	case 0:
		fmt.Fprintf(&b, "%s，%s", p, pl.name)
	case 1:
		fmt.Fprintf(&b, "%s%s", pl.name, p)
	default:
		fmt.Fprintf(&b, "据统计，%s%s", pl.name, p)
	}
	if first := strings.TrimPrefix(clauses[0], chosen[0].name); chosen[0].kind == flow && first != "" && first[0] >= '0' && first[0] <= '9' {
		b.WriteString("实现") // 实现地区生产总值286.4亿元
	}
	split := 3 + r.IntN(2) // a second sentence names the place again
	b.WriteString(strings.Join(clauses[:split], "；"))
	b.WriteString("。")
	if split < len(clauses) {
		b.WriteString(pl.name)
		b.WriteString(strings.Join(clauses[split:], "；"))
		b.WriteString("。")
	}
	// A target for 2025 beside recent figures: a plan, not a statement
	// of 2025's figure.
	if p.part == 0 && p.year >= 2021 && r.IntN(3) == 0 {
		for _, m := range chosen {
			if m.name == "地区生产总值" {
				target := math.Ceil(yearValue(pl, m, lastYear)*1.15/10) * 10
				fmt.Fprintf(&b, "%s提出，力争到2025年地区生产总值突破%.0f亿元。", pl.name, target)
				break
			}
		}
	}
	return b.String()
}

// figureClause states one metric of a place for a period in one of the
// ways bulletins do.
func figureClause(r *rand.Rand, pl place, m metric, p period) string {
	v := figureValue(pl, m, p)
	g := figureGrowth(pl, m, p)
	compared := "同比"
	if r.IntN(3) == 0 {
		compared = "比上年"
		if p.part != 0 {
			compared = "比上年同期"
		}
	}
	switch m.kind {
	case growth:
		return m.name + growthText(compared, g)
	case rate:
		if p.year > firstYear+2 && r.IntN(2) == 0 {
			from := p.year - 3
			return fmt.Sprintf("%s由%d年的%s提高到%d年的%s", m.name, from, figureValue(pl, m, period{year: from}).text, p.year, v.text)
		}
		return m.name + "达到" + v.text
	case count:
		if p.year > firstYear && r.IntN(3) == 0 {
			before := figureValue(pl, m, period{year: p.year - 1})
			d := state(v.value-before.value, m.decimals, m.unit)
			if d.value > 0 {
				return fmt.Sprintf("%s达到%s，比上年增加%s", m.name, v.text, d.text)
			}
		}
		return m.name + v.text + "，" + growthText(compared, g)
	}
	switch r.IntN(5) {
	case 0:
		return m.name + growthText(compared, g)
	case 1:
		return m.name + "达到" + v.text
	case 2:
		// The year before, stated too: a figure another paragraph may
		// state as its own, and must agree with.
		if p.part == 0 && p.year > firstYear {
			before := figureValue(pl, m, period{year: p.year - 1})
			if d := state(v.value-before.value, m.decimals, m.unit); d.value > 0 {
				return fmt.Sprintf("%s%s，比%d年的%s增加%s", m.name, v.text, p.year-1, before.text, d.text)
			}
		}
	}
	return m.name + v.text + "，" + growthText(compared, g)
}
