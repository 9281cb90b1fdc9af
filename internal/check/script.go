package check

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"

	"folio/internal/diag"
	"folio/internal/msg"
)

// The traditional-in-simplified rule reads OpenCC's traditional-to-
// simplified data (TSCharacters and TSPhrases) as the opencc package
// embeds and parses it for its t2s converter: no table of characters is
// kept in this repository, and a newer release of the package brings its
// corrections with it. Parsing the t2s dictionaries takes 10 to 20 ms, so
// it is done once, the first time a simplified publication's paragraph is
// checked (the rule does not run for other publications); what the rule
// looks up for every paragraph is a bitmap made from them then.

// tradCharacters is the character set a simplified publication may not
// use: built once from OpenCC's data.
type tradCharacters struct {
	// bmp has bit r set for a rune r of the basic plane the rule looks
	// at: a traditional form that is never simplified text, or a
	// character shared by both scripts that a phrase of the data turns
	// into another (瞭 in 瞭解); astral holds those of the other planes.
	bmp    [0x10000 / 64]uint64
	astral map[rune]bool
	// simple maps a traditional-only rune to its simplified forms,
	// OpenCC's default first.
	simple map[rune][]rune
	// phrases maps a rune to the phrases of the data that decide what it
	// becomes, as they appear in text.
	phrases map[rune][]tradPhrase
	err     error
}

// tradPhrase is an OpenCC phrase as a simplified text with one
// traditional character shows it (计畫 for 計畫 → 计划), or as the data
// writes it, in traditional characters throughout.
type tradPhrase struct {
	text []rune
	at   int  // the index of the character in text
	to   rune // what it is in the phrase's simplified form
	word string
}

// stSimplifiedKeys are the characters TSCharacters converts that
// STCharacters also lists as simplified characters to convert (藴 → 蘊):
// simplified text uses them, and the rule leaves them alone. They are the
// only such characters, which TestTraditionalExceptionsAreOpenCCs checks
// against the package's data; loading the s2t data to find them at run
// time would take 150 ms, for its one-megabyte phrase list.
const stSimplifiedKeys = "藴緼醖輼"

// phraseOnlySkip are characters both scripts use whose OpenCC phrases
// are not checked: the data converts 覆 to 复 in senses where simplified
// text keeps 覆 (覆上一层土, 覆杯, 覆水难收), so 反覆 and 回覆 go
// unflagged rather than 覆上 flagged.
const phraseOnlySkip = "覆"

var (
	tradOnce sync.Once
	tradData *tradCharacters
)

func loadTraditional() *tradCharacters {
	tradOnce.Do(func() { tradData = buildTraditional() })
	return tradData
}

func buildTraditional() *tradCharacters {
	tc := &tradCharacters{simple: map[rune][]rune{}, phrases: map[rune][]tradPhrase{}}
	chars, phrases, err := openccT2S()
	if err != nil {
		tc.err = err // the bitmap stays empty: the rule finds nothing
		return tc
	}
	// A character that is a simplified form of something, or one
	// OpenCC keeps as it is in some senses (乾 in 乾坤, 於 as a surname),
	// belongs to simplified text too.
	shared := map[rune]bool{}
	for _, vals := range chars {
		for _, v := range vals {
			shared[v] = true
		}
	}
	for _, r := range stSimplifiedKeys {
		shared[r] = true
	}
	for k, vals := range chars {
		if !shared[k] {
			tc.simple[k] = vals
		}
	}
	// The phrases decide between a traditional character's simplified
	// forms (計畫 → 计划, not 画), and where a character OpenCC keeps in
	// some senses is converted (瞭解 → 了解, but 瞭望).
	keys := slices.Sorted(maps.Keys(phrases)) // the same choice every run
	for _, key := range keys {
		k, v := []rune(key), []rune(phrases[key])
		if len(k) != len(v) {
			continue
		}
		for j := range k {
			_, trad := tc.simple[k[j]]
			if !trad && (!slices.Contains(chars[k[j]], k[j]) || strings.ContainsRune(phraseOnlySkip, k[j])) {
				continue // a simplified character
			}
			// As the data writes it, and as a simplified text with just
			// this character in the traditional form shows it.
			tc.phrases[k[j]] = append(tc.phrases[k[j]], tradPhrase{text: k, at: j, to: v[j], word: string(v)})
			mixed := slices.Clone(v)
			mixed[j] = k[j]
			if !slices.Equal(mixed, k) {
				tc.phrases[k[j]] = append(tc.phrases[k[j]], tradPhrase{text: mixed, at: j, to: v[j], word: string(v)})
			}
		}
	}
	var look []rune
	for r := range tc.simple {
		look = append(look, r)
	}
	for r, ps := range tc.phrases {
		if _, trad := tc.simple[r]; !trad && slices.ContainsFunc(ps, func(p tradPhrase) bool { return p.to != r }) {
			look = append(look, r)
		}
	}
	tc.astral = map[rune]bool{}
	for _, r := range look {
		if r < 0x10000 {
			tc.bmp[r/64] |= 1 << (r % 64)
		} else {
			tc.astral[r] = true
		}
	}
	return tc
}

// openccT2S reads the opencc package's t2s dictionaries: each traditional
// character with its simplified forms, and each phrase with its
// simplified form.
func openccT2S() (chars map[rune][]rune, phrases map[string]string, err error) {
	cc, err := opencc.New("t2s")
	if err != nil {
		return nil, nil, err
	}
	chars, phrases = map[rune][]rune{}, map[string]string{}
	for _, group := range cc.DictChains {
		for i, d := range group.Dicts {
			if i >= len(group.Files) || d == nil || d.Trie == nil {
				continue
			}
			file := group.Files[i]
			// Every key of the dictionary: the ids of the trie's leaves
			// under the empty prefix.
			for _, id := range d.Trie.PrefixPredict(nil, 0) {
				key, err := d.Trie.Key(id)
				if err != nil {
					return nil, nil, err
				}
				n, err := d.Trie.Value(id)
				if err != nil || n < 0 || n >= len(d.Values) || len(d.Values[n]) == 0 {
					continue
				}
				vals := d.Values[n]
				switch file {
				case "TSCharacters.ocd2":
					k, size := utf8.DecodeRune(key)
					if size != len(key) {
						continue
					}
					for _, v := range vals {
						if r, size := utf8.DecodeRuneInString(v); size == len(v) && r != utf8.RuneError {
							chars[k] = append(chars[k], r)
						}
					}
				case "TSPhrases.ocd2":
					phrases[string(key)] = vals[0]
				}
			}
		}
	}
	if len(chars) == 0 || len(phrases) == 0 {
		return nil, nil, errors.New("the opencc package's t2s data has no TSCharacters or TSPhrases")
	}
	return chars, phrases, nil
}

// firstIn returns the byte offset of the first character of s the rule
// looks at, or -1. It reads the UTF-8 bytes itself: the bits of a
// three-byte character give the bitmap's word and bit directly, where
// decoding each rune would cost twice as much.
func (tc *tradCharacters) firstIn(s string) int {
	bmp := &tc.bmp
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0xE3 && c < 0xF0 && i+2 < len(s) { // U+3000 to U+FFFF
			r := uint(c&0x0F)<<12 | uint(s[i+1]&0x3F)<<6 | uint(s[i+2]&0x3F)
			if bmp[(r>>6)&1023]&(1<<(r&63)) != 0 {
				return i
			}
			i += 3
			continue
		}
		if c < 0x80 {
			i++
			continue
		}
		if c >= 0xF0 {
			if r, _ := utf8.DecodeRuneInString(s[i:]); tc.astral[r] {
				return i
			}
		}
		i += utf8SeqLen(c)
	}
	return -1
}

// utf8SeqLen is the length of the UTF-8 sequence that starts with byte c
// (1 for a byte that starts none).
func utf8SeqLen(c byte) int {
	switch {
	case c < 0xC0:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}

// has reports whether the rule looks at r.
func (tc *tradCharacters) has(r rune) bool {
	if r >= 0 && r < 0x10000 {
		return tc.bmp[r/64]&(1<<(r%64)) != 0
	}
	return tc.astral[r]
}

func init() {
	register(Rule{ID: "traditional-in-simplified", Order: 60, Default: diag.Warning,
		What:   "a traditional character in a simplified-Chinese (zh-CN) publication",
		Flags:  "中國共产党",
		Leaves: "乾坤, a name listed under checks: allow:",
		Block: func(b *Block, _ []rune, opts *Options, diags *diag.List) {
			if opts.Simplified {
				TraditionalInSimplified(b, opts.Allow, diags)
			}
		}})
}

// TraditionalInSimplified flags a traditional character form in the text
// of a simplified Chinese publication (國 in 中國, 會議, 發展): a paste
// from a traditional source, or an input method set to traditional. A
// character both scripts use (乾 in 乾坤, 於 as a surname) is left alone
// unless OpenCC's phrases convert it where it stands (瞭 in 瞭解), and so
// is an allowed word or name (allow, from checks: allow: in
// publication.yaml) that contains it. Adjacent characters are reported
// together, at the first.
//
// Run it for zh-CN and zh-Hans publications only.
func TraditionalInSimplified(b *Block, allow []string, diags *diag.List) {
	if !b.chinese {
		return
	}
	tc := loadTraditional()
	// Most paragraphs have none: one bitmap test a character, and
	// nothing else is done unless one is found.
	first := tc.firstIn(b.Text)
	if first < 0 || b.Ignores("traditional-in-simplified") {
		return
	}
	rs := []rune(b.Text)
	offs := make([]int, len(rs)+1) // byte offset of each rune
	for i, n := 0, 0; i < len(rs); i++ {
		offs[i] = n
		n += utf8.RuneLen(rs[i])
	}
	offs[len(rs)] = len(b.Text)
	covered := tradAllowedSpans(b.Text, allow)
	type finding struct {
		at     int    // rune index
		to     rune   // the simplified form to write
		others []rune // other simplified forms, where no phrase decides
		phrase string // the simplified phrase that decided, for a shared character
	}
	var found []finding
	for i, r := range rs {
		if offs[i] < first || r < 0x3400 || !tc.has(r) || tradInSpans(covered, offs[i]) {
			continue
		}
		p, ok := tc.phraseAt(rs, i)
		simple, tradOnly := tc.simple[r]
		switch {
		case ok && p.to == r:
			continue // a phrase keeps it (乾坤)
		case ok:
			f := finding{at: i, to: p.to}
			if !tradOnly {
				f.phrase = p.word
			}
			found = append(found, f)
		case tradOnly:
			f := finding{at: i, to: simple[0]}
			for _, o := range simple[1:] {
				// Characters outside the basic block are rare variants
				// few fonts have: not worth naming.
				if o >= 0x4E00 && o <= 0x9FFF {
					f.others = append(f.others, o)
				}
			}
			found = append(found, f)
		}
	}
	// Report a run of adjacent characters (會議) once.
	for k := 0; k < len(found); {
		j := k + 1
		for j < len(found) && found[j].at == found[j-1].at+1 {
			j++
		}
		run := found[k:j]
		var trad, simple strings.Builder
		var notes []any
		for _, f := range run {
			trad.WriteRune(rs[f.at])
			simple.WriteRune(f.to)
			if len(f.others) > 0 {
				alts := make([]string, len(f.others))
				for n, o := range f.others {
					alts[n] = "“" + string(o) + "”"
				}
				notes = append(notes, msg.New("“%c” is %s in some senses", rs[f.at], strings.Join(alts, "/")))
			}
			if f.phrase != "" {
				notes = append(notes, msg.New("as in “%s”", f.phrase))
			}
		}
		pos := b.Pos(offs[run[0].at])
		switch {
		case len(run) == 1 && len(notes) == 0:
			diags.Warnf(pos, "traditional-in-simplified", "traditional form “%s” in simplified Chinese text: write “%s”, or if it is part of a name, add the name to checks: allow: in publication.yaml", trad.String(), simple.String())
		case len(run) == 1:
			diags.Warnf(pos, "traditional-in-simplified", "traditional form “%s” in simplified Chinese text: write “%s” (%s), or if it is part of a name, add the name to checks: allow: in publication.yaml", trad.String(), simple.String(), msg.Join("; ", notes))
		case len(notes) == 0:
			diags.Warnf(pos, "traditional-in-simplified", "traditional forms “%s” in simplified Chinese text: write “%s”, or if they are part of a name, add the name to checks: allow: in publication.yaml", trad.String(), simple.String())
		default:
			diags.Warnf(pos, "traditional-in-simplified", "traditional forms “%s” in simplified Chinese text: write “%s” (%s), or if they are part of a name, add the name to checks: allow: in publication.yaml", trad.String(), simple.String(), msg.Join("; ", notes))
		}
		k = j
	}
}

// phraseAt returns the longest of the data's phrases for rs[i] that the
// text around it matches; of two as long, one that keeps the character.
func (tc *tradCharacters) phraseAt(rs []rune, i int) (tradPhrase, bool) {
	var best tradPhrase
	ok := false
	for _, p := range tc.phrases[rs[i]] {
		start := i - p.at
		if start < 0 || start+len(p.text) > len(rs) || !slices.Equal(rs[start:start+len(p.text)], p.text) {
			continue
		}
		if !ok || len(p.text) > len(best.text) || len(p.text) == len(best.text) && p.to == rs[i] {
			best, ok = p, true
		}
	}
	return best, ok
}

// tradAllowedSpans returns the byte spans of text that the allowed words
// take, as start, end pairs.
func tradAllowedSpans(text string, allow []string) []int {
	var spans []int
	for _, w := range allow {
		if w == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(text[i:], w)
			if j < 0 {
				break
			}
			spans = append(spans, i+j, i+j+len(w))
			i += j + len(w)
		}
	}
	return spans
}

func tradInSpans(spans []int, i int) bool {
	for k := 0; k < len(spans); k += 2 {
		if i >= spans[k] && i < spans[k+1] {
			return true
		}
	}
	return false
}
