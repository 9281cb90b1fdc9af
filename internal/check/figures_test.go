package check

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

func TestSentencesAgreeWithRegexp(t *testing.T) {
	re := regexp.MustCompile(`[^。！？；]+[。！？；]?`)
	for _, text := range []string{"", "。", "园区增长16.1%。", "一。二！三？四；五", "。。开头；；结尾！", "no marks at all", "甲。\n乙"} {
		var want [][2]int
		for _, loc := range re.FindAllStringIndex(text, -1) {
			want = append(want, [2]int{loc[0], loc[1]})
		}
		if got := sentences(text); !slices.Equal(got, want) {
			t.Errorf("sentences(%q) = %v, want %v", text, got, want)
		}
	}
}

// yearOf finds what the regexp it replaced found, on sentences made of the
// characters that matter to it.
func TestYearOfAgreesWithRegexp(t *testing.T) {
	re := regexp.MustCompile(`(\d{4})\s*年`)
	r := rand.New(rand.NewPCG(1, 2))
	parts := []string{"年", "1", "2", "0", "9", " ", "\t", "\n", "增长", "5.3%", "约", "１"}
	for range 20000 {
		s := ""
		for range r.IntN(16) {
			s += parts[r.IntN(len(parts))]
		}
		want := ""
		if m := re.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		if got := yearOf(s); got != want {
			t.Fatalf("yearOf(%q) = %q, the regexp finds %q", s, got, want)
		}
	}
}
