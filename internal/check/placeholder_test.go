package check_test

import (
	"strings"
	"testing"

	"folio/internal/check"
)

// folio new's starter text is flagged, each block of it once, and so are
// the placeholders editors leave in Chinese copy.
func TestPlaceholderTextFlags(t *testing.T) {
	if got := ruleDiags(t, check.StarterMarkdown(), check.Options{}, "placeholder-text"); len(got) != 3 {
		t.Errorf("the starter text gives %d placeholder-text, want 3: %v", len(got), got)
	} else if !strings.Contains(got[0].Message, "starter text") {
		t.Errorf("the starter text is not named as such: %s", got[0].Message)
	}
	runProseCases(t, "placeholder-text", []proseCase{
		{md: "正文。", want: 1},
		{md: "正文……", want: 1},
		{md: "待补充", want: 1},
		{md: "（待定）", want: 1},
		{md: "【待补】", want: 1},
		{md: "TODO", want: 1},
		{md: "XXX", want: 1},
		{md: "## 小标题", want: 1},
		{md: "## 在这里写小标题", want: 1},
		{md: "在这里写导语。", want: 1},
		{md: "在这里写本章的开头。", want: 1},
		{md: "此处填写单位简介。", want: 1},
		{md: "请在此处插入图片。", want: 1},
		{md: "全区建成研发平台58个。此处补充2021年的数字。", want: 1},
		{md: "全区地区生产总值达到【数据待补】亿元。", want: 1},
		{md: "2020年，全区新增市场主体〔待核实〕户。", want: 1},
		{md: "项目于2021年开工（时间待定），计划两年建成。", want: 1},
		{md: "XXX同志带领党员干部冲在一线。", want: 1},
		{md: "××镇的群众说，路修好了。", want: 1},
		{md: "全区新建道路（TODO：核对公里数）。", want: 1},
		{md: "TODO 核对这一段的数字。", want: 1},
		{md: "全区实现地区生产总值 TBD 亿元。", want: 1},
		{md: "Lorem ipsum dolor sit amet.", want: 1},
		{md: "| 指标 | 数值 |\n|---|---|\n| 地区生产总值 | 待补充 |", want: 1},
		{md: "- 待定", want: 1},
		{md: "<!-- folio:ignore placeholder-text -->\n正文。"},
	})
}

// Prose that says something is pending, or uses the words of an
// instruction in a sentence of its own, is left alone.
func TestPlaceholderTextLeavesProse(t *testing.T) {
	runProseCases(t, "placeholder-text", []proseCase{
		{md: "具体开工时间待定。"},
		{md: "相关制度有待完善，数据亟待补充。"},
		{md: "1921年，他在这里写下了入党誓词。"},
		{md: "在这里写下青春答卷的，是一群年轻党员。"},
		{md: "这里写满了奋斗者的故事。"},
		{md: "这里写的是一位老党员的故事。"},
		{md: "该项目在此填补了省内空白。"},
		{md: "群众在此填写申请表后，当天即可办结。"},
		{md: "此处指2020年的数据（此处不含开发区）。"},
		{md: "## 内容简介"},
		{md: "## 正文之外"},
		{md: "| 项目 | 内容 |\n|---|---|\n| 建设 | 道路 |"},
		{md: "企业推出XXL码工作服，X光机也已到位。"},
		{md: "新款工作服（XXL码）已经到货。"},
		{md: "全区GDP增长5.3%，R&D投入强度2.1%。"},
		{md: "（待续）"},
		{md: "内容丰富，形式多样。"},
		{md: "本章正文分为三节。"},
		{md: "`TODO` 是程序员留下的记号。"},
	})
}
