package wechat

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update to accept):\n%s", name, firstDiff(string(want), got))
	}
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return "want …" + a[lo:min(len(a), i+80)] + "…\n got …" + b[lo:min(len(b), i+80)] + "…"
}

func convertFile(t *testing.T, file, pagePath, base string) *Article {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := Convert(f, Options{BaseURL: base, PagePath: pagePath})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestConvertTheSampleChapter(t *testing.T) {
	a := convertFile(t, "reform.html", "reform/", "https://example.org/gaoxin/")
	golden(t, "reform.wechat.html", a.Body)
	golden(t, "reform.wechat.txt", a.Text)
	if a.Title != "改革篇" || !strings.HasPrefix(a.Summary, "面对派出机构") {
		t.Errorf("title %q, summary %q", a.Title, a.Summary)
	}
}

// The key-figure panel and the timeline of the sample's cover, as
// blocks: each figure's number, unit, label and source; each event's
// date, title and detail.
func TestConvertFiguresAndTimeline(t *testing.T) {
	a := convertFile(t, "blocks.html", "", "https://example.org/gaoxin/")
	golden(t, "blocks.wechat.html", a.Body)
	for _, want := range []string{
		"169家中第88位\n\n国家高新区综合评价排名\n\n2020年 · 来源：科技部国家高新区综合评价",
		"2013年\n\n实行区域管理\n\n高新区开始实行区域管理",
	} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("the article's text lacks %q:\n%s", want, a.Text)
		}
	}
}

// What the editor would break, made as it keeps it: a nested list
// follows its item, each item starting with its marker as text; a code
// block keeps its lines and indentation; only a link to another 公众号
// article stays a link.
func TestConvertWhatTheEditorBreaks(t *testing.T) {
	page := `<article><div class="prose"><ol start="3"><li>甲<ul><li>甲一</li></ul></li><li><p>乙</p></li></ol>` +
		`<pre><code>if x {
    y()
}</code></pre>` +
		`<p><a href="https://mp.weixin.qq.com/s/abc">上一期</a>和<a href="https://www.gov.cn/">政府网</a>，<a href="#note">见下</a>。</p></div></article>`
	a, err := Convert(strings.NewReader(page), Options{BaseURL: "https://example.org/", PagePath: "a/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<span style="display:inline-block;text-indent:0;color:#9a1b1f;width:1.8em">3.</span>甲</li><li style="display:block;margin:0 0 0.4em;font-size:16px;line-height:1.75;color:#1f1b17;padding-left:1.2em;text-indent:-1.2em;margin-left:18px"><span style="display:inline-block;text-indent:0;color:#9a1b1f;width:1.2em">•</span>甲一</li>`,
		`<span style="display:inline-block;text-indent:0;color:#9a1b1f;width:1.8em">4.</span>乙</li>`,
		"if\u00a0x\u00a0{<br/>\u00a0\u00a0\u00a0\u00a0y()<br/>}",
		`<a style="color:#9a1b1f;text-decoration:underline" href="https://mp.weixin.qq.com/s/abc">上一期</a>`,
		`和政府网<sup style="font-size:12px;line-height:0;color:#9a1b1f;vertical-align:super">[1]</sup>，见下。`,
		`[1] 政府网：https://www.gov.cn/`,
	} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("the article lacks\n%s\nin\n%s", want, a.Body)
		}
	}
	if strings.Count(a.Body, "<a ") != 1 {
		t.Errorf("the article has %d links, want only the one to mp.weixin.qq.com", strings.Count(a.Body, "<a "))
	}
}
