package check

import (
	"math/rand/v2"
	"strings"
	"testing"

	"folio/internal/diag"
	"folio/internal/suggest"
)

// The bag of characters rejects a pair of paragraphs only when their edit
// distance is over the limit: it is a lower bound. Random pairs over a
// small alphabet (so characters repeat and share bins), with characters
// beyond two bytes and runs longer than a bin's count can hold.
func TestRuneBagIsALowerBound(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("园区营商环境服务企业项目建设数字化平台𠀀𠀁abc019")
	text := func() []rune {
		var rs []rune
		for range r.IntN(40) {
			rs = append(rs, alphabet[r.IntN(len(alphabet))])
		}
		if r.IntN(4) == 0 {
			rs = append(rs, []rune(strings.Repeat("园", 250+r.IntN(20)))...)
		}
		return rs
	}
	rejected := 0
	for range 20000 {
		a := text()
		b := a
		if r.IntN(2) == 0 {
			b = text()
		} else { // an edited copy
			b = append([]rune{}, a...)
			for range r.IntN(4) {
				if len(b) > 0 {
					b[r.IntN(len(b))] = alphabet[r.IntN(len(alphabet))]
				}
			}
		}
		distance := suggest.Distance(string(a), string(b))
		for _, limit := range []int{0, 1, 3, 10} {
			if newRuneBag(a).over(newRuneBag(b), limit) {
				rejected++
				if distance <= limit {
					t.Fatalf("%q and %q rejected at limit %d, edit distance %d", string(a), string(b), limit, distance)
				}
			}
		}
	}
	if rejected == 0 {
		t.Fatal("no pair rejected: the bound tells nothing")
	}
}

func TestRuneBagOver(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		limit int
		want  bool
	}{
		{"园区营商环境", "园区营商环境", 0, false},
		{"园区营商环境", "营商环境园区", 0, false}, // same characters, other order: distance 0
		{"园区营商环境好", "园区营商环境", 0, true}, // one character more
		{"园区营商环境好", "园区营商环境", 1, false},
		{"𠀀园区营商", "园区营商", 0, true}, // a character beyond two bytes
		{"𠀀园区营商", "𠀀营商园区", 0, false},
		{strings.Repeat("园", 300), strings.Repeat("园", 299), 0, false}, // counts stop at 255
	} {
		a, b := newRuneBag([]rune(c.a)), newRuneBag([]rune(c.b))
		if got := a.over(b, c.limit); got != c.want {
			t.Errorf("over(%q, %q, %d) = %v, want %v", c.a, c.b, c.limit, got, c.want)
		}
		if got := b.over(a, c.limit); got != c.want {
			t.Errorf("over(%q, %q, %d) = %v, want %v", c.b, c.a, c.limit, got, c.want)
		}
	}
}

// A paragraph keeps its normalised text in two bytes a character, four
// beyond them: decoded, it is the text again, which the edit distance
// reads.
func TestDupParaKeepsItsText(t *testing.T) {
	pos := func() diag.Position { return diag.Position{File: "a.md", Line: 1, Col: 1} }
	for _, text := range []string{
		"园区坚持把营商环境作为第一竞争力推行企业开办一网通办",
		"𠀀园区𠀁坚持把营商环境作为第一竞争力推行企业开办一网通办𠀀",
		"gdp增长53园区坚持把营商环境作为第一竞争力ǅé",
		strings.Repeat("𠀀", 25),
	} {
		norm := []rune(text)
		p := newDupPara(norm, pos, false)
		if p == nil {
			t.Fatalf("%q: not prepared", text)
		}
		if got := string(p.runes()); got != text || p.n != len(norm) {
			t.Errorf("%q: decoded %q, %d characters", text, got, p.n)
		}
	}
	if p := newDupPara([]rune("见下表"), pos, false); p != nil {
		t.Errorf("a short paragraph is prepared: %+v", p)
	}
}
