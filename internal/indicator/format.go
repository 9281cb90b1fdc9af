package indicator

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Units folio knows how to format.
var Units = []string{"percent", "count", "rank", "hour", "star", "yuan"}

var starNames = []string{"零", "一", "二", "三", "四", "五", "六", "七"}

// Format renders a value of ind the zh-CN way for its unit: 5.3%, 2,600,
// 1.2万, 第88位 (169家中第88位 with of), 3小时, 四星级, 1.5亿元. A
// per-indicator format such as "{value}余人次" replaces the unit's words
// around the number.
func Format(ind *Indicator, v Value) string {
	if ind.Format != "" {
		return strings.ReplaceAll(ind.Format, "{value}", numberText(ind, v))
	}
	return formatUnit(ind, v)
}

// numberText is the number alone, as the unit writes it: 2,600, 1.2万, 四.
func numberText(ind *Indicator, v Value) string {
	switch ind.Unit {
	case "star":
		return starNumber(v)
	case "count":
		return Large(v.Number, v.Decimals)
	case "yuan":
		return strings.TrimRight(strings.TrimSuffix(formatUnit(ind, v), "元"), "万亿")
	}
	return Number(v)
}

func formatUnit(ind *Indicator, v Value) string {
	switch ind.Unit {
	case "percent":
		return Number(v) + "%"
	case "count":
		return Large(v.Number, v.Decimals)
	case "rank":
		if ind.Of > 0 {
			return fmt.Sprintf("%d家中第%s位", ind.Of, Number(v))
		}
		return "第" + Number(v) + "位"
	case "hour":
		return Number(v) + "小时"
	case "star":
		return starNumber(v) + "星级"
	case "yuan":
		switch a := math.Abs(v.Number); {
		case a >= 1e8:
			return trimDecimals(v.Number/1e8, 2) + "亿元"
		case a >= 1e4:
			return trimDecimals(v.Number/1e4, 2) + "万元"
		}
		return Number(v) + "元"
	}
	return Number(v)
}

// Number writes v with the decimals it was written with and thousands
// separators: 2,600; 5.30 stays 5.30.
func Number(v Value) string {
	s := strconv.FormatFloat(math.Abs(v.Number), 'f', v.Decimals, 64)
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if v.Number < 0 {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Large writes counts of ten thousand and more in 万 and of a hundred
// million and more in 亿, as Chinese text does (2.6万, 1.35亿); smaller
// ones with separators.
func Large(n float64, decimals int) string {
	switch a := math.Abs(n); {
	case a >= 1e8:
		return trimDecimals(n/1e8, 2) + "亿"
	case a >= 1e4:
		return trimDecimals(n/1e4, 2) + "万"
	}
	return Number(Value{Number: n, Decimals: decimals})
}

// trimDecimals writes n with at most d decimals, dropping trailing zeros.
func trimDecimals(n float64, d int) string {
	s := strconv.FormatFloat(n, 'f', d, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Parts splits a formatted value into the number and the text around it,
// for key-figure panels that set the number large: 169家中第 / 88 / 位.
func Parts(ind *Indicator, v Value) (before, number, after string) {
	full := Format(ind, v)
	number = numberText(ind, v)
	i := strings.Index(full, number)
	if i < 0 {
		return "", full, ""
	}
	return full[:i], number, full[i+len(number):]
}

func starNumber(v Value) string {
	n := int(v.Number)
	if float64(n) == v.Number && n >= 0 && n < len(starNames) {
		return starNames[n]
	}
	return Number(v)
}
