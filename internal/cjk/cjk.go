// Package cjk answers what folio's text rules ask of each character.
package cjk

import "unicode"

// CommonStart and CommonEnd bound the block of common ideographs
// (CJK Unified Ideographs, U+4E00 to U+9FFF).
const (
	CommonStart = 0x4E00
	CommonEnd   = 0x9FFF
)

// IsHan reports whether r is a Han character. Nearly every character of
// Chinese prose is in the block of common ideographs, which is all Han:
// it is tested first, before the script's table (a binary search that
// was a few percent of a large build's CPU, asked of every character
// several times over: reading time, checks, search).
func IsHan(r rune) bool {
	if r >= CommonStart && r <= CommonEnd {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// IsWide reports whether r is a Han character or East Asian full-width
// punctuation, between which no space belongs.
func IsWide(r rune) bool {
	return IsHan(r) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK symbols and punctuation
		(r >= 0xFF00 && r <= 0xFFEF) || // full-width forms
		(r >= 0x2018 && r <= 0x201F) || r == 0x2014 || r == 0x2026 || r == 0x00B7
}
