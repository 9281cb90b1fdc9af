package check_test

import (
	"strings"
	"testing"

	"folio/internal/check"
)

// A space between two Chinese characters of running prose is flagged
// whatever the house style; spaces that separate the parts of structure
// are not.
func TestCJKSpacingBetweenHan(t *testing.T) {
	none, space := check.Options{Spacing: "none"}, check.Options{Spacing: "space"}
	runProseCases(t, "cjk-spacing", []proseCase{
		{md: "全面推进乡村 振兴，是当前农村工作的重中之重。", want: 1},
		{md: "优化营商 环境永远在路上。", want: 1},
		{md: "优化营商 环境永远在路上。", want: 1, opts: none},
		{md: "优化营商 环境永远在路上。", want: 1, opts: space},
		{md: "镇里把群众 的意见一条条记下来，逐项 整改。", want: 2},
		{md: "> 群众满意 不满意，是衡量工作的根本标准。", want: 1},
		{md: "会议由区委书记 张三主持，区长李四作工作报告。", want: 1},
		{md: "推进乡村  振兴，镇里下了大功夫。", want: 1},
		{md: "优化营商 \n环境永远在路上，推进乡村 振兴。", want: 1},
		{md: "镇里把**营商 环境**作为头等大事。", want: 1},
	})
}

func TestCJKSpacingSeparators(t *testing.T) {
	runProseCases(t, "cjk-spacing", []proseCase{
		// Headings, list items and table cells keep their spaces.
		{md: "## 守护一江清水 建设美丽青溪"},
		{md: "- 农业 生产"},
		{md: "| 项目 | 说明 |\n| --- | --- |\n| 道路 硬化 | 全部完成 |"},
		// Title-like lines, bylines, datelines, captions.
		{md: "守护一江清水 建设美丽青溪"},
		{md: "记者 张三 李四"},
		{md: "本报记者 王小明 通讯员 李华"},
		{md: "本报讯（记者 张三 通讯员 李四）青溪区日前召开全区重点项目推进会，部署下一阶段工作。"},
		{md: "新华社青溪7月1日电 记者 张三 李四报道：全区重点项目建设进展顺利。"},
		{md: "改造后的老街焕然一新 张三 摄"},
		{md: "左图：改造前的老街 右图：改造后的老街"},
		{md: "> 党旗飘起来 党员动起来"},
		// Parallel phrases and lists of names.
		{md: "全镇上下牢记“不忘初心 牢记使命”，扎实推进各项工作。"},
		{md: "获得表彰的同志有：张三 李四 王五 赵六。"},
		// Spaces the Markdown writer put beside markup.
		{md: "请点击 [这里](https://example.org/) 查看详细内容。"},
		{md: "这是全年工作的 **重中之重** 必须抓紧抓实。"},
		// A line break is not a space.
		{md: "优化营商\n环境永远在路上。"},
		{md: "优化营商  \n环境永远在路上。"},
		// Spaces between Chinese and Latin follow the house style only.
		{md: "这款 App 上线后很受欢迎。"},
		{md: "2020 年全区实现稳中有进。"},
		{md: "<!-- folio:ignore cjk-spacing -->\n优化营商 环境永远在路上。"},
	})
}

// The diagnostic points at the space and says to delete it.
func TestCJKSpacingMessage(t *testing.T) {
	got := ruleDiags(t, "优化营商 环境永远在路上。", check.Options{}, "cjk-spacing")
	if len(got) != 1 {
		t.Fatalf("%d diagnostics, want 1", len(got))
	}
	if got[0].Pos.String() != "t.md:1:5" || !strings.Contains(got[0].Message, "delete") {
		t.Errorf("%s %s, want t.md:1:5 and a message that says to delete the space", got[0].Pos, got[0].Message)
	}
}
