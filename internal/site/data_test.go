package site_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"folio/internal/config"
)

const dataSite = `
-- content/publication.yaml --
title: 数据站
base_url: https://example.org/
-- content/index.md --
` + "```figures\n- gdp-growth\n- rank\n```" + `
-- content/chapters/01-a.md --
---
title: 甲篇
---
增长{{gdp-growth}}。
-- content/chapters/02-b.md --
---
title: 乙篇
---
排名{{rank@2019}}。
-- content/chapters/03-c.md --
---
title: 丙篇
---
没有数字。
-- content/data/indicators.yaml --
- id: gdp-growth
  label: 增速
  unit: percent
  source: 统计局
  series:
    2020: 5.3
- id: rank
  label: 排名
  unit: rank
  of: 169
  source: 科技部
  series: {2019: 98, 2020: 88}
`

func TestDataPageAndDownloads(t *testing.T) {
	b := buildArchive(t, dataSite)
	b.noErrors()
	page := b.file("data/index.html")
	for _, want := range []string{`id="gdp-growth"`, `id="rank"`, "169家中第88位", "来源", "统计局", `href="indicators.csv"`, `<svg class="chart chart-rank"`} {
		if !strings.Contains(page, want) {
			t.Errorf("data page lacks %q", want)
		}
	}
	csv := b.file("data/indicators.csv")
	if !strings.Contains(csv, "rank,排名,rank,2019,98,169家中第98位,,科技部") {
		t.Errorf("CSV download:\n%s", csv)
	}
	if js := b.file("data/indicators.json"); !strings.Contains(js, `"id":"gdp-growth"`) || !strings.Contains(js, `{"period":"2020","value":5.3,"display":"5.3%"}`) {
		t.Errorf("JSON download:\n%s", js)
	}
	a := b.file("a/index.html")
	if !strings.Contains(a, `<a class="figure-ref" href="../data/#gdp-growth"><data value="5.3" title="增速 · 2020年 · 来源：统计局">5.3%</data></a>`) {
		t.Errorf("reference not rendered:\n%s", a)
	}
}

// TestChangingAValueChangesOnlyItsPages is the promise of a single source
// of truth: edit one number, rebuild, and exactly the pages that show it
// (and the data page and downloads) change.
func TestChangingAValueChangesOnlyItsPages(t *testing.T) {
	dir := writeSite(t, dataSite)
	before := buildSite(t, dir, config.Options{})
	before.noErrors()
	p := filepath.Join(dir, "content", "data", "indicators.yaml")
	data, _ := os.ReadFile(p)
	if err := os.WriteFile(p, bytes.Replace(data, []byte("2020: 5.3"), []byte("2020: 5.4"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	after := buildSite(t, dir, config.Options{})
	after.noErrors()
	var changed []string
	searchChanged := false
	for _, name := range after.out.Names() {
		old, _ := before.out.File(name)
		now, _ := after.out.File(name)
		if bytes.Equal(old, now) {
			continue
		}
		if strings.HasPrefix(name, "search/index/") {
			searchChanged = true // the search index holds the values too
			continue
		}
		changed = append(changed, name)
	}
	if !searchChanged {
		t.Error("the search index does not have the new value")
	}
	want := []string{"a/index.html", "data/index.html", "data/indicators.csv", "data/indicators.json", "index.html", "print/index.html", "publication.epub"}
	if !slices.Equal(changed, want) {
		t.Errorf("changed files = %v, want %v", changed, want)
	}
	if !strings.Contains(after.file("a/index.html"), ">5.4%<") || !strings.Contains(after.file("index.html"), ">5.4<") {
		t.Error("the new value is not shown")
	}
}

func TestUnknownIndicatorFailsTheBuild(t *testing.T) {
	b := buildArchive(t, `
-- content/publication.yaml --
title: 站
-- content/chapters/01-a.md --
---
title: 甲
---
第一行
增长{{gdp-grwth}}，又见{{gdp-growth@2019}}。
-- content/data/indicators.yaml --
- id: gdp-growth
  label: 增速
  unit: percent
  source: 统计局
  series: {2020: 5.3}
`)
	b.wantDiag(`content/chapters/01-a.md:5:3: error: unknown indicator "gdp-grwth" (did you mean "gdp-growth"?) [unknown-indicator]`)
	b.wantDiag(`content/chapters/01-a.md:5:19: error: gdp-growth has no value for 2019 (it has 2020) [unknown-period]`)
	if len(b.out.Names()) != 0 {
		t.Error("files written despite errors")
	}
}
