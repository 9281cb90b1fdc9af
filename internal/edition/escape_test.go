package edition

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestEscapeAttr(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"高新区", "高新区"},
		{`a & b <c> "d"`, "a &amp; b &lt;c&gt; &quot;d&quot;"},
		{"行\v断\x00开\ufffe\uffff", "行断开"},
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{"\uffef\ufeff", "\uffef\ufeff"}, // other EF-led characters stay
		{"&&", "&amp;&amp;"},
	} {
		if got := EscapeAttr(tc.in); got != tc.want {
			t.Errorf("EscapeAttr(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEscapeAttrAgreesWithReplacer(t *testing.T) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	for _, s := range []string{"<p class=\"x\">园区 & 企业</p>", "\x01\x1f\u00a0", strings.Repeat("第45批&", 30)} {
		if got, want := EscapeAttr(s), r.Replace(XMLChars(s)); got != want {
			t.Errorf("EscapeAttr(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestIsXMLName(t *testing.T) {
	for name, want := range map[string]bool{"p": true, "data-x": true, "_a.b": true, "h1": true, "": false, "1a": false, "-a": false, "@click": false, "o:p": false, "名": false} {
		if got := isXMLName(name); got != want {
			t.Errorf("isXMLName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestPrefixAgreesWithRegexps: the hand-written scanner rewrites what the
// regexps it replaced did, on the sample's pages and on edge cases.
func TestPrefixAgreesWithRegexps(t *testing.T) {
	idRE := regexp.MustCompile(`\s(id|aria-labelledby|aria-describedby|for)="([^"]*)"`)
	hrefRE := regexp.MustCompile(`\shref="([^"]*)"`)
	link := func(href string) string { return "L(" + href + ")" }
	byRegexps := func(html, prefix string) string {
		html = idRE.ReplaceAllStringFunc(html, func(m string) string {
			sub := idRE.FindStringSubmatch(m)
			ids := strings.Fields(sub[2])
			for i, id := range ids {
				ids[i] = prefix + id
			}
			return " " + sub[1] + `="` + strings.Join(ids, " ") + `"`
		})
		return hrefRE.ReplaceAllStringFunc(html, func(m string) string {
			href := hrefRE.FindStringSubmatch(m)[1]
			if strings.HasPrefix(href, "#") {
				return ` href="#` + prefix + href[1:] + `"`
			}
			return ` href="` + link(href) + `"`
		})
	}
	inputs := []string{
		`<h2 id="a">x</h2><a href="#a">y</a><a href="../b/">z</a>`,
		`<p data-id="no" aria-describedby="d1 d2" title="x=&quot;" for="f">t</p>`,
		`<a href="unclosed`, `="`, `<x id="">`, `<svg aria-labelledby="t"><title id="t">`,
	}
	for _, page := range []string{"industry", "reform", "livelihood"} {
		if data, err := os.ReadFile("../site/testdata/golden/" + page + "/index.html"); err == nil {
			inputs = append(inputs, string(data))
		}
	}
	// Whitespace before an attribute is kept (the regexps wrote a space).
	if got := Prefix("<a\nhref=\"#n\"\tid=\"m\">", "s-x-", link); got != "<a\nhref=\"#s-x-n\"\tid=\"s-x-m\">" {
		t.Errorf("with a newline and a tab: %q", got)
	}
	for _, in := range inputs {
		if got, want := Prefix(in, "s-x-", link), byRegexps(in, "s-x-"); got != want {
			t.Errorf("Prefix(%.60q) differs:\n got %.200s\nwant %.200s", in, got, want)
		}
	}
}
