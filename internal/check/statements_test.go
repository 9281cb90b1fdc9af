package check

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"folio/internal/diag"
)

// statementsOf reads the statements of paragraphs (one block each) the
// way PageFigures does, as key=value lines.
func statementsOf(ctx *StatementContext, paras ...string) []string {
	var st state
	var out []string
	for _, text := range paras {
		kind := Prose
		if t, ok := strings.CutPrefix(text, "- "); ok {
			kind, text = Item, t
		} else {
			st = state{}
		}
		b := &Block{Kind: kind, Text: text, page: &Page{Pos: func(int) diag.Position { return diag.Position{} }}}
		b.offs.add(len(text), 0, true)
		for _, s := range blockStatements(b, ctx, &st, func(string) bool { return false }, true, nil) {
			p := strings.Split(s.Thing, "|")
			when := fmt.Sprint(s.Year, s.Sub)
			if s.Undated {
				when = "undated"
			}
			out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s=%g", p[0], p[1], p[2], when, p[3], s.Value))
		}
	}
	return out
}

func TestStatements(t *testing.T) {
	ctx := &StatementContext{Subject: []string{"长河县"}, Year: 2021}
	for _, tc := range []struct {
		name  string
		paras []string
		want  []string
	}{
		{"metric, subject and year", []string{"2020年，全县实现地区生产总值312.5亿元，同比增长4.1%。"},
			[]string{"地区生产总值|level|长河县|2020|元=3.125e+10", "地区生产总值|growth|长河县|2020|%=4.1"}},
		{"consecutive growth clauses keep their own metrics", []string{"2020年，全县规模以上工业增加值同比增长5.3%，固定资产投资同比增长7.4%，社会消费品零售总额同比下降0.8%。"},
			[]string{"规模以上工业增加值|growth|长河县|2020|%=5.3", "固定资产投资|growth|长河县|2020|%=7.4", "社会消费品零售总额|growth|长河县|2020|%=-0.8"}},
		{"a comparison word alone is no metric", []string{"2020年，用电量同比增长39.2%，同比增长12%。"},
			[]string{"用电量|growth|长河县|2020|%=39.2", "用电量|growth|长河县|2020|%=12"}},
		{"a growth rate after a subset is not the whole's", []string{"2020年，全县第二产业增加值120亿元，增长9.5%；其中工业增加值完成98亿元，同比增长13.5%。"},
			[]string{"第二产业增加值|level|长河县|2020|元=1.2e+10", "第二产业增加值|growth|长河县|2020|%=9.5"}},
		{"a contribution is of the item before it", []string{"2022年，第一产业增加值10.7亿元，同比增长3.9%，对经济增长的贡献率为22.8%；第二产业增加值12.1亿元，同比增长4.2%，对经济增长的贡献率为26.2%。"},
			[]string{"第一产业增加值|level|长河县|2022|元=1.07e+09", "第一产业增加值|growth|长河县|2022|%=3.9", "第一产业增加值·经济增长的贡献率|level|长河县|2022|%=22.8",
				"第二产业增加值|level|长河县|2022|元=1.21e+09", "第二产业增加值|growth|长河县|2022|%=4.2", "第二产业增加值·经济增长的贡献率|level|长河县|2022|%=26.2"}},
		{"a share that names its part stands alone", []string{"2020年，全县民生支出占一般公共预算支出的比重为81.6%。"}, []string{"民生支出占一般公共预算支出的比重|level|长河县|2020|%=81.6"}},
		{"percentage points are no count", []string{"2020年，全县城镇化率为56.3%，比上年提高1.2个百分点。"},
			[]string{"城镇化率|level|长河县|2020|%=56.3", "城镇化率|growth|长河县|2020|个百分点=1.2"}},
		{"a named town is the subject", []string{"2019年，柳溪镇一般公共预算收入同比增长6.5%。"},
			[]string{"一般公共预算收入|growth|柳溪镇|2019|%=6.5"}},
		{"the subject carries through the paragraph", []string{"石门开发区设立于2006年。2020年，开发区完成工业投资96.3亿元。"},
			[]string{"工业投资|level|石门开发区|2020|元=9.63e+09"}},
		{"sub-year periods", []string{"2021年1—5月，全县一般公共预算收入19.4亿元；上半年外贸进出口总额同比增长8%。"},
			[]string{"一般公共预算收入|level|长河县|20211-5|元=1.94e+09", "外贸进出口总额|growth|长河县|2021H1|%=8"}},
		{"目前 is the publication's year, 截至 a point in a year", []string{"目前，全县1162个基层党组织全部完成规范化建设。", "截至2021年6月，全县共有基层党组织1126个、党员21436名。"},
			[]string{"基层党组织|level|长河县|2021|个=1162", "基层党组织|level|长河县|2021|个=1126", "党员|level|长河县|2021|名=21436"}},
		{"a stock as it changed between two years", []string{"全县森林覆盖率由2017年的38.6%提高到2020年的41.2%。"},
			[]string{"森林覆盖率|level|长河县|2017|%=38.6", "森林覆盖率|level|长河县|2020|%=41.2"}},
		{"bounds, plans, ranges and base years are not statements", []string{
			"2020年，全县规模以上工业总产值突破1100亿元，参保率稳定在98%以上。",
			"力争到2025年规模以上工业总产值达到1000亿元。",
			"2020年，单位工业增加值能耗较2015年下降27.6%。",
			"2017年至2020年，位次依次为116-107-98-88位。"}, nil},
		{"a list inherits its lead-in's subject and period", []string{"2020年，石门开发区主要指标如下：", "- 规模以上工业企业：187家", "- 高新技术企业：98家"},
			[]string{"规模以上工业企业|level|石门开发区|2020|家=187", "高新技术企业|level|石门开发区|2020|家=98"}},
		{"new registrations are not the stock", []string{"2020年全年新增市场主体1.13万户，年末全县市场主体总量达到5.82万户。"},
			[]string{"新增市场主体|level|长河县|2020|户=11300", "市场主体|level|长河县|2020|户=58200"}},
		{"a stock without a period is the current figure", []string{"长河县高新技术企业达到236家。"}, []string{"高新技术企业|level|长河县|undated|家=236"}},
		{"a growth rate without a period is not compared", []string{"长河县高新技术企业增长12%。"}, nil},
		{"an alias names the subject", []string{"2020年，长河地区生产总值增长3%。"}, []string{"长河地区生产总值|growth|长河县|2020|%=3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := statementsOf(ctx, tc.paras...)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestPlaceIn(t *testing.T) {
	for title, want := range map[string]string{
		"改革破冰 活力迸发——长河县全面深化改革纪实": "长河县",
		"石门开发区：从一片荒坡到产业新城":       "石门开发区",
		"奋进百年路 谱写新篇章":            "",
		"地区生产总值稳步增长":             "",
		"城乡融合发展纪实":               "",
	} {
		if got := PlaceIn(title); got != want {
			t.Errorf("PlaceIn(%q) = %q, want %q", title, got, want)
		}
	}
}

// TestStatementsAgreeToTheirPrecision: 2.14万名 and 21436名 are one figure
// written to two precisions; 5.82万户 and 5.28万户 are not.
func TestStatementsAgreeToTheirPrecision(t *testing.T) {
	ctx := &StatementContext{Year: 2021}
	for _, tc := range []struct {
		a, b  string
		agree bool
	}{
		{"2020年，全县党员2.14万名。", "2020年，全县党员21436名。", true},
		{"2020年，全县市场主体5.82万户。", "2020年，全县市场主体5.28万户。", false},
		{"2020年，全县地区生产总值486.3亿元。", "2020年，全县地区生产总值486.30亿元。", true},
	} {
		var figs []*FigureResult
		for _, text := range []string{tc.a, tc.b} {
			b := &Block{Kind: Prose, Text: text, page: &Page{Pos: func(int) diag.Position { return diag.Position{} }}}
			b.offs.add(len(text), 0, true)
			var st state
			figs = append(figs, &FigureResult{Statements: blockStatements(b, ctx, &st, func(string) bool { return false }, true, nil)})
		}
		var diags diag.List
		MergeStatements(figs, &diags)
		if got := diags.Len() == 0; got != tc.agree {
			t.Errorf("%s / %s: agree = %v, want %v", tc.a, tc.b, got, tc.agree)
		}
	}
}

// TestGrowthAtAgreesWithRegexp: the hand-written reader of growth phrases
// finds what the regexp it replaced found.
func TestGrowthAtAgreesWithRegexp(t *testing.T) {
	re := regexp.MustCompile(`(同比|比上年同期|比上年|较上年同期|较上年|比去年同期|较去年同期|比去年|较去年)?(平均|年均)?(增长|增加|下降|减少|增幅为|增幅|增速为|增速|回落|提高|提升|上升)了?$`)
	parts := []string{"同比", "比上年", "同期", "较", "去年", "平均", "年均", "增长", "增幅", "为", "下降", "了", "收入", "回落", "增速"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		s := ""
		for range r.IntN(6) {
			s += parts[r.IntN(len(parts))]
		}
		m := re.FindStringSubmatchIndex(s)
		start, average, fall, ok := growthAt(s)
		if ok != (m != nil) {
			t.Fatalf("growthAt(%q) ok = %v, the regexp: %v", s, ok, m != nil)
		}
		if !ok {
			continue
		}
		verb := s[m[6]:m[7]]
		if start != m[0] || average != (m[4] >= 0) || fall != (verb == "下降" || verb == "减少" || verb == "回落") {
			t.Fatalf("growthAt(%q) = %d, %v, %v; the regexp: %v", s, start, average, fall, m)
		}
	}
}

// TestFigureStartAgreesWithRegexp: the cheap test before the figure
// regexp never skips a number the regexp would read as a figure.
func TestFigureStartAgreesWithRegexp(t *testing.T) {
	parts := []string{"1", "2", "0", ".", ",", " ", "\t", "\n", "万", "亿", "元", "%", "人次", "家", "批", "年", "美元", "第", "增长"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		s := ""
		for range r.IntN(8) {
			s += parts[r.IntN(len(parts))]
		}
		want := findAllAt(figureStartRE, s, numberStart)
		got := findAllAt(figureStartRE, s, figureStart)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%q: figureStart finds %v, numberStart %v", s, got, want)
		}
	}
}

// TestTimeStartAgreesWithRegexp: the cheap test before the time regexp
// never skips a time the regexp alone would find.
func TestTimeStartAgreesWithRegexp(t *testing.T) {
	// What the test tried before it: every number and every character
	// a time word starts with.
	any := func(s string, i int) bool {
		if isDigit(s[i]) {
			return i == 0 || !isDigit(s[i-1]) && s[i-1] != '.'
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		return strings.ContainsRune("截今本去目当如现上下前一二三四年", r)
	}
	parts := []string{"2020", "5", "1", "年", "月", "—", "-", "至", "截至", "今年", "上半年", "一季度", "三", "末", "底", " ", "以来", "目前", "份", "前三季度", "增长"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		s := ""
		for range r.IntN(8) {
			s += parts[r.IntN(len(parts))]
		}
		want := findAllAt(timeStartRE, s, any)
		got := findAllAt(timeStartRE, s, timeStart)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%q: timeStart finds %v, every position %v", s, got, want)
		}
	}
}

// TestUnnamedSubjectsStayInTheirChapter: 全县 in two chapters whose titles
// name no place, in a publication without subject:, may be two counties;
// their figures are compared within each chapter only.
func TestUnnamedSubjectsStayInTheirChapter(t *testing.T) {
	page := func(file, text string) *FigureResult {
		b := &Block{Kind: Prose, Text: text, page: &Page{Pos: func(int) diag.Position { return diag.Position{File: file} }}}
		b.offs.add(len(text), 0, true)
		var st state
		ctx := &StatementContext{Year: 2022, Page: file}
		return &FigureResult{Statements: blockStatements(b, ctx, &st, func(string) bool { return false }, true, nil)}
	}
	var diags diag.List
	MergeStatements([]*FigureResult{
		page("a.md", "2021年，全县第一产业增加值26.16亿元。"),
		page("b.md", "2021年，全县第一产业增加值12.51亿元。"),
	}, &diags)
	if diags.Len() != 0 {
		t.Errorf("two chapters' 全县 compared: %v", diags.Items())
	}
	MergeStatements([]*FigureResult{
		page("a.md", "2021年，全县第一产业增加值26.16亿元。2021年，全县第一产业增加值21.16亿元。"),
	}, &diags)
	if diags.Len() != 1 {
		t.Errorf("one chapter's 全县 not compared: %v", diags.Items())
	}
}
