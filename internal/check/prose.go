package check

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"folio/internal/cjk"
	"folio/internal/diag"
)

// knownTerms are Latin words that Chinese running text uses as they are
// and that the shape of a word does not already tell: acronyms in capitals
// (GDP, PPP, AAAA), words with digits (5G, PM2.5) and names in CamelCase
// (iPhone) and capitalised names (Alibaba) are never stray; lower-case
// words are, unless they are units, file types and the few loans listed
// here.
var knownTerms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		App Apps app apps Wi-Fi WiFi wifi Email E-mail email e-mail vlog blog logo ok vs pk
		km kg cm mm dm mg ml mu ha hm kt kw kwh mw hz ppm ppb kcal cal mol lx lm min sec rpm
		www http https com cn org net gov edu html htm pdf doc docx xls xlsx ppt pptx txt jpg jpeg png gif svg zip csv json xml`) {
		m[w] = true
	}
	return m
}()

var latinWordRE = regexp.MustCompile(`[A-Za-z][A-Za-z0-9&.+\-]*[A-Za-z0-9+]|[A-Za-z]|[0-9]+[A-Za-z]+[A-Za-z0-9]*`)

// StrayLatin flags a Latin word inside Chinese running text that reads as
// a leftover of translation or a paste (数据共享and业务协同, the区域): a word
// in lower case (or a capitalised English function word: The, And) that is
// not a known term or listed in the publication's glossary. What Chinese copy writes in Latin letters on
// purpose is left alone: acronyms and grades in capitals (PPP, R&D, AA+,
// AAAA级, 一级A), words with digits (5G, PM2.5), names in CamelCase (iPhone,
// WeChat), units (km, kWh), Latin text that stands alone in brackets or
// quotation marks (京东方（BOE）, “smart city”), a phrase of several words
// (Made in China), and addresses (www.example.cn, name@example.cn).
func StrayLatin(b *Block, glossary []string, diags *diag.List) {
	if b.Ignores("stray-latin") || !b.chinese {
		return
	}
	if !containsByte(b.Text, isASCIILetter) {
		return // the regexp below has no literal prefix: most paragraphs skip it
	}
	text := b.Text
	locs := latinWordRE.FindAllStringIndex(text, -1)
	for k := 0; k < len(locs); {
		// A run of words separated by single spaces is read as one phrase.
		e := k + 1
		capital := hasCapital(text[locs[k][0]:locs[k][1]])
		for e < len(locs) && latinPhraseGap(text[locs[e-1][1]:locs[e][0]]) {
			capital = capital || hasCapital(text[locs[e][0]:locs[e][1]])
			e++
		}
		if n := e - k; n >= 3 || n == 2 && capital {
			k = e
			continue // a name or a quoted phrase (Made in China, Smart City)
		}
		for _, loc := range locs[k:e] {
			strayLatinWord(b, loc[0], loc[1], glossary, diags)
		}
		k = e
	}
}

func strayLatinWord(b *Block, start, end int, glossary []string, diags *diag.List) {
	text := b.Text
	word := strings.TrimRight(text[start:end], ".")
	if !strayShape(word) || knownTerms[word] {
		return
	}
	for _, g := range glossary {
		if strings.EqualFold(g, word) {
			return
		}
	}
	before, after := around(text, start, end)
	if strings.ContainsRune("@/\\:#._-=&?%~", before) || strings.ContainsRune("@/\\_#", after) {
		return // part of an address, a path or a handle
	}
	if rest := strings.TrimPrefix(text[end:], " "); rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return // a name with its model or version number (Mate 40, Windows 10)
	}
	if !(cjk.IsWide(before) || cjk.IsWide(after) || before == ' ' || after == ' ') {
		return
	}
	if latinAlone(text, start, end) {
		return
	}
	diags.Add(diag.Diagnostic{Pos: b.Pos(start), Severity: diag.Warning, Rule: "stray-latin",
		Message: fmt.Sprintf("Latin word %q in Chinese text: translate it, or if it is a name or term the publication uses, add it to glossary in publication.yaml", word)})
}

// strayShape says whether a Latin word is of a shape that Chinese copy
// does not write on purpose: two or more letters, no digit, and either all
// in lower case (and, the, project) or a capitalised function word (The).
// Capitalised names (Alibaba), capitals (GDP, AAAA, AA+, R&D), CamelCase (iPhone, WeChat, MPa, pH), words with
// digits and single letters are terms, grades, units and names.
func strayShape(w string) bool {
	letters, upper := 0, 0
	firstUpper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			return false
		case c >= 'A' && c <= 'Z':
			if letters == 0 {
				firstUpper = true
			}
			letters++
			upper++
		case c >= 'a' && c <= 'z':
			letters++
		case c == '.' && i+1 < len(w) && isASCIILetter(w[i+1]):
			return false // a domain or an abbreviation with points
		}
	}
	switch {
	case letters < 2:
		return false
	case upper == 0:
		return !romanNumeral(w) // ii, iv: a list's numbering
	case upper == 1 && firstUpper:
		// Capitalised: a name (Alibaba, Siemens), which copy writes on
		// purpose, or an English word that starts a sentence left in
		// the text (The, And), which it does not.
		return englishFunctionWords[strings.ToLower(w)]
	}
	return false // capitals or CamelCase
}

// englishFunctionWords are the words that make a capitalised Latin word
// part of an English sentence rather than a name.
var englishFunctionWords = map[string]bool{"the": true, "and": true, "of": true, "in": true, "to": true, "for": true, "with": true, "on": true, "at": true, "by": true, "from": true, "is": true, "are": true, "was": true, "were": true, "this": true, "that": true, "these": true, "it": true, "we": true, "our": true, "as": true, "or": true, "but": true, "not": true, "be": true, "an": true}

// romanNumeral says whether a lower-case word is a Roman numeral under
// forty (ii, iv, xii).
func romanNumeral(w string) bool {
	w = strings.TrimLeft(w, "x")
	switch w {
	case "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix":
		return true
	}
	return false
}

func hasCapital(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// latinPhraseGap says whether what separates two Latin words joins them
// into one phrase.
func latinPhraseGap(gap string) bool {
	return gap == " " || gap == "'" || gap == "’"
}

// latinAlone says whether the word at text[start:end] stands in brackets
// or quotation marks that hold no Chinese: a name given in its own
// language (京东方（BOE）), a term quoted (“smart city”), a book title.
func latinAlone(text string, start, end int) bool {
	const limit = 120 // bytes: a name or a term, not a sentence
	var closer rune
	for i := start; i > 0 && start-i < limit; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if cjk.IsHan(r) {
			return false
		}
		if c, ok := latinOpeners[r]; ok {
			closer = c
			break
		}
		i -= size
	}
	if closer == 0 {
		return false
	}
	for i := end; i < len(text) && i-end < limit; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == closer {
			return true
		}
		if cjk.IsHan(r) {
			return false
		}
		i += size
	}
	return false
}

var latinOpeners = map[rune]rune{'（': '）', '(': ')', '“': '”', '‘': '’', '《': '》', '〈': '〉', '「': '」', '『': '』', '【': '】', '[': ']'}

// sentenceEnds are the characters a Chinese paragraph may end with.
var sentenceEnds = "。！？…；：.!?;:”’」』）)》】—"

// UnfinishedParagraph flags a paragraph of Chinese prose that stops without
// sentence-final punctuation, as text cut off in a paste does. Structure
// written as a paragraph is not prose and needs no full stop: a crosshead
// (一、…, （二）…, 1. …, 第三部分…), a byline or a dateline (记者 张三,
// 新华社北京7月1日电, 2021年7月1日), a caption (图为…, … 张三 摄), a
// field (来源：…), a short title-like line. A paragraph that stops after a
// comma or on a word that needs what follows (其中, 达到, 包括) is flagged
// whatever its shape.
func UnfinishedParagraph(b *Block, diags *diag.List) {
	if b.Kind != Prose && b.Kind != Quote || b.Ignores("unfinished-paragraph") || !b.chinese {
		return
	}
	text := trimEnd(b.Text)
	if text == "" {
		return
	}
	last, size := utf8.DecodeLastRuneInString(text)
	if strings.ContainsRune(sentenceEnds, last) {
		return
	}
	if !cutOff(text, last) && structureLine(text, b.Kind, true) {
		return
	}
	diags.Add(diag.Diagnostic{Pos: b.Pos(len(text) - size), Severity: diag.Warning, Rule: "unfinished-paragraph",
		Message: "the paragraph ends without 。！？ or closing punctuation: finish the sentence, or check whether the rest was lost in a paste"})
}

// trimEnd removes the spaces, ASCII or ideographic, at the end of text.
func trimEnd(text string) string {
	for {
		switch {
		case text == "":
			return text
		case text[len(text)-1] == ' ' || text[len(text)-1] == '\t' || text[len(text)-1] == '\n':
			text = text[:len(text)-1]
		case strings.HasSuffix(text, "\u3000"):
			text = text[:len(text)-len("\u3000")]
		default:
			return text
		}
	}
}

// cutOff says whether a line without final punctuation stops in the middle
// of a clause: after a comma or an enumeration comma, or on a word that
// cannot end one.
func cutOff(text string, last rune) bool {
	if last == '，' || last == '、' || last == ',' {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:len(text)-utf8.RuneLen(last)])
	switch {
	case (last == '到' || last == '至') && strings.ContainsRune("长高低升降增减扩缩提", prev):
		return true // 增长到, 降至: the figure is missing
	case last == '为' && strings.ContainsRune("率额量值速重比度价积数", prev):
		return true // 覆盖率为, 比重为
	}
	for _, w := range danglingWords {
		if strings.HasSuffix(text, w) {
			return !(w == "其中" && strings.HasSuffix(text, "在其中")) // 乐在其中
		}
	}
	return false
}

// danglingWords need what follows them: a sentence cannot end on them,
// nor can a title.
var danglingWords = []string{
	"其中", "达到", "包括", "以及", "分别为", "分别", "累计", "合计", "共计", "总计", "同比", "约为",
	"比上年", "较上年", "比如", "例如", "因为", "所以", "如果", "虽然", "但是", "而且", "并且",
	"按照", "根据", "对于", "关于", "截至", "随着", "为了", "由于", "以便", "正在", "超过", "高于", "低于",
}

// structureLine says whether a line without final punctuation is a piece
// of structure rather than a sentence. A short line with no clause
// punctuation is a title, unless checkEnd and it ends as a clause does,
// on a particle or a preposition (产业园区的建设正在).
func structureLine(text string, kind Kind, checkEnd bool) bool {
	n := 0
	clause := false // a mark inside a sentence: ，；：。！？
	for _, r := range text {
		switch r {
		case ' ', '\u3000', '\t':
			continue
		case '，', '；', '：', '。', '！', '？', ',', ';', ':', '!', '?':
			clause = true
		}
		n++
	}
	if n > 80 {
		return false
	}
	if caption(text) {
		return true
	}
	if n > 40 {
		return metaLine(text)
	}
	if byline(text) || dateline(text) || fieldLine(text) || metaLine(text) || strings.HasPrefix(text, "—") || strings.HasPrefix(text, "－－") ||
		!clause && documentTitle(text) {
		return true
	}
	if n > 30 {
		return false
	}
	if m, runIn := enumerator(text); m > 0 {
		// 一是… starts a sentence as often as a crosshead: only a short
		// phrase counts.
		return !runIn || n <= 24 && !clause
	}
	if kind == Quote && n <= 20 {
		return true // an attribution or a slogan
	}
	if clause || n > 16 && !spacedPhrases(text) {
		return false
	}
	// A title, a signature: unless it ends as a clause does.
	return !checkEnd || !danglingEnd(text)
}

// documentTypes end the title of a document (GB/T 9704's kinds of
// official document, and the kinds of report a commemorative publication
// collects): 青溪区2020年国民经济和社会发展统计公报.
var documentTypes = []string{
	"公报", "报告", "通知", "通报", "通告", "公告", "意见", "方案", "办法", "规定", "决定", "决议", "纪要",
	"规划", "计划", "条例", "细则", "纪实", "巡礼", "综述", "侧记", "讲话", "致辞", "贺信", "倡议书", "名单", "说明",
}

func documentTitle(text string) bool {
	for _, t := range documentTypes {
		if strings.HasSuffix(text, t) {
			return true
		}
	}
	return false
}

// spacedPhrases says whether a line is phrases of Chinese separated by
// spaces, as headlines are written (产业集聚 动能澎湃).
func spacedPhrases(text string) bool {
	parts := strings.Fields(text)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) < 4 {
			return false
		}
	}
	return true
}

// danglingEnd says whether a line ends on a particle, a conjunction or a
// preposition: a clause, not a title.
func danglingEnd(text string) bool {
	last, size := utf8.DecodeLastRuneInString(text)
	prev, _ := utf8.DecodeLastRuneInString(text[:len(text)-size])
	switch last {
	case '的':
		return prev != '目' // 目的
	case '了', '或', '而', '且', '但', '于', '吗', '呢', '吧':
		return true
	case '与':
		return prev != '参' && prev != '赠' // 参与
	case '并':
		return !strings.ContainsRune("合兼吞归", prev)
	case '把':
		return prev != '一' && prev != '火' // 拉一把
	case '被':
		return prev != '植' && prev != '棉'
	case '将':
		return !strings.ContainsRune("大虎闯干健猛老名强良主战小", prev)
	case '在':
		return !strings.ContainsRune("所存实自现内外潜同常健好永何不", prev) // 存在, 无处不在
	case '是':
		return !strings.ContainsRune("求皆为", prev) // 实事求是
	case '让':
		return !strings.ContainsRune("礼谦转出退相互", prev)
	case '使':
		return !strings.ContainsRune("大特天行出公信专密驻", prev)
	}
	return false
}

const chineseNumerals = "一二三四五六七八九十百零〇两"

// enumerator returns the length in bytes of the enumerator a crosshead
// starts with (一、 （二） (3) 1. 1.2 4、 ① 第五部分 ●), 0 if there is
// none; runIn says it is 一是 or 二要, which also starts sentences.
func enumerator(text string) (n int, runIn bool) {
	r, size := utf8.DecodeRuneInString(text)
	switch {
	case strings.ContainsRune(chineseNumerals, r):
		i := spanOf(text, 0, func(r rune) bool { return strings.ContainsRune(chineseNumerals, r) })
		next, nsize := utf8.DecodeRuneInString(text[i:])
		switch next {
		case '、', '．', '.':
			return i + nsize, false
		case '是', '要':
			return i + nsize, true
		}
	case r == '（' || r == '(':
		i := spanOf(text, size, func(r rune) bool { return strings.ContainsRune(chineseNumerals, r) || r >= '0' && r <= '9' })
		if i > size && i-size <= 9 {
			if next, nsize := utf8.DecodeRuneInString(text[i:]); next == '）' || next == ')' {
				return i + nsize, false
			}
		}
	case r >= '0' && r <= '9':
		i := spanOf(text, 0, func(r rune) bool { return r >= '0' && r <= '9' })
		if i > 3 {
			return 0, false // a year or a quantity
		}
		levels := false
		for i+1 < len(text) && text[i] == '.' && text[i+1] >= '0' && text[i+1] <= '9' {
			i = spanOf(text, i+1, func(r rune) bool { return r >= '0' && r <= '9' })
			levels = true
		}
		next, nsize := utf8.DecodeRuneInString(text[i:])
		switch {
		case next == '、' || next == '．' || next == ')' || next == '）':
			return i + nsize, false
		case next == '.':
			if after, _ := utf8.DecodeRuneInString(text[i+1:]); !(after >= '0' && after <= '9') {
				return i + 1, false
			}
		case levels && (next == ' ' || next == '\u3000'):
			return i + nsize, false // 1.2 概况
		}
	case r >= '①' && r <= '⒛' || r >= '❶' && r <= '➓' || strings.ContainsRune("●○◆◇■□★☆◎•", r):
		return size, false
	case r == '第':
		i := spanOf(text, size, func(r rune) bool { return strings.ContainsRune(chineseNumerals, r) || r >= '0' && r <= '9' })
		if i > size {
			if next, nsize := utf8.DecodeRuneInString(text[i:]); strings.ContainsRune("章节部篇条编讲单课回期卷辑", next) {
				return i + nsize, false
			}
		}
	}
	return 0, false
}

// spanOf returns the end of the run of runes from byte i that satisfy in.
func spanOf(s string, i int, in func(rune) bool) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !in(r) {
			break
		}
		i += size
	}
	return i
}

// bylineRoles open a byline or a credit line.
var bylineRoles = []string{
	"本报记者", "本台记者", "特约记者", "实习记者", "见习记者", "记者", "特约通讯员", "本报通讯员", "通讯员",
	"本报讯", "本刊讯", "文/", "图/", "图文/", "文｜", "图｜", "摄影", "摄像", "作者", "撰稿", "撰文", "执笔",
	"来源", "稿源", "责任编辑", "责编", "编辑", "编审", "审核", "审校", "校对", "终审", "初审", "复审",
	"监制", "统筹", "策划", "制图", "供图", "供稿", "出品", "主编",
}

// byline says whether a line is a byline or a credit: 记者 张三 李四,
// （通讯员 王五）, 来源：…, 张三 摄, 区委宣传部供图.
func byline(text string) bool {
	t := strings.TrimLeft(text, "（(【[ \u3000")
	for _, role := range bylineRoles {
		rest, ok := strings.CutPrefix(t, role)
		if !ok {
			continue
		}
		if rest == "" || strings.HasSuffix(role, "/") || strings.HasSuffix(role, "｜") {
			return true
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if strings.ContainsRune(" \u3000:：/｜|丨·", r) {
			return true
		}
		// 记者张三李四: names straight after the role.
		if strings.HasSuffix(role, "者") || strings.HasSuffix(role, "员") {
			return utf8.RuneCountInString(rest) <= 8 && spanOf(rest, 0, func(r rune) bool { return cjk.IsHan(r) || r == '、' || r == ' ' }) == len(rest)
		}
		return false
	}
	for _, credit := range []string{"供图", "供稿", "摄影", "摄", "摄像"} {
		head, ok := strings.CutSuffix(text, credit)
		if !ok || head == "" {
			continue
		}
		if strings.HasPrefix(credit, "供") || strings.Contains(head, "记者") || strings.Contains(head, "通讯员") {
			return true
		}
		if r, _ := utf8.DecodeLastRuneInString(head); strings.ContainsRune(" \u3000/｜|丨", r) {
			return true // 张三 摄
		}
	}
	return false
}

// datelineRE is a date that stands alone on its line, after a signature
// if any: 2021年7月1日, 二〇二一年六月三十日（星期三）, 青溪区人民政府
// 2021年7月1日.
var datelineRE = regexp.MustCompile(`^([^，。；！？]{0,24}?)[ \x{3000}]*[（(]?(?:\d{4}|[〇零一二三四五六七八九]{4}) *(?:年 *(?:\d{1,2}|[一二三四五六七八九十]{1,3}) *月 *(?:\d{1,2}|[一二三四五六七八九十]{1,3}) *日|[-./]\d{1,2}[-./]\d{1,2})(?:[ \x{3000}]*[（(]?(?:星期|周)[一二三四五六日天][）)]?)?[）)]?$`)

// dateline says whether a line is a dateline: a news agency's dispatch
// line (新华社北京7月1日电) or a date on its own or after a signature.
func dateline(text string) bool {
	if strings.HasSuffix(text, "日电") || strings.HasSuffix(text, "日讯") {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	switch last {
	case '日', '天', '一', '二', '三', '四', '五', '六', '）', ')':
	default:
		if !(last >= '0' && last <= '9') {
			return false
		}
	}
	m := datelineRE.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	// A signature joined to its date by a line break, not a clause that
	// ends on a date (工程于2021年7月1日).
	sig := strings.TrimRight(m[1], " \u3000")
	r, _ := utf8.DecodeLastRuneInString(sig)
	return sig == "" || len(sig) < len(m[1]) || !strings.ContainsRune("于在至到从自止是为", r)
}

// metaLabels name the fields of the information line that a news site
// prints above or below an article (来源：青溪日报, 浏览次数：1234).
var metaLabels = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Fields(`来源 稿源 信息来源 文章来源 作者 编辑 责任编辑 责编 审核 校对 摄影 发布者 发布人
		发布单位 发布机构 发布时间 发布日期 发表时间 更新时间 时间 日期 浏览次数 浏览量 阅读次数 阅读量 阅读数 点击数 点击量 访问量 字号`) {
		m[l] = true
	}
	return m
}()

// metaStampRE is a date, a time or both, or a day of the week, as an
// information line writes them: 2018年12月11日, 2018-12-11, 11:31:45.
var metaStampRE = regexp.MustCompile(`^(?:\d{4}(?:年\d{1,2}月(?:\d{1,2}日)?|[-./]\d{1,2}(?:[-./]\d{1,2})?)(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|(?:星期|周)[一二三四五六日天])$`)

// metaLine says whether a line is made only of the fields of an
// article's information line, in any order, separated by spaces or
// vertical bars: dates, times, and labelled fields with their values
// (2018年12月11日 11:31:45 | 来源：青溪日报 | 浏览次数：1234).
func metaLine(text string) bool {
	if strings.IndexByte(text, ':') < 0 && !strings.Contains(text, "：") {
		return false // a date alone is a dateline's business
	}
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return r == ' ' || r == '\u3000' || r == '\t' || r == '|' || r == '｜' || r == '丨'
	})
	labelled := false // a value of names may run on after its label: 作者：张三 李四
	for k := 0; k < len(fields); k++ {
		f := fields[k]
		if metaStampRE.MatchString(f) {
			labelled = false
			continue
		}
		if i := strings.IndexAny(f, "：:"); i > 0 {
			if !metaLabels[f[:i]] {
				return false
			}
			_, size := utf8.DecodeRuneInString(f[i:])
			value := f[i+size:]
			if value == "" {
				if k+1 == len(fields) {
					return false
				}
				k++ // 来源： 青溪日报
				value = fields[k]
			}
			if strings.ContainsAny(value, "，。；！？") {
				return false
			}
			labelled = true
			continue
		}
		if !labelled || utf8.RuneCountInString(f) > 4 || strings.ContainsAny(f, "，。；！？") {
			return false
		}
	}
	return len(fields) > 0
}

// caption says whether a line is a picture's caption: 图为…, 图1 …,
// 左图…, ▲….
func caption(text string) bool {
	r, size := utf8.DecodeRuneInString(text)
	switch r {
	case '▲', '△', '▼', '▽', '↑', '↓', '←', '→', '◀', '▶':
		return true
	case '图':
		next, _ := utf8.DecodeRuneInString(text[size:])
		return strings.ContainsRune("为：: 　/｜片注示①②③④⑤⑥⑦⑧⑨⑩", next) || next >= '0' && next <= '9' ||
			strings.ContainsRune(chineseNumerals, next) && !strings.HasPrefix(text[size:], "一样")
	case '上', '下', '左', '右', '中', '题', '组', '配':
		rest := text[size:]
		rest = strings.TrimLeft(rest, "上下左右中")
		return strings.HasPrefix(rest, "图：") || strings.HasPrefix(rest, "图:") || strings.HasPrefix(rest, "图为") || strings.HasPrefix(rest, "图 ") ||
			(r == '题' || r == '组' || r == '配') && strings.HasPrefix(rest, "图")
	}
	return false
}

// fieldLine says whether a line is a label and its value (地址：…,
// 联系电话：…): a label of a few characters, a colon, a value with no
// sentence in it.
func fieldLine(text string) bool {
	i := strings.IndexAny(text, "：:")
	if i <= 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(text[i:])
	label, value := text[:i], text[i+size:]
	if utf8.RuneCountInString(label) > 8 || strings.TrimSpace(value) == "" {
		return false
	}
	for _, r := range label {
		if !(cjk.IsHan(r) || r < utf8.RuneSelf && isASCIIAlnum(byte(r))) {
			return false
		}
	}
	if strings.ContainsAny(value, "。；！？“") {
		return false
	}
	// A comma only between fields: 地址：…，邮编：….
	return !strings.Contains(value, "，") || strings.ContainsAny(value, "：:")
}

// PunctuationWidth flags punctuation of the wrong width or form in Chinese
// text: a half-width comma, semicolon, colon, question or exclamation
// mark, or full stop that ends or joins Chinese clauses (改革,发展; 主要
// 包括:; 满足?青溪; 他说:“…清!”), half-width parentheses around Chinese,
// an ASCII hyphen between Chinese characters (生死关头-中国共产党), the
// year of a document number in brackets other than 〔 〕 (青政发[2021]18号),
// quotation marks of mixed styles in one paragraph, and a quotation mark
// that closes nothing or is left open when the next opens. Marks between
// digits (5.3%, 4.2:43.6, 9:00, 1,000, 1-8月) and in Latin text are left
// alone.
func PunctuationWidth(b *Block, diags *diag.List) {
	if b.Ignores("punctuation-width") || !b.chinese {
		return
	}
	text := b.Text
	end := len(strings.TrimRight(text, " \t\n"))
	for i := 0; i < end; i++ {
		c := text[i]
		if !halfWidthMarks[c] {
			continue // one table look-up a byte: most bytes of Chinese text
		}
		j := i + 1
		if c == '?' || c == '!' {
			for j < end && (text[j] == '?' || text[j] == '!') {
				j++ // ?! is one mark
			}
		}
		if halfWidthMark(text[:i], c, text[j:end]) {
			p := text[i : i+1]
			diags.Add(diag.Diagnostic{Pos: b.Pos(i), Severity: diag.Warning, Rule: "punctuation-width",
				Message: fmt.Sprintf("half-width %q in Chinese text: write %s", p, fullWidth[p])})
		}
		i = j - 1
	}
	if strings.IndexByte(text, '(') >= 0 {
		for _, loc := range halfParenRE.FindAllStringIndex(text, -1) {
			diags.Add(diag.Diagnostic{Pos: b.Pos(loc[0]), Severity: diag.Warning, Rule: "punctuation-width",
				Message: "half-width parentheses around Chinese text: write （ and ）"})
		}
	}
	if strings.IndexByte(text, '-') >= 0 {
		hanHyphens(b, diags)
	}
	documentNumbers(b, diags)
	// Three styles: searched for as strings, which is much faster than
	// decoding every character of the paragraph.
	straight := strings.IndexByte(text, '"') >= 0
	curly := !straight && (strings.Contains(text, "“") || strings.Contains(text, "”"))
	corner := curly && (strings.Contains(text, "「") || strings.Contains(text, "」"))
	if straight || curly && corner {
		i := strings.IndexAny(text, `"「`)
		diags.Add(diag.Diagnostic{Pos: b.Pos(max(i, 0)), Severity: diag.Warning, Rule: "punctuation-width",
			Message: "quotation marks of more than one style, or straight quotes, in Chinese text: use “ ” (and ‘ ’ inside them) throughout"})
	}
	if curly && b.Kind != Cell { // a table writes ” for ditto
		unbalancedQuotes(b, diags)
	}
}

// documentBrackets pairs the brackets that copy puts, wrongly, around the
// year of a document number (文号) with their closers.
var documentBrackets = map[rune]rune{']': '[', '】': '【', '］': '［', ')': '(', '）': '（'}

// documentNumbers flags a document number (文号) with its year in brackets
// other than 〔 〕, which GB/T 9704 prescribes: 青政办发[2021]18号,
// 青政发（2021）第5号. It looks only where a number and 号 are: Chinese
// characters, a bracketed year, the serial number.
func documentNumbers(b *Block, diags *diag.List) {
	text := b.Text
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], 0xB7) // 号 is E5 8F B7
		if k < 0 {
			return
		}
		end := i + k - 2
		i += k + 1
		if end < 0 || text[end] != 0xE5 || text[end+1] != 0x8F {
			continue
		}
		p := end
		for p > 0 && text[p-1] >= '0' && text[p-1] <= '9' {
			p--
		}
		if p == end || end-p > 4 {
			continue
		}
		p = len(strings.TrimSuffix(strings.TrimSuffix(text[:p], "第"), " "))
		closer, size := utf8.DecodeLastRuneInString(text[:p])
		opener, ok := documentBrackets[closer]
		if !ok || p-size < 4 {
			continue
		}
		p -= size
		year := text[p-4 : p]
		if !(strings.HasPrefix(year, "19") || strings.HasPrefix(year, "20")) || year[2] < '0' || year[2] > '9' || year[3] < '0' || year[3] > '9' {
			continue
		}
		p -= 4
		if r, size := utf8.DecodeLastRuneInString(text[:p]); r != opener {
			continue
		} else {
			p -= size
		}
		if l, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(text[:p], " ")); !cjk.IsHan(l) {
			continue
		}
		diags.Add(diag.Diagnostic{Pos: b.Pos(p), Severity: diag.Warning, Rule: "punctuation-width",
			Message: fmt.Sprintf("the year of a document number in %c%c: write 〔%s〕, the hexagonal brackets of GB/T 9704", opener, closer, year)})
	}
}

// hanHyphens flags an ASCII hyphen, or a run of them, between two Chinese
// characters (生死关头-中国共产党, 生死关头--中国共产党), which Chinese
// never writes: the dash is —— and the span or link between two places
// or names is —. A hyphen beside a digit or a Latin letter (1-8月,
// A-1, COVID-19) is left alone.
func hanHyphens(b *Block, diags *diag.List) {
	text := b.Text
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], '-')
		if k < 0 {
			return
		}
		start := i + k
		end := start
		for end < len(text) && text[end] == '-' {
			end++
		}
		i = end
		before, after := text[:start], text[end:]
		before = strings.TrimSuffix(before, " ")
		after = strings.TrimPrefix(after, " ")
		l, _ := utf8.DecodeLastRuneInString(before)
		r, _ := utf8.DecodeRuneInString(after)
		if cjk.IsHan(l) && cjk.IsHan(r) {
			diags.Add(diag.Diagnostic{Pos: b.Pos(start), Severity: diag.Warning, Rule: "punctuation-width",
				Message: fmt.Sprintf("ASCII hyphen %q between Chinese characters: write —— for a dash (生死关头——中国共产党), or — for a span or a link (青溪—金华)", text[start:end])})
		}
	}
}

// arcSeconds says whether before ends in a bearing's minutes and digits
// (119°21′36), which a ” after them makes seconds.
func arcSeconds(before string) bool {
	n := len(before) - len(strings.TrimRight(before, "0123456789."))
	if n == 0 {
		return false
	}
	before = before[:len(before)-n]
	return strings.HasSuffix(before, "′") || strings.HasSuffix(before, "'") || strings.HasSuffix(before, "’")
}

// unbalancedQuotes flags, once a paragraph, a Chinese quotation mark that
// closes nothing (” with no “ open before it) or one left open when the
// next opens (“…“…: a quotation inside a quotation takes ‘ ’). A “ still
// open when the paragraph ends is not flagged: a quotation of several
// paragraphs opens each with “ and closes only the last.
func unbalancedQuotes(b *Block, diags *diag.List) {
	text := b.Text
	open := -1 // the byte of the “ that is open, if any
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], 0xE2) // “ is E2 80 9C, ” E2 80 9D
		if k < 0 {
			return
		}
		i += k
		if i+2 >= len(text) || text[i+1] != 0x80 || text[i+2] != 0x9C && text[i+2] != 0x9D {
			i++
			continue
		}
		switch {
		case text[i+2] == 0x9C && open < 0:
			open = i
		case text[i+2] == 0x9D && open >= 0:
			open = -1
		case text[i+2] == 0x9D && arcSeconds(text[:i]):
			// 东经119°21′36”: typed for ″, the seconds of a bearing.
		case text[i+2] == 0x9C:
			diags.Add(diag.Diagnostic{Pos: b.Pos(open), Severity: diag.Warning, Rule: "punctuation-width",
				Message: "a quotation mark “ is not closed before the next “ opens: close it with ”, or write a quotation inside a quotation with ‘ ’"})
			return
		default:
			diags.Add(diag.Diagnostic{Pos: b.Pos(i), Severity: diag.Warning, Rule: "punctuation-width",
				Message: "a closing quotation mark ” that no “ opens: add the opening mark, or delete this one"})
			return
		}
		i += 3
	}
}

var (
	halfWidthMarks = func() (set [256]bool) {
		for _, c := range []byte(",;:?!.") {
			set[c] = true
		}
		return set
	}()
	halfParenRE = regexp.MustCompile(`\(\s*\p{Han}[^()]*\)|\([^()]*\p{Han}\s*\)`)
	fullWidth   = map[string]string{",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
)

// halfWidthMark says whether the half-width mark c, between before and
// after, punctuates Chinese: it follows a Chinese character or a Chinese
// closing mark and comes before another, before a Chinese quotation mark
// or bracket, at the end of the paragraph, or before a figure or a Latin
// word; or (not ? and !, as in a web address) it follows a figure or a
// Latin word and comes straight before Chinese (增长5.3%,居全市第一).
func halfWidthMark(before string, c byte, after string) bool {
	l, _ := utf8.DecodeLastRuneInString(before)
	r, _ := utf8.DecodeRuneInString(after)
	spaced := false
	if r == ' ' {
		r, _ = utf8.DecodeRuneInString(after[1:])
		spaced = true
	}
	atEnd := after == ""
	leftChinese := cjk.IsHan(l) || chineseCloser(l)
	rightChinese := cjk.IsHan(r) || chineseOpener(r) || chineseCloser(r)
	if c == '.' {
		// A full stop: never between digits or after Latin, never
		// before a space (English), nor in an ellipsis.
		return leftChinese && !spaced && (rightChinese || atEnd)
	}
	if leftChinese {
		// Before a figure or a Latin word too (电话:0571…, 共3个,2个在建).
		return rightChinese || atEnd || r < utf8.RuneSelf && isASCIIAlnum(byte(r))
	}
	if l < utf8.RuneSelf && (isASCIIAlnum(byte(l)) || l == '%') && !spaced && c != '?' && c != '!' {
		return cjk.IsHan(r) || chineseOpener(r)
	}
	return false
}

func chineseOpener(r rune) bool { return strings.ContainsRune("“‘《〈（【「『〔", r) }

func chineseCloser(r rune) bool { return strings.ContainsRune("”’》〉）】」』〕", r) }

var (
	spacedRE   = regexp.MustCompile(`\p{Han}( +)[A-Za-z0-9]|[A-Za-z0-9%]( +)\p{Han}`)
	unspacedRE = regexp.MustCompile(`\p{Han}()[A-Za-z0-9]|[A-Za-z0-9]()\p{Han}`)
)

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
	if style == "" {
		return
	}
	re, message, could := spacedRE, "a space between Chinese and Latin letters or digits: the house style (cjk_spacing: none in publication.yaml) writes them together", hasSpace
	switch style {
	case "none":
	case "space":
		re, message, could = unspacedRE, "no space between Chinese and Latin letters or digits: the house style (cjk_spacing: space in publication.yaml) puts one space there", containsByte(b.Text, isASCIIAlnum)
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
		diags.Add(diag.Diagnostic{Pos: b.Pos(i), Severity: diag.Warning, Rule: "cjk-spacing", Message: message})
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
				diags.Add(diag.Diagnostic{Pos: b.Pos(start), Severity: diag.Warning, Rule: "cjk-spacing",
					Message: fmt.Sprintf("a space between Chinese characters (%c %c): delete it, Chinese text has no spaces between words", l, r)})
			}
			continue
		}
		if !setOffSpace(text, start, j) {
			diags.Add(diag.Diagnostic{Pos: b.Pos(start), Severity: diag.Warning, Rule: "cjk-spacing",
				Message: fmt.Sprintf("a space beside full-width punctuation (%c %c): delete it, Chinese punctuation carries its own spacing", l, r)})
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
		(byline(after) || dateline(after))
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

// HeadingSkip flags a heading more than one level below the one before it
// (a page's title is its level 1; its sections start at ##).
func HeadingSkip(blocks []*Block, diags *diag.List) {
	level := 1
	for _, b := range blocks {
		if b.Kind != Heading {
			continue
		}
		if b.Level > level+1 && !b.Ignores("heading-skip") {
			diags.Add(diag.Diagnostic{Pos: b.Pos(0), Severity: diag.Warning, Rule: "heading-skip",
				Message: fmt.Sprintf("heading level %d follows level %d: screen readers navigate by levels; use %s", b.Level, level, strings.Repeat("#", level+1))})
		}
		level = b.Level
	}
}

// containsByte reports whether a byte of s satisfies is: a cheap test that
// lets a paragraph skip a regexp that cannot match it.
func containsByte(s string, is func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if is(s[i]) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }
