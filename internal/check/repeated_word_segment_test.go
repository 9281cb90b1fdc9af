package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"folio/internal/cjk"
	"folio/internal/diag"
)

// cutString shows cuts as words between bars (市委|委|书记).
func cutString(rs []rune, cuts []bool) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 && cuts[i] {
			b.WriteByte('|')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestSegment(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"市委委书记", "市委|委|书记"},
		{"区委委员", "区委|委员"},
		{"党支部部署", "党支部|部署"},
		{"党支部部书记", "党支部|部|书记"},
		{"委员会会议议定", "委员会|会议|议定"},
		{"为企业企业减免", "为|企业|企业|减免"},
		{"搭建共建共享平台", "搭建|共建|共享|平台"},
		{"而他的哥哥", "而|他|的|哥哥"}, // not 的哥 (a cabby) | 哥
	} {
		rs := []rune(tc.text)
		if got := cutString(rs, segment(rs)); got != tc.want {
			t.Errorf("segment(%s) = %s, want %s", tc.text, got, tc.want)
		}
	}
}

// TestDecidedBySegmenter: the check's verdicts come from the segmenter.
// With a stand-in that knows no words (every character cut apart), the
// copies in two words look like a word written twice, and the stray 委
// of 市委委书记 like a character doubled: the verdicts turn.
func TestDecidedBySegmenter(t *testing.T) {
	cases := []struct {
		md        string
		segmented bool // flagged with the real segmenter
	}{
		{"拓展企业业务。", false},
		{"税收收入稳步增长。", false},
		{"电商商户越来越多。", false},
		{"市委委书记到村里调研。", true},
	}
	for _, tc := range cases {
		if got := len(repeatedWords(t, tc.md)) > 0; got != tc.segmented {
			t.Errorf("%s: flagged %v, want %v", tc.md, got, tc.segmented)
		}
	}
	defer func(real func([]rune) []bool) { segmentWindow = real }(segmentWindow)
	windows := 0
	segmentWindow = func(window []rune) []bool {
		windows++
		cuts := make([]bool, len(window)+1)
		for i := range cuts {
			cuts[i] = true
		}
		return cuts
	}
	for _, tc := range cases[:3] {
		if len(repeatedWords(t, tc.md)) == 0 {
			t.Errorf("%s: silent without the segmenter's words", tc.md)
		}
	}
	if windows == 0 {
		t.Error("the segmenter was never asked")
	}
}

// TestSegmentMatchesWholeDictionary: gse with a trie of the window's
// words only cuts as gse with the whole dictionary loaded, for every Han
// run of the test paragraphs.
func TestSegmentMatchesWholeDictionary(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole dictionary into gse's trie")
	}
	var texts []string
	for _, tc := range flaggedCases {
		texts = append(texts, tc.md)
	}
	texts = append(texts, silentCases...)
	for _, tc := range measuredCases {
		texts = append(texts, tc.md)
	}
	var runs [][]rune
	chars := map[rune]bool{}
	for _, text := range texts {
		var run []rune
		for _, r := range text + "。" {
			if cjk.IsHan(r) {
				run = append(run, r)
				chars[r] = true
			} else if len(run) > 0 {
				runs = append(runs, run)
				run = nil
			}
		}
	}

	loadDict()
	whole := &gse.Segmenter{Dict: gse.NewDict()}
	for line := range strings.Lines(dictBody) {
		fields := strings.Fields(line)
		if len([]rune(fields[0])) > 1 {
			e := lookup(fields[0])
			whole.AddToken(fields[0], e.freq)
		}
	}
	for r := range chars {
		whole.AddToken(string(r), 2)
	}
	whole.AddToken("\uE000", dictSum-whole.Dict.TotalFreq())

	for _, run := range runs {
		want := whole.CutDAGNoHMM(string(run))
		if got := windowSegmenter(run).CutDAGNoHMM(string(run)); !slices.Equal(got, want) {
			t.Errorf("%s: window's trie cuts %v, the whole dictionary %v", string(run), got, want)
		}
	}
}

// The dictionary is searched in place: every word of it is found, and a
// prefix knows a longer word follows.
func TestLookup(t *testing.T) {
	loadDict()
	n := 0
	for line := range strings.Lines(dictBody) {
		word, _, _ := strings.Cut(line, " ")
		if e := lookup(word); !e.found || e.freq <= 0 {
			t.Fatalf("lookup(%s) = %+v", word, e)
		}
		n++
	}
	if n < 10000 {
		t.Fatalf("only %d words", n)
	}
	for _, tc := range []struct {
		w             string
		found, longer bool
		class         string
	}{
		{"中国共产", false, true, ""},
		{"税收收入", true, false, ""},
		{"研究", true, true, "v"},
		{"一件", true, true, "m"},
		{"嘎吱", true, false, "o"},
		{"商量", true, false, "v"}, // tagged a noun, but 商量一下
		{"杨荣", true, false, "p"},
		{"习近平", true, false, "p"}, // below min-freq, but a name after 学习
		{"柘川", false, false, ""},  // no name the dictionary has
		{"一下", true, true, "m"},
		{"说", true, true, "v"},
		{"把", true, true, "f"},
		{"企业企", false, false, ""},
		{"了了", false, true, ""}, // left out: a particle does not reduplicate
	} {
		if e := lookup(tc.w); e.found != tc.found || e.longer != tc.longer || e.class != tc.class {
			t.Errorf("lookup(%s) = %+v", tc.w, e)
		}
	}
	for _, r := range "委部们" {
		if !isBound(r) {
			t.Errorf("%c is not bound", r)
		}
	}
	for _, r := range "在会都的" {
		if isBound(r) {
			t.Errorf("%c is bound", r)
		}
	}
	for _, r := range "杨王刘黄周欧" {
		if !isSurname(r) {
			t.Errorf("%c is no surname", r)
		}
	}
	for _, r := range "的在是我他们市县" {
		if isSurname(r) {
			t.Errorf("%c is a surname", r)
		}
	}
	if minFreq <= 0 || lookup("金金").freq >= minFreq || lookup("企业").freq < minFreq {
		t.Errorf("min-freq %g not read from dict.txt's header", minFreq)
	}
}

// BenchmarkRepeatedWord is the rule alone on the test paragraphs, every
// one of them with a doubling to segment.
func BenchmarkRepeatedWord(b *testing.B) {
	var texts [][]rune
	for _, tc := range flaggedCases {
		texts = append(texts, []rune(tc.md))
	}
	for _, md := range silentCases {
		texts = append(texts, []rune(md))
	}
	block := &Block{page: &Page{Pos: func(int) diag.Position { return diag.Position{} }}}
	for b.Loop() {
		for _, rs := range texts {
			var diags diag.List
			repeatedWord(block, rs, &diags)
		}
	}
}
