package chart

import (
	"math"
	"strconv"
	"strings"

	"folio/internal/zhnum"
)

// Describe states what the chart shows in one or two Chinese sentences,
// for the SVG's <desc> and for anyone who cannot see the chart:
//
//	从2017年的第116位升至2020年的第88位，连续三次上升（共169家）。
//	2021年1—5月，地区生产总值增速5.3%，规模以上工业增加值增速6.8%。
//
// For ranks with LowerIsBetter a smaller number is a rise (升).
func Describe(s Spec) string {
	var out string
	if isComparison(s) {
		out = describeComparison(s)
	} else {
		d := prepare(s)
		var parts []string
		for _, se := range d.series {
			part := describeSeries(s, d, se)
			if part == "" {
				continue
			}
			if len(d.series) > 1 && se.name != "" {
				part = se.name + part
			}
			parts = append(parts, part)
		}
		out = strings.Join(parts, "；")
	}
	if out == "" {
		return "暂无数据。"
	}
	if (s.Kind == Rank || s.Unit == "rank") && s.Of > 0 {
		out += "（共" + strconv.Itoa(s.Of) + "家）"
	}
	return out + "。"
}

// describeComparison lists each indicator with its value, after the
// period they share if they share one.
func describeComparison(s Spec) string {
	var parts []string
	for _, se := range s.Series {
		if len(se.Points) == 0 {
			continue
		}
		p := se.Points[0]
		disp := clean(p.Display)
		if disp == "" {
			disp = formatValue(p.Value, s.Unit, s.Kind)
		}
		parts = append(parts, clean(se.Name)+disp)
	}
	if len(parts) == 0 {
		return ""
	}
	out := strings.Join(parts, "，")
	if common := commonLabel(s); common != "" {
		out = common + "，" + out
	}
	return out
}

// commonLabel is the period label the series of a comparison share, or "".
func commonLabel(s Spec) string {
	common, seen := "", false
	for _, se := range s.Series {
		if len(se.Points) == 0 {
			continue
		}
		l := clean(se.Points[0].Label)
		if seen && l != common {
			return ""
		}
		common, seen = l, true
	}
	return common
}

// describeSeries states one series' change from its first to its latest
// value and how it moved in between.
func describeSeries(s Spec, d data, se series) string {
	var idx []int
	for i, v := range se.vals {
		if !math.IsNaN(v) {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return ""
	}
	at := func(i int) string {
		if d.periods[i] == "" {
			return se.disp[i]
		}
		return d.periods[i] + "的" + se.disp[i]
	}
	first, last := idx[0], idx[len(idx)-1]
	if len(idx) == 1 {
		if d.periods[first] == "" {
			return se.disp[first]
		}
		return d.periods[first] + "为" + se.disp[first]
	}
	rank := s.Kind == Rank || s.Unit == "rank"
	// dir is +1 for a rise (for ranks: a better place), -1 for a fall.
	dir := func(a, b float64) int {
		eps := 1e-9 * math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
		c := 0
		switch {
		case b > a+eps:
			c = 1
		case b < a-eps:
			c = -1
		}
		if rank && s.LowerIsBetter {
			c = -c
		}
		return c
	}
	ups, downs, flats := 0, 0, 0
	best := first
	for k := 1; k < len(idx); k++ {
		switch dir(se.vals[idx[k-1]], se.vals[idx[k]]) {
		case 1:
			ups++
		case -1:
			downs++
		default:
			flats++
		}
		if dir(se.vals[best], se.vals[idx[k]]) > 0 {
			best = idx[k]
		}
	}
	steps := len(idx) - 1

	var b strings.Builder
	switch dir(se.vals[first], se.vals[last]) {
	case 1:
		b.WriteString("从" + at(first) + "升至" + at(last))
	case -1:
		b.WriteString("从" + at(first) + "降至" + at(last))
	default:
		lf, ll := d.periods[first], d.periods[last]
		sep := "和"
		if flats == steps {
			sep = "至"
		}
		switch {
		case lf != "" && ll != "":
			b.WriteString(lf + sep + ll + "均为" + se.disp[last])
		case flats == steps:
			b.WriteString("各期均为" + se.disp[last])
		default:
			b.WriteString("首末均为" + se.disp[last])
		}
	}
	if steps < 2 || flats == steps {
		return b.String()
	}
	switch {
	case ups == steps:
		b.WriteString("，连续" + zhnum.Count(ups) + "次上升")
	case downs == steps:
		b.WriteString("，连续" + zhnum.Count(downs) + "次下降")
	default:
		var moves []string
		if ups > 0 {
			moves = append(moves, zhnum.Count(ups)+"次上升")
		}
		if downs > 0 {
			moves = append(moves, zhnum.Count(downs)+"次下降")
		}
		if flats > 0 {
			moves = append(moves, zhnum.Count(flats)+"次持平")
		}
		b.WriteString("，其间" + strings.Join(moves, "、"))
		if best != first && best != last {
			word := "最高"
			if rank {
				word = "最好"
			}
			b.WriteString("，" + word + "为" + at(best))
		}
	}
	return b.String()
}
