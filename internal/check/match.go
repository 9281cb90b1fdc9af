package check

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// timeStartRE is timeRE at the start of a text: anchored, it fails at
// once where the text starts otherwise (timeRE would try every position).
var (
	timeStartRE   = regexp.MustCompile(`^(?:` + timeRE.String() + `)`)
	figureStartRE = regexp.MustCompile(`^(?:` + figureRE.String() + `)`)
)

// Each expression these rules look for is short and starts at a known
// kind of character, so they are matched anchored, in a window at each
// such start: Go's regexp clears memory in proportion to the text it is
// given, and an unanchored search tries every position.
const window = 48

// head is the first window bytes of s, cut at a character boundary.
func head(s string) string {
	if len(s) <= window {
		return s
	}
	n := window
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// findAllAt returns the matches of the anchored re that start where
// start says one may, left to right and not overlapping, as
// FindAllStringSubmatchIndex would.
func findAllAt(re *regexp.Regexp, s string, start func(s string, i int) bool) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		if !start(s, i) {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		m := re.FindStringSubmatchIndex(head(s[i:]))
		if m == nil || m[1] == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		i = m[1]
	}
	return out
}

// timeStart says whether a time expression may start at s[i]: at a
// number's first digit or at the first character of a word timeRE knows.
func timeStart(s string, i int) bool {
	c := s[i]
	if isDigit(c) {
		if i > 0 && (isDigit(s[i-1]) || s[i-1] == '.') {
			return false
		}
		// A year (2020年) or months (5月, 1—5月): digits, then 年, 月 or
		// a dash.
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		rest := strings.TrimLeft(s[j:], asciiSpace)
		return strings.HasPrefix(rest, "年") || strings.HasPrefix(rest, "月") || strings.HasPrefix(rest, "—") ||
			strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "~") ||
			strings.HasPrefix(rest, "～") || strings.HasPrefix(rest, "至")
	}
	if c < utf8.RuneSelf {
		return false
	}
	for _, w := range timeWords {
		if strings.HasPrefix(s[i:], w) {
			return true
		}
	}
	return false
}

// timeWords are the words a time expression without digits starts with.
var timeWords = []string{"截至", "截止", "今年", "本年", "去年", "目前", "当前", "如今", "现在", "上半年", "下半年", "前三季度", "一季度", "二季度", "三季度", "四季度", "年末", "年底", "年初"}

// numberStart says whether a number starts at s[i].
func numberStart(s string, i int) bool {
	return isDigit(s[i]) && (i == 0 || !isDigit(s[i-1]) && s[i-1] != '.' && s[i-1] != ',')
}

// figureStart says whether a figure may start at s[i]: a number followed,
// after 万 or 亿, by the first character of a unit figureRE knows. Most
// numbers in prose (第87批, 2020年) are not, and skip the regexp.
func figureStart(s string, i int) bool {
	if !numberStart(s, i) {
		return false
	}
	j := i
	for j < len(s) && (isDigit(s[j]) || s[j] == '.' || s[j] == ',' || isSpace(s[j])) {
		j++
	}
	rest := s[j:]
	if r, ok := strings.CutPrefix(rest, "万"); ok {
		rest = r
	} else if r, ok := strings.CutPrefix(rest, "亿"); ok {
		rest = r
	}
	rest = strings.TrimLeft(rest, asciiSpace)
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune(figureUnitStarts, r)
}

// asciiSpace is what the regexps' \s matches.
const asciiSpace = "\t\n\f\r "

func isSpace(c byte) bool { return strings.IndexByte(asciiSpace, c) >= 0 }

// figureUnitStarts are the first characters of figureRE's units.
const figureUnitStarts = "%％美元人家个名户项件所座套亩场"
