package site_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/output"
	"folio/internal/site"
)

// yamlSite uses every YAML and data file folio reads: its chapters cite
// the indicators in prose, figures, a chart and a timeline; its copy has
// a Latin name publication.yaml's glossary allows.
const yamlSite = `
-- content/publication.yaml --
title: 小站
subtitle: 辉煌百年路
base_url: https://example.org/book/
glossary: [folio]
-- content/index.md --
---
title: 封面
---
前言。

` + "```figures\n- gdp-growth\n- national-rank\n```\n\n```timeline\n```" + `
-- content/chapters/01-a.md --
---
title: 甲篇
subtitle: 破除体制藩篱
---
增长{{gdp-growth}}，排名{{national-rank@2017}}，
再到{{national-rank@2020}}，规上工业{{industry-growth}}。

` + "```chart\nindicator: national-rank\ntype: rank\ntitle: 综合评价排名\n```" + `
-- content/chapters/02-b.md --
---
title: 乙篇
---
收入增长{{revenue-growth@2020}}，上年{{revenue-growth@2019}}。
-- content/pages/about.md --
---
title: 关于
---
本站由folio生成。
-- content/data/indicators.yaml --
- id: national-rank
  label: 综合评价排名
  unit: rank
  of: 169
  source: 科技部
  series:
    2017: 116
    2018: 107
    2020: 88
- id: gdp-growth
  label: 增速
  unit: percent
  source: 统计局
  note: 同比
  series: {2020: 5.3}
- id: industry-growth
  label: 工业增速
  unit: percent
  source: 统计局
  series: {2020: 6.8}
- id: revenue-growth
  label: 收入增速
  unit: percent
  source: 财政局
-- content/data/revenue.csv --
id,period,value
revenue-growth,2019,3.1
revenue-growth,2020,4.2
-- content/data/timeline.yaml --
- date: 2013
  title: 实行区域管理
- date: 2018-10-23
  title: 改革启动
`

// TestYAMLMistakeIsOneError: one mistake in any file folio reads is one
// error, at the line to fix, in build and in check alike; nothing that
// follows from it (references to indicators the broken data defines,
// rules that publication.yaml configures) is reported on top.
func TestYAMLMistakeIsOneError(t *testing.T) {
	for _, tc := range []struct {
		name, file, old, new string
		want                 string
	}{
		{"key indented 3 in indicators.yaml", "content/data/indicators.yaml", "  label: 增速", "   label: 增速",
			"content/data/indicators.yaml:11:4: error: this key has a 3-space indent, but the keys beside it (line 10) have a 2-space indent: give it a 2-space indent [yaml-syntax]"},
		{"first period indented further", "content/data/indicators.yaml", "    2017: 116", "     2017: 116",
			"content/data/indicators.yaml:7:6: error: this key has a 5-space indent, but the keys beside it (line 8) have a 4-space indent: give it a 4-space indent [yaml-syntax]"},
		{"colon in an indicator's note", "content/data/indicators.yaml", "note: 同比", "note: 口径: 同比",
			"content/data/indicators.yaml:14:11: error: a colon followed by a space in the value of note makes YAML read a new key here: write the full-width colon ： as Chinese text does (note: 口径：同比) or put the whole value in quotes (note: \"口径: 同比\") [yaml-syntax]"},
		{"bracket never closed in indicators.yaml", "content/data/indicators.yaml", "series: {2020: 6.8}", "series: {2020: 6.8",
			"content/data/indicators.yaml:20:11: error: the { here starts a mapping that is never closed: end it with }, or, if the braces are part of the text, put the whole value in quotes [yaml-syntax]"},
		{"colon in an event", "content/data/timeline.yaml", "title: 改革启动", "title: 改革: 启动",
			"content/data/timeline.yaml:4:12: error: a colon followed by a space in the value of title makes YAML read a new key here: write the full-width colon ： as Chinese text does (title: 改革：启动) or put the whole value in quotes (title: \"改革: 启动\") [yaml-syntax]"},
		{"tab in timeline.yaml", "content/data/timeline.yaml", "  title: 实行区域管理", "\ttitle: 实行区域管理",
			"content/data/timeline.yaml:2:1: error: this line is indented with a tab, which YAML does not allow: indent it with spaces instead, 2 of them [yaml-syntax]"},
		{"quotation mark never closed in a CSV file", "content/data/revenue.csv", "revenue-growth,2019,3.1", "revenue-growth,2019,\"3.1",
			"content/data/revenue.csv:2:21: error: the quotation mark \" that starts this value is never closed: end the value with \", or, for quotes inside Chinese text, use “ ” [csv-syntax]"},
		{"colon in publication.yaml", "content/publication.yaml", "subtitle: 辉煌百年路", "subtitle: 腾笼换鸟: 动能转换",
			"content/publication.yaml:2:15: error: a colon followed by a space in the value of subtitle makes YAML read a new key here: write the full-width colon ： as Chinese text does (subtitle: 腾笼换鸟：动能转换) or put the whole value in quotes (subtitle: \"腾笼换鸟: 动能转换\") [yaml-syntax]"},
		{"quotation mark never closed in publication.yaml", "content/publication.yaml", "title: 小站", "title: \"小站",
			"content/publication.yaml:1:8: error: the quotation mark \" that starts this value is never closed: end the value with \", or, for quotes inside Chinese text, use “ ” [yaml-syntax]"},
		{"key indented in publication.yaml", "content/publication.yaml", "base_url:", " base_url:",
			"content/publication.yaml:3:2: error: this key has a 1-space indent, but the keys beside it (line 2) have none: remove the spaces before it [yaml-syntax]"},
		{"colon in a chapter's front matter", "content/chapters/01-a.md", "subtitle: 破除体制藩篱", "subtitle: 腾笼换鸟: 动能转换",
			"content/chapters/01-a.md:3:15: error: a colon followed by a space in the value of subtitle makes YAML read a new key here: write the full-width colon ： as Chinese text does (subtitle: 腾笼换鸟：动能转换) or put the whole value in quotes (subtitle: \"腾笼换鸟: 动能转换\") [yaml-syntax]"},
		{"key indented in a chapter's front matter", "content/chapters/01-a.md", "subtitle: 破除体制藩篱", "   subtitle: 破除体制藩篱",
			"content/chapters/01-a.md:3:4: error: this key has a 3-space indent, but the keys beside it (line 2) have none: remove the spaces before it [yaml-syntax]"},
		{"no space after a colon in a page", "content/pages/about.md", "title: 关于", "title:关于",
			"content/pages/about.md:2:6: error: the colon after title needs a space after it: write title: 关于 [yaml-syntax]"},
		{"full-width colon on the cover", "content/index.md", "title: 封面", "title：封面",
			"content/index.md:2:6: error: the key title is followed by the full-width colon ：, which YAML does not read as a colon: write the half-width colon and a space (title: 封面) [yaml-syntax]"},
		{"colon in a chart's title", "content/chapters/01-a.md", "title: 综合评价排名", "title: 排名: 全国",
			"content/chapters/01-a.md:11:10: error: a colon followed by a space in the value of title makes YAML read a new key here: write the full-width colon ： as Chinese text does (title: 排名：全国) or put the whole value in quotes (title: \"排名: 全国\") [yaml-syntax]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeSite(t, yamlSite)
			p := filepath.Join(dir, filepath.FromSlash(tc.file))
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), tc.old) {
				t.Fatalf("%s has no %q", tc.file, tc.old)
			}
			if err := os.WriteFile(p, []byte(strings.Replace(string(data), tc.old, tc.new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			clean := func(diags *diag.List) string {
				var sb strings.Builder
				diags.Print(&sb)
				return strings.ReplaceAll(sb.String(), filepath.ToSlash(dir)+"/", "")
			}
			b := buildSite(t, dir, config.Options{})
			if got := clean(b.diags); got != tc.want+"\n" {
				t.Errorf("build reported\n%s\nwant only\n%s", got, tc.want)
			}
			var diags diag.List
			if err := site.Check(context.Background(), site.Options{Options: config.Options{Src: dir}}, &diags); err != nil {
				t.Fatal(err)
			}
			if got := clean(&diags); got != tc.want+"\n" {
				t.Errorf("check reported\n%s\nwant only\n%s", got, tc.want)
			}
		})
	}
	t.Run("unbroken", func(t *testing.T) {
		b := buildSite(t, writeSite(t, yamlSite), config.Options{})
		if got := b.diagText(); got != "" {
			t.Errorf("the site itself has problems:\n%s", got)
		}
	})
}

// TestDataMistakeFixedChecksReferencesAgain: while the data has an error
// the references it may answer are not reported; once it is fixed they
// are checked again, in the dev server's rebuilds too, whose conversions
// of the pages must not keep the unchecked ones.
func TestDataMistakeFixedChecksReferencesAgain(t *testing.T) {
	dir := writeSite(t, yamlSite)
	s := site.NewSession(site.Options{Options: config.Options{Src: dir}, Dev: true, NoEditions: true, CacheDir: t.TempDir()})
	edit := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), old) {
			t.Fatalf("%s has no %q (%v)", name, old, err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := func() (*output.Memory, []diag.Diagnostic) {
		t.Helper()
		mem := output.NewMemory()
		var diags diag.List
		if _, err := s.Build(context.Background(), mem, &diags); err != nil {
			t.Fatal(err)
		}
		return mem, diags.Items()
	}
	if _, diags := build(); len(diags) != 0 {
		t.Fatalf("first build: %v", diags)
	}
	// A reference to an id the data lacks, and a mistake in the data.
	edit("content/chapters/02-b.md", "收入增长", "人口{{population}}，收入增长")
	edit("content/data/indicators.yaml", "  label: 增速", "   label: 增速")
	if _, diags := build(); len(diags) != 1 || diags[0].Rule != "yaml-syntax" {
		t.Errorf("with the data broken: %v, want only its yaml-syntax error", diags)
	}
	// Fixed: the unknown reference is reported, the others resolve.
	edit("content/data/indicators.yaml", "   label: 增速", "  label: 增速")
	_, diags := build()
	if len(diags) != 1 || diags[0].Rule != "unknown-indicator" || !strings.HasSuffix(diags[0].Pos.String(), "02-b.md:4:3") {
		t.Errorf("with the data fixed: %v, want the unknown indicator at 02-b.md:4:3", diags)
	}
	edit("content/chapters/02-b.md", "人口{{population}}，", "")
	mem, diags := build()
	if len(diags) != 0 {
		t.Fatalf("all fixed: %v", diags)
	}
	if data, _ := mem.File("a/index.html"); !strings.Contains(string(data), ">5.3%<") {
		t.Error("chapter a does not show gdp-growth after the data was fixed")
	}
}
