package main

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileBase is a publication that builds cleanly; each case below then
// adds or replaces files and builds again over the same public/.
var hostileBase = map[string]string{
	"content/publication.yaml":     "title: 示例\nbase_url: https://example.org/\n",
	"content/chapters/01-first.md": "---\ntitle: 第一篇\n---\n正文。\n",
}

// TestHostileInput feeds folio build what editors paste by mistake and
// what an attacker might plant. Every case must end with the stated exit
// status and diagnostic, never a panic; a failed build must leave the
// previous public/ exactly as it was, with no staging folder behind.
func TestHostileInput(t *testing.T) {
	chapter := func(front, body string) string { return "---\ntitle: 甲\n" + front + "---\n" + body }
	for _, tc := range []struct {
		name   string
		files  map[string]string
		setup  func(t *testing.T, src string) // for what files cannot express
		exit   int
		stderr string // a line of the report, or part of one
		page   string // with exit 0: a page to look into
		has    string
		hasNot string
		absent string // with exit 0: in no file of public/
	}{
		{name: "tab indenting YAML", files: map[string]string{"content/chapters/02-a.md": chapter("\tweight: 1\n", "正文。\n")},
			exit: 1, stderr: "content/chapters/02-a.md:3:1: error: this line is indented with a tab, which YAML does not allow: remove the tab [yaml-syntax]"},
		{name: "duplicate key", files: map[string]string{"content/chapters/02-a.md": chapter("title: 乙\n", "正文。\n")},
			exit: 1, stderr: `content/chapters/02-a.md:3:1: error: title is given twice, here and on line 2: keep one of them [yaml-syntax]`},
		{name: "alias bomb", files: map[string]string{"content/chapters/02-a.md": chapter("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nsummary: *e\n", "正文。\n")},
			exit: 1, stderr: "content/chapters/02-a.md:3:4: error: anchors and aliases (&name, *name) are not accepted: write the value out where it is used [yaml-alias]"},
		{name: "deeply nested YAML", files: map[string]string{"content/chapters/02-a.md": chapter("x: "+strings.Repeat("[", 100_000)+"\n", "正文。\n")},
			exit: 1, stderr: "content/chapters/02-a.md:3:68: error: the YAML nests more than 64 brackets deep here"},
		{name: "deeply nested YAML in the data", files: map[string]string{"content/data/indicators.yaml": strings.Repeat("- ", 50_000) + "x\n"},
			exit: 1, stderr: "content/data/indicators.yaml:1:257: error: the YAML nests deeper than 256 columns of indentation here"},
		{name: "invalid UTF-8", files: map[string]string{"content/chapters/02-a.md": chapter("", "正文\xff\xfe。\n")},
			exit: 1, stderr: "content/chapters/02-a.md:4:3: error: the file is not valid UTF-8 text: save it as UTF-8 [invalid-utf8]"},
		{name: "NUL byte", files: map[string]string{"content/chapters/02-a.md": chapter("", "正文\x00。\n")},
			exit: 0, page: "a/index.html", has: "正文", hasNot: "\x00"},
		{name: "byte order mark", files: map[string]string{"content/chapters/02-a.md": "\uFEFF" + chapter("", "带标记的正文。\n")},
			exit: 0, page: "a/index.html", has: "带标记的正文。"},
		{name: "CRLF line endings", files: map[string]string{"content/chapters/02-a.md": "---\r\ntitle: 甲\r\n---\r\n第一行\r\n接着。\r\n"},
			exit: 0, page: "a/index.html", has: "第一行接着。"},
		{name: "CR line endings", files: map[string]string{"content/chapters/02-a.md": "---\rtitle: 甲\r---\r第一行\r接着。\r"},
			exit: 0, page: "a/index.html", has: "第一行接着。"},
		{name: "50 MB of Markdown", setup: func(t *testing.T, src string) {
			write(t, src, "content/chapters/02-a.md", chapter("", strings.Repeat("很长的一段正文。", 2_200_000)))
		}, exit: 1, stderr: "content/chapters/02-a.md: error: the file is 52.8 MB; folio reads Markdown files up to 8 MB: split the chapter [file-too-large]"},
		{name: "10,000-deep block quotes", files: map[string]string{"content/chapters/02-a.md": chapter("", strings.Repeat(">", 10_000)+" 引用\n")},
			exit: 0, page: "a/index.html", has: "<blockquote>", stderr: "content/chapters/02-a.md:4:1: warning: 甲 is left out of the EPUB"},
		{name: "10,000-deep lists", files: map[string]string{"content/chapters/02-a.md": chapter("", strings.Repeat("- ", 10_000)+"列表\n")},
			exit: 0, page: "a/index.html", has: "<li>", stderr: "content/chapters/02-a.md:4:1: warning: 甲 is left out of the EPUB"},
		{name: "slug with ../", files: map[string]string{"content/chapters/02-a.md": chapter("slug: ../../etc\n", "正文。\n")},
			exit: 1, stderr: `content/chapters/02-a.md:3:7: error: slug "../../etc" must not start with a dot`},
		{name: "image path with ../", files: map[string]string{"content/chapters/02-a.md": chapter("", "![图](../../../etc/passwd)\n")},
			exit: 1, stderr: "points outside content/"},
		{name: "absolute image path", files: map[string]string{"content/chapters/02-a.md": chapter("", "![图](/etc/passwd)\n")},
			exit: 1, stderr: `image "/etc/passwd" is an absolute path`},
		{name: "cover path with ../", files: map[string]string{"content/chapters/02-a.md": chapter("cover: ../../../etc/passwd\n", "正文。\n")},
			exit: 1, stderr: "content/chapters/02-a.md:3:8: error:"},
		{name: "symlink from content to outside", setup: func(t *testing.T, src string) {
			outside := filepath.Join(t.TempDir(), "secret.md")
			write(t, filepath.Dir(outside), "secret.md", chapter("", "机密。\n"))
			if err := os.Symlink(outside, filepath.Join(src, "content/chapters/02-a.md")); err != nil {
				t.Fatal(err)
			}
		}, exit: 0, stderr: "content/chapters/02-a.md: warning: 02-a.md is a symbolic link and was left out: folio reads nothing through links; move or copy the file here [symlink-skipped]", absent: "机密"},
		{name: "file name with spaces", files: map[string]string{"content/chapters/02-a b c.md": chapter("", "正文。\n")},
			exit: 0, page: "a-b-c/index.html", has: "<h1"},
		{name: "Chinese file names in NFC and NFD that collide", files: map[string]string{
			"content/chapters/02-园区café.md":       chapter("", "一。\n"),
			"content/chapters/03-园区cafe\u0301.md": chapter("", "二。\n"),
		}, exit: 1, stderr: "is already used by"},
		// A CJK compatibility ideograph (U+F900) is the unified one
		// (U+8C48) in NFC: two files, one address.
		{name: "Chinese file names with a compatibility ideograph", files: map[string]string{
			"content/chapters/02-\u8c48篇.md": chapter("", "一。\n"),
			"content/chapters/03-\uf900篇.md": chapter("", "二。\n"),
		}, exit: 1, stderr: "is already used by"},
		{name: "decompression bomb", setup: func(t *testing.T, src string) {
			var b bytes.Buffer
			if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 30_000, 30_000))); err != nil {
				t.Fatal(err)
			}
			write(t, src, "content/images/bomb.png", b.String())
			write(t, src, "content/chapters/02-a.md", chapter("", "![图](../images/bomb.png)\n"))
		}, exit: 1, stderr: "content/chapters/02-a.md:4:1: error:"},
		{name: "image with a wrong extension", files: map[string]string{
			"content/images/x.png":     "GIF89a not a png at all",
			"content/chapters/02-a.md": chapter("", "![图](../images/x.png)\n"),
		}, exit: 1, stderr: "content/chapters/02-a.md:4:1: error:"},
		{name: "raw script", files: map[string]string{"content/chapters/02-a.md": chapter("", "<script>alert(1)</script>\n\n正文<img src=x onerror=alert(1)>。\n")},
			exit: 0, page: "a/index.html", has: "正文", hasNot: "alert(1)"},
		{name: "javascript: link", files: map[string]string{"content/chapters/02-a.md": chapter("", "[点我](javascript:alert(1))和[再点](JaVaScRiPt:alert(2))。\n")},
			exit: 0, page: "a/index.html", has: "点我", hasNot: "alert("},
		{name: "template syntax in front matter", files: map[string]string{"content/chapters/02-a.md": "---\ntitle: \"{{ .Site.Title }}<b>x</b>\"\n---\n正文。\n"},
			exit: 0, page: "a/index.html", has: "{{ .Site.Title }}&lt;b>x&lt;/b></h1>", hasNot: "><b>x</b></h1>"},
		{name: "two chapters claiming one URL", files: map[string]string{
			"content/chapters/02-a.md": chapter("slug: same\n", "正文。\n"),
			"content/pages/b.md":       chapter("slug: SAME\n", "正文。\n"),
		}, exit: 1, stderr: `slug "SAME" is already used by`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := t.TempDir()
			out := filepath.Join(src, "public")
			for name, data := range hostileBase {
				write(t, src, name, data)
			}
			if code, _, stderr := build(src, out); code != 0 {
				t.Fatalf("the base publication: exit %d\n%s", code, stderr)
			}
			before := tree(t, out)
			for name, data := range tc.files {
				write(t, src, name, data)
			}
			if tc.setup != nil {
				tc.setup(t, src)
			}
			code, _, stderr := build(src, out)
			if code != tc.exit {
				t.Fatalf("exit %d, want %d\n%s", code, tc.exit, stderr)
			}
			if tc.stderr != "" && !strings.Contains(stderr, tc.stderr) {
				t.Errorf("the report lacks %q:\n%s", tc.stderr, stderr)
			}
			if code != 0 {
				if after := tree(t, out); !maps.Equal(before, after) {
					t.Errorf("a failed build changed public/")
				}
			}
			if tc.page != "" {
				page, err := os.ReadFile(filepath.Join(out, tc.page))
				if err != nil {
					t.Fatalf("%v\n%s", err, stderr)
				}
				if tc.has != "" && !strings.Contains(string(page), tc.has) {
					t.Errorf("%s lacks %q", tc.page, tc.has)
				}
				if tc.hasNot != "" && strings.Contains(string(page), tc.hasNot) {
					t.Errorf("%s contains %q", tc.page, tc.hasNot)
				}
			}
			if tc.absent != "" {
				for name := range tree(t, out) {
					if data, _ := os.ReadFile(filepath.Join(out, name)); bytes.Contains(data, []byte(tc.absent)) {
						t.Errorf("%s contains %q", name, tc.absent)
					}
				}
			}
			entries, _ := os.ReadDir(src)
			for _, e := range entries {
				if e.Name() != "public" && e.Name() != "content" && e.Name() != ".cache" {
					t.Errorf("the build left %s behind", e.Name())
				}
			}
		})
	}
}

func build(src, out string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(context.Background(), []string{"build", "--src", src, "--out", out}, &o, &e)
	return code, o.String(), e.String()
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
