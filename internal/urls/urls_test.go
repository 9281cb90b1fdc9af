package urls

import "testing"

func TestRel(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"", "", "./"},
		{"", "reform/", "reform/"},
		{"reform/", "", "../"},
		{"reform/", "industry/", "../industry/"},
		{"reform/", "reform/", "./"},
		{"reform/", "assets/css/main.css", "../assets/css/main.css"},
		{"a/b/", "a/c/", "../c/"},
		{"a/b/", "x/", "../../x/"},
		{"404.html", "reform/", "reform/"},
	} {
		if got := Rel(tc.from, tc.to); got != tc.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}
