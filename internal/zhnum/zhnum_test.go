package zhnum

import "testing"

func TestNumerals(t *testing.T) {
	for _, c := range []struct {
		n              int
		ordinal, count string
	}{
		{-1, "-1", "-1"},
		{0, "0", "零"},
		{1, "一", "一"},
		{2, "二", "两"},
		{9, "九", "九"},
		{10, "十", "十"},
		{11, "十一", "十一"},
		{12, "十二", "十二"},
		{20, "二十", "二十"},
		{22, "二十二", "二十二"},
		{45, "四十五", "四十五"},
		{99, "九十九", "九十九"},
		{100, "100", "100"},
	} {
		if got := Ordinal(c.n); got != c.ordinal {
			t.Errorf("Ordinal(%d) = %q, want %q", c.n, got, c.ordinal)
		}
		if got := Count(c.n); got != c.count {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.count)
		}
	}
}
