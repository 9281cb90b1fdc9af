package check

import "testing"

// The bag distance is a lower bound of the edit distance that rejects most
// candidate pairs; it must give the same answer whether a paragraph's runes
// are kept in two bytes or, for a character beyond them, in four.
func TestBagDistanceOver(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		limit int
		want  bool
	}{
		{"园区营商环境", "园区营商环境", 0, false},
		{"园区营商环境", "营商环境园区", 0, false}, // same characters, other order: distance 0
		{"园区营商环境", "园区营商服务", 1, true},  // 环境 against 服务: 2 each way
		{"园区营商环境", "园区营商服务", 2, false},
		{"园区营商环境好", "园区营商环境", 0, true}, // one character more
		{"园区营商环境好", "园区营商环境", 1, false},
		{"𠀀园区营商", "园区营商", 0, true}, // a character beyond two bytes
		{"𠀀园区营商", "园区营商", 1, false},
		{"𠀀园区营商", "𠀁园区营商", 0, true},
		{"𠀀园区营商", "𠀀营商园区", 0, false},
	} {
		a, b := newSortedRunes([]rune(c.a)), newSortedRunes([]rune(c.b))
		if got := bagDistanceOver(a, b, c.limit); got != c.want {
			t.Errorf("bagDistanceOver(%q, %q, %d) = %v, want %v", c.a, c.b, c.limit, got, c.want)
		}
		if got := bagDistanceOver(b, a, c.limit); got != c.want {
			t.Errorf("bagDistanceOver(%q, %q, %d) = %v, want %v", c.b, c.a, c.limit, got, c.want)
		}
	}
	if s := newSortedRunes([]rune("园区营商")); s.narrow == nil || s.wide != nil {
		t.Errorf("Chinese text kept in %d-byte runes", 4)
	}
}
