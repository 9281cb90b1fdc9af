package markdown

import (
	"strings"
	"unicode"
)

// JoinLines joins the lines of s the way a reader expects Chinese text to
// flow: no space where both sides of a line break are Chinese (or
// full-width punctuation), one space elsewhere.
func JoinLines(s string) string {
	if !strings.Contains(s, "\n") {
		return strings.TrimSpace(s)
	}
	lines := strings.Split(s, "\n")
	var b strings.Builder
	var last rune
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		first := []rune(l)[0]
		if last != 0 && !(IsWide(last) && IsWide(first)) {
			b.WriteByte(' ')
		}
		b.WriteString(l)
		r := []rune(l)
		last = r[len(r)-1]
	}
	return b.String()
}

// IsWide reports whether r is a Han character or East Asian full-width
// punctuation, between which no space belongs.
func IsWide(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK symbols and punctuation
		(r >= 0xFF00 && r <= 0xFFEF) || // full-width forms
		(r >= 0x2018 && r <= 0x201F) || r == 0x2014 || r == 0x2026 || r == 0x00B7
}

// ReadingMinutes estimates reading time: Chinese at about 400 characters a
// minute and other words at about 200 a minute, counted separately so mixed
// text is not counted as all-Chinese. It is at least one minute.
func ReadingMinutes(text string) int { return readingTime{}.add(text).minutes() }

// readingTime counts what ReadingMinutes reads, text by text: a text
// break ends a word.
type readingTime struct{ han, words int }

func (t readingTime) add(text string) readingTime {
	inWord := false
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			t.han++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				t.words++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	return t
}

func (t readingTime) minutes() int {
	minutes := (float64(t.han)/400 + float64(t.words)/200)
	n := int(minutes + 0.5)
	return max(n, 1)
}

// Truncate shortens s to at most n characters, ending with an ellipsis when
// it was cut.
func Truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimRightFunc(string(r[:n-1]), unicode.IsSpace) + "…"
}
