package frontmatter

import (
	"strings"
	"testing"
	"time"

	"folio/internal/diag"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		name, in    string
		yaml, body  string
		bodyOffset  int
		ok, hasYAML bool
	}{
		{"none", "正文\n", "", "正文\n", 0, true, false},
		{"basic", "---\ntitle: 甲\n---\n正文\n", "title: 甲\n", "正文\n", len("---\ntitle: 甲\n---\n"), true, true},
		{"crlf", "---\r\ntitle: a\r\n---\r\nbody", "title: a\r\n", "body", len("---\r\ntitle: a\r\n---\r\n"), true, true},
		{"dots close", "---\na: 1\n...\nb", "a: 1\n", "b", 13, true, true},
		{"empty", "---\n---\nbody", "", "body", 8, true, true},
		{"no body", "---\na: 1\n---", "a: 1\n", "", 12, true, true},
		{"bom", "\uFEFF---\na: 1\n---\nb", "a: 1\n", "b", 3 + 13, true, true},
		{"unclosed", "---\na: 1\n", "", "", 0, false, true},
		{"rule later", "text\n---\n", "", "text\n---\n", 0, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			y, line, body, off, ok := Split([]byte(tc.in))
			if ok != tc.ok {
				t.Fatalf("ok = %v", ok)
			}
			if !ok {
				return
			}
			if (y != nil) != tc.hasYAML || string(y) != tc.yaml || string(body) != tc.body || off != tc.bodyOffset {
				t.Errorf("Split = %q, %q, %d; want %q, %q, %d", y, body, off, tc.yaml, tc.body, tc.bodyOffset)
			}
			if tc.hasYAML && line != 2 {
				t.Errorf("yaml line = %d", line)
			}
		})
	}
}

func decode(t *testing.T, yamlText string) (string, int, bool, []string, time.Time, string) {
	t.Helper()
	var title string
	var weight int
	var draft bool
	var tags []string
	var date time.Time
	var diags diag.List
	Decode("a.md", []byte(yamlText), 2, []Field{
		{Key: "title", Target: &title},
		{Key: "weight", Target: &weight},
		{Key: "draft", Target: &draft},
		{Key: "aliases", Target: &tags},
		{Key: "date", Target: &date},
	}, "unknown-key", &diags)
	var out strings.Builder
	diags.Print(&out)
	return title, weight, draft, tags, date, out.String()
}

func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		title    string
		weight   int
		draft    bool
		tags     []string
		date     string
		diags    string
	}{
		{name: "all", in: "title: 改革篇\nweight: 3\ndraft: true\naliases: [a, b]\ndate: 2021-07-01\n",
			title: "改革篇", weight: 3, draft: true, tags: []string{"a", "b"}, date: "2021-07-01"},
		{name: "quoted", in: "title: \"甲: 乙\"\n", title: "甲: 乙"},
		{name: "single alias", in: "aliases: GDP\n", tags: []string{"GDP"}},
		{name: "unknown key", in: "titel: 甲\n",
			diags: "a.md:2:1: warning: unknown key \"titel\"; did you mean \"title\"? [unknown-key]\n"},
		{name: "far unknown key", in: "colour: red\n",
			diags: "a.md:2:1: warning: unknown key \"colour\"; known keys: title, weight, draft, aliases, date [unknown-key]\n"},
		{name: "bad int", in: "title: 甲\nweight: 第一\n",
			title: "甲", diags: "a.md:3:9: error: weight: expected a whole number, found \"第一\" [yaml-type]\n"},
		{name: "bad bool", in: "draft: maybe\n", diags: "a.md:2:8: error: draft: expected true or false, found \"maybe\" [yaml-type]\n"},
		{name: "bad date", in: "date: 七月一日\n", diags: "a.md:2:7: error: date: expected a date such as 2021-07-01, found \"七月一日\" [yaml-type]\n"},
		{name: "map for text", in: "title:\n  a: 1\n", diags: "a.md:3:3: error: title: expected text, found a mapping [yaml-type]\n"},
		{name: "syntax", in: "title: [甲\n", diags: "a.md:2:8: error: the [ here starts a list that is never closed: end the list with ], or, if the brackets are part of the text, put the whole value in quotes or use the full-width brackets 【】 [yaml-syntax]\n"},
		{name: "not a mapping", in: "- a\n- b\n", diags: "a.md:2:1: error: these lines are a list, but folio expects keys with values here: write them as key: value lines, without the \"- \" [yaml-not-mapping]\n"},
		{name: "text", in: "改革篇\n", diags: "a.md:2:1: error: this is a line of text, but folio expects keys with values here: write key: value lines, such as title: 改革篇 [yaml-not-mapping]\n"},
		{name: "no space after the only colon", in: "title:改革篇\n", diags: "a.md:2:6: error: the colon after title needs a space after it: write title: 改革篇 [yaml-syntax]\n"},
		{name: "full-width colon on the only line", in: "title：改革篇\n", diags: "a.md:2:6: error: the key title is followed by the full-width colon ：, which YAML does not read as a colon: write the half-width colon and a space (title: 改革篇) [yaml-syntax]\n"},
		{name: "empty", in: "\n"},
		{name: "null", in: "title:\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			title, weight, draft, tags, date, diags := decode(t, tc.in)
			if title != tc.title || weight != tc.weight || draft != tc.draft || strings.Join(tags, ",") != strings.Join(tc.tags, ",") {
				t.Errorf("got %q %d %v %v", title, weight, draft, tags)
			}
			if got := date.Format("2006-01-02"); tc.date != "" && got != tc.date {
				t.Errorf("date = %s", got)
			}
			if diags != tc.diags {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", diags, tc.diags)
			}
		})
	}
}

// FuzzSplitDecode feeds arbitrary files through the front matter path: it
// must never panic, and every diagnostic must point inside the file.
func FuzzSplitDecode(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: 改革篇\nweight: 1\n---\n正文",
		"---\ntitle: [\n---\n",
		"---\n&a [*a, *a]\n---\n",
		"---\n\ttitle: x\n---\n",
		"---\ntitle: a\ntitle: b\n---\n",
		"\uFEFF---\r\ntitle: x\r\n---\r\n",
		"---\n- 1\n- 2\n---\n",
		"---\ndate: 2021-13-45\n---\n",
		"---\n",
		"no front matter",
		// The mistakes editors make, which explain reads.
		"---\ntitle: 甲\n subtitle: 腾笼换鸟: 动能转换\n---\n",
		"---\n- id: a\n  series:\n     2017: 1\n    2018: 2\n---\n",
		"---\ntitle: \"甲\nlabel: [乙\n  - x\n-y: z\n---\n",
		"---\ntitle:甲\nlabel：乙\n\tweight: 1\n---\n",
		"---\naliases:\n  - a\n  b: c\n- d\n---\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		y, line, _, off, ok := Split([]byte(in))
		if off < 0 || off > len(in) {
			t.Fatalf("body offset %d outside the file of %d bytes", off, len(in))
		}
		if !ok || y == nil {
			return
		}
		var title string
		var weight int
		var diags diag.List
		Decode("f.md", y, line, []Field{{Key: "title", Target: &title}, {Key: "weight", Target: &weight}}, "k", &diags)
		// Lines as files are read: a lone CR ends a line too.
		lines := strings.Count(string(diag.LoneCRToLF([]byte(in))), "\n") + 1
		for _, d := range diags.Items() {
			if d.Pos.Line < 0 || d.Pos.Line > lines+1 {
				t.Errorf("diagnostic outside the file (%d lines): %s", lines, d)
			}
		}
	})
}

func TestYAMLLimits(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"flow nesting", "title: 甲\nx: " + strings.Repeat("[", 65) + "\n", "a.md:3:68: error: the YAML nests more than 64 brackets deep here"},
		{"block nesting", "title: 甲\nx:\n" + strings.Repeat("- ", 129) + "y\n", "a.md:4:257: error: the YAML nests deeper than 256 columns"},
		{"alias", "title: &t 甲\nsummary: *t\n", "a.md:2:8: error: anchors and aliases (&name, *name) are not accepted"},
		{"too large", "title: 甲\nsummary: " + strings.Repeat("长", 2<<20) + "\n", "a.md:2:1: error: the YAML is 6.0 MB; folio reads at most 4.0 MB"},
		// Within the limits: brackets in quotes and comments, an
		// apostrophe in plain text, 64 levels.
		{"quoted brackets", "title: \"[[[[[\" # [[[[[\nsummary: It's " + strings.Repeat("[", 70) + "\nlabel: 见" + strings.Repeat("[", 70) + "\nx: " + strings.Repeat("[", 64) + strings.Repeat("]", 64) + "\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			Parse("a.md", []byte(tc.yaml), 2, &diags)
			got := ""
			if diags.Len() > 0 {
				got = diags.Items()[0].String()
			}
			if tc.want == "" && got != "" || !strings.HasPrefix(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
