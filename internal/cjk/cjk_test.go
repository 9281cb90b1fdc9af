package cjk

import (
	"testing"
	"unicode"
)

// IsHan agrees with Unicode's Han script on every code point.
func TestIsHanIsTheHanScript(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := IsHan(r), unicode.Is(unicode.Han, r); got != want {
			t.Fatalf("IsHan(%U) = %v, want %v", r, got, want)
		}
	}
}
