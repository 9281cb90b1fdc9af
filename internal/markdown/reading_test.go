package markdown

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// A paragraph's reading time is counted from its lines as they are, the
// way it would be counted from the lines joined: the same counts for text
// mixing Chinese, Latin words, full-width letters (wide, and letters),
// spaces and line breaks anywhere.
func TestReadingTimeOfLinesAsJoined(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"园", "区", "a", "b", "7", "Ａ", "１", " ", "\n", "，", "。", "“", "—", "é", "\t", "\n\n"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		text := b.String()
		want := readingTime{}.add(JoinLines(text))
		if got := (readingTime{}).addLines([]byte(text)); got != want {
			t.Fatalf("%q: counted %+v from the lines, %+v from them joined", text, got, want)
		}
	}
}
