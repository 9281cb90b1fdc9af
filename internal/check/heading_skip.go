package check

import (
	"strings"

	"folio/internal/diag"
)

func init() {
	register(Rule{ID: "heading-skip", Order: 120, Default: diag.Warning,
		What:   "a heading more than one level below the one before it",
		Flags:  "### right after the title",
		Leaves: "## then ###",
		Page:   func(blocks []*Block, _ *Options, diags *diag.List) { HeadingSkip(blocks, diags) }})
}

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
