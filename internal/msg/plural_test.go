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

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		text         Text
		lang         Lang
		problem, fix string
	}{
		{New("link to %s: no such page in the publication (resolved to content/%s); check the file name, or whether the page is a draft", "a:b.md", "a:b.md"), English,
			"link to a:b.md", "no such page in the publication (resolved to content/a:b.md); check the file name, or whether the page is a draft"},
		{New("link to %s: no such page in the publication (resolved to content/%s); check the file name, or whether the page is a draft", "a.md", "a.md"), Chinese,
			"链接到 a.md", "出版物中没有这一页（解析为 content/a.md）；请检查文件名，或该页是否为草稿"},
		{New("unknown indicator %q (did you mean %q?)", "gdp", "gdp-growth"), English, `unknown indicator "gdp"`, `did you mean "gdp-growth"?`},
		{New("unknown indicator %q (did you mean %q?)", "gdp", "gdp-growth"), Chinese, `未知指标 "gdp"`, `是不是 "gdp-growth"？`},
		{New("the image has no pixels"), English, "the image has no pixels", ""},
		{New("%s", New("unknown indicator %q (did you mean %q?)", "gdp", "gdp-growth")), Chinese, `未知指标 "gdp"`, `是不是 "gdp-growth"？`},
	} {
		p, f := c.text.Split(c.lang)
		if p != c.problem || f != c.fix {
			t.Errorf("Split(%q, %v) = %q, %q; want %q, %q", c.text.Format, c.lang, p, f, c.problem, c.fix)
		}
	}
}

func TestJoin(t *testing.T) {
	j := Join(" and ", []string{"chapters/images/a.jpg", "images/a.jpg"})
	if got := j.String(); got != "chapters/images/a.jpg and images/a.jpg" {
		t.Errorf("English: %q", got)
	}
	if got := j.In(Chinese); got != "chapters/images/a.jpg、images/a.jpg" {
		t.Errorf("Chinese: %q", got)
	}
	notes := Join("; ", []any{New("as in “%s”", "据了解"), "x"})
	if got := notes.In(Chinese); got != "如“据了解”；x" {
		t.Errorf("Chinese notes: %q", got)
	}
}
