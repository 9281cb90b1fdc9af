package chart

import (
	"html"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// clean makes editor text safe to place in XML: runs of white space become
// one space, control characters and characters XML forbids are dropped,
// invalid UTF-8 becomes U+FFFD (ranging over a string already does that).
func clean(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if !xmlChar(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// esc escapes cleaned text for an XML or HTML text node or attribute value.
func esc(s string) string { return html.EscapeString(s) }

// wide reports whether r is set a full em wide in a CJK face: ideographs,
// kana, hangul, full-width forms and CJK punctuation, plus the dashes,
// ellipsis and curly quotes that Chinese text uses at full width.
func wide(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115F, // hangul jamo
		r >= 0x2E80 && r <= 0xA4CF, // CJK radicals … yi
		r >= 0xAC00 && r <= 0xD7A3, // hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
		r >= 0xFE10 && r <= 0xFE19, // vertical forms
		r >= 0xFE30 && r <= 0xFE6F, // compatibility and small forms
		r >= 0xFF00 && r <= 0xFF60, // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x1F300 && r <= 0x1FAFF, // pictographs
		r >= 0x20000 && r <= 0x3FFFD: // ideographs, planes 2 and 3
		return true
	case r == 0x2014, r == 0x2015, r == 0x2026, r == 0x2025, // — ― … ‥
		r >= 0x2018 && r <= 0x201F,                         // curly quotes
		r >= 0x2460 && r <= 0x24FF,                         // circled numbers
		r == 0x203B, r == 0x2030, r == 0x00D7, r == 0x00F7: // ※ ‰ × ÷
		return true
	}
	return false
}

// runeEm estimates the advance of r in em. It errs on the wide side so
// that labels laid out with it do not collide in real faces.
func runeEm(r rune) float64 {
	switch {
	case r >= '0' && r <= '9':
		return 0.58
	case r == ' ':
		return 0.3
	case r == '.' || r == ',' || r == ':' || r == ';' || r == '!' || r == '\'' || r == '|' || r == 'i' || r == 'l' || r == 'j':
		return 0.3
	case r == '-' || r == '(' || r == ')' || r == '[' || r == ']' || r == 'f' || r == 't' || r == 'r' || r == 'I':
		return 0.4
	case r == '%':
		return 0.9
	case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '@':
		return 0.9
	case r >= 'A' && r <= 'Z':
		return 0.68
	case r >= 'a' && r <= 'z':
		return 0.56
	case r < 0x80:
		return 0.6
	case wide(r):
		return 1
	}
	return 0.62
}

// textWidth estimates the width of s set at font size fs.
func textWidth(s string, fs float64) float64 {
	w := 0.0
	for _, r := range s {
		w += runeEm(r)
	}
	return w * fs
}

// boldFactor widens estimates for the bold value labels.
const boldFactor = 1.08

// valueWidth estimates the width of a bold value label.
func valueWidth(s string) float64 { return textWidth(s, fsValue) * boldFactor }

// truncate shortens s with an ellipsis so it fits in max at font size fs.
func truncate(s string, max, fs float64) string {
	if textWidth(s, fs) <= max {
		return s
	}
	ell := runeEm('…') * fs
	if max < ell {
		return ""
	}
	w := 0.0
	for i, r := range s {
		rw := runeEm(r) * fs
		if w+rw+ell > max {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		w += rw
	}
	return s
}

// splitLabel breaks a period or category label into two lines: after 年
// when something follows it (2021年 / 1—5月), else at the space or the
// CJK character boundary nearest the middle of its width, never inside a
// number or a Latin word and never leaving a line of one character.
func splitLabel(s string) []string {
	if i := strings.Index(s, "年"); i > 0 && i+len("年") < len(s) {
		return []string{s[:i+len("年")], strings.TrimSpace(s[i+len("年"):])}
	}
	rs := []rune(s)
	total := textWidth(s, 1)
	best, bestD := -1, math.Inf(1)
	w := 0.0
	for i, r := range rs {
		if i >= 2 && i <= len(rs)-2 {
			prev := rs[i-1]
			ok := r == ' ' || prev == ' ' || wide(r) || wide(prev)
			d := math.Abs(w - total/2)
			if r == ' ' || prev == ' ' {
				d -= 0.5 // a space a little off centre beats a split word
			}
			if ok && d < bestD {
				best, bestD = i, d
			}
		}
		w += runeEm(r)
	}
	if best < 0 {
		return []string{s}
	}
	a, b := strings.TrimSpace(string(rs[:best])), strings.TrimSpace(string(rs[best:]))
	if a == "" || b == "" {
		return []string{s}
	}
	return []string{a, b}
}

// num formats an SVG coordinate with one decimal, trailing zeros trimmed.
func num(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "0"
	}
	s := strconv.FormatFloat(f, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

// trimFloat formats f with at most dec decimals, trailing zeros trimmed.
func trimFloat(f float64, dec int) string {
	s := strconv.FormatFloat(f, 'f', dec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

// formatValue is the fallback for a point without a Display.
func formatValue(v float64, unit string, kind Kind) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	s := trimFloat(v, 2)
	switch {
	case unit == "percent":
		return s + "%"
	case unit == "rank" || kind == Rank:
		return "第" + s + "位"
	case unit == "yuan":
		return s + "元"
	case unit == "hour":
		return s + "小时"
	}
	return s
}
