package plural

import "testing"

func TestSprintf(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 files"}, {1, "1 file"}, {2, "2 files"}, {11, "11 files"}} {
		if got := Sprintf(tc.n, "%d file", "%d files", tc.n); got != tc.want {
			t.Errorf("Sprintf(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestProblems(t *testing.T) {
	for _, tc := range []struct {
		errs, warns int
		want        string
	}{
		{0, 0, "no problems"},
		{1, 0, "1 error"},
		{2, 0, "2 errors"},
		{0, 1, "1 warning"},
		{0, 3, "3 warnings"},
		{1, 1, "1 error and 1 warning"},
		{1, 2, "1 error and 2 warnings"},
		{2, 1, "2 errors and 1 warning"},
		{5, 7, "5 errors and 7 warnings"},
	} {
		if got := Problems(tc.errs, tc.warns); got != tc.want {
			t.Errorf("Problems(%d, %d) = %q, want %q", tc.errs, tc.warns, got, tc.want)
		}
	}
}
