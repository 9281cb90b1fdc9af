package check

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"folio/internal/cjk"
	"folio/internal/diag"
)

// sentenceEnds are the characters a Chinese paragraph may end with.
var sentenceEnds = "。！？…；：.!?;:”’」』）)》】—"

func init() {
	register(Rule{ID: "unfinished-paragraph", Order: 80, Default: diag.Warning,
		What:   "a paragraph that stops mid-sentence",
		Flags:  "……覆盖率达到",
		Leaves: "一、农业生产基本稳定 (a crosshead), 图1：…, a byline",
		Block:  func(b *Block, _ []rune, _ *Options, diags *diag.List) { UnfinishedParagraph(b, diags) }})
}

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
	if !cutOff(text, last) && (structureLine(text, b.Kind, true) || photoCredit(creditTail(text))) {
		return
	}
	diags.Warnf(b.Pos(len(text)-size), "unfinished-paragraph", "the paragraph ends without 。！？ or closing punctuation: finish the sentence, or check whether the rest was lost in a paste")
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
	if speechDateline(text) {
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

// speechDateline says whether a line is the dateline under the title of a
// speech or a report: its date and the meeting it was given at
// (——2019年3月2日在某县第十六届人民代表大会第四次会议上).
func speechDateline(text string) bool {
	t := strings.TrimLeft(text, "—-– \u3000（(")
	t = strings.TrimRight(t, "）) ")
	if utf8.RuneCountInString(t) > 60 || !strings.Contains(t, "在") {
		return false
	}
	if !(strings.HasSuffix(t, "上") || strings.HasSuffix(t, "上的讲话") || strings.HasSuffix(t, "上的报告") || strings.HasSuffix(t, "上的发言")) {
		return false
	}
	date, place, ok := strings.Cut(t, "在")
	if !ok || !strings.HasSuffix(date, "日") || !strings.Contains(place, "会") {
		return false
	}
	return datelineRE.MatchString(date)
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

// creditTail returns what may be the photo credit that ends a caption:
// the text after its last clause mark (…工作报告。人民网 张三摄), or after
// the first space in that (…焕然一新 人民网 张三摄).
func creditTail(text string) string {
	if k := strings.LastIndexAny(text, "。！？；，：!?;,"); k >= 0 {
		_, size := utf8.DecodeRuneInString(text[k:])
		text = text[k+size:]
	}
	text = strings.TrimLeft(text, " \u3000")
	if utf8.RuneCountInString(text) > 20 {
		if k := strings.IndexAny(text, " \u3000"); k >= 0 {
			text = strings.TrimLeft(text[k:], " \u3000")
		}
	}
	return text
}

// photoCredit says whether text is the credit of a photograph: a short
// run of names, an outlet and a photographer's name, before 摄, 摄影 or
// 供图 (人民网 张三摄, 青溪区融媒体中心供图). 拍摄 and 航摄 end a sentence,
// not a credit.
func photoCredit(text string) bool {
	text = strings.TrimRight(text, " \u3000")
	n := utf8.RuneCountInString(text)
	if n < 3 || n > 20 || strings.ContainsAny(text, "，。；：！？,;:!?“”") {
		return false
	}
	for _, credit := range []string{"摄影", "供图", "摄"} {
		head, ok := strings.CutSuffix(text, credit)
		if !ok {
			continue
		}
		head = strings.TrimRight(head, " \u3000")
		r, _ := utf8.DecodeLastRuneInString(head)
		if utf8.RuneCountInString(head) < 2 || strings.ContainsRune("拍航跟抓所", r) {
			return false
		}
		for _, r := range head {
			if !(cjk.IsHan(r) || r == ' ' || r == '\u3000' || r == '·' || r == '/' || r == '、' || r < utf8.RuneSelf && isASCIIAlnum(byte(r))) {
				return false
			}
		}
		return true
	}
	return false
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
