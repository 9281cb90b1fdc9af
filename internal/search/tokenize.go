// Package search builds the publication's full-text search index at build
// time: Chinese text indexed by single characters and character bigrams,
// Latin words and numbers lower-cased, the same segmentation applied to
// queries by assets/js/search.js, so any run of two or more characters is
// found. The index is split into fragments by token, so a query loads only
// the fragments of its own tokens and the documents of its results.
package search

import (
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"folio/internal/cjk"
)

// Tokens segments text: each Han character and each pair of neighbouring
// Han characters, and each run of other letters or digits, lower-cased.
// assets/js/search.js does exactly the same to a query.
func Tokens(text string) []string {
	var tokens []string
	eachToken(text, func(t string) { tokens = append(tokens, t) })
	return tokens
}

// eachToken calls yield with Tokens(text) in order. The tokens are
// substrings of the normalized text, not copies, but for words with
// capitals: tokenizing is most of an index's cost, and most of that was
// allocation.
func eachToken(text string, yield func(string)) {
	tokenize(normalized(text), yield)
}

// normalized is text in NFKC, where that changes its tokens.
func normalized(text string) string {
	if !tokensStable(text) {
		return norm.NFKC.String(text)
	}
	return text
}

// tokenize is eachToken of normalized text.
func tokenize(text string, yield func(string)) {
	scan(text, func(_ rune, i, size, prev int) {
		yield(text[i : i+size])
		if prev >= 0 {
			yield(text[prev : i+size])
		}
	}, func(word string) { yield(strings.ToLower(word)) })
}

// scan splits normalized text into its tokens' pieces: han is called with
// each Han character, where it starts in text, its length in bytes, and
// where the Han character right before it starts (-1 when the character
// before is not Han): its tokens are the character and that pair. word is
// called with each run of other letters and digits, not lower-cased. Only words are lower-cased, each
// as it is yielded: lower-casing the whole text first asked every
// Chinese character's case (a table search each), and lower case has the
// same letters, digits and Han characters as the text (a test checks
// every code point), so the tokens are the same.
func scan(text string, han func(r rune, i, size, prev int), word func(string)) {
	wordStart, prevHan := -1, -1
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case cjk.IsHan(r):
			if wordStart >= 0 {
				word(text[wordStart:i])
				wordStart = -1
			}
			han(r, i, size, prevHan)
			prevHan = i
			i += size
			continue
		case r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9'),
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if wordStart < 0 {
				wordStart = i
			}
		default:
			if wordStart >= 0 {
				word(text[wordStart:i])
				wordStart = -1
			}
		}
		prevHan = -1
		i += size
	}
	if wordStart >= 0 {
		word(text[wordStart:])
	}
}

// QueryTokens are the tokens a query must all match: the bigrams of each
// run of two or more Chinese characters (a lone character itself), and the
// words.
func QueryTokens(query string) []string {
	query = strings.ToLower(norm.NFKC.String(query))
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	var han, word []rune
	flush := func() {
		switch {
		case len(han) == 1:
			add(string(han))
		case len(han) > 1:
			for i := 1; i < len(han); i++ {
				add(string(han[i-1 : i+1]))
			}
		}
		han = han[:0]
		add(string(word))
		word = word[:0]
	}
	for _, r := range query {
		switch {
		case cjk.IsHan(r):
			if len(word) > 0 {
				flush()
			}
			han = append(han, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(han) > 0 {
				flush()
			}
			word = append(word, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// Fragment is the index fragment a token lives in: FNV-1a of its UTF-8
// bytes modulo the fragment count (search.js computes the same).
func Fragment(token string, fragments int) int {
	h := fnv.New32a()
	h.Write([]byte(token))
	return int(h.Sum32() % uint32(fragments))
}

// tokensStable reports whether NFKC would leave text's tokens as they are:
// every character is ASCII, a common Han character, or CJK, full-width or
// general punctuation that NFKC maps to punctuation again (，to ",").
// Chinese prose is nearly all such text, and normalizing it was a sixth of
// the index's time.
func tokensStable(text string) bool {
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf,
			r >= 0x4E00 && r <= 0x9FFF,
			r >= 0x3000 && r <= 0x3037, r >= 0x303B && r <= 0x303F, // not the Hangzhou numerals 〸〹〺
			r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65,
			r >= 0x2000 && r <= 0x206F:
		default:
			return false
		}
	}
	return true
}
