package check

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"folio/internal/cjk"
)

// hanShare is the share of Han characters among the words of s, a Han
// character counting as a word, as does a run of Latin letters or digits.
func hanShare(s string) float64 {
	han, letters := 0, 0
	inWord := false
	for _, r := range s {
		switch {
		case cjk.IsHan(r):
			han++
			letters++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				letters++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(han) / float64(letters)
}

// chinese says whether a block is Chinese running text.
func chinese(s string) bool { return hanShare(s) >= 0.5 }

// runeAt returns the rune starting at byte i and the one before it.
func around(s string, start, end int) (before, after rune) {
	if start > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:start])
	}
	if end < len(s) {
		after, _ = utf8.DecodeRuneInString(s[end:])
	}
	return before, after
}

// appendRunes appends the runes of s to rs.
func appendRunes(rs []rune, s string) []rune {
	for _, r := range s {
		rs = append(rs, r)
	}
	return rs
}

// runsOf yields the start and end of each run of the byte c in s (the
// spaces of 4850  人, the hyphens of 生死关头--中国).
func runsOf(s string, c byte) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; ; {
			k := strings.IndexByte(s[i:], c)
			if k < 0 {
				return
			}
			start := i + k
			end := start
			for end < len(s) && s[end] == c {
				end++
			}
			if !yield(start, end) {
				return
			}
			i = end
		}
	}
}
