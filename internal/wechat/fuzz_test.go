package wechat

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzConvert: whatever page it is given, Convert does not panic, and
// what it makes has no element the editor would drop or restyle: no
// script, style or svg, no class or id.
func FuzzConvert(f *testing.F) {
	sample, err := os.ReadFile(filepath.Join("testdata", "reform.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(sample))
	f.Add(`<article><div class="prose"><p class="x" id="y">a<script>x</script><style>p{}</style><svg><desc>d</desc></svg></p></div></article>`)
	f.Add(`<article><div class="prose"><figure class="chart-figure"><svg class="chart chart-rank"><desc>d</desc></svg><table class="chart-table"><thead><tr><th>t</th><th>a</th><th>b</th></tr></thead><tbody><tr><th>2020</th><td>-1.5%</td><td>x</td></tr></tbody></table></figure></div></article>`)
	f.Add(`<article><div class="prose"><p><a href="https://a.example/">x</a><a href="../b/#c">y</a><a href="javascript:alert(1)">z</a><img src="../i.jpg" srcset="bad"></p><div class="footnotes"><ol><li><p>n<a class="footnote-backref">↩</a></p></li></ol></div></div></article>`)
	f.Add(`<article><div class="prose"><ul class="key-figures"><li><data class="key-figure-value"><span class="key-figure-number">1</span></data></li></ul><ol class="timeline"><li><time>2020</time></li></ol></div></article>`)
	f.Fuzz(func(t *testing.T, page string) {
		a, err := Convert(strings.NewReader(page), Options{BaseURL: "https://example.org/", PagePath: "a/b/"})
		if err != nil {
			return
		}
		doc, err := html.Parse(strings.NewReader(a.Body))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			switch n.Data {
			case "script", "style", "svg", "link":
				t.Fatalf("the article has a <%s>", n.Data)
			}
			for _, at := range n.Attr {
				if at.Key == "class" || at.Key == "id" || strings.HasPrefix(at.Key, "on") {
					t.Fatalf("the article has an element with %s=%q", at.Key, at.Val)
				}
				// The editor refuses any link but to mp.weixin.qq.com.
				if at.Key == "href" && !strings.HasPrefix(at.Val, "https://mp.weixin.qq.com/") {
					t.Fatalf("the article links to %q", at.Val)
				}
			}
		}
	})
}
