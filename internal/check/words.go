package check

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"folio/internal/cjk"
	"folio/internal/diag"
)

// repeatedWord flags Chinese written twice in a row by mistake: a word of
// one to four characters (企业企业, 的的) or a piece of one (市委委书记).
//
// Doubled characters are everywhere in correct Chinese: reduplicated words
// (常常, 实实在在, 一次次, 研究研究), and two words meeting on a shared
// character (党委|委员, 税收|收入, 委员会|会议). A slip of the keyboard or
// of a paste leaves one stray copy; so a doubling is first matched with
// the patterns no slip makes (deliberate), then settled by cutting the
// text around it into words (segment.go):
//
//   - a word runs across the doubling (常常, 节节攀升, 党委委员): correct;
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
//     (件件, 一户一户, 研究研究, 说说: see reduplication).
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
				diags.Add(diag.Diagnostic{Pos: b.Pos(byteOffset(rs, i+n)), Severity: diag.Warning, Rule: "repeated-word",
					Message: fmt.Sprintf("“%s” is written twice (%s): delete the repeat, or if the doubling is meant, add <!-- folio:ignore repeated-word --> before the paragraph", string(rs[i:i+n]), string(rs[i:i+2*n]))})
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

// deliberate: a single character doubled in a pattern that doubles on
// purpose, whatever the words around it.
func deliberate(rs []rune, i, n int) bool {
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
	if i == 0 || !cjk.IsHan(rs[i-1]) {
		return false
	}
	// 一XX: a measure word reduplicated after the numeral (一撮撮,
	// 一垄垄), but not a word written twice after it (一是是).
	if rs[i-1] == '一' && x != '一' && (isBound(x) || lookup(string([]rune{'一', x})).class == "m") {
		return true
	}
	// ABB: an adjective on a productive doubled ending (嫩乎乎).
	return isABBEnding(rs[i : i+2])
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
		return false // one word runs across the doubling
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
		case e.class == "v": // a verb's ABAB (研究研究, 讨论讨论)
			return true
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
