package check

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"folio/internal/cjk"
	"folio/internal/diag"
	"folio/internal/msg"
)

var (
	spacedRE   = regexp.MustCompile(`\p{Han}( +)[A-Za-z0-9]|[A-Za-z0-9%]( +)\p{Han}`)
	unspacedRE = regexp.MustCompile(`\p{Han}()[A-Za-z0-9]|[A-Za-z0-9]()\p{Han}`)
)

func init() {
	register(Rule{ID: "cjk-spacing", Order: 100, Default: diag.Warning,
		What:   "a stray space between Chinese characters in prose; with cjk_spacing: set, the house style between Chinese and Latin",
		Flags:  "营商 环境",
		Leaves: "a heading 守护一江清水 建设美丽青溪",
		Block:  func(b *Block, _ []rune, opts *Options, diags *diag.List) { CJKSpacing(b, opts.Spacing, diags) }})
}

// CJKSpacing enforces the house style between Chinese characters and Latin
// letters or digits: no space ("none": GDP增长5.3%) or one space ("space":
// GDP 增长 5.3%). Whatever the style, a space in running prose between two
// Chinese characters (营商 环境) or beside full-width punctuation (亿元，
// 比上年; 荣获 “文明村”) is flagged: Chinese has no spaces between words,
// and its punctuation carries its own spacing. Headings, list items and
// table cells keep their spaces, and so do bylines, datelines, captions,
// title-like lines, parallel phrases (守护一江清水 建设美丽青溪), lists of
// names, and book titles quoted as published (《学党史 做合格党员》).
func CJKSpacing(b *Block, style string, diags *diag.List) {
	if b.Ignores("cjk-spacing") {
		return
	}
	hasSpace := strings.IndexByte(b.Text, ' ') >= 0
	if (b.Kind == Prose || b.Kind == Quote) && b.chinese && (hasSpace || indexIdeographicSpace(b.Text) >= 0) {
		proseSpaces(b, diags)
	}
	if hasSpace {
		numberSpaces(b, style, diags)
		if style == "" && (b.Kind == Prose || b.Kind == Quote) && b.chinese {
			mixedSpaces(b, diags)
		}
	}
	if style == "" {
		return
	}
	re, message, could := spacedRE, msg.New("a space between Chinese and Latin letters or digits: the house style (cjk_spacing: none in publication.yaml) writes them together"), hasSpace
	switch style {
	case "none":
	case "space":
		re, message, could = unspacedRE, msg.New("no space between Chinese and Latin letters or digits: the house style (cjk_spacing: space in publication.yaml) puts one space there"), containsByte(b.Text, isASCIIAlnum)
	default:
		return
	}
	if !could {
		return // the regexps have no literal prefix: skip text they cannot match
	}
	titles := strings.Contains(b.Text, "《")
	for _, m := range re.FindAllStringSubmatchIndex(b.Text, -1) {
		i := m[2]
		if i < 0 {
			i = m[4]
		}
		if titles && inBookTitle(b.Text, i) {
			continue
		}
		diags.Warnf(b.Pos(i), "cjk-spacing", "%s", message)
	}
}

// indexIdeographicSpace returns the index of the first U+3000 (E3 80 80)
// in s, or -1. It goes by the lead byte, which Chinese text has only in
// its punctuation (、。《》「」【】), and costs less than strings.Index,
// which gives up on a first byte that recurs so often.
func indexIdeographicSpace(s string) int {
	for i := 0; ; {
		k := strings.IndexByte(s[i:], 0xE3)
		if k < 0 {
			return -1
		}
		i += k
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
			return i
		}
		i++
	}
}

// inBookTitle says whether byte i of text is between 《 and 》: inside a
// title, which is quoted as it was published, spaces and all.
func inBookTitle(text string, i int) bool {
	open := strings.LastIndex(text[:i], "《")
	return open >= 0 && !strings.Contains(text[open:i], "》") && strings.Contains(text[i:], "》")
}

// proseSpaces flags, in a paragraph of prose or a quotation, a space
// between two Chinese characters (营商 环境) and a space, ASCII or
// ideographic, beside full-width punctuation: after or before ，。、；：！？
// (亿元， 比上年; 寻初心 、见行动), between a Chinese character and an
// opening “ 《 （ (荣获 “文明村”) or after a closing ” 》 ） before one, and
// just inside “ ” （ ）. Between two Chinese characters only ASCII
// spaces count: an ideographic space pads names in lists (张　三).
func proseSpaces(b *Block, diags *diag.List) {
	text := b.Text
	titles := strings.Contains(text, "《")
	structure := 0 // whether the paragraph is structure: 1 yes, -1 no, 0 not yet decided
	ideo := indexIdeographicSpace(text)
	for i := 0; i < len(text); {
		// The next run of spaces.
		start := strings.IndexByte(text[i:], ' ')
		if start >= 0 {
			start += i
		}
		if ideo >= 0 && ideo < i {
			if ideo = indexIdeographicSpace(text[i:]); ideo >= 0 {
				ideo += i
			}
		}
		if start < 0 || ideo >= 0 && ideo < start {
			start = ideo
		}
		if start < 0 {
			return
		}
		j, ascii := start, true
		for j < len(text) {
			if text[j] == ' ' {
				j++
			} else if strings.HasPrefix(text[j:], "\u3000") {
				j += len("\u3000")
				ascii = false
			} else {
				break
			}
		}
		i = j
		if start == 0 || j == len(text) {
			continue // indentation or a trailing space
		}
		l, lsize := utf8.DecodeLastRuneInString(text[:start])
		r, rsize := utf8.DecodeRuneInString(text[j:])
		han := cjk.IsHan(l) && cjk.IsHan(r)
		if han && !ascii || !han && !punctuationSpace(l, r) {
			continue
		}
		if titles && inBookTitle(text, start) || !b.sourceSpace(start-lsize, j+rsize) {
			continue
		}
		if structure == 0 {
			// Structure (a byline, a caption, a title) uses spaces as
			// separators: decided once, for the first space that counts.
			structure = -1
			if structureLine(strings.TrimSpace(text), Prose, false) {
				return
			}
		}
		if han {
			if !separatorSpace(text, start, j) && !annotatedList(text, start, j) {
				diags.Warnf(b.Pos(start), "cjk-spacing", "a space between Chinese characters (%c %c): delete it, Chinese text has no spaces between words", l, r)
			}
			continue
		}
		if !setOffSpace(text, start, j) {
			diags.Warnf(b.Pos(start), "cjk-spacing", "a space beside full-width punctuation (%c %c): delete it, Chinese punctuation carries its own spacing", l, r)
		}
	}
}

// annotatedList says whether the space at text[i:j] separates the items
// of a list of names with notes in brackets (张三（女） 李四（回族） 王五):
// its clause has brackets and three or more short items.
func annotatedList(text string, i, j int) bool {
	start := strings.LastIndexAny(text[:i], "，。；：！？")
	if start < 0 {
		start = 0
	} else {
		_, size := utf8.DecodeRuneInString(text[start:])
		start += size
	}
	end := strings.IndexAny(text[j:], "，。；：！？")
	if end < 0 {
		end = len(text)
	} else {
		end += j
	}
	clause := text[start:end]
	if !strings.Contains(clause, "（") {
		return false
	}
	parts := strings.Fields(clause)
	for _, p := range parts {
		if utf8.RuneCountInString(p) > 12 {
			return false
		}
	}
	return len(parts) >= 3
}

// clauseMarks are the full-width marks that a space may neither follow
// nor precede.
const clauseMarks = "，。、；：！？"

// punctuationSpace says whether a space between l and r is beside
// full-width punctuation that carries its own spacing: after or before a
// clause mark, between a Chinese character and an opening “《（, after a
// closing ”》） before one, or inside a quotation mark or a bracket next
// to one. A space before a dash (。 ——张三: an attribution) or beside
// something in place of text (an image, code) is left alone.
func punctuationSpace(l, r rune) bool {
	if l == Placeholder || r == Placeholder || r == '—' || l == '\n' || r == '\n' {
		return false
	}
	if strings.ContainsRune(clauseMarks, l) || strings.ContainsRune(clauseMarks, r) {
		return true
	}
	if cjk.IsHan(l) {
		return strings.ContainsRune("“《（”）", r)
	}
	return cjk.IsHan(r) && strings.ContainsRune("”》）“（", l)
}

// setOffSpace says whether a space beside punctuation, at text[i:j],
// sets off a part of the paragraph that is not running text: the
// crosshead numbering that starts it (一、 主要做法), a byline in brackets
// (本报讯（记者 张三） 青溪区…, 新华社青溪7月1日电 （记者 张三）), a credit
// or a date that ends it (…焕然一新。 张三 摄), or the items of a list of
// names with notes in brackets (张三（女） 李四（回族） 王五).
func setOffSpace(text string, i, j int) bool {
	if n, _ := enumerator(text); n == i {
		return true
	}
	if (strings.HasSuffix(text[:i], "）") || strings.HasPrefix(text[j:], "（")) && annotatedList(text, i, j) {
		return true
	}
	if before := text[:i]; strings.HasSuffix(before, "）") || strings.HasSuffix(before, ")") {
		if open := strings.LastIndexAny(before, "（("); open >= 0 {
			_, size := utf8.DecodeRuneInString(before[open:])
			_, csize := utf8.DecodeLastRuneInString(before)
			if byline(before[open+size : len(before)-csize]) {
				return true
			}
		}
	}
	after := text[j:]
	if strings.HasPrefix(after, "（") || strings.HasPrefix(after, "(") {
		if end := strings.IndexAny(after, "）)"); end >= 0 {
			_, size := utf8.DecodeRuneInString(after)
			if byline(after[size:end]) {
				return true
			}
		}
	}
	after = trimEnd(after)
	return utf8.RuneCountInString(after) <= 30 && !strings.ContainsAny(after, "，；") &&
		(byline(after) || dateline(after) || photoCredit(after))
}

// sourceSpace says whether text[i:j], a space between two characters,
// is written so in the source: not a space beside the markup of a link or
// an emphasis (点击 [这里](…) 查看, 这是 **重点** 内容), which Markdown
// writers add for the syntax's sake.
func (b *Block) sourceSpace(i, j int) bool {
	if b.offs.len() == 0 {
		return true
	}
	return b.offs.at(j-1)-b.offs.at(i) == j-1-i
}

// separatorSpace says whether the space at text[i:j] separates the parts
// of a clause that is a byline (记者 张三 李四), a list of names or short
// terms (张三 李四 王五), or parallel phrases of equal length (不忘初心
// 牢记使命).
func separatorSpace(text string, i, j int) bool {
	start, end := i, j
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if clauseBreak(r) {
			break
		}
		start -= size
	}
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if clauseBreak(r) {
			break
		}
		end += size
	}
	clause := text[start:end]
	if photoCredit(clause) {
		return true // 人民网 张三摄
	}
	for _, role := range []string{"记者", "通讯员", "摄影", "摄像", "编辑", "撰稿", "执笔", "作者", "供图", "供稿", "制图", "日电", " 摄"} {
		if strings.Contains(clause, role) {
			return true
		}
	}
	parts := strings.Fields(clause)
	short, equal := true, true
	n0 := utf8.RuneCountInString(parts[0])
	for _, p := range parts {
		n := utf8.RuneCountInString(p)
		short = short && n >= 2 && n <= 4
		equal = equal && n == n0
	}
	return len(parts) >= 3 && short || equal && n0 >= 4
}

// clauseBreak says whether r ends a clause or opens or closes a
// bracket or a quotation.
func clauseBreak(r rune) bool {
	return strings.ContainsRune("，。；：！？、（）()“”‘’《》【】「」『』—…·,;:!?\"", r)
}

// numberSpaces flags a space inside a quantity: between a figure and %
// or ‰ (36.4 %), whatever the house style, and, unless the house style
// spaces Chinese and figures (cjk_spacing: space, where 4850 人 is the
// rule) or already flags every such space (none), between a figure and
// the Chinese unit or measure word that counts it (4850 人, 0.8 万吨, 24.04
// 亿元). A number that opens the paragraph (3 人口与就业) is a section
// number, one after a Latin letter is a code (G20), and Latin units (5
// km, 120 MW) are left alone.
func numberSpaces(b *Block, style string, diags *diag.List) {
	text := b.Text
	units := style == "" && (b.Kind == Prose || b.Kind == Quote) && b.chinese
	for start, j := range runsOf(text, ' ') {
		if start == 0 || !isDigit(text[start-1]) || j == len(text) {
			continue
		}
		rest := text[j:]
		percent := rest[0] == '%' || strings.HasPrefix(rest, "‰")
		if !percent && !(units && numberUnit(rest) > 0) {
			continue
		}
		n := start
		for n > 0 && (isDigit(text[n-1]) || text[n-1] == '.' || text[n-1] == ',') {
			n--
		}
		if n > 0 && (isASCIILetter(text[n-1]) || text[n-1] == '-' || text[n-1] == '_') {
			continue
		}
		if !percent && strings.TrimLeft(text[:n], " \t") == "" {
			continue // a section number
		}
		written := strings.TrimSpace(text[n:j]) + firstRune(rest)
		if !percent {
			diags.Warnf(b.Pos(start), "cjk-spacing", "a space between a figure and its unit (%s): write them together", written)
		} else {
			diags.Warnf(b.Pos(start), "cjk-spacing", "a space between a figure and %s (%s): write them together", firstRune(rest), written)
		}
	}
}

func firstRune(s string) string {
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}

// numberUnits are the Chinese units and measure words that count a
// figure, longest first where one starts another; numberNotUnits are the
// words that start with one but are no unit (3 人民医院).
var (
	numberUnits = []string{
		"平方公里", "平方米", "立方米", "千瓦时", "公里", "公斤", "公顷", "千克", "千米", "小时", "分钟",
		"人", "个", "家", "户", "元", "万", "亿", "吨", "亩", "项", "件", "所", "座", "台", "辆", "倍", "岁",
		"天", "名", "次", "条", "张", "间", "套", "头", "只", "株", "棵", "米", "位", "艘", "架", "场", "批",
	}
	numberNotUnits = []string{
		"人民", "人口", "人才", "人员", "个人", "个体", "家庭", "家园", "元旦", "所以", "所有", "台风", "天津", "天然",
		"名单", "名称", "条例", "条件", "张家", "头条", "米饭", "位于", "场所", "批准", "次年", "户籍",
	}
)

// numberUnit returns the length of the Chinese unit or measure word that
// starts s, or 0.
func numberUnit(s string) int {
	if s == "" || s[0] < utf8.RuneSelf {
		return 0
	}
	for _, w := range numberNotUnits {
		if strings.HasPrefix(s, w) {
			return 0
		}
	}
	for _, u := range numberUnits {
		if strings.HasPrefix(s, u) {
			return len(u)
		}
	}
	return 0
}

// numberFollows says whether s, the text after a figure, starts with %,
// ‰ or a Chinese unit: what follows a quantity, not the name of a day.
func numberFollows(s string) bool {
	return strings.HasPrefix(s, "%") || strings.HasPrefix(s, "‰") || numberUnit(s) > 0
}

// mixedSpaces flags, where the house style is unset, a space between a
// Chinese character and a figure (产量 0.8万吨) in a paragraph that
// elsewhere writes Chinese straight against figures (0.8万吨): one
// paragraph, one style. Structure (a signature before its date, a
// byline), book titles and datelines keep their spaces.
func mixedSpaces(b *Block, diags *diag.List) {
	text := b.Text
	mixed := -1 // whether Chinese touches a figure somewhere: 1 yes, 0 no, -1 not yet known
	for start, j := range runsOf(text, ' ') {
		if start == 0 || j == len(text) || !isDigit(text[j]) {
			continue
		}
		l, _ := utf8.DecodeLastRuneInString(text[:start])
		if !cjk.IsHan(l) {
			continue
		}
		if mixed < 0 {
			mixed = 0
			if hanTouchesDigit(text) && !structureLine(strings.TrimSpace(text), b.Kind, false) {
				mixed = 1
			}
		}
		if mixed == 0 {
			return
		}
		if inBookTitle(text, start) || !b.sourceSpace(start-len(string(l)), j+1) {
			continue
		}
		after := text[j:]
		if e := strings.IndexAny(after, "，。；！？"); e >= 0 {
			after = after[:e]
		}
		if dateline(strings.TrimSpace(after)) || dateline(strings.TrimSpace(text[:j]+after)) || setOffSpace(text, start, j) {
			continue
		}
		diags.Warnf(b.Pos(start), "cjk-spacing", "a space between Chinese and a figure in a paragraph that elsewhere writes them together: choose one style (set cjk_spacing in publication.yaml)")
	}
}

// hanTouchesDigit says whether a Chinese character stands straight
// before or after an ASCII digit somewhere in text.
func hanTouchesDigit(text string) bool {
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) {
			continue
		}
		if l, _ := utf8.DecodeLastRuneInString(text[:i]); cjk.IsHan(l) {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(text[i+1:]); cjk.IsHan(r) {
			return true
		}
	}
	return false
}
