// Package benchgen writes large publications for benchmarks: N chapters of
// Chinese prose with headings, lists, tables, quotes, links between
// chapters, indicator references, a chart every tenth chapter and an
// illustration every 25th, deterministic from a seed. Every fifth chapter
// is a statistical bulletin: the figures of generated counties and towns,
// hundreds of them, for many years (figures.go). The sentences are
// assembled from parts written for this purpose, so every paragraph
// differs.
package benchgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var (
	subjects = []string{"园区", "高新区", "管委会", "各职能部门", "基层党组织", "服务中心", "项目专班", "企业联络员", "招商团队", "技术服务平台", "创新中心", "物流基地", "新材料企业", "装备制造企业", "街道社区", "青年干部", "党员志愿者", "窗口工作人员"}
	verbs    = []string{"持续推进", "认真落实", "统筹谋划", "扎实开展", "积极探索", "不断完善", "大力推动", "稳步实施", "深入研究", "集中攻坚", "精心组织", "全面梳理"}
	objects  = []string{"项目建设", "营商环境优化", "科技成果转化", "人才引进计划", "园区基础设施改造", "政务服务流程再造", "企业难题清单", "产业链招商", "安全生产检查", "党员教育培训", "读书分享活动", "一对一联系服务", "重点工程调度", "数字化管理平台建设"}
	results  = []string{"取得了明显成效", "赢得了企业好评", "形成了可复制的经验", "为下一步工作打下了基础", "让群众少跑了腿", "推动指标稳步增长", "激发了干事创业的热情", "缩短了审批时间", "提升了服务效率", "筑牢了发展根基"}
	times    = []string{"今年以来", "去年下半年", "近三年", "改革以后", "一季度", "上半年", "自项目启动以来", "在新一轮规划中"}
	headings = []string{"主要做法", "工作成效", "经验启示", "存在问题", "下一步打算", "典型案例", "数据解读", "基层声音"}
	quotes   = []string{"抓党建就是抓发展", "服务企业就是服务发展", "马上办、网上办、一次办", "放权不放任、能放必放"}
)

// Indicators the generated chapters refer to.
const indicatorsYAML = `- id: growth
  label: 指标增速
  unit: percent
  source: 基准测试数据
  series: {2019: 6.1, 2020: 5.3, 2021: 7.2}
- id: projects
  label: 重点项目
  unit: count
  format: "{value}个"
  source: 基准测试数据
  series: {2019: 38, 2020: 45, 2021: 52}
- id: rank
  label: 综合排名
  unit: rank
  of: 169
  source: 基准测试数据
  series: {2018: 107, 2019: 98, 2020: 88}
`

// GenerateHugo writes the same chapters as a Hugo site into dir, with
// minimal layouts equivalent to folio's theme at this size: a home page
// listing every chapter, and a page per chapter with previous/next links.
func GenerateHugo(dir string, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	files := map[string]string{
		"hugo.toml":                    "baseURL = 'https://example.org/bench/'\nlanguageCode = 'zh-cn'\ntitle = '基准测试出版物'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n[markup.goldmark.renderer]\nunsafe = false\n",
		"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>`,
		"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}`,
		"layouts/_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ol>{{ range (where site.RegularPages "Section" "chapters").ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify | truncate 80 }}</li>{{ end }}</ol>{{ end }}`,
		"content/_index.md":            "---\ntitle: 基准测试出版物\n---\n这是一部用于基准测试的出版物，篇章由程序生成。\n",
	}
	for i := 1; i <= n; i++ {
		body := chapter(r, i, n)
		files[fmt.Sprintf("content/chapters/%05d-chapter-%d.md", i, i)] = strings.Replace(body, "---\ntitle:", fmt.Sprintf("---\nweight: %d\ntitle:", i), 1)
	}
	for k := range imageCount {
		files[fmt.Sprintf("static/images/bench-%d.jpg", k)] = string(illustration(k))
	}
	return writeFiles(dir, files)
}

// Generate writes a publication of n chapters into dir/content.
func Generate(dir string, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	content := filepath.Join(dir, "content")
	files := map[string]string{
		"publication.yaml":     "title: 基准测试出版物\nbase_url: https://example.org/bench/\npublished: 2021-07-01\ncjk_spacing: none\n",
		"index.md":             "这是一部用于基准测试的出版物，篇章由程序生成。\n",
		"data/indicators.yaml": indicatorsYAML,
	}
	for i := 1; i <= n; i++ {
		files[fmt.Sprintf("chapters/%05d-chapter-%d.md", i, i)] = chapter(r, i, n)
	}
	for k := range imageCount {
		files[fmt.Sprintf("images/bench-%d.jpg", k)] = string(illustration(k))
	}
	return writeFiles(content, files)
}

func writeFiles(dir string, files map[string]string) error {
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// sentence is one sentence; the number makes each one distinct.
func sentence(r *rand.Rand) string {
	return fmt.Sprintf("%s，%s%s第%d批%s，%s。", pick(r, times), pick(r, subjects), pick(r, verbs), r.IntN(90)+2, pick(r, objects), pick(r, results))
}

func paragraph(r *rand.Rand) string {
	var b strings.Builder
	for range 4 + r.IntN(3) {
		b.WriteString(sentence(r))
	}
	return b.String()
}

func chapter(r *rand.Rand, i, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: 第%d篇\nsummary: 第%d篇的摘要，记录%s的做法。\n---\n", i, i, pick(r, objects))
	b.WriteString(paragraph(r) + "\n\n")
	// A bulletin (every fifth chapter) states figures where the others
	// have prose; the prose is made all the same, so that the other
	// chapters stay as they were.
	bulletin := i%figureEvery == 0
	para := func(slot int) string {
		p := paragraph(r)
		if bulletin {
			p = figureParagraph(i, slot)
		}
		return p
	}
	for s := range 4 {
		fmt.Fprintf(&b, "## %s%d\n\n", pick(r, headings), s+1)
		b.WriteString(para(2*s) + "\n\n")
		switch (i + s) % 4 {
		case 0:
			for range 3 {
				fmt.Fprintf(&b, "- %s%s\n", pick(r, verbs), pick(r, objects))
			}
			b.WriteString("\n")
		case 1:
			b.WriteString("| 项目 | 进展 |\n|---|---|\n")
			for range 3 {
				fmt.Fprintf(&b, "| %s | %s |\n", pick(r, objects), pick(r, results))
			}
			b.WriteString("\n")
		case 2:
			fmt.Fprintf(&b, "> %s\n\n", pick(r, quotes))
		case 3:
			fmt.Fprintf(&b, "全年增速{{growth@2020}}，新开工重点项目{{projects}}。\n\n")
		}
		b.WriteString(para(2*s + 1))
		if i < n {
			fmt.Fprintf(&b, "详见[下一篇](%05d-chapter-%d.md)。", i+1, i+1)
		}
		b.WriteString("\n\n")
	}
	if i%25 == 0 {
		k := i / 25 % imageCount
		fmt.Fprintf(&b, "![园区实景示意图第%d幅，以色块表示厂房与道路](../images/bench-%d.jpg)\n\n", k+1, k)
	}
	if i%10 == 0 {
		b.WriteString("```chart\nindicator: rank\ntype: rank\ntitle: 综合排名\n```\n\n")
	}
	return b.String()
}
