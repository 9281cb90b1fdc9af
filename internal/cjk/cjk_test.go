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

// IsWide: the characters between which Chinese text takes no space.
func TestIsWide(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'园', true}, {'㐀', true}, {'，', true}, {'。', true}, {'“', true}, {'—', true}, {'…', true}, {'·', true}, {'Ａ', true},
		{'a', false}, {'7', false}, {' ', false}, {',', false}, {'é', false}, {'-', false},
	} {
		if got := IsWide(tc.r); got != tc.want {
			t.Errorf("IsWide(%q) = %v, want %v", tc.r, got, tc.want)
		}
	}
}
