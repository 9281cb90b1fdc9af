package site_test

import (
	"strings"
	"testing"
)

// TestHostileInput builds sites with input an editor could paste or a
// stranger could send, and checks the diagnostic each gets (or that it is
// rendered harmlessly) — never a panic.
func TestHostileInput(t *testing.T) {
	pub := "-- content/publication.yaml --\ntitle: 站\nbase_url: https://example.org/\n"
	for _, tc := range []struct {
		name, files string
		diag        string // a diagnostic that must appear ("" for none)
		page        string // an output page …
		has, hasNot string // … that must (not) contain this
	}{
		{name: "tab in YAML", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\n\tweight: 1\n---\n正文。\n", diag: "01-a.md:3:"},
		{name: "duplicate key", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\ntitle: 乙\n---\n正文。\n", diag: `01-a.md:3:1: error: invalid YAML: mapping key "title" already defined`},
		{name: "alias bomb", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n正文。\n", diag: `unknown key "a"`},
		{name: "BOM and CRLF", files: "-- content/chapters/01-a.md --\n\uFEFF---\r\ntitle: 甲\r\n---\r\n正文第一行\r\n接着。\r\n", page: "a/index.html", has: "正文第一行接着。"},
		{name: "slug with ../", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\nslug: ../../etc\n---\n正文。\n", diag: `slug "../../etc" must not start with a dot`},
		{name: "absolute image path", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\n---\n![图](/etc/passwd)\n", diag: `image "/etc/passwd" is an absolute path`},
		{name: "image outside content", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\n---\n![图](../../../etc/passwd)\n", diag: `points outside content/`},
		{name: "image with a wrong extension", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\n---\n![图](../images/x.png)\n-- content/images/x.png --\nnot a png at all\n", diag: "unsupported image format"},
		{name: "raw script", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\n---\n<script>alert(1)</script>\n\n正文<img src=x onerror=alert(1)>。\n", page: "a/index.html", hasNot: "alert(1)"},
		{name: "javascript link", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\n---\n[点我](javascript:alert(1))\n", page: "a/index.html", hasNot: "javascript:"},
		{name: "template syntax in front matter", files: "-- content/chapters/01-a.md --\n---\ntitle: \"{{ .Site.Title }}<b>x</b>\"\n---\n正文。\n", page: "a/index.html", has: "{{ .Site.Title }}&lt;b>x&lt;/b></h1>", hasNot: "><b>x</b></h1>"},
		{name: "two chapters one URL", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\nslug: same\n---\n正文。\n-- content/pages/b.md --\n---\ntitle: 乙\nslug: SAME\n---\n正文。\n", diag: `slug "SAME" is already used by`},
		{name: "NUL byte", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\n---\n正文\x00。\n", page: "a/index.html", hasNot: "\x00"},
		{name: "deep nesting", files: "-- content/chapters/01-a.md --\n---\ntitle: 甲\n---\n" + strings.Repeat(">", 5000) + " 引用\n\n" + strings.Repeat("- ", 3000) + "列表\n", page: "a/index.html", has: "<blockquote>", diag: "left out of the EPUB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := buildArchive(t, pub+tc.files)
			if tc.diag != "" && !strings.Contains(b.diagText(), tc.diag) {
				t.Errorf("no diagnostic containing %q:\n%s", tc.diag, b.diagText())
			}
			if tc.page != "" {
				html := b.file(tc.page)
				if tc.has != "" && !strings.Contains(html, tc.has) {
					t.Errorf("%s lacks %q", tc.page, tc.has)
				}
				if tc.hasNot != "" && strings.Contains(html, tc.hasNot) {
					t.Errorf("%s contains %q", tc.page, tc.hasNot)
				}
			}
		})
	}
}
