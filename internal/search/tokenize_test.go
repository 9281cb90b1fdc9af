package search

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestTokens(t *testing.T) {
	for in, want := range map[string]string{
		"一段简单":           "一 段 一段 简 段简 单 简单",
		"GDP增速5.3%":      "gdp 增 速 增速 5 3",
		"ＧＤＰ":            "gdp",
		"尼龙新材料，产业园":      "尼 龙 尼龙 新 龙新 材 新材 料 材料 产 业 产业 园 业园",
		"Hello, World 2": "hello world 2",
		"":               "",
	} {
		if got := strings.Join(Tokens(in), " "); got != want {
			t.Errorf("Tokens(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQueryTokens(t *testing.T) {
	for in, want := range map[string]string{
		"段简":     "段简",
		"尼龙":     "尼龙",
		"帮办代办":   "帮办 办代 代办",
		"尼":      "尼",
		"GDP":    "gdp",
		"园区 GDP": "园区 gdp",
	} {
		if got := strings.Join(QueryTokens(in), " "); got != want {
			t.Errorf("QueryTokens(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzTokens: any text tokenizes without a panic into non-empty tokens
// taken from the normalised, lower-cased text, and a query for any token
// asks for what the index holds.
func FuzzTokens(f *testing.F) {
	for _, seed := range []string{"一段简单", "GDP增速5.3%", "ＧＤＰ", "Hello, World 2", "", "\xff\xfe", "ﬁ́Ǆ", "第45批，园区。"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		normal := strings.ToLower(norm.NFKC.String(text))
		indexed := map[string]bool{}
		for _, tok := range Tokens(text) {
			if tok == "" || !strings.Contains(normal, tok) {
				t.Fatalf("token %q is not in %q", tok, normal)
			}
			indexed[tok] = true
		}
		if !utf8.ValidString(text) {
			return
		}
		for _, q := range QueryTokens(text) {
			if !indexed[q] {
				t.Errorf("a query for the text itself asks for %q, which its index lacks", q)
			}
		}
	})
}

// TestStableTextSkipsNormalizing: for text tokensStable accepts, the
// tokens are those of its NFKC form.
func TestStableTextSkipsNormalizing(t *testing.T) {
	normalized := func(s string) string {
		var out []string
		tokenize(strings.ToLower(norm.NFKC.String(s)), func(tok string) { out = append(out, tok) })
		return strings.Join(out, " ")
	}
	checked := 0
	for r := rune(0); r <= 0xFFFF; r++ {
		if !tokensStable(string(r)) {
			continue
		}
		checked++
		for _, s := range []string{string(r), "园" + string(r) + "区", "a" + string(r) + "1", string(r) + "x"} {
			if got, want := strings.Join(Tokens(s), " "), normalized(s); got != want {
				t.Fatalf("%U in %q: %q, normalized %q", r, s, got, want)
			}
		}
	}
	if checked < 20000 {
		t.Errorf("only %d characters take the fast path", checked)
	}
}

// Words are lower-cased as they are yielded, not the whole text first:
// lower case keeps every character a Han character, a letter or digit,
// or neither, as it was, so the tokens are those of the lower-cased text.
func TestWordsLowerCasedAsTheText(t *testing.T) {
	class := func(r rune) int {
		switch {
		case unicode.Is(unicode.Han, r):
			return 1
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return 2
		}
		return 0
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if class(r) != class(unicode.ToLower(r)) {
			t.Fatalf("%U lower-cases to %U, of another kind", r, unicode.ToLower(r))
		}
	}
	rnd := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"园", "区", "A", "b", "Σ", "İ", "K", "ǅ", "Ⅻ", "７", "Ａ", " ", "，", "-", "é", "É", "1"}
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(12) {
			b.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		s := b.String()
		var whole []string
		tokenize(strings.ToLower(norm.NFKC.String(s)), func(tok string) { whole = append(whole, tok) })
		if got, want := strings.Join(Tokens(s), " "), strings.Join(whole, " "); got != want {
			t.Fatalf("%q: %q, lower-cased first %q", s, got, want)
		}
	}
}
