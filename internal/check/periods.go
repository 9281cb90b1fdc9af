package check

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// timeRE finds the expressions of time a figure's period is read from.
var timeRE = regexp.MustCompile(`(截至|截止)?(?:(?:(\d{4})\s*年|(今年|本年度|本年|去年|目前|当前|如今|现在))` +
	`(?:(\d{1,2})\s*(?:—|–|-|~|～|至)\s*(\d{1,2})\s*月|(\d{1,2})\s*月(?:份)?(?:底|末)?|(上半年|下半年|前三季度|[一二三四1-4]季度)|(?:年)?(?:末|底|初))?` +
	// A period without its year (上半年, 1—5月, 年末) takes the year
	// named before it.
	`|(\d{1,2})\s*(?:—|–|-|~|～|至)\s*(\d{1,2})\s*月|(上半年|下半年|前三季度|[一二三四]季度)|(年末|年底|年初))(以来)?`)

// mayNameTime says whether s can hold a time timeRE finds: most sentences
// with a number also name a year, but the test is cheap where they do
// not.
func mayNameTime(s string) bool {
	for _, w := range []string{"年", "月", "季度", "目前", "当前", "如今", "现在"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// period is when a figure is stated for: a year and the part of it
// (1-5 for 1—5月, H1, Q1, M6, since; "" for the year or a point in it).
type period struct {
	year int
	sub  string // "", "1-5", "H1", "Q1", "M6", "since"
}

// timeMark is a time expression found in a sentence.
type timeMark struct {
	at, end int
	p       period
	base    bool // a comparison's base (较2015年), not a period
}

// readTimes finds the times a sentence names, in order; year is the year
// in force before it, for a period named without its year.
func readTimes(s string, ctx *StatementContext, year int) []timeMark {
	var out []timeMark
	if !mayNameTime(s) {
		return nil
	}
	for _, m := range findAllAt(timeStartRE, s, timeStart) {
		t := timeMark{at: m[0], end: m[1]}
		group := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return s[m[2*k]:m[2*k+1]]
		}
		switch {
		case group(2) != "":
			t.p.year, _ = strconv.Atoi(group(2))
		case group(3) == "去年":
			if ctx.Year > 0 {
				t.p.year = ctx.Year - 1
			}
		case group(3) != "": // 今年, 目前 …
			t.p.year = ctx.Year
		default:
			t.p.year = year
		}
		switch {
		case group(4) != "":
			t.p.sub = group(4) + "-" + group(5)
		case group(6) != "":
			t.p.sub = "M" + group(6)
		case group(7) != "":
			t.p.sub = quarter(group(7))
		case group(8) != "":
			t.p.sub = group(8) + "-" + group(9)
		case group(10) != "":
			t.p.sub = quarter(group(10))
		}
		if group(1) != "" { // 截至2021年6月: a point in that year
			t.p.sub = ""
		}
		if group(12) != "" {
			t.p.sub = "since"
		}
		before := s[:m[0]]
		for _, w := range []string{"较", "比", "与", "同", "和", "是", "于"} {
			if strings.HasSuffix(before, w) {
				t.base = true
			}
		}
		if t.p.year == 0 {
			// A period named without a year the text gives: still a
			// period, so the figure is not read as undated.
			t.p.sub += "?"
		}
		if !t.base && t.p.year != 0 {
			year = t.p.year
		}
		out = append(out, t)
	}
	return out
}

func quarter(s string) string {
	switch s {
	case "上半年":
		return "H1"
	case "下半年":
		return "H2"
	case "前三季度":
		return "1-9"
	}
	r, _ := utf8.DecodeRuneInString(s)
	n := strings.IndexRune("一二三四", r)/len("一") + 1
	if r >= '1' && r <= '4' {
		n = int(r - '0')
	}
	return "Q" + strconv.Itoa(n)
}
