package edition

import (
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
