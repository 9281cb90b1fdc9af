package check

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"folio/internal/diag"
	"folio/internal/indicator"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
)

var testData = func() *indicator.Set {
	var diags diag.List
	return indicator.Load(filepath.Join("testdata", "corpus", "content"), "content", &diags)
}()

// run converts Markdown and applies the rules: it returns the rule ids
// reported, one per diagnostic.
func run(t *testing.T, md string, opts Options) []string {
	t.Helper()
	var rules []string
	for _, d := range runDiags(t, md, opts) {
		rules = append(rules, d.Rule)
	}
	return rules
}

// runDiags converts Markdown (as t.md) and applies the rules.
func runDiags(t *testing.T, md string, opts Options) []diag.Diagnostic {
	t.Helper()
	src := []byte(md)
	source := diag.NewSource("t.md", src)
	var diags diag.List
	env := &mdenv.Env{RelPath: "chapters/t.md", URL: "t/", Data: testData, Pos: source.Pos, Diags: &diags}
	res, err := markdown.New(markdown.Options{}).Convert(src, env)
	if err != nil {
		t.Fatal(err)
	}
	var found diag.List
	Run(&Publication{Pages: []*Page{{Doc: res.Doc, Source: res.Source, Pos: source.Pos}}, Data: testData, Options: opts}, &found)
	return found.Items()
}

func TestRules(t *testing.T) {
	for _, tc := range []struct {
		name, md string
		opts     Options
		want     string // the rules reported, in order, comma-separated
	}{
		// repeated-word
		{name: "doubled character", md: "我们的的目标。", want: "repeated-word"},
		{name: "doubled word", md: "全区企业企业都参与。", want: "repeated-word"},
		{name: "doubled four-character word", md: "坚持全面深化全面深化改革。", want: "repeated-word"},
		{name: "reduplication AA", md: "大家常常说要看看，天天学习。", want: ""},
		{name: "reduplication AABB", md: "高高兴兴上班，实实在在干事。", want: ""},
		{name: "two words meeting", md: "部门门口排起长队。", want: ""},
		{name: "silenced", md: "<!-- folio:ignore repeated-word -->\n我们的的目标。", want: ""},
		// stray-latin
		{name: "english word", md: "这是一个很好的project。", want: "stray-latin"},
		{name: "capitalised name", md: "引进了Alibaba物流。", want: ""},
		{name: "English sentence start", md: "这是The开始。", want: "stray-latin"},
		{name: "word not in glossary", md: "引进了alibaba物流。", want: "stray-latin"},
		{name: "known term", md: "GDP增速平稳，5G网络覆盖全区。", want: ""},
		{name: "glossary", md: "引进了alibaba物流。", opts: Options{Glossary: []string{"alibaba"}}, want: ""},
		{name: "english paragraph", md: "This paragraph is English, with one 中文 word.", want: ""},
		{name: "code", md: "运行`folio build`命令。", want: ""},
		// unfinished-paragraph
		{name: "cut off", md: "产业园区的建设正在", want: "unfinished-paragraph"},
		{name: "ends in comma", md: "各项工作稳步推进，", want: "unfinished-paragraph"},
		{name: "ends in closing quote", md: "他说：“改革要放权不放任。”", want: ""},
		{name: "list item", md: "- 列表项不需要句号", want: ""},
		{name: "heading", md: "## 标题没有句号", want: ""},
		{name: "short quote", md: "> 党旗飘起来", want: ""},
		{name: "ends in colon", md: "主要做法如下：", want: ""},
		// punctuation-width
		{name: "half-width comma", md: "改革,发展。", want: "punctuation-width"},
		{name: "half-width parentheses", md: "暂行规定(试行)已出台。", want: "punctuation-width"},
		{name: "straight quotes", md: "坚持\"放权不放任\"原则。", want: "punctuation-width"},
		{name: "mixed quotes", md: "“甲”和「乙」。", want: "punctuation-width"},
		{name: "decimal in Latin", md: "版本1.5已发布。", want: ""},
		{name: "english comma", md: "Hello, world.", want: ""},
		// cjk-spacing
		{name: "space, house style none", md: "GDP 增速平稳。", opts: Options{Spacing: "none"}, want: "cjk-spacing"},
		{name: "digit space, none", md: "2020 年实现增长。", opts: Options{Spacing: "none"}, want: "cjk-spacing"},
		{name: "no space, house style space", md: "GDP增速平稳。", opts: Options{Spacing: "space"}, want: "cjk-spacing"},
		{name: "no space, none", md: "GDP增速平稳，2020年实现增长。", opts: Options{Spacing: "none"}, want: ""},
		{name: "no style, no rule", md: "GDP 增速平稳。", want: ""},
		// figures
		{name: "conflicting", md: "2020年，一般公共预算收入增长13.2%。", want: "conflicting-figure"},
		{name: "conflicting alias", md: "2020年财政收入增速为12.0%。", want: "conflicting-figure"},
		{name: "hand-typed", md: "2020年地区生产总值增速为5.3%。", want: "hand-typed-figure"},
		{name: "hand-typed rank", md: "2019年综合评价排名第98位。", want: "hand-typed-figure"},
		{name: "reference", md: "2020年地区生产总值增速{{gdp-growth@2020}}。", want: ""},
		{name: "other number in the sentence", md: "地区生产总值增速保持平稳，投资增长5.0%。", want: ""},
		{name: "statements disagree", md: "2020年出口额增长8.5%。\n\n2020年，全年出口额增长9.5%。", want: "conflicting-figure"},
		{name: "statements agree", md: "2020年出口额增长8.5%。\n\n2020年，全年出口额增长8.5%。", want: ""},
		{name: "statements without a period are not compared", md: "出口额增长8.5%。\n\n全年出口额增长9.5%。", want: ""},
		{name: "statements of two places", md: "2020年，东湖镇出口额增长8.5%。\n\n2020年，西山镇出口额增长9.5%。", want: ""},
		{name: "statements of two years", md: "2019年，出口额增长8.5%。\n\n2020年，出口额增长9.5%。", want: ""},
		{name: "comparison word is no metric", md: "2020年，用电量同比增长39.2%，入库税收同比增长38.5%。", want: ""},
		// duplicate-paragraph
		{name: "duplicate", md: strings.Repeat("高新区坚持把改革作为发展的第一动力，持续推进管理体制创新。\n\n", 2), want: "duplicate-paragraph"},
		{name: "near duplicate", md: "高新区坚持把改革作为发展的第一动力，持续推进管理体制创新。\n\n高新区坚持把改革作为发展第一动力，持续推进管理体制创新！", want: "duplicate-paragraph"},
		{name: "run of copies reported once", md: strings.Repeat("高新区坚持把改革作为发展的第一动力，持续推进管理体制创新。\n\n", 5), want: "duplicate-paragraph"},
		{name: "short repeats", md: "见下表。\n\n见下表。", want: ""},
		{name: "different paragraphs", md: "高新区坚持把改革作为发展的第一动力，持续推进管理体制创新。\n\n园区建设稳步推进，新项目接连落地，企业的难题有人上门来解。", want: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(run(t, tc.md, tc.opts), ",")
			if got != tc.want {
				t.Errorf("%q: rules %q, want %q", tc.md, got, tc.want)
			}
		})
	}
}

// TestOffsetsAgreeWithTheirSlice: the runs a block keeps map every text
// byte to the source byte the uncompressed slice did, and clamp outside.
func TestOffsetsAgreeWithTheirSlice(t *testing.T) {
	for _, offs := range [][]int{
		{5},
		{5, 6, 7, 8},
		{5, 5, 5, 9, 10, 11, 11, 20},
		{0, 1, 2, 2, 3, 4, 4, 4, 100, 101, 50},
	} {
		o := compressOffsets(offs)
		for i := -2; i < len(offs)+2; i++ {
			want := offs[max(0, min(i, len(offs)-1))]
			if got := o.at(i); got != want {
				t.Errorf("%v: at(%d) = %d, want %d", offs, i, got, want)
			}
		}
	}
}

// TestOffsetsAdd: runs built piece by piece map every byte as the slice of
// one offset per byte did.
func TestOffsetsAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		var o offsets
		var want []int
		src := 0
		for range 1 + r.IntN(8) {
			n, step := r.IntN(6), r.IntN(2) == 0
			if r.IntN(3) == 0 {
				src += r.IntN(10) // a gap in the source, or the same place again
			}
			o.add(n, src, step)
			for i := range n {
				if step {
					want = append(want, src+i)
				} else {
					want = append(want, src)
				}
			}
			if step {
				src += n
			}
		}
		if got := o.expand(); !slices.Equal(got, want) || o.len() != len(want) {
			t.Fatalf("trial %d: %v, want %v", trial, got, want)
		}
	}
}

// TestNormalizeFastPaths: the ASCII and Han shortcuts keep what
// unicode.IsLetter/IsDigit and ToLower would, for every BMP character.
func TestNormalizeFastPaths(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		var want []rune
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			want = []rune{unicode.ToLower(r)}
		}
		if got := normalize(string(r)); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("normalize(%U) = %v, want %v", r, got, want)
		}
	}
}

// A repeat is reported at its second copy, counted in characters
// however many bytes the text before it takes.
func TestRepeatedWordPosition(t *testing.T) {
	var got []string
	for _, d := range runDiags(t, "前言\n\nAI 产业的的规模，企业企业都在。\n", Options{}) {
		if d.Rule == "repeated-word" {
			got = append(got, d.Pos.String())
		}
	}
	if want := []string{"t.md:3:7", "t.md:3:13"}; !slices.Equal(got, want) {
		t.Errorf("repeated-word at %v, want %v", got, want)
	}
}
