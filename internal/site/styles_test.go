package site

import (
	"strings"
	"testing"

	"folio/internal/asset"
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

func TestHasStyleTag(t *testing.T) {
	for page, want := range map[string]bool{"<p>x</p><style>a{}</style>": true, "<STYLE>": true, "<Style media=print>": true, "<p>style</p>": false, "<": false, "<styl": false, "": false} {
		if got := hasStyleTag([]byte(page)); got != want {
			t.Errorf("hasStyleTag(%q) = %v", page, got)
		}
	}
}
