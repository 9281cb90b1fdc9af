package check

import (
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
