package check

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"folio/internal/diag"
)

// The starter text `folio new chapter` writes in a new chapter: a lead, a
// section heading and a paragraph, which placeholder-text reports until
// they are replaced. Each is shorter than minDuplicateRunes, so that two
// chapters just created are not duplicates of each other.
const (
	StarterLead    = "在这里写导语：本章讲什么。"
	StarterHeading = "在这里写小标题"
	StarterBody    = "在这里写正文。"
)

// StarterMarkdown is the body of a new chapter, made of the starter text.
func StarterMarkdown() string {
	return StarterLead + "\n\n## " + StarterHeading + "\n\n" + StarterBody + "\n"
}

var starterTexts = map[string]bool{StarterLead: true, StarterHeading: true, StarterBody: true}

// placeholderWords are what a block that holds nothing else is left as
// for later: 待补充, （待定）, TODO. placeholderProse are words that stand
// for the text in a paragraph (正文。), placeholderHeadings for a heading
// (## 小标题); as a heading or a table cell, 内容 and 简介 are words.
var (
	placeholderWords = setOf("待补充", "待补", "待定", "待填", "待填写", "待完善", "待更新", "待核实", "待核",
		"待确认", "待修改", "待写", "此处", "TODO", "TBD", "FIXME", "XXX", "XX")
	placeholderProse    = setOf("正文", "正文内容", "内容", "导语", "摘要", "文字", "此处为正文", "这里是正文")
	placeholderHeadings = setOf("标题", "小标题", "一级标题", "二级标题", "三级标题", "章节标题")
)

// instructionRE is a note to the writer (在这里写导语, 此处填写单位名称,
// 请在此插入图片): read as one only where a clause starts, since prose says
// 他在这里写下入党誓词 and 该项目在此填补了空白.
var instructionRE = regexp.MustCompile(`(?:请)?(?:在这里|在此处|在此|此处|这里)(?:填写|填入|输入|插入|粘贴|替换|补充|添加|写)`)

// writeComplements follow 写 in prose (写下, 写就, 写满), never in a
// note to the writer.
const writeComplements = "下就出成满过着了的道入作诗信字有明进在给到好得"

// bracketRE is a short bracketed note; it is a placeholder when it holds
// a marker (【数据待补】, （待定）); a note to the writer in brackets
// (（此处插入图片）) and TODO are found wherever they are.
var bracketRE = regexp.MustCompile(`【[^【】\n]{1,40}】|〔[^〔〕\n]{1,40}〕|〖[^〖〗\n]{1,40}〗|\[[^\[\]\n]{1,40}\]|［[^［］\n]{1,40}］|（[^（）\n]{1,40}）|\([^()\n]{1,40}\)`)

var bracketMarkerRE = regexp.MustCompile(`待(?:补|定|填|核|查|更新|确认|完善|修改|写)`)

// latinMarkerRE are the markers writers leave in any language; each must
// stand apart from other letters and digits (XXL and TODOS are words).
var latinMarkerRE = regexp.MustCompile(`TODO|TBD|FIXME|X{2,}|Ｘ{2,}|×{2,}|(?i:lorem ipsum)`)

func init() {
	register(Rule{ID: "placeholder-text", Order: 110, Default: diag.Warning,
		What:   "text left for the writer to replace: the starter text of folio new, a paragraph that is only a placeholder, a marker such as 待补充 or TODO",
		Flags:  "在这里写导语。, 正文。 alone, 【数据待补】, 此处填写单位简介, XXX同志",
		Leaves: "具体时间待定。, 制度有待完善, 他在这里写下入党誓词",
		Block:  func(b *Block, _ []rune, _ *Options, diags *diag.List) { PlaceholderText(b, diags) }})
}

// PlaceholderText flags text left for the writer to replace: the starter
// text folio new wrote, a block that holds only a placeholder (正文。,
// 待补充, （待定）), a bracketed note with a marker (【数据待补】), a note
// to the writer where a clause starts (此处填写单位简介), and the markers
// TODO, TBD, FIXME, XXX anywhere. Prose that says something is pending
// (具体时间待定。, 制度有待完善) is left alone.
func PlaceholderText(b *Block, diags *diag.List) {
	if b.Ignores("placeholder-text") {
		return
	}
	text := b.Text
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return
	}
	lead := strings.Index(text, trimmed)
	if starterTexts[trimmed] {
		diags.Warnf(b.Pos(lead), "placeholder-text", "folio's starter text %q is still here: write the chapter's own text in its place", trimmed)
		return
	}
	if len(trimmed) <= 40 && wholePlaceholder(trimmed, b.Kind) {
		diags.Warnf(b.Pos(lead), "placeholder-text", "placeholder %q left in the text: write what belongs here, or delete it", trimmed)
		return
	}
	reported := -1 // the end of the last span reported: spans do not overlap
	report := func(start, end int) {
		if start < reported {
			return
		}
		diags.Warnf(b.Pos(start), "placeholder-text", "placeholder %q left in the text: write what belongs here, or delete it", text[start:end])
		reported = end
	}
	var spans [][2]int
	latin := hasLatinMarker(text)
	if strings.Contains(text, "待") && strings.ContainsAny(text, "【〔〖[［（(") {
		for _, loc := range bracketRE.FindAllStringIndex(text, -1) {
			if bracketMarkerRE.MatchString(text[loc[0]:loc[1]]) {
				spans = append(spans, [2]int{loc[0], loc[1]})
			}
		}
	}
	if strings.Contains(text, "这里") || strings.Contains(text, "在此") || strings.Contains(text, "此处") {
		for _, loc := range instructionRE.FindAllStringIndex(text, -1) {
			if instruction(text, loc[0], loc[1]) {
				spans = append(spans, [2]int{loc[0], clauseEnd(text, loc[1])})
			}
		}
	}
	if latin {
		for _, loc := range latinMarkerRE.FindAllStringIndex(text, -1) {
			before, after := around(text, loc[0], loc[1])
			if !isLatinAlnum(before) && !isLatinAlnum(after) {
				spans = append(spans, [2]int{loc[0], loc[1]})
			}
		}
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Or(a[0]-b[0], b[1]-a[1]) })
	for _, s := range spans {
		report(s[0], s[1])
	}
}

// wholePlaceholder says whether a block is nothing but a placeholder, once
// its brackets, punctuation and spaces are set aside.
func wholePlaceholder(s string, kind Kind) bool {
	bare := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, s)
	if bare == "" {
		return false
	}
	switch {
	case placeholderWords[bare]:
		return true
	case kind == Heading:
		return placeholderHeadings[bare]
	case kind == Prose || kind == Quote || kind == Item:
		return placeholderProse[bare]
	}
	return false
}

// instruction says whether the match text[start:end] of instructionRE is
// a note to the writer: it starts a clause, and 写 is not followed by a
// complement (这里写满了奋斗的故事).
func instruction(text string, start, end int) bool {
	if strings.HasSuffix(text[start:end], "写") {
		if next, _ := utf8.DecodeRuneInString(text[end:]); strings.ContainsRune(writeComplements, next) {
			return false
		}
	}
	before := strings.TrimRight(text[:start], " \u3000")
	if before == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("。！？；：，\n“‘「『【〔〖[［（(—…", last)
}

// clauseEnd is where the clause that starts before i ends: at the next
// sentence or clause mark or closing bracket, at most 30 characters on.
func clauseEnd(text string, i int) int {
	for n := 0; i < len(text) && n < 30; n++ {
		r, size := utf8.DecodeRuneInString(text[i:])
		if strings.ContainsRune("。！？；，\n”’」』】〕〗]］）)", r) {
			break
		}
		i += size
	}
	return i
}

func isLatinAlnum(r rune) bool {
	return r < utf8.RuneSelf && isASCIIAlnum(byte(r)) || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ' || r >= '０' && r <= '９'
}

// hasLatinMarker says whether latinMarkerRE may match in text: a cheap
// test that lets most blocks skip it.
func hasLatinMarker(text string) bool {
	for _, m := range []string{"TODO", "TBD", "FIXME", "XX", "ＸＸ", "××", "orem ipsum", "OREM IPSUM"} {
		if strings.Contains(text, m) {
			return true
		}
	}
	return false
}
