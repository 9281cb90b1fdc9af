package check

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"folio/internal/diag"
	"folio/internal/indicator"
)

// A stated figure: a number with the unit prose writes it in.
var unitPatterns = map[string]*regexp.Regexp{
	"percent": regexp.MustCompile(`^[^。！？；，、\x{FFFC}]{0,20}?(\d+(?:\.\d+)?)\s*[%％]`),
	"count":   regexp.MustCompile(`^[^。！？；，、\x{FFFC}]{0,20}?(\d[\d,]*(?:\.\d+)?)\s*(?:余|多)?\s*(?:个|件|名|人次|场|期|家|项|人)`),
	"rank":    regexp.MustCompile(`^[^。！？；，、\x{FFFC}]{0,24}?第\s*(\d+)\s*[位名]`),
	"hour":    regexp.MustCompile(`^[^。！？；，、\x{FFFC}]{0,20}?(\d+(?:\.\d+)?)\s*(?:个)?小时`),
	"star":    regexp.MustCompile(`^[^。！？；，、\x{FFFC}]{0,20}?([一二三四五六七]|\d)\s*星`),
	"yuan":    regexp.MustCompile(`^[^。！？；，、\x{FFFC}]{0,20}?(\d+(?:\.\d+)?)\s*(亿|万)?元`),
}

var (
	starNumbers = map[string]float64{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
	// A statement about something the data does not hold: a subject,
	// a verb of change, a percentage.
	statementRE = regexp.MustCompile(`(\p{Han}{2,12}?)(?:同比)?(?:增长|增幅为|增速为|增速达|增速|下降)\s*(\d+(?:\.\d+)?)\s*[%％]`)
)

// Figures compares the numbers prose states beside an indicator's label or
// alias with the data: a different number is a conflicting-figure error, the
// same number a hand-typed-figure warning (write the reference instead).
// Statements of things the data does not hold (…增长13.2%) are compared
// with each other across the publication.
func Figures(blocks []*Block, data *indicator.Set, diags *diag.List) {
	found := PageFigures(blocks, Terms(data))
	for _, d := range found.Diags {
		diags.Add(d)
	}
	MergeStatements([]*FigureResult{found}, diags)
}

// Term is a name prose uses for an indicator.
type Term struct {
	text string
	ind  *indicator.Indicator
}

// Terms lists every label and alias, longest first, so 规模以上工业增加值增速
// wins over 工业增加值增速.
func Terms(data *indicator.Set) []Term {
	var terms []Term
	if data != nil {
		for _, ind := range data.Indicators {
			for _, t := range append([]string{ind.Label}, ind.Aliases...) {
				if t != "" {
					terms = append(terms, Term{t, ind})
				}
			}
		}
	}
	sort.SliceStable(terms, func(i, j int) bool { return len(terms[i].text) > len(terms[j].text) })
	return terms
}

// Statement is a figure stated for something the data does not hold.
type Statement struct {
	Key, Value string // subject|year, and the number
	Pos        diag.Position
}

// FigureResult is what one page's figures gave: diagnostics against the
// data, and statements to compare across the publication.
type FigureResult struct {
	Diags      []diag.Diagnostic
	Statements []Statement
}

// yearOf returns the year a sentence names first, the four digits before a
// 年 (spaces between allowed), as the regexp (\d{4})\s*年 finds it; "" if
// none. By hand: it runs on every sentence of the publication, and the
// regexp was a third of the figure checks' time.
func yearOf(sentence string) string {
	for from := 0; ; {
		i := strings.Index(sentence[from:], "年")
		if i < 0 {
			return ""
		}
		i += from
		j := i
		for j > 0 && strings.IndexByte("\t\n\f\r ", sentence[j-1]) >= 0 {
			j--
		}
		if j >= 4 && isDigits(sentence[j-4:j]) {
			return sentence[j-4 : j]
		}
		from = i + len("年")
	}
}

func isDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// PageFigures checks the figures of one page's blocks against the data.
func PageFigures(blocks []*Block, terms []Term) *FigureResult {
	var diags diag.List
	res := &FigureResult{}
	for _, b := range blocks {
		if b.Kind == Heading || !b.chinese {
			continue
		}
		for _, loc := range sentences(b.Text) {
			sentence := b.Text[loc[0]:loc[1]]
			year := yearOf(sentence)
			covered := make([]bool, len(sentence))
			for _, t := range terms {
				for off := 0; ; {
					i := strings.Index(sentence[off:], t.text)
					if i < 0 {
						break
					}
					i += off
					off = i + len(t.text)
					if covered[i] {
						continue
					}
					for k := i; k < off; k++ {
						covered[k] = true
					}
					checkFigure(b, loc[0]+off, t, year, &diags)
				}
			}
			if b.Ignores("conflicting-figure") {
				continue
			}
			if !strings.Contains(sentence, "%") && !strings.Contains(sentence, "％") {
				continue // statementRE tries every position; most sentences hold no percentage
			}
			for _, m := range statementRE.FindAllStringSubmatchIndex(sentence, -1) {
				if covered[m[2]] {
					continue
				}
				subject := trimModifiers(sentence[m[2]:m[3]])
				res.Statements = append(res.Statements, Statement{Key: subject + "|" + year, Value: sentence[m[4]:m[5]], Pos: b.Pos(loc[0] + m[4])})
			}
		}
	}
	res.Diags = diags.Items()
	return res
}

// MergeStatements reports statements of one thing that disagree, across
// the pages, in reading order.
func MergeStatements(pages []*FigureResult, diags *diag.List) {
	others := map[string][]Statement{}
	var keys []string
	for _, p := range pages {
		for _, st := range p.Statements {
			if _, ok := others[st.Key]; !ok {
				keys = append(keys, st.Key)
			}
			others[st.Key] = append(others[st.Key], st)
		}
	}
	for _, key := range keys {
		list := others[key]
		subject, year, _ := strings.Cut(key, "|")
		for _, s := range list[1:] {
			if s.Value != list[0].Value {
				when := ""
				if year != "" {
					when = "（" + year + "年）"
				}
				diags.Add(diag.Diagnostic{Pos: s.Pos, Severity: diag.Error, Rule: "conflicting-figure",
					Message: fmt.Sprintf("%s%s is stated as %s%% here but %s%% at %s: make them agree, or give the figure an entry in content/data/indicators.yaml and write a reference", subject, when, s.Value, list[0].Value, list[0].Pos)})
			}
		}
	}
}

// checkFigure looks for the number stated after a term, in the same
// sentence.
func checkFigure(b *Block, at int, t Term, year string, diags *diag.List) {
	re := unitPatterns[t.ind.Unit]
	if re == nil {
		return
	}
	rest := b.Text[at:]
	if end := strings.IndexAny(rest, "。！？；"); end >= 0 {
		rest = rest[:end]
	}
	m := re.FindStringSubmatchIndex(rest)
	if m == nil {
		return
	}
	numText := rest[m[2]:m[3]]
	written := rest[m[2]:m[1]] // the number with its unit, as written
	stated, ok := statedValue(t.ind.Unit, numText, rest, m)
	if !ok {
		return
	}
	pt, period, found := pointFor(t.ind, year)
	if !found {
		return
	}
	ref := "{{" + t.ind.ID + "@" + period.String() + "}}"
	want := indicator.Format(t.ind, pt.Value)
	pos := b.Pos(at + m[2])
	if math.Abs(stated-pt.Value.Number) < 1e-9 {
		if !b.Ignores("hand-typed-figure") {
			diags.Add(diag.Diagnostic{Pos: pos, Severity: diag.Warning, Rule: "hand-typed-figure",
				Message: fmt.Sprintf("%s is typed by hand; the data holds it (%s, %s): write %s so it can never drift from the data", written, t.ind.Label, period.Chinese(), ref)})
		}
		return
	}
	if !b.Ignores("conflicting-figure") {
		diags.Add(diag.Diagnostic{Pos: pos, Severity: diag.Error, Rule: "conflicting-figure",
			Message: fmt.Sprintf("%s is stated as %s for %s, but the data has %s: write %s", t.text, written, period.Chinese(), want, ref)})
	}
}

func statedValue(unit, num, rest string, m []int) (float64, bool) {
	if unit == "star" {
		if v, ok := starNumbers[num]; ok {
			return v, true
		}
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil {
		return 0, false
	}
	if unit == "yuan" && len(m) > 5 && m[4] >= 0 {
		switch rest[m[4]:m[5]] {
		case "亿":
			v *= 1e8
		case "万":
			v *= 1e4
		}
	}
	return v, true
}

// pointFor picks the period a sentence speaks of: its year, else the only
// or latest value.
func pointFor(ind *indicator.Indicator, year string) (indicator.Point, indicator.Period, bool) {
	if year != "" {
		p, err := indicator.ParsePeriod(year)
		if err == nil {
			if pt, ok := ind.At(p); ok {
				return pt, p, true
			}
			// A sub-year period of that year, when it is the only one.
			var in []indicator.Point
			for _, pt := range ind.Series {
				if pt.Period.Year == p.Year {
					in = append(in, pt)
				}
			}
			if len(in) == 1 {
				return in[0], in[0].Period, true
			}
			return indicator.Point{}, p, false
		}
	}
	pt, ok := ind.Latest()
	return pt, pt.Period, ok
}

// modifiers are words before a subject that do not change what it is:
// 全年出口额 and 出口额 are one figure.
var modifiers = []string{"全年", "今年", "去年", "当年", "年度", "全区", "全市", "同比", "其中", "累计", "实现", "完成"}

func trimModifiers(subject string) string {
	for changed := true; changed; {
		changed = false
		for _, m := range modifiers {
			if rest, ok := strings.CutPrefix(subject, m); ok && len([]rune(rest)) >= 2 {
				subject, changed = rest, true
			}
		}
	}
	return subject
}

// sentences returns the byte ranges of text's sentences: runs ending with
// 。！？； or at the end of text (empty runs between two marks are left out).
func sentences(text string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range text {
		switch r {
		case '。', '！', '？', '；':
			if i > start {
				out = append(out, [2]int{start, i + utf8.RuneLen(r)})
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}
