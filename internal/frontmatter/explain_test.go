package frontmatter

import (
	"strings"
	"testing"

	"folio/internal/diag"
)

// TestSyntaxMistakes: the mistakes editors make in each YAML file folio
// reads, each reported once, at the line and column to fix, in plain
// words with the fix. Each case also gives the text as the editor fixes
// it, which must then parse: the message pointed at the right place.
func TestSyntaxMistakes(t *testing.T) {
	const (
		pub   = "content/publication.yaml"
		ch    = "content/chapters/01-reform.md" // front matter: YAML from line 2
		data  = "content/data/indicators.yaml"
		tl    = "content/data/timeline.yaml"
		chart = "chart" // a chart, figures or timeline block's body
	)
	for _, tc := range []struct {
		name, file, in, want, fixed string
	}{
		// A key out of line with the keys beside it.
		{"key indented 3 in an indicator", data,
			"- id: national-rank\n   label: 国家高新区综合评价排名\n  unit: rank\n",
			"content/data/indicators.yaml:2:4: error: this key has a 3-space indent, but the keys beside it (line 1) have a 2-space indent: give it a 2-space indent [yaml-syntax]",
			"- id: national-rank\n  label: 国家高新区综合评价排名\n  unit: rank\n"},
		{"key indented 1 in an indicator", data,
			"- id: national-rank\n  label: 排名\n unit: rank\n  of: 169\n",
			"content/data/indicators.yaml:3:2: error: this key has a 1-space indent, but the keys beside it (line 2) have a 2-space indent: give it a 2-space indent [yaml-syntax]",
			"- id: national-rank\n  label: 排名\n  unit: rank\n  of: 169\n"},
		{"first period indented further than the others", data,
			"- id: a\n  series:\n    2016: 1\n- id: b\n  series:\n     2017: 116\n    2018: 107\n    2019: 98\n",
			"content/data/indicators.yaml:6:6: error: this key has a 5-space indent, but the keys beside it (line 7) have a 4-space indent: give it a 4-space indent [yaml-syntax]",
			"- id: a\n  series:\n    2016: 1\n- id: b\n  series:\n    2017: 116\n    2018: 107\n    2019: 98\n"},
		{"a later period indented less", data,
			"- id: a\n  series:\n    2017: 116\n   2018: 107\n",
			"content/data/indicators.yaml:4:4: error: this key has a 3-space indent, but the keys beside it (line 3) have a 4-space indent: give it a 4-space indent [yaml-syntax]",
			"- id: a\n  series:\n    2017: 116\n    2018: 107\n"},
		{"key not indented under its item", data,
			"- id: a\n  label: 甲\nunit: rank\n",
			"content/data/indicators.yaml:3:1: error: this key has no indent, but the keys beside it (line 2) have a 2-space indent: give it a 2-space indent [yaml-syntax]",
			"- id: a\n  label: 甲\n  unit: rank\n"},
		{"item indented like the keys", data,
			"- id: a\n  label: 甲\n  - id: b\n",
			"content/data/indicators.yaml:3:3: error: this list item has a 2-space indent, but the items beside it (line 1) have none: remove the spaces before it [yaml-syntax]",
			"- id: a\n  label: 甲\n- id: b\n"},
		{"item indented by one", tl,
			"- date: 2013\n  title: 实行区域管理\n - date: 2018\n",
			"content/data/timeline.yaml:3:2: error: this list item has a 1-space indent, but the items beside it (line 1) have none: remove the spaces before it [yaml-syntax]",
			"- date: 2013\n  title: 实行区域管理\n- date: 2018\n"},
		{"publication key indented", pub,
			"title: 党旗招展千帆竞\n subtitle: 辉煌百年路\nseries: 高新篇\n",
			"content/publication.yaml:2:2: error: this key has a 1-space indent, but the keys beside it (line 1) have none: remove the spaces before it [yaml-syntax]",
			"title: 党旗招展千帆竞\nsubtitle: 辉煌百年路\nseries: 高新篇\n"},
		{"nested publication key indented", pub,
			"title: 甲\nsubject:\n  name: 平顶山高新区\n   aliases: [高新区]\n",
			"content/publication.yaml:4:4: error: this key has a 3-space indent, but the keys beside it (line 3) have a 2-space indent: give it a 2-space indent [yaml-syntax]",
			"title: 甲\nsubject:\n  name: 平顶山高新区\n  aliases: [高新区]\n"},
		{"key indented like the text above it", ch,
			"title: 甲\nsummary:\n  很长的摘要\n  label: 一、\n",
			"content/chapters/01-reform.md:5:3: error: this key has a 2-space indent, but the keys beside it (line 3) have none: remove the spaces before it [yaml-syntax]",
			"title: 甲\nsummary:\n  很长的摘要\nlabel: 一、\n"},
		{"front matter key indented", ch,
			"title: 改革篇\n  label: 一、\n",
			"content/chapters/01-reform.md:3:3: error: this key has a 2-space indent, but the keys beside it (line 2) have none: remove the spaces before it [yaml-syntax]",
			"title: 改革篇\nlabel: 一、\n"},

		// A colon and a space in a value.
		{"colon in a front matter value", ch,
			"title: 改革篇\nsubtitle: 腾笼换鸟: 动能转换\nlabel: 一、\n",
			"content/chapters/01-reform.md:3:15: error: a colon followed by a space in the value of subtitle makes YAML read a new key here: write the full-width colon ： as Chinese text does (subtitle: 腾笼换鸟：动能转换) or put the whole value in quotes (subtitle: \"腾笼换鸟: 动能转换\") [yaml-syntax]",
			"title: 改革篇\nsubtitle: \"腾笼换鸟: 动能转换\"\nlabel: 一、\n"},
		{"colon in a publication value", pub,
			"title: 党旗招展千帆竞\nsubtitle: 腾笼换鸟: 动能转换\n",
			"content/publication.yaml:2:15: error: a colon followed by a space in the value of subtitle makes YAML read a new key here: write the full-width colon ： as Chinese text does (subtitle: 腾笼换鸟：动能转换) or put the whole value in quotes (subtitle: \"腾笼换鸟: 动能转换\") [yaml-syntax]",
			"title: 党旗招展千帆竞\nsubtitle: 腾笼换鸟：动能转换\n"},
		{"colon in a Latin value", pub,
			"title: 甲\ndescription: Note: a test\n",
			"content/publication.yaml:2:18: error: a colon followed by a space in the value of description makes YAML read a new key here: put the whole value in quotes (description: \"Note: a test\") [yaml-syntax]",
			"title: 甲\ndescription: \"Note: a test\"\n"},
		{"colon in an indicator's note", data,
			"- id: a\n  note: 口径: 同比\n  unit: percent\n",
			"content/data/indicators.yaml:2:11: error: a colon followed by a space in the value of note makes YAML read a new key here: write the full-width colon ： as Chinese text does (note: 口径：同比) or put the whole value in quotes (note: \"口径: 同比\") [yaml-syntax]",
			"- id: a\n  note: 口径：同比\n  unit: percent\n"},
		{"colon in an event's title", tl,
			"- date: 2018\n  title: 改革: 启动\n",
			"content/data/timeline.yaml:2:12: error: a colon followed by a space in the value of title makes YAML read a new key here: write the full-width colon ： as Chinese text does (title: 改革：启动) or put the whole value in quotes (title: \"改革: 启动\") [yaml-syntax]",
			"- date: 2018\n  title: 改革：启动\n"},
		{"colon in a chart title", chart,
			"indicator: national-rank\ntitle: 排名: 全国\n",
			"chart:2:10: error: a colon followed by a space in the value of title makes YAML read a new key here: write the full-width colon ： as Chinese text does (title: 排名：全国) or put the whole value in quotes (title: \"排名: 全国\") [yaml-syntax]",
			"indicator: national-rank\ntitle: 排名：全国\n"},
		{"colon with a quotation mark in the value", ch,
			"title: 他说\"好\": 改革\n",
			"content/chapters/01-reform.md:2:13: error: a colon followed by a space in the value of title makes YAML read a new key here: write the full-width colon ： as Chinese text does (title: 他说\"好\"：改革) or put the whole value in quotes (title: '他说\"好\": 改革') [yaml-syntax]",
			"title: '他说\"好\": 改革'\n"},
		{"colon ending a value", ch,
			"title: 说明:\nlabel: 一、\n",
			"content/chapters/01-reform.md:2:10: error: a colon followed by a space in the value of title makes YAML read a new key here: write the full-width colon ： as Chinese text does (title: 说明：) or put the whole value in quotes (title: \"说明:\") [yaml-syntax]",
			"title: 说明：\nlabel: 一、\n"},
		{"colon on a value's next line", data,
			"- id: a\n  note: 说明很长\n    其中: 这样\n  unit: rank\n",
			"content/data/indicators.yaml:3:7: error: a colon followed by a space in the value of note makes YAML read a new key here: write the full-width colon ：, or put the whole value, from its first line on, in quotes [yaml-syntax]",
			"- id: a\n  note: 说明很长\n    其中：这样\n  unit: rank\n"},

		// Tabs.
		{"tab in front matter", ch,
			"title: 甲\n\tweight: 1\n",
			"content/chapters/01-reform.md:3:1: error: this line is indented with a tab, which YAML does not allow: remove the tab [yaml-syntax]",
			"title: 甲\nweight: 1\n"},
		{"tab in an indicator", data,
			"- id: a\n\tlabel: 甲\n",
			"content/data/indicators.yaml:2:1: error: this line is indented with a tab, which YAML does not allow: indent it with spaces instead, 2 of them [yaml-syntax]",
			"- id: a\n  label: 甲\n"},
		{"tab under a key", pub,
			"title: 甲\nsubject:\n\tname: 平顶山\n",
			"content/publication.yaml:3:1: error: this line is indented with a tab, which YAML does not allow: indent it with spaces instead, 2 of them [yaml-syntax]",
			"title: 甲\nsubject:\n  name: 平顶山\n"},

		// Quotation marks and brackets never closed, or closed too soon.
		{"quotation mark never closed", ch,
			"title: \"改革篇\nlabel: 一、\n",
			"content/chapters/01-reform.md:2:8: error: the quotation mark \" that starts this value is never closed: end the value with \", or, for quotes inside Chinese text, use “ ” [yaml-syntax]",
			"title: \"改革篇\"\nlabel: 一、\n"},
		{"quotation mark closed by the next value's", data,
			"- id: a\n  label: \"国家\n  unit: rank\n- id: b\n  label: \"乙\"\n",
			"content/data/indicators.yaml:2:10: error: the quotation mark \" that starts this value is never closed: end the value with \", or, for quotes inside Chinese text, use “ ” [yaml-syntax]",
			"- id: a\n  label: \"国家\"\n  unit: rank\n- id: b\n  label: \"乙\"\n"},
		{"single quotation mark never closed", tl,
			"- date: 2018\n  title: '启动\n",
			"content/data/timeline.yaml:2:10: error: the quotation mark ' that starts this value is never closed: end the value with ', or, for quotes inside Chinese text, use “ ” [yaml-syntax]",
			"- date: 2018\n  title: '启动'\n"},
		{"quoted word then text", ch,
			"title: \"改革\"篇\n",
			"content/chapters/01-reform.md:2:8: error: this value starts with a quotation mark, so YAML ends it at the next one and cannot read the text after that: use Chinese quotation marks “ ” inside the text, or put the whole value in quotes of the other kind (title: '\"改革\"篇') [yaml-syntax]",
			"title: “改革”篇\n"},
		{"bracket never closed", data,
			"- id: a\n  aliases: [综合排名, 全国排名\n  unit: rank\n",
			"content/data/indicators.yaml:2:12: error: the [ here starts a list that is never closed: end the list with ], or, if the brackets are part of the text, put the whole value in quotes or use the full-width brackets 【】 [yaml-syntax]",
			"- id: a\n  aliases: [综合排名, 全国排名]\n  unit: rank\n"},
		{"bracket never closed in front matter", ch,
			"title: 乙篇\nsummary: [未闭合\nweight: 2\n",
			"content/chapters/01-reform.md:3:10: error: the [ here starts a list that is never closed: end the list with ], or, if the brackets are part of the text, put the whole value in quotes or use the full-width brackets 【】 [yaml-syntax]",
			"title: 乙篇\nsummary: 【未闭合】\nweight: 2\n"},
		{"bracket never closed at the end", chart,
			"indicator: [\n",
			"chart:1:12: error: the [ here starts a list that is never closed: end the list with ], or, if the brackets are part of the text, put the whole value in quotes or use the full-width brackets 【】 [yaml-syntax]",
			"indicator: [a]\n"},
		{"inner bracket never closed", pub,
			"title: 甲\nimage_widths: [[480, 960], [1440\nglossary: [GDP]\n",
			"content/publication.yaml:2:28: error: the [ here starts a list that is never closed: end the list with ], or, if the brackets are part of the text, put the whole value in quotes or use the full-width brackets 【】 [yaml-syntax]",
			"title: 甲\nimage_widths: [[480, 960], [1440]]\nglossary: [GDP]\n"},
		{"brace never closed", data,
			"- id: a\n  series: {2020: 5.3\n  unit: percent\n",
			"content/data/indicators.yaml:2:11: error: the { here starts a mapping that is never closed: end it with }, or, if the braces are part of the text, put the whole value in quotes [yaml-syntax]",
			"- id: a\n  series: {2020: 5.3}\n  unit: percent\n"},
		{"brackets then text", ch,
			"title: [重要]通知\n",
			"content/chapters/01-reform.md:2:8: error: a value that starts with [ is read as a list, so YAML cannot read the text after its ]: put the whole value in quotes (title: \"[重要]通知\"), or use the full-width brackets 【】 [yaml-syntax]",
			"title: 【重要】通知\n"},
		{"braces then text", ch,
			"title: {重要}通知\n",
			"content/chapters/01-reform.md:2:8: error: a value that starts with { is read as a mapping, so YAML cannot read the text after its }: put the whole value in quotes (title: \"{重要}通知\") [yaml-syntax]",
			"title: \"{重要}通知\"\n"},

		// Colons.
		{"no space after the colon", ch,
			"title: 甲\nweight:1\nlabel: 一、\n",
			"content/chapters/01-reform.md:3:7: error: the colon after weight needs a space after it: write weight: 1 [yaml-syntax]",
			"title: 甲\nweight: 1\nlabel: 一、\n"},
		{"no space after the first colon", pub,
			"title:党旗招展千帆竞\nsubtitle: 辉煌百年路\n",
			"content/publication.yaml:1:6: error: the colon after title needs a space after it: write title: 党旗招展千帆竞 [yaml-syntax]",
			"title: 党旗招展千帆竞\nsubtitle: 辉煌百年路\n"},
		{"no space after a period's colon", data,
			"- id: a\n  series:\n    2019: 1\n    2020:2\n",
			"content/data/indicators.yaml:4:9: error: the colon after 2020 needs a space after it: write 2020: 2 [yaml-syntax]",
			"- id: a\n  series:\n    2019: 1\n    2020: 2\n"},
		{"full-width colon after a key", ch,
			"title：改革篇\nlabel: 一、\n",
			"content/chapters/01-reform.md:2:6: error: the key title is followed by the full-width colon ：, which YAML does not read as a colon: write the half-width colon and a space (title: 改革篇) [yaml-syntax]",
			"title: 改革篇\nlabel: 一、\n"},
		{"no colon at all", pub,
			"title: 甲\npublisher\nlanguage: zh-CN\n",
			"content/publication.yaml:2:1: error: this line is neither a key with a colon nor a list item, so YAML cannot read it: write it as key: value, or, if it continues the text above it, indent it further than that text's key [yaml-syntax]",
			"title: 甲\npublisher: 出版社\nlanguage: zh-CN\n"},
		{"duplicate key", ch,
			"title: 甲\nweight: 1\ntitle: 乙\n",
			"content/chapters/01-reform.md:4:1: error: title is given twice, here and on line 2: keep one of them [yaml-syntax]",
			"title: 甲\nweight: 1\n"},

		// Lists and keys mixed.
		{"list item among keys", pub,
			"title: 甲\n- GDP\nlanguage: zh-CN\n",
			"content/publication.yaml:2:1: error: a list item (\"- \") cannot stand among keys: put the list under a key of its own, with its items indented below that key [yaml-syntax]",
			"title: 甲\nglossary:\n- GDP\nlanguage: zh-CN\n"},
		{"dash before a key", ch,
			"title: 甲\n- label: 一、\n",
			"content/chapters/01-reform.md:3:1: error: this key starts with \"- \", but the keys beside it (line 2) do not: remove the \"- \" [yaml-syntax]",
			"title: 甲\nlabel: 一、\n"},
		{"key among list items", pub,
			"title: 甲\nglossary:\n  - GDP\n  cjk_spacing: none\n",
			"content/publication.yaml:4:3: error: this key stands among the items of a list (line 3), which start with \"- \": start it with \"- \" if it is one of them, or give it the indent of line 2 [yaml-syntax]",
			"title: 甲\nglossary:\n  - GDP\ncjk_spacing: none\n"},
		{"no space after a list item's dash", tl,
			"- date: 2013\n  title: 实行区域管理\n-date: 2018\n  title: 改革\n",
			"content/data/timeline.yaml:3:1: error: a list item needs a space after its \"-\": write - date: 2018 [yaml-syntax]",
			"- date: 2013\n  title: 实行区域管理\n- date: 2018\n  title: 改革\n"},
		{"no space after the first item's dash", tl,
			"-date: 2013\n  title: 实行区域管理\n- date: 2018\n",
			"content/data/timeline.yaml:1:1: error: a list item needs a space after its \"-\": write - date: 2013 [yaml-syntax]",
			"- date: 2013\n  title: 实行区域管理\n- date: 2018\n"},

		// Characters YAML reserves.
		{"value starting with @", ch,
			"title: 甲\nauthor: @记者\n",
			"content/chapters/01-reform.md:3:9: error: a value cannot start with @ in YAML: put the whole value in quotes (author: \"@记者\") [yaml-syntax]",
			"title: 甲\nauthor: \"@记者\"\n"},
		{"value starting with an asterisk", ch,
			"title: 甲\nsubtitle: *重要*\n",
			"content/chapters/01-reform.md:3:11: error: a value cannot start with * in YAML: put the whole value in quotes (\"*重要*\") [yaml-syntax]",
			"title: 甲\nsubtitle: \"*重要*\"\n"},
		{"value starting with a dash", ch,
			"title: - 改革篇\n",
			"content/chapters/01-reform.md:2:8: error: a value that starts with \"- \" is read as a list, which cannot follow a key on its line: put the whole value in quotes (title: \"- 改革篇\") [yaml-syntax]",
			"title: \"- 改革篇\"\n"},
		{"value starting with a backquote", pub,
			"title: `甲`\n",
			"content/publication.yaml:1:8: error: a value cannot start with ` in YAML: put the whole value in quotes (title: \"`甲`\") [yaml-syntax]",
			"title: \"`甲`\"\n"},

		// What the scanner does not recognise keeps the parser's
		// position, in words an editor can act on.
		{"mapping at the top of a list file", data,
			"- id: a\n? x\n",
			"content/data/indicators.yaml:2:1: error: folio cannot read the YAML here",
			""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first := 1
			if tc.file == ch {
				first = 2
			}
			var diags diag.List
			Parse(tc.file, []byte(tc.in), first, &diags)
			var got []string
			for _, d := range diags.Items() {
				got = append(got, d.String())
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], tc.want) {
				t.Errorf("got\n\t%s\nwant one diagnostic\n\t%s", strings.Join(got, "\n\t"), tc.want)
			}
			if tc.fixed == "" {
				return
			}
			var after diag.List
			if _, ok := Parse(tc.file, []byte(tc.fixed), first, &after); !ok || after.Len() > 0 {
				t.Errorf("the fixed text does not parse: %v", after.Items())
			}
		})
	}
}

// TestSyntaxMistakeAfterValidYAML: what the scanner reads on its way to
// the mistake, valid YAML of every kind folio's files hold, does not
// mislead it.
func TestSyntaxMistakeAfterValidYAML(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		line     int
	}{
		{"text over lines", "note: 很长的文字\n  继续写\n  还有\n", 4},
		{"text under its key", "note:\n  很长的文字\n  继续写\n", 4},
		{"list over lines", "aliases: [a,\n  b, c]\nunit: rank\n", 4},
		{"quoted over lines", "note: \"a\n  b\"\n", 3},
		{"comment with a colon", "note: a # 注: 这样\n# 注释: 这样\n", 3},
		{"block text", "note: |\n  a: b\n   c: d\n\n  e\n", 6},
		{"list at its key's indent", "aliases:\n- a\n- b\nlabel: x\n", 5},
		{"nested lists", "x:\n- - a\n  - b\n- y: 1\n", 5},
		{"empty value", "subtitle:\nlabel: x\n", 3},
		{"document start", "---\nlabel: x\n", 3},
		{"address", "base_url: https://example.org/gaoxin/\n", 2},
		{"quoted keys", "\"2020\": 1\n'x y': 2\n", 3},
		{"flow mapping", "series: {2020: 5.3, 2021: 6}\n", 2},
		{"ratio", "note: 比例为1:2\n", 2},
		{"CRLF", "label: x\r\n", 2},
		{"byte order mark", "\uFEFFlabel: x\n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			Parse("f.yaml", []byte(tc.in+"title: a: b\n"), 1, &diags)
			items := diags.Items()
			if len(items) != 1 || items[0].Pos.Line != tc.line || !strings.HasPrefix(items[0].Message, "a colon followed by a space in the value of title") {
				t.Errorf("got %v, want one diagnostic on line %d", items, tc.line)
			}
		})
	}
}
