package check

import (
	"folio/internal/cjk"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"folio/internal/diag"
)

// A figure stated in prose is compared with the other statements of the
// same thing: the same metric, of the same subject, for the same period,
// in the same kind of unit. Each of the four is read from the sentence the
// way a reader resolves it, and a statement any of them cannot be read for
// is not compared at all: a false alarm costs an editor's trust, so
// precision comes first.
//
//   - metric: the phrase before the number, ending in a statistical noun
//     (…总值, …收入, …增加值, …率, 企业, 党员 …), or, for a growth rate
//     (同比增长5.3%), the metric of the figure before it, never one past
//     其中. A contribution or share (对经济增长的贡献率) is of the item the
//     sentence named. Comparison words (同比, 比上年) are never a metric.
//   - subject: the place or organisation named at the start of a clause
//     (北岭开发区, 南湖镇, 青禾光电科技有限公司), carried through the
//     paragraph; 全区, 该区 and the like stand for the chapter's place or
//     the publication's subject, and where nothing names it, for the
//     page's own (compared only within the page).
//   - period: the nearest time before the number (2020年, 2021年1—5月,
//     上半年, 目前), else the paragraph's; a stock stated without one is
//     the latest figure of its thing (MergeStatements).
//   - unit: percent, percentage points, yuan, or the measure word, scaled
//     by 万 and 亿.

// StatementContext is what a page's statements are resolved against.
type StatementContext struct {
	// Subject is the publication's subject and its other names, the
	// canonical name first; empty when the publication names none.
	Subject []string
	// Places are the subjects of the publications read with this one
	// (the other installments of a series), each with its other names,
	// the canonical name first: 高新区 in another installment's text is
	// the 平顶山高新区 its own installment writes about.
	Places [][]string `json:",omitempty"`
	// ChapterPlace is the place the page's title names, if any.
	ChapterPlace string
	// Year resolves 今年 and 目前: the page's date, else the
	// publication's; 0 when neither is known.
	Year int
	// Page names the page: a subject no name resolves (全县 in a chapter
	// whose title names no place, in a publication without subject:) is
	// the page's own, compared only within it.
	Page string
}

// figureRE finds a number with the unit prose writes it in.
var figureRE = regexp.MustCompile(`(\d[\d,]*(?:\.\d+)?)\s*(万|亿)?\s*(%|％|美元|元|人次|家|个|名|户|人|项|件|所|座|套|亩|场)`)

// statNouns end a metric's phrase: what statistics count or measure.
var statNouns = []string{"总值", "增加值", "产值", "收入", "支出", "投资", "总额", "额", "利润", "税收", "总量", "产量", "量", "率", "比重", "占比", "人数", "户数", "人口", "面积", "规模", "指数", "工资", "余额", "企业", "市场主体", "党员", "党组织", "工商户"}

// linkWords may stand between a metric and its number.
var linkWords = []string{"提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "上升到", "上升至", "下降到", "下降至", "降至", "降到", "增至", "达到", "共有", "拥有", "现有", "实现", "完成", "合计", "总计", "已经", "全年", "由", "从", "的", "达", "为", "是", "共", "有", "仍", "已", "也", "还", "再", "：", ":"}

// modifiers start a metric's phrase without changing what it is:
// 全年出口额 and 出口额 are one figure, and so are 实现地区生产总值 and
// 地区生产总值.
var modifiers = []string{"全年", "今年", "去年", "当年", "年度", "同比", "实现", "完成", "共有", "拥有", "现有", "达到"}

// Words before a number that make it a bound (超过 100), words after it,
// and words that make a sentence a plan rather than a fact.
var (
	boundBefore = []string{"超过", "突破", "不足", "不到", "高于", "低于", "多于", "少于", "将近", "接近", "近", "约", "逾", "超", "上"}
	boundAfter  = []string{"以上", "以下", "以内", "左右", "余", "多", "上下", "强", "弱"}
	planWords   = []string{"力争", "目标", "计划", "预计", "预期", "争取", "规划", "确保", "有望", "将达", "要达到"}
)

// The words that end the text before a growth rate (同比增长, 比上年下降):
// the comparison, an average, the verb.
var (
	growthComparisons = []string{"比上年同期", "较上年同期", "比去年同期", "较去年同期", "比上年", "较上年", "比去年", "较去年", "同比"}
	growthVerbs       = []string{"增幅为", "增速为", "增长", "增加", "下降", "减少", "增幅", "增速", "回落", "提高", "提升", "上升"}
)

// growthAt reads a growth phrase at the end of before: where it starts,
// whether it is an average (年均增长) and whether it is a fall. It is
// what the regexp (同比|比上年…)?(平均|年均)?(增长|…)了?$ matches, by
// hand: it runs before every figure.
func growthAt(before string) (start int, average, fall, ok bool) {
	rest := strings.TrimSuffix(before, "了")
	for _, v := range growthVerbs {
		if r, found := strings.CutSuffix(rest, v); found {
			rest, ok = r, true
			fall = v == "下降" || v == "减少" || v == "回落"
			break
		}
	}
	if !ok {
		return 0, false, false, false
	}
	for _, a := range []string{"平均", "年均"} {
		if r, found := strings.CutSuffix(rest, a); found {
			rest, average = r, true
			break
		}
	}
	for _, c := range growthComparisons {
		if r, found := strings.CutSuffix(rest, c); found {
			rest = r
			break
		}
	}
	return len(rest), average, fall, true
}

// A Statement is one figure stated for something the data does not hold.
// It is kept from the page's check to the publication's, after the page's
// text is let go: it holds no slice of that text.
type Statement struct {
	Thing string // metric|measure|subject|unit: what must agree, but the period
	Year  int    // of the period; for an undated statement, the text's year
	Sub   string // the part of the year, "" for the year or a point in it
	// Undated: a stock stated without a period (全县14620名党员), read as
	// the latest figure the publication gives of it.
	Undated bool
	Written string  // the number with its unit, as written
	Value   float64 // in the unit's base (亿元 in yuan)
	Tol     float64 // half a unit in the last place written
	Pos     diag.Position
}

// Key is what two statements that must agree share.
func (s Statement) Key() string { return s.Thing + "|" + strconv.Itoa(s.Year) + s.Sub }

// Metric, Subject and Period name the statement in messages.
func (s Statement) Metric() string { return strings.Split(s.Thing, "|")[0] }

func (s Statement) Subject() string {
	subject, _, _ := strings.Cut(strings.Split(s.Thing, "|")[2], "@")
	return subject
}

func (s Statement) Period() string { return period{year: s.Year, sub: s.Sub}.String() }

// agrees says whether two statements of one thing give the same figure,
// each to the precision it is written with.
func (s Statement) agrees(o Statement) bool {
	return math.Abs(s.Value-o.Value) <= math.Max(s.Tol, o.Tol)+1e-9
}

// state is what a block's text has established so far: the subject and
// period later sentences inherit.
type state struct {
	subject string
	period  period
}

func (p period) String() string {
	if p.year == 0 {
		return ""
	}
	y := strconv.Itoa(p.year) + "年"
	switch {
	case p.sub == "":
		return y
	case p.sub == "H1":
		return y + "上半年"
	case p.sub == "H2":
		return y + "下半年"
	case p.sub == "1-9" || p.sub == "Q1-3":
		return y + "前三季度"
	case strings.HasPrefix(p.sub, "Q"):
		return y + p.sub[1:] + "季度"
	case strings.HasPrefix(p.sub, "M"):
		return y + p.sub[1:] + "月"
	case p.sub == "since":
		return y + "以来"
	}
	return y + strings.Replace(p.sub, "-", "—", 1) + "月"
}

// blockStatements appends the statements of one block's text to out. st
// carries the subject and period from block to block (a list inherits its
// lead-in's); skip says whether a statement's metric is one the data
// holds (compared with the data instead). The places and times of the
// sentences without figures are read only when a figure follows them, or
// when keep says the next block inherits them.
func blockStatements(b *Block, ctx *StatementContext, st *state, skip func(metric string) bool, keep bool, out []Statement) []Statement {
	text := b.Text
	locs := sentences(text)
	read := 0 // the sentences before it are in st
	for k, loc := range locs {
		sentence := text[loc[0]:loc[1]]
		if !containsByte(sentence, isDigit) {
			continue
		}
		figures := findAllAt(figureStartRE, sentence, figureStart)
		if len(figures) == 0 {
			continue
		}
		for _, l := range locs[read:k] {
			readContext(text[l[0]:l[1]], ctx, st)
		}
		out = sentenceStatements(b, loc[0], sentence, figures, ctx, st, skip, out)
		read = k + 1
	}
	if keep {
		for _, l := range locs[read:] {
			readContext(text[l[0]:l[1]], ctx, st)
		}
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// clauseStarts returns the byte offsets where the sentence's clauses
// start: after ， 、 ； and ： (unless a number follows the colon, as in
// 规模以上工业企业：187家, where the colon links a metric to its value).
func clauseStarts(s string) []int {
	starts := []int{0}
	for i, r := range s {
		switch r {
		case '，', '、', '；', ',', ';', '（', '）', '(', ')':
			starts = append(starts, i+utf8.RuneLen(r))
		case '：', ':':
			j := i + utf8.RuneLen(r)
			if j < len(s) && isDigit(s[j]) {
				continue
			}
			starts = append(starts, j)
		}
	}
	return starts
}

// readContext updates st with the subjects and times of a sentence that
// states no figure.
func readContext(sentence string, ctx *StatementContext, st *state) {
	for _, c := range clauseStarts(sentence) {
		if s := subjectAt(sentence[c:], ctx); s != "" {
			st.subject = s
		}
	}
	for _, t := range readTimes(sentence, ctx, st.period.year) {
		if !t.base {
			st.period = t.p
		}
	}
}

// sentenceStatements reads the statements of one sentence starting at
// byte off of b's text.
func sentenceStatements(b *Block, off int, s string, figures [][]int, ctx *StatementContext, st *state, skip func(string) bool, out []Statement) []Statement {
	starts := clauseStarts(s)
	times := readTimes(s, ctx, st.period.year)
	subjects := make([]string, len(starts))
	for i, c := range starts {
		subjects[i] = subjectAt(s[c:], ctx)
	}
	// The metric of the figure before, for a growth rate stated without
	// one (…486.3亿元，同比增长3.9%); "" when that figure's metric could
	// not be read (其中工业增加值…，同比增长13.5% is not the growth of what
	// came before 其中).
	var lastMetric string
	lastMetricClause := -1
	for _, m := range figures {
		at := m[0]
		ci := 0 // the clause the figure is in
		for i, c := range starts {
			if c <= at {
				ci = i
			}
		}
		subject := st.subject
		if subject == "" {
			subject = ctx.defaultSubject()
		}
		for i := 0; i <= ci; i++ {
			if subjects[i] != "" {
				subject = subjects[i]
			}
		}
		per := st.period
		for _, t := range times {
			if t.end <= at && !t.base {
				per = t.p
			}
		}
		before := s[starts[ci]:at]
		metric, measure, ok := readMetric(before, s[m[1]:], ctx)
		if !ok {
			lastMetric, lastMetricClause = "", ci
			continue
		}
		if metric == "" && measure != "level" && lastMetricClause >= ci-2 {
			metric = lastMetric
		}
		// A share or a contribution (对经济增长的贡献率, 占…的比重, 拉动)
		// is of the item the sentence named before it: 第二产业增加值's
		// contribution is not 第一产业增加值's.
		if metric != "" && relational(before, metric) {
			if lastMetric == "" || lastMetricClause < ci-2 {
				metric = ""
			} else {
				metric = lastMetric + "·" + metric
			}
		}
		if measure == "level" || metric != "" {
			lastMetric, lastMetricClause = metric, ci
		}
		// A stock stated without a period is the current figure, when
		// the text's year and a real subject are known; anything else
		// without a period is not compared.
		undated := per.year == 0 && per.sub == "" && measure == "level" && ctx.Year > 0 && subject != "*" && !strings.HasPrefix(subject, "全")
		if undated {
			per = period{year: ctx.Year}
		}
		if metric == "" || subject == "" || per.year == 0 || planned(s[:at]) || bounded(s, m) || skip(metric) {
			continue
		}
		value, tol := parseFigure(s[m[2]:m[3]], s, m)
		if measure == "decline" {
			value, measure = -value, "growth"
		}
		unit := s[m[6]:m[7]]
		switch {
		case unit == "％":
			unit = "%"
		case unit == "个" && strings.HasPrefix(s[m[1]:], "百分点"):
			unit = "个百分点" // a change of a rate, not a count
		}
		if subject == "*" || strings.HasPrefix(subject, "全") {
			subject += "@" + ctx.Page
		}
		thing := metric + "|" + measure + "|" + subject + "|" + unit
		out = append(out, Statement{
			Thing:   thing,
			Year:    per.year,
			Sub:     per.sub,
			Undated: undated,
			Written: strings.Clone(s[m[2]:m[1]]),
			Value:   value,
			Tol:     tol,
			Pos:     b.Pos(off + m[2]),
		})
	}
	// What the sentence established carries to the next.
	for _, sub := range subjects {
		if sub != "" {
			st.subject = sub
		}
	}
	for _, t := range times {
		if !t.base {
			st.period = t.p
		}
	}
	return out
}

// relational says whether a metric is a share or a contribution stated of
// something the clause does not name itself: 对经济增长的贡献率, 占比,
// 拉动. A share that names its own part (民生支出占一般公共预算支出的比重)
// is not.
func relational(before, metric string) bool {
	b := strings.TrimSpace(before)
	switch {
	case strings.HasPrefix(b, "对"), strings.HasPrefix(b, "占"):
		return true
	case strings.Contains(metric, "占"):
		return false
	}
	return strings.HasSuffix(metric, "贡献率") || strings.Contains(metric, "拉动") || metric == "占比" || metric == "比重"
}

// readMetric reads the metric of a figure from the clause's text before
// it (and, for 1162个基层党组织, after it). measure is level, growth,
// decline or average growth; ok is false when the figure is no statement
// the rule compares (a share of a subset, a change against a base year).
func readMetric(before, after string, ctx *StatementContext) (metric, measure string, ok bool) {
	before = strings.TrimSpace(before)
	if strings.Contains(before, "其中") || strings.Contains(before, "分别") || strings.Contains(before, "依次") {
		return "", "", false
	}
	measure = "level"
	if start, average, fall, ok := growthAt(before); ok {
		switch {
		case average:
			measure = "average growth"
		case fall:
			measure = "decline"
		default:
			measure = "growth"
		}
		// 较2015年下降: a change against a base year, not a rate of
		// growth over the period.
		if strings.ContainsAny(before[:start], "0123456789") && (strings.Contains(before, "较") || strings.Contains(before, "比")) {
			return "", "", false
		}
		before = before[:start]
	}
	phrase := trimSubjectAndTime(before, ctx)
	for changed := true; changed; {
		changed = false
		for _, w := range linkWords {
			if rest, ok := strings.CutSuffix(phrase, w); ok {
				phrase, changed = rest, true
			}
		}
		// 由2017年的38.6%提高到2020年的: the times and the figure
		// before this one stand between the metric and its number.
		last, _ := utf8.DecodeLastRuneInString(phrase)
		for _, f := range []struct {
			re    *regexp.Regexp
			start func(string, int) bool
			ends  string
		}{{timeStartRE, timeStart, "年月度末底初来前今在"}, {figureStartRE, numberStart, "%％元次家个名户人项件所座套亩场"}} {
			if !strings.ContainsRune(f.ends, last) {
				continue
			}
			if locs := findAllAt(f.re, phrase, f.start); len(locs) > 0 && locs[len(locs)-1][1] == len(phrase) {
				phrase, changed = phrase[:locs[len(locs)-1][0]], true
			}
		}
		for _, w := range modifiers {
			if rest, ok := strings.CutPrefix(phrase, w); ok {
				phrase, changed = rest, true
			}
		}
	}
	if phrase == "" && measure == "level" {
		// 全区1162个基层党组织: the metric follows the measure word.
		return nounAfter(after), measure, true
	}
	if phrase == "" {
		return "", measure, true
	}
	if !allHanString(phrase) || !endsWithStatNoun(phrase) {
		return "", "", false
	}
	for _, suffix := range []string{"总量", "总数", "数量"} {
		if rest, ok := strings.CutSuffix(phrase, suffix); ok && rest != "" {
			phrase = rest
		}
	}
	return phrase, measure, true
}

// nounAfter reads the counted noun after a measure word: 基层党组织 in
// 1162个基层党组织全部完成…, when it is a statistical noun.
func nounAfter(after string) string {
	n := 0
	end := 0
	for i, r := range after {
		if !cjk.IsHan(r) || n >= 10 {
			break
		}
		n++
		end = i + utf8.RuneLen(r)
		if endsWithStatNoun(after[:end]) {
			return after[:end]
		}
	}
	return ""
}

func endsWithStatNoun(s string) bool {
	for _, n := range statNouns {
		if strings.HasSuffix(s, n) && s != n || s == n && utf8.RuneCountInString(n) >= 2 {
			return true
		}
	}
	return false
}

func allHanString(s string) bool {
	for _, r := range s {
		if !cjk.IsHan(r) {
			return false
		}
	}
	return s != ""
}

// planned says whether the text before a figure makes it a plan or a
// target rather than a fact.
func planned(before string) bool {
	for _, w := range planWords {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// bounded says whether the figure m of s is a bound (超过300亿元,
// 80%以上, 400余项) or part of a series or range (116-107-98).
func bounded(s string, m []int) bool {
	before := s[:m[0]]
	for _, w := range boundBefore {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	if m[4] >= 0 { // 万 or 亿 between the number and its unit: look between
		for _, w := range boundAfter {
			if strings.HasPrefix(s[m[3]:], w) {
				return true
			}
		}
	}
	for _, w := range boundAfter {
		if strings.HasPrefix(strings.TrimSpace(s[m[1]:]), w) || strings.HasPrefix(s[m[3]:], w) {
			return true
		}
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(s[m[1]:])
	return strings.ContainsRune("-—–~～至/", last) || strings.ContainsRune("-—–~～至/", next) && m[1] < len(s)
}

// parseFigure returns the value a figure states, in its unit's base
// (亿元 in yuan), and half a unit of its last written digit.
func parseFigure(num, s string, m []int) (value, tol float64) {
	clean := strings.ReplaceAll(num, ",", "")
	value, _ = strconv.ParseFloat(clean, 64)
	tol = 0.5
	if i := strings.IndexByte(clean, '.'); i >= 0 {
		tol = 0.5 * math.Pow(10, -float64(len(clean)-i-1))
	}
	if m[4] >= 0 {
		exp := "e4"
		if s[m[4]:m[5]] == "亿" {
			exp = "e8"
		}
		value, _ = strconv.ParseFloat(clean+exp, 64) // exact, where 19.4*1e8 is not
		t, _ := strconv.ParseFloat(strconv.FormatFloat(tol, 'g', -1, 64)+exp, 64)
		tol = t
	}
	return value, tol
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
