package check

import (
	"strings"
	"testing"

	"folio/internal/diag"
	"folio/internal/markdown"
	"folio/internal/markdown/mdenv"
)

// FuzzCheck runs every rule over arbitrary Markdown: the figure reader,
// the segmenter's windows and the prose rules slice text by byte offsets,
// and none of them may panic or report a place outside the text.
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		"2020年，全区实现地区生产总值486.3亿元，同比增长3.9%；2021年1—5月，一般公共预算收入19.4亿元。",
		"截至2021年6月，全县共有基层党组织1126个、党员21436名。目前，全县1162个基层党组织全部完成建设。",
		"全县森林覆盖率由2017年的38.6%提高到2020年的41.2%，力争到2025年突破45%。",
		"2020年，北岭开发区主要指标如下：\n\n- 规模以上工业企业：187家\n- 高新技术企业：98家\n",
		"区委委书记带领党支部部书记，各乡镇乡镇长参加；我们的的目标，企业企业。",
		"中國共产党，截止2020年底，市场主题活力，说:“好!”营商 环境，数据共享and业务协同。",
		"一、农业生产基本稳定\n\n（黄婷婷 记者 吴敏）\n\n图1：会场\n\n覆盖率达到",
		"上半年，全县用电量同比增长39.2%，入库税收同比增长38.5%，年末市场主体5.82万户。",
		"2021年一季度，地区生产总值同比增长18.6%，两年平均增长7.3%。其中工业增加值完成98亿元，同比增长13.5%。",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, md string) {
		src := []byte(md)
		source := diag.NewSource("t.md", src)
		var diags diag.List
		env := &mdenv.Env{RelPath: "chapters/t.md", URL: "t/", Data: testData, Pos: source.Pos, Diags: &diags}
		res, err := markdown.New(markdown.Options{}).Convert(src, env)
		if err != nil {
			return
		}
		opts := Options{Subject: []string{"长河县", "全县"}, Year: 2021, Simplified: true, Allow: []string{"中國"}}
		page := &Page{Doc: res.Doc, Source: res.Source, Pos: source.Pos, Title: "长河县发展纪实"}
		var found diag.List
		Run(&Publication{Pages: []*Page{page, page}, Data: testData, Options: opts}, &found)
		lines := strings.Count(md, "\n") + 1
		for _, d := range found.Items() {
			if d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 0 {
				t.Fatalf("%s: outside the text's %d lines", d, lines)
			}
		}
	})
}
