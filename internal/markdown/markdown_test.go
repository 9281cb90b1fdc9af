package markdown

import (
	"errors"
	"flag"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"folio/internal/diag"
	"folio/internal/markdown/headingid"
	"folio/internal/markdown/mdenv"
	"folio/internal/picture"
)

func convert(t *testing.T, opts Options, src string) *Result {
	t.Helper()
	res, err := New(opts).Convert([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestConvert(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
		not      []string
	}{
		{"cjk soft break adds no space", "中文一行\n接着一行。\nEnglish line\nnext", []string{"<p>中文一行接着一行。English line\nnext</p>"}, nil},
		{"heading ids keep Chinese", "## 改革历程\n\n## Key Figures 2021\n\n## 改革历程", []string{`<h2 id="改革历程">`, `<h2 id="key-figures-2021">`, `<h2 id="改革历程-1">`}, nil},
		{"punctuation dropped from ids", "## 党建+服务企业：一对一", []string{`id="党建服务企业一对一"`}, nil},
		{"explicit id attribute", "## 标题 {#custom}\n\n## custom", []string{`<h2 id="custom">标题</h2>`, `<h2 id="custom-1">`}, nil},
		{"table", "| a | b |\n|:-|-:|\n| 1 | 2 |", []string{`<div class="table-scroll" tabindex="0" role="group" aria-label="表格（可左右滑动）">` + "\n<table>", `<th style="text-align:left">a</th>`, "</table>\n</div>"}, []string{" align="}},
		{"strikethrough", "~~旧~~", []string{"<del>旧</del>"}, nil},
		{"autolink", "见 https://example.org 。", []string{`<a href="https://example.org">https://example.org</a>`}, nil},
		{"task list", "- [x] 完成\n- [ ] 未完", []string{`<input checked="" disabled="" type="checkbox"`}, nil},
		{"footnote", "正文[^1]\n\n[^1]: 注释", []string{`<sup id="fnref:1">`, `<li id="fn:1">`, "注释"}, nil},
		{"raw html dropped", "<script>alert(1)</script>\n\n<b>粗</b>", []string{"<!-- raw HTML omitted -->"}, []string{"<script>", "<b>"}},
		{"javascript link neutralised", "[x](javascript:alert(1))", []string{`<a href="">x</a>`}, []string{"javascript:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			html := string(convert(t, Options{}, tc.in).HTML)
			for _, w := range tc.want {
				if !strings.Contains(html, w) {
					t.Errorf("output lacks %q:\n%s", w, html)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(html, n) {
					t.Errorf("output has %q:\n%s", n, html)
				}
			}
		})
	}
}

func TestAllowHTML(t *testing.T) {
	html := string(convert(t, Options{AllowHTML: true}, "<b>粗</b>").HTML)
	if !strings.Contains(html, "<b>粗</b>") {
		t.Errorf("raw HTML not passed through with AllowHTML: %s", html)
	}
}

func TestOutlineAndText(t *testing.T) {
	res := convert(t, Options{}, "导语第一段，\n继续。\n\n## 第一节\n\n正文。\n\n### 小节\n\n## 第二节 {#two}\n")
	var got []string
	for _, h := range res.Headings {
		got = append(got, h.ID+"/"+h.Text)
	}
	if strings.Join(got, " ") != "第一节/第一节 小节/小节 two/第二节" {
		t.Errorf("headings = %v", got)
	}
	if res.FirstPara != "导语第一段，继续。" {
		t.Errorf("first paragraph = %q", res.FirstPara)
	}
	for _, id := range []string{"第一节", "小节", "two"} {
		if !res.IDs[id] {
			t.Errorf("id %q not recorded", id)
		}
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"五个一服务机制":         "五个一服务机制",
		"  Hello World  ": "hello-world",
		"党建+科技":           "党建科技",
		"2018年 — 改革":      "2018年-改革",
		"“三类三层四板块”":       "三类三层四板块",
		"!!!":             "",
		"a_b-c":           "a-b-c",
	} {
		if got := headingid.Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadingMinutes(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 1},
		{strings.Repeat("字", 400), 1},
		{strings.Repeat("字", 1600), 4},
		{strings.Repeat("字", 1000), 3}, // 2.5 rounds up
		{strings.Repeat("word ", 400), 2},
		{strings.Repeat("字", 800) + strings.Repeat(" GDP", 200), 3},
	} {
		if got := ReadingMinutes(tc.text); got != tc.want {
			t.Errorf("ReadingMinutes(%d runes) = %d, want %d", utf8.RuneCountInString(tc.text), got, tc.want)
		}
	}
}

func TestJoinLinesAndTruncate(t *testing.T) {
	for in, want := range map[string]string{
		"中文\n接续":         "中文接续",
		"中文，\n“引号”":      "中文，“引号”",
		"English\nwords": "English words",
		"中文\nEnglish":    "中文 English",
		"  单行  ":         "单行",
	} {
		if got := JoinLines(in); got != want {
			t.Errorf("JoinLines(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Truncate("一二三四五六", 4); got != "一二三…" {
		t.Errorf("Truncate = %q", got)
	}
	if got := Truncate("一二三", 4); got != "一二三" {
		t.Errorf("Truncate = %q", got)
	}
}

type fakeResolver map[string]string

func (f fakeResolver) PageURL(rel string) (string, bool) { u, ok := f[rel]; return u, ok }
func (f fakeResolver) Picture(rel string) (*picture.Picture, error) {
	return &picture.Picture{Width: 800, Height: 600, Type: "image/jpeg",
		Fallback: []picture.Source{{Path: "images/a.1-400.jpg", Width: 400}, {Path: "images/a.1-800.jpg", Width: 800}},
		WebP:     []picture.Source{{Path: "images/a.1-400.webp", Width: 400}, {Path: "images/a.1-800.webp", Width: 800}}}, nil
}
func (f fakeResolver) Image(fromDir, ref string) (string, error) {
	if ref == "images/a.png" {
		return "images/a.png", nil
	}
	return "", errors.New("not found")
}

func TestLinksAndImagesResolved(t *testing.T) {
	var diags diag.List
	src := "[乙](02-b.md#第二节) [关于](../pages/about.md) [外](https://x.org/a.md) [缺](03-c.md)\n\n![图](images/a.png) ![无](images/none.png)"
	pos := func(off int) diag.Position { return diag.NewSource("a.md", []byte(src)).Pos(off) }
	env := &mdenv.Env{RelPath: "chapters/01-a.md", URL: "a/", Resolver: fakeResolver{"chapters/02-b.md": "b/", "pages/about.md": "about/"}, Pos: pos, Diags: &diags}
	res, err := New(Options{}).Convert([]byte(src), env)
	if err != nil {
		t.Fatal(err)
	}
	html := string(res.HTML)
	for _, want := range []string{`href="../b/#%E7%AC%AC%E4%BA%8C%E8%8A%82"`, `href="../about/"`, `href="https://x.org/a.md"`,
		`<picture><source type="image/webp" srcset="../images/a.1-400.webp 400w, ../images/a.1-800.webp 800w"`, `width="800" height="600" alt="图" loading="lazy"`} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s:\n%s", want, html)
		}
	}
	if len(env.Links) != 1 || env.Links[0].Target != "chapters/02-b.md" || env.Links[0].Fragment != "第二节" {
		t.Errorf("links = %+v", env.Links)
	}
	// Positions point at the opening bracket of the broken link and image.
	var got strings.Builder
	diags.Print(&got)
	want := `a.md:1:66: error: link to 03-c.md: no such page in the publication (resolved to content/chapters/03-c.md); check the file name, or whether the page is a draft [broken-link]
a.md:3:20: error: image "images/none.png" not found [image-missing]
`
	if got.String() != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got.String(), want)
	}
}

var unsafeAttr = regexp.MustCompile(`<[a-z][^>]*\s(on[a-z]+\s*=|(href|src)\s*=\s*["']?\s*(javascript|vbscript):)`)

// FuzzConvert runs arbitrary Markdown through the whole conversion: no
// panic, valid UTF-8 out for valid UTF-8 in, problems inside the source.
func FuzzConvert(f *testing.F) {
	for _, seed := range []string{
		"## 标题\n\n正文[^1]\n\n[^1]: 注",
		"| a |\n|---|\n| [x](y.md#z) |",
		"> > > 引用\n- - - 列表",
		"![](images/a.png)[](.md)[a](%zz.md)",
		"<script>x</script>[a](javascript:x)",
		"## {#}\n## {#a}\n## a",
		"中文\n换行\r\n回车\r结束",
		"[链接](../../../../etc/passwd.md)",
	} {
		f.Add(seed)
	}
	conv := New(Options{})
	f.Fuzz(func(t *testing.T, in string) {
		var diags diag.List
		env := &mdenv.Env{RelPath: "chapters/a.md", URL: "a/", Resolver: fakeResolver{"chapters/b.md": "b/"}, Diags: &diags}
		res, err := conv.Convert([]byte(in), env)
		if err != nil {
			return
		}
		if utf8.ValidString(in) && !utf8.ValidString(res.HTML) {
			t.Errorf("invalid UTF-8 output for valid input")
		}
		// Raw HTML is escaped and unsafe links dropped: nothing the
		// editor typed can run script on the page.
		if html := strings.ToLower(string(res.HTML)); strings.Contains(html, "<script") || unsafeAttr.MatchString(html) {
			t.Errorf("script reached the page: %s", res.HTML)
		}
		for _, d := range diags.Items() {
			// Without Pos, Col carries the byte offset.
			if d.Pos.Col < 0 || d.Pos.Col > len(in) {
				t.Errorf("problem offset %d outside the %d-byte source", d.Pos.Col, len(in))
			}
		}
	})
}

var update = flag.Bool("update", false, "rewrite the expected output of testdata/cases")
