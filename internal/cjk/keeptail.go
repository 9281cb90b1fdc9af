package cjk

import (
	"unicode"
	"unicode/utf8"
)

// KeepTail splits a short line of Chinese text (a heading, a figure's
// label, a card's title) where its last two characters begin, so that a
// layout can keep them on one line: a line break never leaves a single
// character alone on the last line. The tail counts two units, a unit
// being one Chinese (or Japanese, Korean) character or a run of Latin
// letters and digits, which does not break anyway; punctuation that
// cannot begin or end a line goes with its neighbour. Text that has no
// more than two units, or whose last part after a space has fewer than
// two, is not split: tail is "".
func KeepTail(s string) (head, tail string) {
	i := len(s)
	units := 0
	for i > 0 && units < 2 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case unicode.IsSpace(r) || r == utf8.RuneError:
			// The line may break at a space: what follows it is its own.
			return s, ""
		case isNarrowWord(r):
			word := false
			for i > 0 {
				r, n := utf8.DecodeLastRuneInString(s[:i])
				if !isNarrowWord(r) {
					break
				}
				word = word || unicode.IsLetter(r) || unicode.IsDigit(r)
				i -= n
			}
			if word {
				units++
			}
		case isSyllable(r):
			i -= n
			units++
		default:
			// Punctuation and symbols stay with what is next to them:
			// closing marks cannot begin a line, opening ones cannot end
			// one.
			i -= n
		}
	}
	// An opening mark just before the tail goes with it.
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.In(r, unicode.Ps, unicode.Pi) {
			break
		}
		i -= n
	}
	if units < 2 || i == 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

// isSyllable reports whether r is a character a line may break before
// or after: Han, kana, Hangul, full-width letters and digits.
func isSyllable(r rune) bool {
	return IsHan(r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0xFF10 && r <= 0xFF5A && (unicode.IsLetter(r) || unicode.IsDigit(r)))
}

// isNarrowWord reports whether r belongs to a run of Latin text that does
// not break inside: letters, digits and the ASCII marks between them
// (2,600, 5.3%, GDP).
func isNarrowWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r > ' ' && r != 0x7f
	}
	return !isSyllable(r) && !IsWide(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
