package check

import (
	"fmt"
	"strings"

	"folio/internal/diag"
)

// Rule is one editorial rule a publication can set the severity of with
// checks: in publication.yaml. README's table of rules is this list.
type Rule struct {
	ID      string
	Default diag.Severity
	What    string // what it flags
	Flags   string // an example it flags
	Leaves  string // an example it leaves alone
	// Split says how the default severity differs between its cases,
	// where it does.
	Split string
}

// Rules are the rules checks: may name. A rule whose Default is diag.Off
// reports nothing until checks: gives it a severity. Only what contradicts the data,
// unknown references, broken links and broken structure stop a build by
// default; a prose rule defaults to error only when its precision on the
// labelled corpora is at least 0.98 (see score_test.go).
var Rules = []Rule{
	{"conflicting-figure", diag.Error, "a figure that contradicts content/data (an error), or two statements of the same metric, place and period with different values (a warning)", "地区生产总值486.3亿元 here, 468.3亿元 in another chapter (same place, 2020年)", "同比增长5.3% and 同比增长7.4% of two different metrics or places", "error against the data, warning between chapters"},
	{"hand-typed-figure", diag.Warning, "a number typed by hand that the data holds: write the {{id}} reference", "地区生产总值增长5.3% where the data holds it", "{{gdp-growth}}", ""},
	{"duplicate-paragraph", diag.Error, "a paragraph that appears twice, or nearly so", "the same paragraph pasted into two chapters", "a short slogan quoted in two different paragraphs", ""},
	{"repeated-word", diag.Warning, "a word written twice by mistake, told apart from reduplication by word segmentation", "企业企业, 的的, 市委委书记", "节节攀升, 党委委员, 搭建共建共享平台", ""},
	{"confusable-word", diag.Warning, "a word often confused with another in official copy, where its context shows the slip", "市场主题 (市场主体), 截止2020年底 (截至)", "主题教育, 截止日期", ""},
	{"traditional-in-simplified", diag.Warning, "a traditional character in a simplified-Chinese (zh-CN) publication", "中國共产党", "乾坤, a name listed under checks: allow:", ""},
	{"stray-latin", diag.Warning, "a Latin word left in Chinese text by translation or paste", "数据共享and业务协同", "GDP, 5G, AAAA级, iPhone, a name such as Alibaba", ""},
	{"unfinished-paragraph", diag.Warning, "a paragraph that stops mid-sentence", "……覆盖率达到", "一、农业生产基本稳定 (a crosshead), 图1：…, a byline", ""},
	{"punctuation-width", diag.Warning, "half-width punctuation in Chinese text, mixed quotation marks", "改造,昔日; 说:“……”", "5.3%, 4.2:43.6:52.2, 9:00", ""},
	{"cjk-spacing", diag.Warning, "a stray space between Chinese characters in prose; with cjk_spacing: set, the house style between Chinese and Latin", "营商 环境", "a heading 守护一江清水 建设美丽青溪", ""},
	{"placeholder-text", diag.Warning, "text left for the writer to replace: the starter text of folio new, a paragraph that is only a placeholder, a marker such as 待补充 or TODO", "在这里写导语。, 正文。 alone, 【数据待补】, 此处填写单位简介, XXX同志", "具体时间待定。, 制度有待完善, 他在这里写下入党誓词", ""},
	{"heading-skip", diag.Warning, "a heading more than one level below the one before it", "### right after the title", "## then ###", ""},
	{"missing-alt", diag.Warning, "an image without alt text", "![](images/a.jpg)", "![会场全景](images/a.jpg)", ""},
	{"missing-credit", diag.Off, "a photo whose credit neither its title in the Markdown (摄影：…, 图片来源：…) nor its own metadata (EXIF Artist, IPTC By-line or Credit, XMP dc:creator) gives; off unless checks: turns it on", "![厂房](images/a.jpg) from a camera that wrote no Artist", "![厂房](images/a.jpg \"厂房 摄影：张三\"), a photo whose EXIF names 张三, an SVG drawing", ""},
	{"broken-link", diag.Error, "a link to a page or heading that does not exist", "[见上文](02-nonesuch.md)", "[见上文](02-reform.md)", ""},
}

// LookupRule returns the rule with id.
func LookupRule(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// RulesTable is README's table of the rules, in Markdown.
func RulesTable() string {
	var b strings.Builder
	b.WriteString("| rule | what it flags | flags | leaves alone | default |\n|---|---|---|---|---|\n")
	for _, r := range Rules {
		def := r.Default.String()
		if r.Split != "" {
			def = r.Split
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", r.ID, r.What, r.Flags, r.Leaves, def)
	}
	return b.String()
}
