package msg

import "testing"

func TestPluralf(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 files"}, {1, "1 file"}, {2, "2 files"}, {11, "11 files"}} {
		if got := Pluralf(tc.n, "%d file", "%d files", tc.n).String(); got != tc.want {
			t.Errorf("Pluralf(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestProblems(t *testing.T) {
	for _, tc := range []struct {
		errs, warns int
		want, zh    string
	}{
		{0, 0, "no problems", "没有问题"},
		{1, 0, "1 error", "1 个错误"},
		{2, 0, "2 errors", "2 个错误"},
		{0, 1, "1 warning", "1 个警告"},
		{0, 3, "3 warnings", "3 个警告"},
		{1, 1, "1 error and 1 warning", "1 个错误和 1 个警告"},
		{1, 2, "1 error and 2 warnings", "1 个错误和 2 个警告"},
		{2, 1, "2 errors and 1 warning", "2 个错误和 1 个警告"},
		{5, 7, "5 errors and 7 warnings", "5 个错误和 7 个警告"},
	} {
		p := Problems(tc.errs, tc.warns)
		if got := p.String(); got != tc.want {
			t.Errorf("Problems(%d, %d) = %q, want %q", tc.errs, tc.warns, got, tc.want)
		}
		if got := p.In(Chinese); got != tc.zh {
			t.Errorf("Problems(%d, %d) in Chinese = %q, want %q", tc.errs, tc.warns, got, tc.zh)
		}
	}
}
