package benchgen

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// figureFacts reads the bulletins' paragraphs back, as a reader would, and
// collects every figure stated for a place, metric and period.
type figureFacts struct {
	t      *testing.T
	values map[string]figureFact // place|metric|period|what → first statement
	diffs  []figureDiff          // 比上年增加…: checked once every value is read
	growth []figureDiff          // growth rates of counts: checked against the counts
	n      int                   // figures read
}

type figureFact struct {
	value float64
	half  float64 // half a unit in the last place written
	text  string
	where string
}

type figureDiff struct {
	place, metric string
	year          int
	value, half   float64
	where         string
}

var (
	periodPat = `\d{4}年(?:一季度|上半年|1—5月|前三季度)?`
	openRE    = regexp.MustCompile(`^(?:据统计，)?(?:(` + periodPat + `)，(\p{Han}{2}[县镇])|(\p{Han}{2}[县镇])(` + periodPat + `))(?:实现)?`)
	metricPat = func() string {
		var names []string
		for _, m := range metrics {
			names = append(names, m.name)
		}
		return "(" + strings.Join(names, "|") + ")"
	}()
	numPat     = `([\d.]+)(万元|亿元|元|家|万户|%|亿千瓦时)`
	comparePat = `(同比|比上年同期|比上年)(增长|下降)([\d.]+)%`
	clauseREs  = map[string]*regexp.Regexp{
		"value+growth": regexp.MustCompile(`^` + metricPat + `(?:达到)?` + numPat + `，` + comparePat + `$`),
		"value+flat":   regexp.MustCompile(`^` + metricPat + numPat + `，与上年(?:同期)?持平$`),
		"growth":       regexp.MustCompile(`^` + metricPat + comparePat + `$`),
		"flat":         regexp.MustCompile(`^` + metricPat + `与上年(?:同期)?持平$`),
		"value":        regexp.MustCompile(`^` + metricPat + `达到` + numPat + `$`),
		"year before":  regexp.MustCompile(`^` + metricPat + numPat + `，比(\d{4})年的` + numPat + `增加` + numPat + `$`),
		"increase":     regexp.MustCompile(`^` + metricPat + `达到` + numPat + `，比上年增加` + numPat + `$`),
		"from-to":      regexp.MustCompile(`^` + metricPat + `由(\d{4})年的` + numPat + `提高到(\d{4})年的` + numPat + `$`),
	}
	targetRE = regexp.MustCompile(`^(\p{Han}{2}[县镇])提出，力争到2025年地区生产总值突破\d+亿元$`)
)

// number reads a figure in the metric's unit (万元 as 亿元) and half a
// unit in its last place.
func number(num, unit string) (float64, float64) {
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		panic(err)
	}
	half := 0.5
	if i := strings.IndexByte(num, '.'); i >= 0 {
		half = 0.5 * math.Pow(10, -float64(len(num)-i-1))
	}
	if unit == "万元" {
		return v / 1e4, half / 1e4
	}
	return v, half
}

func (f *figureFacts) state(place, metric, period, what string, value, half float64, text, where string) {
	f.n++
	key := place + "|" + metric + "|" + period + "|" + what
	if old, ok := f.values[key]; ok {
		if math.Abs(old.value-value) > 1e-9 {
			f.t.Errorf("%s of %s, %s: %s at %s, but %s at %s", metric, place, period, old.text, old.where, text, where)
		}
		return
	}
	f.values[key] = figureFact{value, half, text, where}
}

func (f *figureFacts) paragraph(text, where string) {
	m := openRE.FindStringSubmatch(text)
	if m == nil {
		f.t.Errorf("%s: the paragraph does not open with a place and a period: %s", where, text)
		return
	}
	period, place := m[1], m[2]
	if place == "" {
		place, period = m[3], m[4]
	}
	year, _ := strconv.Atoi(period[:4])
	rest := text[len(m[0]):]
	for k, sentence := range strings.Split(strings.TrimSuffix(rest, "。"), "。") {
		if targetRE.MatchString(sentence) {
			continue
		}
		if k > 0 {
			var ok bool
			if sentence, ok = strings.CutPrefix(sentence, place); !ok {
				f.t.Errorf("%s: a sentence about another place: %s", where, sentence)
				continue
			}
		}
		for _, clause := range strings.Split(sentence, "；") {
			f.clause(place, period, year, clause, where)
		}
	}
}

func (f *figureFacts) clause(place, period string, year int, clause, where string) {
	for form, re := range clauseREs {
		m := re.FindStringSubmatch(clause)
		if m == nil {
			continue
		}
		metric := m[1]
		growth := func(compared, dir, num string) {
			g, half := number(num, "%")
			if dir == "下降" {
				g = -g
			}
			if partYear := len(period) > len("2019年"); compared == "比上年同期" && !partYear || compared == "比上年" && partYear {
				f.t.Errorf("%s: %s compares a period with %s", where, clause, compared)
			}
			f.state(place, metric, period, "growth", g, half, compared+dir+num+"%", where)
			if period == fmt.Sprint(year, "年") {
				f.growth = append(f.growth, figureDiff{place, metric, year, g, half, where})
			}
		}
		switch form {
		case "value+growth":
			v, half := number(m[2], m[3])
			f.state(place, metric, period, "value", v, half, m[2]+m[3], where)
			growth(m[4], m[5], m[6])
		case "value+flat":
			v, half := number(m[2], m[3])
			f.state(place, metric, period, "value", v, half, m[2]+m[3], where)
			f.state(place, metric, period, "growth", 0, 0.05, "持平", where)
		case "growth":
			growth(m[2], m[3], m[4])
		case "flat":
			f.state(place, metric, period, "growth", 0, 0.05, "持平", where)
		case "value":
			v, half := number(m[2], m[3])
			f.state(place, metric, period, "value", v, half, m[2]+m[3], where)
		case "year before":
			v, half := number(m[2], m[3])
			f.state(place, metric, period, "value", v, half, m[2]+m[3], where)
			before, bhalf := number(m[5], m[6])
			f.state(place, metric, m[4]+"年", "value", before, bhalf, m[5]+m[6], where)
			if y, _ := strconv.Atoi(m[4]); y != year-1 {
				f.t.Errorf("%s: %s compares %s with %s", where, clause, period, m[4])
			}
			if d, _ := number(m[7], m[8]); math.Abs(d-(v-before)) > 1e-6 {
				f.t.Errorf("%s: %s: %s − %s is not %s", where, clause, m[2]+m[3], m[5]+m[6], m[7]+m[8])
			}
		case "increase":
			v, half := number(m[2], m[3])
			f.state(place, metric, period, "value", v, half, m[2]+m[3], where)
			d, _ := number(m[4], m[5])
			f.diffs = append(f.diffs, figureDiff{place, metric, year, v - d, 0, where})
		case "from-to":
			a, ahalf := number(m[3], m[4])
			b, bhalf := number(m[6], m[7])
			f.state(place, metric, m[2]+"年", "value", a, ahalf, m[3]+m[4], where)
			f.state(place, metric, m[5]+"年", "value", b, bhalf, m[6]+m[7], where)
			if m[5]+"年" != period || b <= a {
				f.t.Errorf("%s: %s in a paragraph about %s", where, clause, period)
			}
		}
		return
	}
	f.t.Errorf("%s: a clause in no known form: %q", where, clause)
}

// check compares what can only be compared once every paragraph is read:
// an increase over the year before with that year's figure, a count's
// growth rate with the two counts.
func (f *figureFacts) check() {
	for _, d := range f.diffs {
		before, ok := f.values[fmt.Sprintf("%s|%s|%d年|value", d.place, d.metric, d.year-1)]
		if ok && math.Abs(before.value-d.value) > 1e-6 {
			f.t.Errorf("%s: %s of %s rose from %g in %d, but %s at %s", d.where, d.metric, d.place, d.value, d.year-1, before.text, before.where)
		}
	}
	for _, g := range f.growth {
		now, ok1 := f.values[fmt.Sprintf("%s|%s|%d年|value", g.place, g.metric, g.year)]
		before, ok2 := f.values[fmt.Sprintf("%s|%s|%d年|value", g.place, g.metric, g.year-1)]
		if !ok1 || !ok2 {
			continue
		}
		// The growth the two values allow, written as they are.
		lo := ((now.value-now.half)/(before.value+before.half) - 1) * 100
		hi := ((now.value+now.half)/(before.value-before.half) - 1) * 100
		if g.value < lo-g.half-1e-9 || g.value > hi+g.half+1e-9 {
			f.t.Errorf("%s: %s of %s grew %.1f%% in %d, but from %s (%s) to %s (%s)", g.where, g.metric, g.place, g.value, g.year, before.text, before.where, now.text, now.where)
		}
	}
}

// TestFiguresAgree reads back every figure of the bulletins of a
// 10,000-chapter publication (the largest tools/benchtable builds): a
// place's metric for a period has one value and one growth rate wherever
// it is stated, increases and growth rates agree with the values they
// relate, and every clause is in a form the reader here knows.
func TestFiguresAgree(t *testing.T) {
	f := &figureFacts{t: t, values: map[string]figureFact{}}
	paragraphs := 0
	seen := map[string]string{}
	for i := figureEvery; i <= 10000; i += figureEvery {
		for slot := range figureSlots {
			p := figureParagraph(i, slot)
			where := fmt.Sprintf("chapter %d, paragraph %d", i, slot)
			if other, ok := seen[p]; ok {
				t.Errorf("%s repeats %s", where, other)
			}
			seen[p] = where
			f.paragraph(p, where)
			paragraphs++
		}
	}
	f.check()
	places := map[string]bool{}
	for key := range f.values {
		places[strings.SplitN(key, "|", 2)[0]] = true
	}
	t.Logf("%d paragraphs, %d figures stated, %d distinct, %d places", paragraphs, f.n, len(f.values), len(places))
	if len(places) < 300 {
		t.Errorf("the bulletins name %d places, want some hundreds", len(places))
	}
	if f.n < 20*paragraphs/3 {
		t.Errorf("%d figures in %d paragraphs", f.n, paragraphs)
	}
	if f.n == len(f.values) {
		t.Error("no figure is stated twice: the rules never see two statements that agree")
	}
}

// TestFigureChapters: every fifth chapter is a bulletin, the same for a
// seed; the others are prose.
func TestFigureChapters(t *testing.T) {
	dir := t.TempDir()
	if err := Generate(dir, 20, 3); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 20; i++ {
		body := readChapter(t, dir, i)
		if i%figureEvery != 0 {
			if strings.Contains(body, "同比") {
				t.Errorf("chapter %d has figures", i)
			}
			continue
		}
		for slot := range figureSlots {
			if !strings.Contains(body, figureParagraph(i, slot)) {
				t.Errorf("chapter %d lacks its figure paragraph %d", i, slot)
			}
		}
	}
}

func readChapter(t *testing.T, dir string, i int) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "content", "chapters", fmt.Sprintf("%05d-chapter-%d.md", i, i)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
