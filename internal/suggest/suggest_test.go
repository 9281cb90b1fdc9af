package suggest

import "testing"

func TestNearest(t *testing.T) {
	keys := []string{"title", "subtitle", "label", "weight", "slug", "summary", "author", "date", "cover", "cover_alt", "draft"}
	for _, tc := range []struct{ in, want string }{
		{"titel", "title"},
		{"Title", "title"},
		{"sumary", "summary"},
		{"wieght", "weight"},
		{"cover-alt", "cover_alt"},
		{"drafts", "draft"},
		{"colour", ""}, // nothing close: no guess
		{"x", ""},
	} {
		if got := Nearest(tc.in, keys); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"titel", "title", 1}, {"kitten", "sitting", 3}, {"改革", "改格", 1}, {"", "abc", 3},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
