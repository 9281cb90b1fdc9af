package check

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"folio/internal/diag"
)

// The confusable words are a curated list, one entry a line with its fix,
// the context it needs and why: see the header of the file.
var (
	//go:embed words/confusable.txt
	confusableText string

	confusableOnce sync.Once
	confusables    *confusableSet
)

// confusableSet is the list, indexed for the scan: a paragraph looks up
// each character in first, and only the few that start an entry go on to
// compare words.
type confusableSet struct {
	entries []*confusableEntry
	byFirst map[rune][]*confusableEntry
	first   [0x10000 / 64]uint64 // the first characters of the wrong words
	second  [0x10000 / 64]uint64 // and their second characters
}

// confusableEntry is one line of the list.
type confusableEntry struct {
	wrong, right string
	conds        []confusableCond
	why          string
	line         int
}

// confusableCond is one condition of an entry: where in the text it
// looks (after the word, before it, its sentence), whether it wants one
// of the alternatives there or none of them.
type confusableCond struct {
	where string // "next", "prev" or "sentence"
	not   bool
	alts  []string
}

func loadConfusables() *confusableSet {
	confusableOnce.Do(func() {
		set, err := parseConfusables(confusableText)
		if err != nil {
			panic(err) // the list is embedded: TestConfusableList reads it first
		}
		confusables = set
	})
	return confusables
}

// parseConfusables reads the list.
func parseConfusables(text string) (*confusableSet, error) {
	set := &confusableSet{byFirst: map[rune][]*confusableEntry{}}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e := &confusableEntry{line: n + 1}
		if i := strings.Index(line, "#"); i >= 0 {
			e.why = strings.TrimSpace(line[i+1:])
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return nil, fmt.Errorf("words/confusable.txt:%d: want a wrong and a right word", n+1)
		}
		e.wrong, e.right = fields[0], fields[1]
		r1, size := utf8.DecodeRuneInString(e.wrong)
		r2, _ := utf8.DecodeRuneInString(e.wrong[size:])
		if utf8.RuneCountInString(e.wrong) < 2 || !basicHan(r1) || !basicHan(r2) || e.wrong == e.right {
			return nil, fmt.Errorf("words/confusable.txt:%d: %q does not start with two Han characters of U+4E00 to U+9FFF", n+1, e.wrong)
		}
		for _, f := range fields[2:] {
			var c confusableCond
			key, alts, ok := strings.Cut(f, "=")
			c.not = strings.HasPrefix(key, "!")
			c.where = strings.TrimPrefix(key, "!")
			if !ok || alts == "" || c.where != "next" && c.where != "sentence" && !(c.where == "prev" && c.not) {
				return nil, fmt.Errorf("words/confusable.txt:%d: unknown condition %q", n+1, f)
			}
			c.alts = strings.Split(alts, "|")
			e.conds = append(e.conds, c)
		}
		set.entries = append(set.entries, e)
		set.byFirst[r1] = append(set.byFirst[r1], e)
		set.first[r1/64] |= 1 << (r1 % 64)
		set.second[r2/64] |= 1 << (r2 % 64)
	}
	return set, nil
}

func basicHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

func init() {
	register(Rule{ID: "confusable-word", Order: 50, Default: diag.Warning,
		What:   "a word often confused with another in official copy, where its context shows the slip",
		Flags:  "市场主题 (市场主体), 截止2020年底 (截至)",
		Leaves: "主题教育, 截止日期",
		Block:  func(b *Block, _ []rune, _ *Options, diags *diag.List) { ConfusableWord(b, diags) }})
}

// ConfusableWord flags a word of the list (市场主题 for 市场主体, 截止 for
// 截至 before a date, 再接再励) where its context says it is a slip.
func ConfusableWord(b *Block, diags *diag.List) {
	set := loadConfusables()
	text := b.Text
	// Most characters start no entry: one bitmap test, then one for the
	// character after. The wrong words are Han characters of the basic
	// plane, three bytes each, read here without decoding every rune.
	// A character's first two bytes give the bitmap's word (its rune
	// over 64), the third the bit.
	for i := 0; i+5 < len(text); {
		t := text[i : i+6]
		c := t[0]
		if c-0xE4 > 0xE9-0xE4 { // below U+4E00, above U+9FFF, or not Han
			if c < 0x80 {
				i++
			} else {
				i += utf8SeqLen(c)
			}
			continue
		}
		if set.first[uint(c&0x0F)<<6|uint(t[1]&0x3F)]&(1<<(t[2]&0x3F)) == 0 {
			i += 3
			continue
		}
		if c2 := t[3]; c2-0xE4 > 0xE9-0xE4 || set.second[uint(c2&0x0F)<<6|uint(t[4]&0x3F)]&(1<<(t[5]&0x3F)) == 0 {
			i += 3
			continue
		}
		r := rune(c&0x0F)<<12 | rune(t[1]&0x3F)<<6 | rune(t[2]&0x3F)
		step := 3
		for _, e := range set.byFirst[r] {
			if !strings.HasPrefix(text[i:], e.wrong) || !e.applies(text, i) {
				continue
			}
			if b.Ignores("confusable-word") { // asked only of a paragraph with a slip
				return
			}
			diags.Warnf(b.Pos(i), "confusable-word", "“%s” is likely a slip for “%s”: write %s, or add <!-- folio:ignore confusable-word --> before the paragraph if “%s” is meant", e.wrong, e.right, e.right, e.wrong)
			step = len(e.wrong)
			break
		}
		i += step
	}
}

// applies reports whether every condition of e holds for its word at
// byte i of text.
func (e *confusableEntry) applies(text string, i int) bool {
	before, after := text[:i], text[i+len(e.wrong):]
	var sentence string
	for _, c := range e.conds {
		if c.where == "sentence" && sentence == "" {
			sentence = confusableSentence(text, i, i+len(e.wrong))
		}
		if c.found(before, after, sentence) == c.not {
			return false
		}
	}
	return true
}

// found reports whether one of c's alternatives is where c looks.
func (c confusableCond) found(before, after, sentence string) bool {
	for _, a := range c.alts {
		switch c.where {
		case "next":
			if a == "<date>" && confusableDate(after) || strings.HasPrefix(after, a) {
				return true
			}
		case "prev":
			if strings.HasSuffix(before, a) {
				return true
			}
		case "sentence":
			if strings.Contains(sentence, a) {
				return true
			}
		}
	}
	return false
}

// confusableDate reports whether s starts with a number that is a date or
// a time: 2020年, 6月30日, 12时, 2021-06, 2021.6.
func confusableDate(s string) bool {
	digits := 0
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９') {
			break
		}
		digits++
		s = s[size:]
	}
	r, _ := utf8.DecodeRuneInString(s)
	return digits > 0 && strings.ContainsRune("年月日号时点:：-/.", r)
}

// confusableSentence returns the sentence of text that holds bytes i to
// j: from the end of the one before to the end of its own.
func confusableSentence(text string, i, j int) string {
	const ends = "。！？；!?;\n"
	start := strings.LastIndexAny(text[:i], ends)
	if start < 0 {
		start = 0
	} else {
		_, size := utf8.DecodeRuneInString(text[start:])
		start += size
	}
	end := strings.IndexAny(text[j:], ends)
	if end < 0 {
		end = len(text)
	} else {
		end += j
	}
	return text[start:end]
}
