package check

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"folio/internal/cjk"
	"folio/internal/diag"
)

// The word lists come from a dictionary, not from guesswork: see the
// header of each file and tools/wordlists.
var (
	//go:embed words/reduplications.txt
	reduplicationsText string
	//go:embed words/twochar.txt
	twoCharText string

	wordsOnce      sync.Once
	reduplications map[string]bool
	twoChar        map[string]bool
)

func loadWords() {
	wordsOnce.Do(func() {
		reduplications = wordSet(reduplicationsText)
		// Reduplications every reader knows that the dictionary ranks low.
		for _, w := range []string{"年年", "岁岁", "代代", "月月", "村村", "户户", "件件", "项项", "条条", "样样", "句句", "字字", "一一"} {
			reduplications[w] = true
		}
		twoChar = wordSet(twoCharText)
	})
}

func wordSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			set[line] = true
		}
	}
	return set
}

// repeatedWord flags a Chinese word of one to four characters written
// twice back to back (委委, 企业企业) unless the doubled form is itself a
// word (常常, 高高兴兴) or, for one character, the two halves belong to
// two words that meet there (部门门口: 部门 + 门口).
//
// rs is b's text in runes: a page's checks convert every block's into one
// buffer.
func repeatedWord(b *Block, rs []rune, diags *diag.List) {
	if b.Ignores("repeated-word") {
		return
	}
	loadWords()
outer:
	for i := 0; i < len(rs); i++ {
		// Nothing repeats here unless the character comes back within four
		// (or the next two are alike, as in 绿油油): most positions end here,
		// without building any string.
		if !repeatsNear(rs, i) {
			continue
		}
		// A reduplicated word starting here (高高兴兴, 常常) is fine.
		for l := 4; l >= 2; l-- {
			if i+l <= len(rs) && reduplications[string(rs[i:i+l])] {
				i += l - 1
				continue outer
			}
		}
		for n := 4; n >= 1; n-- {
			if i+2*n > len(rs) || !slices.Equal(rs[i:i+n], rs[i+n:i+2*n]) || !allHan(rs[i:i+2*n]) {
				continue
			}
			doubled := string(rs[i : i+2*n])
			if n == 1 {
				var prev, next rune
				if i > 0 {
					prev = rs[i-1]
				}
				if i+2 < len(rs) {
					next = rs[i+2]
				}
				if twoChar[string([]rune{prev, rs[i]})] || twoChar[string([]rune{rs[i], next})] {
					break
				}
			}
			diags.Add(diag.Diagnostic{Pos: b.Pos(byteOffset(rs, i+n)), Severity: diag.Warning, Rule: "repeated-word",
				Message: fmt.Sprintf("“%s” is written twice (%s): delete the repeat, or if the doubling is meant, add <!-- folio:ignore repeated-word --> before the paragraph", string(rs[i:i+n]), doubled)})
			i += 2*n - 1
			break
		}
	}
}

// byteOffset is where rune i of rs starts in its UTF-8 text. It is
// counted only for a repeat found: a table of every rune's offset cost
// twice the runes themselves, for every paragraph checked.
func byteOffset(rs []rune, i int) int {
	n := 0
	for _, r := range rs[:i] {
		n += utf8.RuneLen(r)
	}
	return n
}

func repeatsNear(rs []rune, i int) bool {
	for j := 1; j <= 4 && i+j < len(rs); j++ {
		if rs[i] == rs[i+j] {
			return true
		}
	}
	return i+2 < len(rs) && rs[i+1] == rs[i+2]
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !cjk.IsHan(r) {
			return false
		}
	}
	return true
}
