// Package suggest finds the nearest known name to a misspelt one, for
// "did you mean" hints in diagnostics.
package suggest

import "strings"

// Nearest returns the candidate closest to name by edit distance, or "" when
// none is close enough to be a plausible typo (at most a third of the
// longer name's characters differ, and at least one character is kept).
func Nearest(name string, candidates []string) string {
	best, bestDist := "", -1
	lname := strings.ToLower(name)
	for _, c := range candidates {
		d := Distance(lname, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	limit := max(len([]rune(name)), len([]rune(best))) / 3
	if limit < 1 {
		limit = 1
	}
	if bestDist > limit {
		return ""
	}
	return best
}

// Distance is the Damerau–Levenshtein (optimal string alignment) distance
// between a and b in runes: a swap of two neighbours (titel/title) counts one.
func Distance(a, b string) int {
	return RuneDistance([]rune(a), []rune(b))
}

// RuneDistance is Distance of texts already in runes.
func RuneDistance(ra, rb []rune) int {
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
