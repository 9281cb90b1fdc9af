package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"folio/internal/cjk"
	"folio/internal/diag"
)

// knownTerms are Latin words Chinese running text uses as they are.
var knownTerms = []string{
	"GDP", "GNP", "CPI", "PPI", "PMI", "R&D", "AI", "IT", "ICT", "IoT", "5G", "4G", "3G", "APP", "App", "app",
	"PC", "QR", "ID", "VR", "AR", "LED", "PM2.5", "CEO", "WTO", "OK", "Wi-Fi", "WiFi", "PDF", "EPUB", "HTML",
	"CSV", "JSON", "URL", "CBD", "ETC", "VIP", "e", "a", "A", "B", "C", "D", "N", "s", "km", "kg", "m", "cm", "mm", "t", "MW", "kW", "kWh",
}

var latinWordRE = regexp.MustCompile(`[A-Za-z][A-Za-z0-9&.+\-]*[A-Za-z0-9+]|[A-Za-z]|[0-9]+[A-Za-z]+[A-Za-z0-9]*`)

// StrayLatin flags a Latin word inside Chinese running text that is not a
// known term or listed in the publication's glossary: often a leftover of
// translation or a paste.
func StrayLatin(b *Block, glossary []string, diags *diag.List) {
	if b.Ignores("stray-latin") || !b.chinese {
		return
	}
	if !containsByte(b.Text, isASCIILetter) {
		return // the regexp below has no literal prefix: most paragraphs skip it
	}
	for _, loc := range latinWordRE.FindAllStringIndex(b.Text, -1) {
		word := b.Text[loc[0]:loc[1]]
		word = strings.TrimRight(word, ".")
		if slices.Contains(knownTerms, word) || slices.ContainsFunc(glossary, func(g string) bool { return strings.EqualFold(g, word) }) {
			continue
		}
		before, after := around(b.Text, loc[0], loc[1])
		if !(cjk.IsWide(before) || cjk.IsWide(after) || before == ' ' || after == ' ') {
			continue
		}
		diags.Add(diag.Diagnostic{Pos: b.Pos(loc[0]), Severity: diag.Warning, Rule: "stray-latin",
			Message: fmt.Sprintf("Latin word %q in Chinese text: translate it, or if it is a name or term the publication uses, add it to glossary in publication.yaml", word)})
	}
}

// sentenceEnds are the characters a Chinese paragraph may end with.
var sentenceEnds = "。！？…；：.!?;:”’」』）)》】—"

// UnfinishedParagraph flags a paragraph of Chinese prose that stops without
// sentence-final punctuation, as text cut off in a paste does.
func UnfinishedParagraph(b *Block, diags *diag.List) {
	if b.Kind != Prose && b.Kind != Quote || b.Ignores("unfinished-paragraph") || !b.chinese {
		return
	}
	text := strings.TrimRight(b.Text, " \t\n")
	if text == "" {
		return
	}
	last, size := utf8.DecodeLastRuneInString(text)
	if strings.ContainsRune(sentenceEnds, last) {
		return
	}
	// A short line in a quote is an attribution or a slogan, not a
	// paragraph.
	if b.Kind == Quote && utf8.RuneCountInString(text) <= 20 {
		return
	}
	diags.Add(diag.Diagnostic{Pos: b.Pos(len(text) - size), Severity: diag.Warning, Rule: "unfinished-paragraph",
		Message: "the paragraph ends without 。！？ or closing punctuation: finish the sentence, or check whether the rest was lost in a paste"})
}

var (
	halfWidthPunctRE = regexp.MustCompile(`\p{Han}\s?([,;:?!])\s?\p{Han}|\p{Han}(\.)\p{Han}`)
	halfParenRE      = regexp.MustCompile(`\(\s*\p{Han}[^()]*\)|\([^()]*\p{Han}\s*\)`)
	fullWidth        = map[string]string{",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
)

// PunctuationWidth flags half-width punctuation between Chinese characters
// and quotation marks of mixed styles in one paragraph.
func PunctuationWidth(b *Block, diags *diag.List) {
	if b.Ignores("punctuation-width") || !b.chinese {
		return
	}
	// The regexps have no literal prefix and would try every position:
	// paragraphs without the punctuation they look for skip them.
	if strings.ContainsAny(b.Text, ",;:?!.") {
		for _, m := range halfWidthPunctRE.FindAllStringSubmatchIndex(b.Text, -1) {
			i, j := m[2], m[3]
			if i < 0 {
				i, j = m[4], m[5]
			}
			p := b.Text[i:j]
			diags.Add(diag.Diagnostic{Pos: b.Pos(i), Severity: diag.Warning, Rule: "punctuation-width",
				Message: fmt.Sprintf("half-width %q between Chinese characters: write %s", p, fullWidth[p])})
		}
	}
	if strings.Contains(b.Text, "(") {
		for _, loc := range halfParenRE.FindAllStringIndex(b.Text, -1) {
			diags.Add(diag.Diagnostic{Pos: b.Pos(loc[0]), Severity: diag.Warning, Rule: "punctuation-width",
				Message: "half-width parentheses around Chinese text: write （ and ）"})
		}
	}
	// One pass over the text for the three styles (ContainsAny with a set
	// of non-ASCII marks scans the set for every character).
	var curly, corner, straight bool
	for _, r := range b.Text {
		switch r {
		case '“', '”':
			curly = true
		case '「', '」':
			corner = true
		case '"':
			straight = true
		}
	}
	if straight || curly && corner {
		i := strings.IndexAny(b.Text, `"「`)
		diags.Add(diag.Diagnostic{Pos: b.Pos(max(i, 0)), Severity: diag.Warning, Rule: "punctuation-width",
			Message: "quotation marks of more than one style, or straight quotes, in Chinese text: use “ ” (and ‘ ’ inside them) throughout"})
	}
}

var (
	spacedRE   = regexp.MustCompile(`\p{Han}( +)[A-Za-z0-9]|[A-Za-z0-9%]( +)\p{Han}`)
	unspacedRE = regexp.MustCompile(`\p{Han}()[A-Za-z0-9]|[A-Za-z0-9]()\p{Han}`)
)

// CJKSpacing enforces the house style between Chinese characters and Latin
// letters or digits: no space ("none": GDP增长5.3%) or one space ("space":
// GDP 增长 5.3%).
func CJKSpacing(b *Block, style string, diags *diag.List) {
	if style == "" || b.Ignores("cjk-spacing") {
		return
	}
	re, message, could := spacedRE, "a space between Chinese and Latin letters or digits: the house style (cjk_spacing: none in publication.yaml) writes them together", strings.Contains(b.Text, " ")
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
	for _, m := range re.FindAllStringSubmatchIndex(b.Text, -1) {
		i := m[2]
		if i < 0 {
			i = m[4]
		}
		diags.Add(diag.Diagnostic{Pos: b.Pos(i), Severity: diag.Warning, Rule: "cjk-spacing", Message: message})
	}
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
