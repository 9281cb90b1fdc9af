package chart

import (
	"bytes"
	"flag"
	"html"
	"math"
	"os"
	"strings"
	"testing"
)

var preview = flag.String("preview", "", "write an HTML page showing every test chart to this file (links main.css and charts.css beside it)")

// TestPreview writes a page for looking at the charts in a browser:
// go test ./internal/chart -run Preview -preview /tmp/charts/index.html
func TestPreview(t *testing.T) {
	if *preview == "" {
		t.Skip("no -preview file")
	}
	var b bytes.Buffer
	var pages [][]byte // three figures a page, for screenshots
	count := 0
	start := func() {
		b.Reset()
		b.WriteString(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
			`<title>folio charts</title><link rel="stylesheet" href="main.css"><link rel="stylesheet" href="charts.css"></head><body><main><article class="prose">` +
			`<h2>图表预览</h2>`)
	}
	end := func() {
		b.WriteString(`</article></main></body></html>`)
		pages = append(pages, bytes.Clone(b.Bytes()))
	}
	start()
	figure := func(s Spec, source string) {
		if count > 0 && count%3 == 0 {
			end()
			start()
		}
		count++
		b.WriteString(`<figure class="chart-figure" id="f-` + s.ID + `">`)
		b.WriteString(`<figcaption><span class="chart-title">` + html.EscapeString(s.Title) + `</span><span class="chart-source">来源：` + source + `</span></figcaption>`)
		Render(&b, s)
		Table(&b, s)
		b.WriteString(`</figure>`)
	}
	for _, name := range goldenNames {
		s := goldenSpecs()[name]
		if s.Kind == Sparkline {
			b.WriteString(`<p>研发投入强度<strong>3.0%</strong>`)
			Render(&b, s)
			b.WriteString(`，比2017年提高0.9个百分点。这是一段正文，用来看看迷你图在行内的大小与基线是否合适。</p>`)
		}
		figure(s, "区统计局")
	}
	long := "国家级高新技术企业认定数量及其增长情况统计"
	extra := []Spec{
		{Kind: Bar, ID: "neg", Title: "负值柱形", Unit: "percent", Series: []Series{{Name: "增速", Points: pts(years, []float64{-3.2, 1.5, -0.4, 6.1}, []string{"-3.2%", "1.5%", "-0.4%", "6.1%"})}}},
		{Kind: Bar, ID: "cmp-neg", Title: "比较含负值", Unit: "percent", Series: []Series{
			{Name: "出口总额增速", Points: []Point{{Value: -4.5, Display: "-4.5%"}}},
			{Name: long, Points: []Point{{Value: 12.2, Display: "12.2%"}}},
			{Name: "实际利用外资", Points: []Point{{Value: 3.1, Display: "3.1%"}}},
		}},
		{Kind: Line, ID: "four", Title: "四条线", Unit: "percent", Series: []Series{
			{Name: "甲指标", Points: pts(years, []float64{3, 4, 5, 6}, []string{"3%", "4%", "5%", "6%"})},
			{Name: "乙指标增速", Points: pts(years, []float64{6, 5, 5.5, 4}, []string{"6%", "5%", "5.5%", "4%"})},
			{Name: "丙", Points: pts(years, []float64{1, 2, 1.5, 2.5}, []string{"1%", "2%", "1.5%", "2.5%"})},
			{Name: "规模以上工业增加值增速", Points: pts(years, []float64{2, 3, 4, 3.5}, []string{"2%", "3%", "4%", "3.5%"})},
		}},
		{Kind: Rank, ID: "rank-mixed", Title: "排名有升有降", Of: 169, LowerIsBetter: true, Series: []Series{{Name: "排名", Points: pts(
			[]string{"2015年", "2016年", "2017年", "2018年", "2019年", "2020年"}, []float64{130, 112, 120, 98, 101, 88}, []string{"第130位", "第112位", "第120位", "第98位", "第101位", "第88位"})}}},
		{Kind: Line, ID: "long", Title: "长标签", Series: []Series{{Name: long, Points: pts([]string{long, "2018年第一季度", "2019年", long},
			[]float64{1200, 2600, 2400, 5200}, []string{"1,200余人次", "2,600余人次", "2,400余人次", "5,200余人次"})}}},
		{Kind: Bar, ID: "many", Title: "十二个月", Unit: "count", Series: []Series{{Name: "项目数", Points: func() []Point {
			var ps []Point
			for i := 1; i <= 12; i++ {
				ps = append(ps, Point{Label: "2021年" + itoa(i) + "月", Value: float64(20 + i*i), Display: itoa(20+i*i) + "个"})
			}
			return ps
		}()}}},
		{Kind: Line, ID: "gap", Title: "缺值与单点", Series: []Series{{Name: "值", Points: []Point{{Label: "2017年", Value: 3, Display: "3"}, {Label: "2018年", Value: math.NaN(), Display: "—"}, {Label: "2019年", Value: 4, Display: "4"}, {Label: "2020年", Value: 4, Display: "4"}}}}},
		{Kind: Rank, ID: "one", Title: "单点", Of: 169, LowerIsBetter: true, Series: []Series{{Points: []Point{{Label: "2020年", Value: 88, Display: "第88位"}}}}},
		{Kind: Bar, ID: "grouped", Title: "分组柱形", Unit: "percent", Series: []Series{
			{Name: "地区生产总值增速", Points: pts(years, []float64{7.9, 8.3, 7.1, 4.2}, []string{"7.9%", "8.3%", "7.1%", "4.2%"})},
			{Name: "规模以上工业增加值增速", Points: pts(years, []float64{9.2, 8.6, 7.4, 5.1}, []string{"9.2%", "8.6%", "7.4%", "5.1%"})},
		}},
		{Kind: Line, ID: "empty", Title: "无数据"},
	}
	for _, s := range extra {
		figure(s, "测试")
	}
	end()
	var all []byte
	for i, p := range pages {
		if i == 0 {
			all = append(all, p[:bytes.LastIndex(p, []byte("</article>"))]...)
		} else {
			body := p[bytes.Index(p, []byte("</h2>"))+5 : bytes.LastIndex(p, []byte("</article>"))]
			all = append(all, body...)
		}
		name := strings.TrimSuffix(*preview, ".html") + "-" + itoa(i+1) + ".html"
		if err := os.WriteFile(name, p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	all = append(all, []byte(`</article></main></body></html>`)...)
	if err := os.WriteFile(*preview, all, 0o644); err != nil {
		t.Fatal(err)
	}
}

func itoa(i int) string { return trimFloat(float64(i), 0) }
