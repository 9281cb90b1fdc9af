package check

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"folio/internal/cjk"
	"folio/internal/diag"
)

func init() {
	register(Rule{ID: "punctuation-width", Order: 90, Default: diag.Warning,
		What:   "half-width punctuation in Chinese text, mixed quotation marks",
		Flags:  "改造,昔日; 说:“……”",
		Leaves: "5.3%, 4.2:43.6:52.2, 9:00",
		Block:  func(b *Block, _ []rune, _ *Options, diags *diag.List) { PunctuationWidth(b, diags) }})
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
			diags.Warnf(b.Pos(i), "punctuation-width", "half-width %q in Chinese text: write %s", p, fullWidth[p])
		}
		i = j - 1
	}
	if strings.IndexByte(text, '(') >= 0 {
		for _, loc := range halfParenRE.FindAllStringIndex(text, -1) {
			diags.Warnf(b.Pos(loc[0]), "punctuation-width", "half-width parentheses around Chinese text: write （ and ）")
		}
	}
	if strings.IndexByte(text, '-') >= 0 {
		hanHyphens(b, diags)
	}
	documentNumbers(b, diags)
	numberPoints(b, diags)
	// Three styles: searched for as strings, which is much faster than
	// decoding every character of the paragraph.
	straight := strings.IndexByte(text, '"') >= 0
	curly := !straight && (strings.Contains(text, "“") || strings.Contains(text, "”"))
	corner := curly && (strings.Contains(text, "「") || strings.Contains(text, "」"))
	if straight || curly && corner {
		i := strings.IndexAny(text, `"「`)
		diags.Warnf(b.Pos(max(i, 0)), "punctuation-width", "quotation marks of more than one style, or straight quotes, in Chinese text: use “ ” (and ‘ ’ inside them) throughout")
	}
	if curly && b.Kind != Cell { // a table writes ” for ditto
		unbalancedQuotes(b, diags)
	}
}

// numberPoints flags the points of a number that are no decimal point: a
// middle dot or a full-width stop between two digits (上涨1·8%, 1．8亿元:
// write 1.8), two points in a row (14..3%), and one ratio written with
// both : and ∶ (5.5:50.6∶43.9). A middle dot in the name of a day (“7·1”
// 讲话, 5·12汶川地震) is left alone, and so is a section number at the
// start of a paragraph (1．2 主要指标).
func numberPoints(b *Block, diags *diag.List) {
	text := b.Text
	for _, dot := range []string{"·", "．"} {
		for i := 0; ; {
			k := strings.Index(text[i:], dot)
			if k < 0 {
				break
			}
			k += i
			i = k + len(dot)
			ls, rs := digitsBefore(text[:k]), digitsAfter(text[i:])
			if ls == 0 || rs == 0 || ls == k {
				continue // not between digits, or a section number
			}
			if p := text[k-ls-1]; p == '.' || p == '/' || p == '-' || isASCIILetter(p) {
				continue
			}
			rest := text[i+rs:]
			if dot == "·" && !numberFollows(rest) {
				// 7·1, 5·12, 12·4: a month and a day name a day.
				m, d := atoiShort(text[k-ls:k]), atoiShort(text[i:i+rs])
				if ls <= 2 && rs <= 2 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
					continue
				}
			}
			if dot == "·" && strings.HasPrefix(rest, "·") {
				continue // 2021·6·30
			}
			diags.Warnf(b.Pos(k), "punctuation-width", "%q between digits is not a decimal point: write %s.%s", dot, text[k-ls:k], text[i:i+rs])
		}
	}
	for i := 0; ; {
		k := strings.Index(text[i:], "..")
		if k < 0 {
			break
		}
		k += i
		i = k + 2
		if k > 0 && isDigit(text[k-1]) && i < len(text) && isDigit(text[i]) {
			diags.Warnf(b.Pos(k), "punctuation-width", "two points in a row inside a number: write one decimal point")
		}
	}
	if strings.Contains(text, "∶") {
		for _, loc := range ratioRE.FindAllStringIndex(text, -1) {
			m := text[loc[0]:loc[1]]
			if strings.Contains(m, "∶") && strings.ContainsAny(m, ":：") {
				diags.Warnf(b.Pos(loc[0]), "punctuation-width", "a ratio written with both : and ∶: use one colon throughout (∶ in Chinese copy)")
			}
		}
	}
}

var ratioRE = regexp.MustCompile(`\d+(?:\.\d+)?(?: *[:：∶] *\d+(?:\.\d+)?)+`)

// digitsBefore and digitsAfter count the ASCII digits that end or start s.
func digitsBefore(s string) int {
	n := 0
	for n < len(s) && isDigit(s[len(s)-1-n]) {
		n++
	}
	return n
}

func digitsAfter(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// atoiShort parses a run of at most a few ASCII digits.
func atoiShort(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 4; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
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
		diags.Warnf(b.Pos(p), "punctuation-width", "the year of a document number in %c%c: write 〔%s〕, the hexagonal brackets of GB/T 9704", opener, closer, year)
	}
}

// hanHyphens flags an ASCII hyphen, or a run of them, between two Chinese
// characters (生死关头-中国共产党, 生死关头--中国共产党), which Chinese
// never writes: the dash is —— and the span or link between two places
// or names is —. A hyphen beside a digit or a Latin letter (1-8月,
// A-1, COVID-19) is left alone.
func hanHyphens(b *Block, diags *diag.List) {
	text := b.Text
	for start, end := range runsOf(text, '-') {
		before, after := text[:start], text[end:]
		before = strings.TrimSuffix(before, " ")
		after = strings.TrimPrefix(after, " ")
		l, _ := utf8.DecodeLastRuneInString(before)
		r, _ := utf8.DecodeRuneInString(after)
		if cjk.IsHan(l) && cjk.IsHan(r) {
			diags.Warnf(b.Pos(start), "punctuation-width", "ASCII hyphen %q between Chinese characters: write —— for a dash (生死关头——中国共产党), or — for a span or a link (青溪—金华)", text[start:end])
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
			diags.Warnf(b.Pos(open), "punctuation-width", "a quotation mark “ is not closed before the next “ opens: close it with ”, or write a quotation inside a quotation with ‘ ’")
			return
		default:
			diags.Warnf(b.Pos(i), "punctuation-width", "a closing quotation mark ” that no “ opens: add the opening mark, or delete this one")
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
