package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"folio/internal/cjk"
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
		first, _ := utf8.DecodeRuneInString(l)
		if last != 0 && !(cjk.IsWide(last) && cjk.IsWide(first)) {
			b.WriteByte(' ')
		}
		b.WriteString(l)
		last, _ = utf8.DecodeLastRuneInString(l)
	}
	return b.String()
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
		t, inWord = t.count(r, inWord)
	}
	return t
}

func (t readingTime) count(r rune, inWord bool) (readingTime, bool) {
	switch {
	case cjk.IsHan(r):
		t.han++
		return t, false
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		if !inWord {
			t.words++
		}
		return t, true
	}
	return t, false
}

// addLines is add(JoinLines(string(text))) without making the joined
// text: a build counts every paragraph, and only the first is kept.
func (t readingTime) addLines(text []byte) readingTime {
	inWord := false
	var last rune
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		// JoinLines puts a space here unless both sides are wide.
		if first, _ := utf8.DecodeRune(line); last != 0 && !(cjk.IsWide(last) && cjk.IsWide(first)) {
			inWord = false
		}
		for i := 0; i < len(line); {
			r, size := utf8.DecodeRune(line[i:])
			t, inWord = t.count(r, inWord)
			i += size
		}
		last, _ = utf8.DecodeLastRune(line)
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
