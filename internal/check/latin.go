package check

import (
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

func init() {
	register(Rule{ID: "stray-latin", Order: 70, Default: diag.Warning,
		What:   "a Latin word left in Chinese text by translation or paste",
		Flags:  "数据共享and业务协同",
		Leaves: "GDP, 5G, AAAA级, iPhone, a name such as Alibaba",
		Block:  func(b *Block, _ []rune, opts *Options, diags *diag.List) { StrayLatin(b, opts.Glossary, diags) }})
}

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
	diags.Warnf(b.Pos(start), "stray-latin", "Latin word %q in Chinese text: translate it, or if it is a name or term the publication uses, add it to glossary in publication.yaml", word)
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
