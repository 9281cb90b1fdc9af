package check

import (
	"slices"
	"strings"
	"unicode/utf8"

	"folio/internal/cjk"
	"folio/internal/diag"
)

func init() {
	register(Rule{ID: "repeated-word", Order: 40, Default: diag.Warning,
		What:   "a word written twice by mistake, told apart from reduplication by word segmentation",
		Flags:  "企业企业, 的的, 市委委书记",
		Leaves: "节节攀升, 党委委员, 搭建共建共享平台",
		Block:  func(b *Block, runes []rune, _ *Options, diags *diag.List) { repeatedWord(b, runes, diags) }})
}

// repeatedWord flags Chinese written twice in a row by mistake: a word of
// one to four characters (企业企业, 的的) or a piece of one (市委委书记).
//
// Doubled characters are everywhere in correct Chinese: reduplicated words
// (常常, 实实在在, 一次次, 研究研究), and two words meeting on a shared
// character (党委|委员, 税收|收入, 委员会|会议). A slip of the keyboard or
// of a paste leaves one stray copy; so a doubling is first matched with
// the patterns no slip makes (deliberate: 清清楚楚, 一垄垄, a group and
// its office, 各乡镇|乡镇长, a given name beside a role word, 记者杨荣荣),
// then settled by cutting the text around it into words (segment.go):
//
//   - a word runs across the doubling (常常, 节节攀升, 党委委员): correct,
//     unless it is a word the dictionary keeps only for its doubling and
//     a number follows (低保金金725万元: see strayCopy);
//   - the first copy ends a longer word and the second begins one (党委|
//     委员, 中国共产党|党旗, 学生|生活区): correct;
//   - the first copy stands alone and the second begins a word (卒|中|中心,
//     我们|党|党员, 柳湾|村|村委会: a name before its 村, 区 or 局 that
//     the dictionary cannot know): correct;
//   - the first copy ends a longer word and the second is left standing
//     alone (市委|委|书记, 党支部|部|书记): a stray, if it is a character
//     that is rarely a word alone (委, 部) and has a word after it too; a
//     free word is written there on purpose (社会|会|更好, 现在|在|推进,
//     村党组织|组织|党员);
//   - both copies stand alone (企业|企业, 的|的, 在|在): a word written
//     twice, unless it is a reduplication the dictionary does not list
//     (件件, 一户一户, 研究研究, 说说: see reduplication), and a verb's
//     ABAB, the spoken tentative, is none after an adverb of the written
//     language's that says the action goes on (不断推进推进).
//
// rs is b's text in runes: a page's checks convert every block's into one
// buffer.
func repeatedWord(b *Block, rs []rune, diags *diag.List) {
	if b.Ignores("repeated-word") {
		return
	}
next:
	for i := 0; i < len(rs); i++ {
		if !comesBack(rs, i) {
			continue
		}
		for n := 1; n <= 4; n++ {
			// Three copies or more (噔噔噔, 好好好好, 一步一步一步) are
			// meant: a slip makes two.
			if copies := copiesFrom(rs, i, n); copies > 2 {
				i += copies*n - 1
				continue next
			}
		}
		for n := 4; n >= 1; n-- {
			if !doubledAt(rs, i, n) {
				continue
			}
			if !deliberate(rs, i, n) && strayCopy(rs, i, n) {
				diags.Warnf(b.Pos(byteOffset(rs, i+n)), "repeated-word", "“%s” is written twice (%s): delete the repeat, or if the doubling is meant, add <!-- folio:ignore repeated-word --> before the paragraph", string(rs[i:i+n]), string(rs[i:i+2*n]))
				i += 2*n - 1
			}
			break
		}
	}
}

// comesBack: the character at i is written again within four. Most
// positions of a text end here, at the cost of a few comparisons.
func comesBack(rs []rune, i int) bool {
	r := rs[i]
	for n := 1; n <= 4 && i+n < len(rs); n++ {
		if rs[i+n] == r {
			return true
		}
	}
	return false
}

// doubledAt: the n Han characters at i are written again right after.
func doubledAt(rs []rune, i, n int) bool {
	return i+2*n <= len(rs) && rs[i] == rs[i+n] && slices.Equal(rs[i:i+n], rs[i+n:i+2*n]) && allHan(rs[i:i+2*n])
}

// copiesFrom counts the copies of the n characters at i written one after
// another from i.
func copiesFrom(rs []rune, i, n int) int {
	copies := 1
	for doubledAt(rs, i+(copies-1)*n, n) {
		copies++
	}
	return copies
}

// deliberate: a doubling in a pattern that doubles on purpose, whatever
// the words around it.
func deliberate(rs []rune, i, n int) bool {
	if groupAndTitle(rs, i, n) {
		return true
	}
	if n != 1 {
		return false
	}
	x := rs[i]
	// AABB: two doublings back to back (清清楚楚, 沟沟岔岔, 仁仁义义);
	// two slips side by side are not worth a false alarm on every one.
	if i+3 < len(rs) && rs[i+2] == rs[i+3] && rs[i+2] != x && cjk.IsHan(rs[i+2]) ||
		i >= 2 && rs[i-2] == rs[i-1] && rs[i-1] != x && cjk.IsHan(rs[i-1]) {
		return true
	}
	// A name: of a place before its suffix (柯柯镇), of a person after a
	// credit's label (责任编辑：康康); both may begin a run of Han.
	if doubledPlace(rs, i) || creditName(rs, i) {
		return true
	}
	if i == 0 || !cjk.IsHan(rs[i-1]) {
		return false
	}
	// 一XX: a measure word reduplicated after the numeral (一撮撮,
	// 一垄垄), but not a word written twice after it (一是是).
	if rs[i-1] == '一' && x != '一' && (isBound(x) || lookup(string([]rune{'一', x})).class == "m") {
		return true
	}
	// ABB: an adjective on a productive doubled ending (嫩乎乎).
	return isABBEnding(rs[i:i+2]) || givenName(rs, i)
}

// Suffixes of the names of places (柯柯镇, 塔塔村).
var doubledPlaceSuffixes = []string{"镇", "乡", "村", "县", "街道", "社区", "区", "市"}

// doubledPlace: the character doubled at i begins a place name, its suffix
// right after the doubling (柯柯镇党委书记, 塔塔村): a name doubles its
// syllables on purpose. Not a preposition's or a particle's (的的镇, 在在村:
// no name is made of them), nor where the first copy ends a word (中心心村:
// a slip after 中心).
func doubledPlace(rs []rune, i int) bool {
	after := rs[i+2:]
	if !slices.ContainsFunc(doubledPlaceSuffixes, func(s string) bool { return hasRunePrefix(after, s) }) {
		return false
	}
	if lookup(string(rs[i])).class == "f" {
		return false
	}
	return !endsWord(rs, i)
}

// endsWord: some dictionary word other than a personal name ends with the
// character at i, beginning up to four characters before it.
func endsWord(rs []rune, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4 && cjk.IsHan(rs[k]); k-- {
		if e := lookup(string(rs[k : i+1])); e.found && e.class != "p" {
			return true
		}
	}
	return false
}

// Titles and offices (乡镇长, 县委, 乡镇书记, 村主任): a word for a
// place or a body, then a head that makes of it the title of the person at
// its head or the body that runs it.
var officeHeads = []string{"长", "委", "书记", "主任"}

// groupAndTitle: the second copy begins a title (各乡镇|乡镇长 = each
// 乡镇's 乡镇长), so the first names the group and the second the office:
//
//   - after 各, 每 or 全 (各乡镇乡镇长, 每个村村主任), which take the
//     first copy as a group whose members the title then names;
//   - or where the title is a contraction the dictionary shows both
//     halves of (乡镇长: 乡长 and 镇长), which a slip does not make.
//
// A single character before a head is a piece of a title too often left
// over (市委委书记) to be let through without 各.
func groupAndTitle(rs []rune, i, n int) bool {
	after := rs[i+2*n:]
	var head string
	for _, h := range officeHeads {
		if hasRunePrefix(after, h) {
			head = h
			break
		}
	}
	if head == "" {
		return false
	}
	before := rs[:i]
	if len(before) > 1 && before[len(before)-1] == '个' {
		before = before[:len(before)-1] // 各个, 每个
	}
	if len(before) > 0 && strings.ContainsRune("各每全", before[len(before)-1]) {
		return true
	}
	return n > 1 && utf8.RuneCountInString(head) == 1 &&
		lookup(string(rs[i])+head).found && lookup(string(rs[i+n-1])+head).found
}

// Words beside a personal name that say it is one: a role or a title
// (记者杨荣荣, 杨荣荣同志), or, after it, a verb of saying or the credit
// of a photograph (杨荣荣说, 杨荣荣摄).
var (
	rolesBefore = []string{"记者", "通讯员", "主任", "书记", "同志", "老师", "长", "委员", "代表"}
	rolesAfter  = []string{"记者", "通讯员", "主任", "书记", "同志", "老师", "摄", "说", "表示", "介绍"}
)

// givenName: the character doubled at i follows a surname, and with it
// makes a personal name (杨荣荣, 王婷婷), where a role word beside it, a
// title before it (a word ending in 长, 书记, 主任, 委员), a byline's
// slash before it or a list of names, says a name is written: （杨荣荣
// 记者 刘美）, 村主任王丽丽, 副县长冯颖颖, 文/李晶晶, 冯颖颖、周倜. Not
// where the first copy ends a word that is no name (村主任任说, 李书记记说,
// 宣传部部说: slips), nor for a character that is a word alone, as a
// name's rarely is (向他他说: a slip).
func givenName(rs []rune, i int) bool {
	if i == 0 || !isSurname(rs[i-1]) || !isBound(rs[i]) || endsWord(rs, i) {
		return false
	}
	// A list of names: 、 after the name, or before its surname.
	if i+2 < len(rs) && rs[i+2] == '、' || i >= 2 && rs[i-2] == '、' {
		return true
	}
	before := rs[:i-1]
	slash := false
	for len(before) > 0 && strings.ContainsRune(" \u3000/／", before[len(before)-1]) {
		slash = slash || before[len(before)-1] != ' ' && before[len(before)-1] != '\u3000'
		before = before[:len(before)-1]
	}
	if slash {
		return true
	}
	for _, role := range rolesBefore {
		if hasRuneSuffix(before, role) {
			return true
		}
	}
	after := rs[i+2:]
	for len(after) > 0 && strings.ContainsRune(" \u3000/／", after[0]) {
		after = after[1:]
	}
	for _, role := range rolesAfter {
		if hasRunePrefix(after, role) {
			return true
		}
	}
	return false
}

// Labels of the credits of an article, the name of a person or a source
// after them (责任编辑：康康, 记者：王婷婷).
var creditLabels = []string{"编辑", "作者", "记者", "通讯员", "来源", "审核", "校对", "摄影", "供图"}

// creditName: the character doubled at i is in a name of two to four
// characters written after a credit's label and its colon (责任编辑：康康,
// 记者: 王婷婷): the Han run that holds it is no longer than a name, so
// a slip in a longer value (来源：县县委宣传部) is still one.
func creditName(rs []rune, i int) bool {
	lo, hi := i, i+2
	for lo > 0 && cjk.IsHan(rs[lo-1]) {
		lo--
	}
	for hi < len(rs) && cjk.IsHan(rs[hi]) {
		hi++
	}
	if hi-lo > 4 {
		return false
	}
	before := rs[:lo]
	for len(before) > 0 && strings.ContainsRune(" \u3000", before[len(before)-1]) {
		before = before[:len(before)-1]
	}
	if len(before) == 0 || !strings.ContainsRune("：:", before[len(before)-1]) {
		return false
	}
	before = before[:len(before)-1]
	for len(before) > 0 && strings.ContainsRune(" \u3000", before[len(before)-1]) {
		before = before[:len(before)-1]
	}
	return slices.ContainsFunc(creditLabels, func(l string) bool { return hasRuneSuffix(before, l) })
}

func hasRunePrefix(rs []rune, s string) bool {
	for _, r := range s {
		if len(rs) == 0 || rs[0] != r {
			return false
		}
		rs = rs[1:]
	}
	return true
}

func hasRuneSuffix(rs []rune, s string) bool {
	n := utf8.RuneCountInString(s)
	return len(rs) >= n && hasRunePrefix(rs[len(rs)-n:], s)
}

// windowContext is how many characters either side of a doubling are
// segmented with it: enough for the words that hold the copies
// (中国共产党|党旗, 党史学习教育|教育引导), few enough to stay cheap.
const windowContext = 5

// strayCopy decides a doubling of the n characters at i: true if one copy
// is left over once the text around it is cut into words.
func strayCopy(rs []rune, i, n int) bool {
	lo, hi := i, i+2*n
	for lo > 0 && i-lo < windowContext && cjk.IsHan(rs[lo-1]) {
		lo--
	}
	for hi < len(rs) && hi-(i+2*n) < windowContext && cjk.IsHan(rs[hi]) {
		hi++
	}
	// A copy: the segmenter is called through a variable (segmentWindow),
	// which would make the page's whole buffer of runes escape to the heap.
	window := slices.Clone(rs[lo:hi])
	cuts := segmentWindow(window)
	first, joint, end := i-lo, i+n-lo, i+2*n-lo
	if !cuts[joint] {
		// One word runs across the doubling: correct, but before a number
		// for a word the dictionary keeps only for its doubling (金金 of
		// 低保金金725万元): its first copy ends a word the dictionary may
		// not know, and the second begins none.
		return n == 1 && cuts[first] && cuts[end] && end == len(window) &&
			i+2 < len(rs) && isNumeral(rs[i+2]) && rareDoubling(window[first:end])
	}
	firstAlone, secondAlone := cuts[first], cuts[end]
	if n == 1 && first > 0 && endsNames(window[first]) {
		// 村, 区, 局 may close a name the dictionary cannot know
		// (柳湾村|村党支部): taken as the end of a word.
		firstAlone = false
	}
	switch {
	case firstAlone && secondAlone:
		return !reduplication(window, first, n, cuts)
	case !firstAlone && secondAlone:
		return strayAfterWord(window, first, n, cuts)
	}
	return false // the second copy begins a word: two words meet there
}

// strayAfterWord decides a second copy standing alone after a word that
// ends with the first (市委|委, 社会|会).
func strayAfterWord(window []rune, first, n int, cuts []bool) bool {
	second, end := first+n, first+2*n
	if slices.Contains(cuts[second+1:end], true) {
		return true // the copy is not even one word
	}
	if n > 1 {
		return false // a word of its own (村党组织|组织|党员)
	}
	// 一件|件: the measure word's reduplication 一件件.
	if start := lastCut(cuts, first); lookup(string(window[start:second])).class == "m" {
		return false
	}
	if !isBound(window[second]) {
		return false // a free word: 社会|会|更好
	}
	// What follows must be a word too, for the copy to be left over: a
	// character that is not one alone (宗族|族|法, 儿子|子|霖) may make
	// with the copy a word, or a name, the dictionary lacks.
	if end == len(window) {
		return true
	}
	next := end + 1
	for !cuts[next] {
		next++
	}
	return next-end > 1 || !isBound(window[end])
}

// rareDoubling: the dictionary has xx (金金, 费费) below the frequency it
// keeps words at, for its doubling only; not the reduplication of a verb
// (量量) or of a measure word (户户), which may come before a number.
func rareDoubling(xx []rune) bool {
	loadDict()
	if lookup(string(xx)).freq >= minFreq || lookup(string(xx[:1])).class == "v" {
		return false
	}
	return lookup(string([]rune{'一', xx[0]})).class != "m"
}

// isNumeral: r is a digit, of ASCII or full width.
func isNumeral(r rune) bool {
	return '0' <= r && r <= '9' || '０' <= r && r <= '９'
}

// Adverbs of continuation, intensity and thoroughness (不断推进, 进一步
// 深化, 大力发展): the written language's, which say an action goes on,
// or is done in full. A verb's ABAB is the spoken language's tentative
// (研究研究: look into it a little, once), and never follows one.
var continuing = []string{"不断", "持续", "继续", "始终", "坚持", "进一步", "逐步", "稳步",
	"大力", "全面", "深入", "积极", "加快", "切实", "扎实", "着力"}

// afterContinuing: the text before at ends with an adverb of continuation
// or intensity, with or without 地.
func afterContinuing(window []rune, at int) bool {
	before := window[:at]
	if len(before) > 0 && before[len(before)-1] == '地' {
		before = before[:len(before)-1]
	}
	for _, adv := range continuing {
		if hasRuneSuffix(before, adv) {
			return true
		}
	}
	return false
}

// reduplication: both copies stand alone, but the doubling is a regular
// reduplication the dictionary does not list whole.
func reduplication(window []rune, first, n int, cuts []bool) bool {
	word := window[first : first+n]
	e := lookup(string(word))
	if n == 2 && word[0] == '一' {
		// A numeral's, with a measure word or a verb (一户一户, 一闪一闪),
		// not 一直一直.
		return !e.found || e.class == "m" || e.class == "v"
	}
	if slices.Contains(cuts[first+1:first+n], true) {
		return false // the copy is more than one word
	}
	switch n {
	case 1:
		// A verb the dictionary shows reduplicated (说说 beside 说一说).
		// A measure word (件件, 年年): its numeral compound 一件 is listed
		// as one; but not a preposition or a particle that is also one
		// (把把 beside 一把).
		return e.class == "v" || e.class != "f" && lookup(string([]rune{'一', word[0]})).class == "m"
	case 2:
		switch {
		case e.class == "v": // a verb's ABAB (研究研究, 讨论讨论), but not 不断推进推进
			return !afterContinuing(window, first)
		case e.class == "o": // a sound's (嘎吱嘎吱)
			return true
		}
	}
	return false
}

// lastCut is the last cut at or before at.
func lastCut(cuts []bool, at int) int {
	for !cuts[at] {
		at--
	}
	return at
}

// byteOffset is where rune i of rs starts in its UTF-8 text. It is
// counted only for a repeat found: a table of every rune's offset cost
// twice the runes themselves, for every paragraph checked.
func byteOffset(rs []rune, i int) int {
	n := 0
	for _, r := range rs[:i] {
		n += utf8.RuneLen(r)
	}
	return n
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !cjk.IsHan(r) {
			return false
		}
	}
	return true
}
