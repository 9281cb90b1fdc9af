package check

import (
	"strconv"
	"strings"
	"testing"
)

func TestHeadingSkip(t *testing.T) {
	for _, tc := range []struct {
		name, md string
		want     string // each heading-skip reported: its line, and the heading it asks for
	}{
		{name: "skip from h2 to h4", md: "## 一\n\n#### 二", want: "3 use ###"},
		{name: "starts at h3", md: "### 一", want: "1 use ##"},
		{name: "in order", md: "## 一\n\n### 二\n\n## 三", want: ""},
		{name: "back up, then down one", md: "## 一\n\n### 二\n\n#### 三\n\n## 四\n\n### 五", want: ""},
		{name: "each skip", md: "### 一\n\n## 二\n\n#### 三", want: "1 use ##, 5 use ###"},
		{name: "silenced", md: "## 一\n\n<!-- folio:ignore heading-skip -->\n#### 二", want: ""},
		{name: "silenced in the file", md: "<!-- folio:ignore-file heading-skip -->\n\n### 一", want: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range runDiags(t, tc.md, Options{}) {
				if d.Rule == "heading-skip" {
					got = append(got, strconv.Itoa(d.Pos.Line)+" "+d.Message[strings.LastIndex(d.Message, "use "):])
				}
			}
			if strings.Join(got, ", ") != tc.want {
				t.Errorf("%q: heading-skip %q, want %q", tc.md, got, tc.want)
			}
		})
	}
}
