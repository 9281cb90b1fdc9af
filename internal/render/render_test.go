package render

import (
	"html/template"
	"strings"
	"testing"
)

// TestNoBreakTail renders titles and labels through the nobr function as
// layouts call it: the last two characters in a span kept on one line,
// the rest escaped as text.
func TestNoBreakTail(t *testing.T) {
	tmpl := template.Must(template.New("").Funcs(funcs).Parse(`<h1>{{nobr .}}</h1>`))
	for _, c := range []struct{ in, want string }{
		{"改革篇", `<h1>改<span class="nobr">革篇</span></h1>`},
		{"国家高新区综合评价排名", `<h1>国家高新区综合评价<span class="nobr">排名</span></h1>`},
		{"2,600余人次", `<h1>2,600余<span class="nobr">人次</span></h1>`},
		{"序言", `<h1>序言</h1>`},
		{"About folio", `<h1>About folio</h1>`},
		{"<b>加粗</b>标题", `<h1>&lt;b&gt;加粗&lt;/b&gt;<span class="nobr">标题</span></h1>`},
		{"研发投入&amp;产出", `<h1>研发投入&amp;amp;<span class="nobr">产出</span></h1>`},
		{"“三连升”", `<h1>“三<span class="nobr">连升”</span></h1>`},
		{`"三连升"`, `<h1>&#34;三<span class="nobr">连升&#34;</span></h1>`},
	} {
		var b strings.Builder
		if err := tmpl.Execute(&b, c.in); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); got != c.want {
			t.Errorf("nobr %q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}
