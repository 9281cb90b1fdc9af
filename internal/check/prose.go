package check

import (
	"strings"

	"folio/internal/diag"
)

// HeadingSkip flags a heading more than one level below the one before it
// (a page's title is its level 1; its sections start at ##).
func HeadingSkip(blocks []*Block, diags *diag.List) {
	level := 1
	for _, b := range blocks {
		if b.Kind != Heading {
			continue
		}
		if b.Level > level+1 && !b.Ignores("heading-skip") {
			diags.Warnf(b.Pos(0), "heading-skip", "heading level %d follows level %d: screen readers navigate by levels; use %s", b.Level, level, strings.Repeat("#", level+1))
		}
		level = b.Level
	}
}

// containsByte reports whether a byte of s satisfies is: a cheap test that
// lets a paragraph skip a regexp that cannot match it.
func containsByte(s string, is func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if is(s[i]) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }
