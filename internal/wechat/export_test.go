package wechat

import (
	"strings"
	"testing"

	"folio/internal/diag"
)

// page is a chapter page as the site renders one, with an image.
// files are a built site in memory.
type files map[string][]byte

func (f files) File(name string) ([]byte, bool) {
	data, ok := f[name]
	return data, ok
}

func page(text string) []byte {
	return []byte(`<!doctype html><html><body><main><article class="chapter"><header class="chapter-head"><h1 class="chapter-title"><span class="label">一、</span>试篇</h1></header>` +
		`<div class="prose"><p>` + text + `</p><figure class="figure"><picture><img src="../images/big.1a2b3c4d-1440.jpg" srcset="../images/big.1a2b3c4d-960.jpg 960w, ../images/big.1a2b3c4d-1440.jpg 1440w" width="1440" alt="园区"></picture><figcaption>园区一角<span class="credit">摄影：张三</span></figcaption></figure></div></article></main></body></html>`)
}

func TestExportReportsWhatWeChatRefuses(t *testing.T) {
	chapter := Chapter{URL: "test/", Start: diag.Position{File: "content/chapters/01-test.md", Line: 4, Col: 1},
		Find: func(s string) diag.Position {
			if s == "images/big." {
				return diag.Position{File: "content/chapters/01-test.md", Line: 9, Col: 3}
			}
			return diag.Position{File: "content/chapters/01-test.md", Line: 4, Col: 1}
		}}
	at := diag.Position{File: "content/publication.yaml", Line: 2, Col: 11}
	for _, c := range []struct {
		name, base string
		text       string
		imageBytes int
		want       []string
	}{
		{"fine", "https://example.org/", "正文。", 1000, nil},
		{"no base_url", "", "正文。", 1000, []string{"content/publication.yaml:2:11: error: the WeChat edition needs the site's address"}},
		{"http", "http://example.org/", "正文。", 1000, []string{"content/publication.yaml:2:11: warning: base_url is http://"}},
		{"a big image", "https://example.org/", "正文。", MaxImageBytes + 1, []string{"content/chapters/01-test.md:9:3: error: image big.1a2b3c4d-1440.jpg is 10.0 MB, over the 10 MB WeChat takes"}},
		{"an SVG drawing", "https://example.org/", "正文<img src=\"../images/plan.svg\" alt=\"平面图\">。", 1000, []string{"content/chapters/01-test.md:4:1: error: image plan.svg is SVG, which the 公众号 editor does not take: give it as a PNG or JPEG [wechat-image-type]"}},
		{"too long", "https://example.org/", strings.Repeat("长", MaxChars), 1000, []string{"content/chapters/01-test.md:4:1: error: the chapter's WeChat article has 20009 characters, over the 20000"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := files{
				"test/index.html":              page(c.text),
				"images/big.1a2b3c4d-1440.jpg": make([]byte, c.imageBytes),
				"images/big.1a2b3c4d-960.jpg":  []byte("small"),
			}
			var diags diag.List
			files, err := Export(ExportOptions{Site: site, Public: "/p/public", Out: "/p/wechat", BaseURL: c.base, BaseURLAt: at, Chapters: []Chapter{chapter}}, &diags)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range diags.Items() {
				got = append(got, d.String())
			}
			if len(got) != len(c.want) {
				t.Fatalf("diagnostics %q, want %q", got, c.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i]) {
					t.Errorf("diagnostic %q, want it to start %q", got[i], c.want[i])
				}
			}
			var names []string
			for _, f := range files {
				names = append(names, f.Name)
			}
			if strings.Join(names, " ") != "test/index.html index.html copy.js wechat.css" && strings.Join(names, " ") != "test/index.html index.html wechat.css copy.js" {
				t.Errorf("files %v", names)
			}
			// The preview shows the local build's image, from beside it.
			if !strings.Contains(string(files[0].Data), `src="../../public/images/big.1a2b3c4d-1440.jpg"`) {
				t.Errorf("the preview does not show the built image from ../../public/")
			}
		})
	}
}
