package site

import (
	"strings"
	"testing"

	"folio/internal/asset"
	"folio/internal/output"
)

func TestExternalStyles(t *testing.T) {
	identity := func(_ string, b []byte) ([]byte, error) { return b, nil }
	page, styles, err := externalStyles("print/index.html", []byte(`<p>x</p><style>a{b:c}</style><STYLE media="print">d{e:f}</STYLE>`), identity)
	if err != nil {
		t.Fatal(err)
	}
	if len(styles) != 2 || strings.Contains(strings.ToLower(string(page)), "<style") {
		t.Fatalf("page %s, styles %v", page, styles)
	}
	for name, css := range styles {
		want := `<link rel="stylesheet" href="../` + name + `" integrity="` + asset.Integrity(css) + `">`
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %s: %s", want, page)
		}
	}
	if page, styles, _ := externalStyles("index.html", []byte(`<p>no style</p>`), identity); string(page) != `<p>no style</p>` || styles != nil {
		t.Errorf("a page without style changed: %s %v", page, styles)
	}
}

// The print page's style, far longer than the link that replaces it, is
// moved out in the page's own array; the page reads the same as when it
// is copied.
func TestExternalStylesInPlace(t *testing.T) {
	identity := func(_ string, b []byte) ([]byte, error) { return b, nil }
	long := "<style>" + strings.Repeat("@page p1 { @top-center { content: \"甲\"; } }\n", 40) + "</style>"
	src := "<p>前</p>" + long + "<p>中</p>" + long + "<p>后</p>"
	page := []byte(src)
	out, styles, err := externalStyles("print/index.html", page, identity)
	if err != nil {
		t.Fatal(err)
	}
	if &out[0] != &page[0] {
		t.Error("the page was copied though every link is shorter than its style")
	}
	if len(styles) != 1 {
		t.Fatalf("styles %v", styles)
	}
	var name string
	for name = range styles {
	}
	link := `<link rel="stylesheet" href="../` + name + `" integrity="` + asset.Integrity(styles[name]) + `">`
	if want := "<p>前</p>" + link + "<p>中</p>" + link + "<p>后</p>"; string(out) != want {
		t.Errorf("page\n%s\nwant\n%s", out, want)
	}
}

func TestHasStyleTag(t *testing.T) {
	for page, want := range map[string]bool{"<p>x</p><style>a{}</style>": true, "<STYLE>": true, "<Style media=print>": true, "<p>style</p>": false, "<": false, "<styl": false, "": false} {
		if got := hasStyleTag([]byte(page)); got != want {
			t.Errorf("hasStyleTag(%q) = %v", page, got)
		}
	}
}

// Pages are rendered into buffers reused page after page: what
// minifyPage returns must stay as it is when the page's memory is
// written over, with a style moved out in place or no style at all.
func TestMinifyPageSharesNoMemory(t *testing.T) {
	b := &builder{min: output.NewMinifier()}
	for _, page := range []string{
		`<!DOCTYPE html><html><head><title>甲</title></head><body><p>正文  一段</p></body></html>`,
		`<!DOCTYPE html><html><head><title>乙</title><style>p { color: red }</style></head><body><p>正文</p></body></html>`,
	} {
		buf := []byte(page)
		out, styles, err := b.minifyPage("a/index.html", buf)
		if err != nil {
			t.Fatal(err)
		}
		want, wantStyles := string(out), map[string]string{}
		for name, css := range styles {
			wantStyles[name] = string(css)
		}
		for i := range buf[:cap(buf)] {
			buf[:cap(buf)][i] = 'x'
		}
		if string(out) != want {
			t.Errorf("the minified page changed with the buffer it was made from: %s", out)
		}
		for name, css := range styles {
			if string(css) != wantStyles[name] {
				t.Errorf("the style %s changed with the buffer the page was made from: %s", name, css)
			}
		}
	}
}
