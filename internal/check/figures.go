package check

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"folio/internal/diag"
	"folio/internal/indicator"
	"folio/internal/msg"
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
)

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

func init() {
	register(Rule{ID: "conflicting-figure", Order: 10, Stage: StagePublication, Default: diag.Error,
		What:   "a figure that contradicts content/data (an error), or two statements of the same metric, place and period with different values (a warning)",
		Flags:  "地区生产总值486.3亿元 here, 468.3亿元 in another chapter (same place, 2020年)",
		Leaves: "同比增长5.3% and 同比增长7.4% of two different metrics or places",
		Split:  "error against the data, warning between chapters"})
	register(Rule{ID: "hand-typed-figure", Order: 20, Stage: StagePublication, Default: diag.Warning,
		What:   "a number typed by hand that the data holds: write the {{id}} reference",
		Flags:  "地区生产总值增长5.3% where the data holds it",
		Leaves: "{{gdp-growth}}"})
}

// PageFigures checks the figures of one page's blocks against the data,
// and reads the statements of figures the data does not hold, to compare
// across the publication.
func PageFigures(blocks []*Block, terms []Term, ctx *StatementContext) *FigureResult {
	var diags diag.List
	res := &FigureResult{}
	var st state
	inData := func(metric string) bool {
		for _, t := range terms {
			if strings.Contains(metric, t.text) {
				return true
			}
		}
		return false
	}
	for i, b := range blocks {
		if b.Kind == Heading || b.Kind == Cell || !b.chinese {
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
		}
		// A list inherits the subject and period of its lead-in; a
		// paragraph starts afresh.
		if b.Kind != Item {
			st = state{}
		}
		if ctx == nil || b.Ignores("conflicting-figure") {
			continue
		}
		listFollows := i+1 < len(blocks) && blocks[i+1].Kind == Item
		res.Statements = blockStatements(b, ctx, &st, inData, listFollows, res.Statements)
	}
	res.Diags = diags.Items()
	return res
}

// MergeStatements reports statements of one thing that disagree, across
// the pages, in reading order: each names the first statement it
// contradicts. A statement without a period is compared with the latest
// dated figure of the same thing, when that is of its year or the year
// before (全县14620名党员 in a text of 2024 against 截至2023年底…14260名).
func MergeStatements(pages []*FigureResult, diags *diag.List) {
	first := map[string][]Statement{}
	latest := map[string]int{} // thing → the latest year stated for it, as a whole year
	var undated []Statement
	for _, p := range pages {
		for _, st := range p.Statements {
			if st.Undated {
				undated = append(undated, st)
				continue
			}
			if st.Sub == "" && st.Year > latest[st.Thing] {
				latest[st.Thing] = st.Year
			}
			compareWith(st, first, st.Key(), st.Period(), diags)
		}
	}
	for _, st := range undated {
		key, when := st.Thing+"|now", any(msg.New("the present (stated without a date)"))
		if y, ok := latest[st.Thing]; ok && y >= st.Year-1 {
			key = st.Thing + "|" + strconv.Itoa(y)
			when = msg.New("%d年 (stated without a date, the latest figure)", y)
		}
		compareWith(st, first, key, when, diags)
	}
}

// compareWith reports st when it disagrees with every statement of key
// before it, and keeps it.
// when names the period: a string (2020年) or a msg.Text.
func compareWith(st Statement, first map[string][]Statement, key string, when any, diags *diag.List) {
	seen := first[key]
	for _, f := range seen {
		if st.agrees(f) {
			return
		}
	}
	if len(seen) > 0 {
		f := seen[0]
		if subject := st.Subject(); subject != "*" {
			diags.Warnf(st.Pos, "conflicting-figure", "%s of %s in %s is %s here but %s at %s: make them agree, or give the figure an entry in content/data/indicators.yaml and write a reference", describe(st), subject, when, st.Written, f.Written, f.Pos)
		} else {
			diags.Warnf(st.Pos, "conflicting-figure", "%s in %s is %s here but %s at %s: make them agree, or give the figure an entry in content/data/indicators.yaml and write a reference", describe(st), when, st.Written, f.Written, f.Pos)
		}
	}
	first[key] = append(seen, st)
}

// describe names a statement's metric and measure: 地区生产总值, or
// 地区生产总值增速 for a growth rate.
func describe(s Statement) any {
	switch _, measure, _ := strings.Cut(s.Thing, "|"); {
	case strings.HasPrefix(measure, "growth|"):
		return msg.New("%s growth", s.Metric())
	case strings.HasPrefix(measure, "average growth|"):
		return msg.New("%s average growth", s.Metric())
	}
	return s.Metric()
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
			diags.Warnf(pos, "hand-typed-figure", "%s is typed by hand; the data holds it (%s, %s): write %s so it can never drift from the data", written, t.ind.Label, period.Chinese(), ref)
		}
		return
	}
	if !b.Ignores("conflicting-figure") {
		diags.Errorf(pos, "conflicting-figure", "%s is stated as %s for %s, but the data has %s: write %s", t.text, written, period.Chinese(), want, ref)
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
