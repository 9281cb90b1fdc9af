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

// A book title is quoted as it was published: the spaces between its
// phrases are the title's, not the writer's.
func TestCJKSpacingBookTitles(t *testing.T) {
	none, space := check.Options{Spacing: "none"}, check.Options{Spacing: "space"}
	runProseCases(t, "cjk-spacing", []proseCase{
		{md: "镇党委组织党员集中观看了专题片《学史明理 奋斗有我》，大家深受教育。"},
		{md: "区委宣传部编印了《守初心 担使命 开新局——青溪区五年发展纪实》一书。"},
		{md: "活动以《坚持人民至上 奋进“十四五” 建设新青溪》为题，在全区巡回展出。"},
		{md: "新出版的《青溪 100 年》一书，收录了大量珍贵照片。", opts: none},
		{md: "新出版的《青溪100年》一书，收录了大量珍贵照片。", opts: space},
		// Outside the title the spaces are stray as ever.
		{md: "大家观看了《学史明理 奋斗有我》，营商 环境也有专题。", want: 1},
		{md: "新出版的《青溪百年》一书收录了 100 张照片。", want: 2, opts: none},
		// A title never closed protects nothing.
		{md: "大家观看了《学党史 做合格党员，深受教育。", want: 1},
	})
}

// A space beside full-width punctuation is stray: the marks carry their
// own spacing.
func TestCJKSpacingBesidePunctuation(t *testing.T) {
	runProseCases(t, "cjk-spacing", []proseCase{
		// After or before a clause mark.
		{md: "全年完成固定资产投资86.5亿元， 比上年增长9.2%。", want: 1},
		{md: "新增造林面积1200公顷 ，比上年增加15%。", want: 1},
		{md: "巡回宣讲团深入村组，讲政策、 送理论， 解难题。", want: 2},
		{md: "党员们寻初心 、见行动，争当群众的贴心人。", want: 1},
		{md: "他在座谈会上说： 这几年村里的变化大家有目共睹。", want: 1},
		{md: "文艺演出分为三个篇章。 第一篇章讲述青溪的历史。", want: 1},
		{md: "上半年空气质量优良率达到92.3% ，居全市第一。", want: 1},
		{md: "全年完成固定资产投资86.5亿元，\u3000比上年增长9.2%。", want: 1},
		// A Chinese character beside an opening or a closing mark.
		{md: "展览分为 “初心之光”、 “奋斗之路”两个部分。", want: 2},
		{md: "青溪村荣获 “全国文明村”称号，全村上下倍受鼓舞。", want: 1},
		{md: "全镇认真学习 《青溪区志》，从历史中汲取力量。", want: 1},
		{md: "全面落实“双减” 政策，课后服务实现全覆盖。", want: 1},
		{md: "区里出台了 （试行）办法，规范审批流程。", want: 1},
		{md: "全面落实“ 双减”政策，课后服务实现全覆盖。", want: 1},
		{md: "> 我们一定把“民生工程” 办成民心工程。", want: 1},
		// Not beside punctuation, or not stray.
		{md: "全年完成固定资产投资86.5亿元，比上年增长9.2%。"},
		{md: "他在发言中引用了一句英文“Hello, world.”作为开场。"},
		{md: "　　全年完成固定资产投资86.5亿元，比上年增长9.2%。"},
		{md: "全年完成固定资产投资86.5亿元，比上年增长9.2%。\n　　全年新增城镇就业岗位5600个。"},
		{md: "这次行动就是要让群众满意。 ——摘自镇党委书记的讲话"},
		{md: "青溪河两岸的滨河绿道焕然一新。 张三 摄"},
		{md: "本报讯（记者 张三 通讯员 李四） 青溪区日前召开全区重点项目推进会，部署下一阶段工作。"},
		{md: "新华社青溪7月1日电 （记者 张三）全区重点项目建设进展顺利，多个项目提前投产。"},
		{md: "全区重点项目建设进展顺利，多个项目提前投产。 青溪区融媒体中心 2021年7月1日"},
		{md: "受表彰的优秀共产党员有：张三（女） 李四（回族） 王五 赵六（女）。"},
		{md: "受表彰的优秀共产党员有张三（女） 李四。", want: 1},
		{md: "青溪村荣获 “全国文明村” 称号，全村上下倍受鼓舞。", want: 2},
		{md: "一、 坚持创新驱动，工业经济提质增效，全年新增高新技术企业36家。"},
		{md: "（三） 服务业加快恢复，全年实现社会消费品零售总额120亿元。"},
		{md: "请阅读 ![示意图](a.png) ，了解办理流程。"},
		{md: "详细内容请点击 [《实施方案》](https://example.org/) 查看。"},
		// Structure, headings, items, cells.
		{md: "来源： 青溪区融媒体中心"},
		{md: "记者： 张三 李四"},
		{md: "2018年12月11日 11:31:45 | 来源： 青溪日报"},
		{md: "## 一、 主要做法"},
		{md: "- 新建村级综合服务中心， 12个"},
		{md: "| 项目 | 说明 |\n| --- | --- |\n| 道路 | 全部完成， 验收合格 |"},
		{md: "<!-- folio:ignore cjk-spacing -->\n全年完成固定资产投资86.5亿元， 比上年增长9.2%。"},
	})
}

// The diagnostic points at the space and names the marks beside it.
func TestCJKSpacingPunctuationMessage(t *testing.T) {
	got := ruleDiags(t, "全年完成投资86.5亿元， 比上年增长9.2%。", check.Options{}, "cjk-spacing")
	if len(got) != 1 {
		t.Fatalf("%d diagnostics, want 1", len(got))
	}
	if got[0].Pos.String() != "t.md:1:14" || !strings.Contains(got[0].Message, "(， 比)") || !strings.Contains(got[0].Message, "delete") {
		t.Errorf("%s %s, want t.md:1:14 and a message that names the marks and says to delete the space", got[0].Pos, got[0].Message)
	}
}

// In a photo credit a space separates the outlet and the photographer.
func TestCJKSpacingPhotoCredit(t *testing.T) {
	runProseCases(t, "cjk-spacing", []proseCase{
		{md: "区长作政府工作报告。青溪日报 王小明摄"},
		{md: "区长作政府工作报告。 青溪日报 王小明摄"},
		{md: "新落成的青溪大桥正式通车。青溪区融媒体中心 李华供图"},
		{md: "区长作政府工作报告。会议 由区委书记主持。", want: 1},
	})
}

// A space inside a quantity is flagged: before % whatever the style, before
// a Chinese unit unless the house style spaces Chinese and figures.
func TestCJKSpacingNumberSpaces(t *testing.T) {
	none, space := check.Options{Spacing: "none"}, check.Options{Spacing: "space"}
	runProseCases(t, "cjk-spacing", []proseCase{
		{md: "全镇常住人口4850 人，比上年增加120人。", want: 1},
		{md: "城镇化率达到36.4 %，提高1.2个百分点。", want: 1},
		{md: "城镇化率达到36.4 ‰。", want: 1},
		{md: "全年粮食产量0.8 万吨，财政收入24.04 亿元。", want: 2},
		{md: "新建道路12 公里，绿地3000 平方米。", want: 2},
		{md: "GDP 增长 6.3 %，居全市第一。", want: 1, opts: space},
		{md: "全区 GDP 增长 6.3%，新增就业 4850 人。", opts: space},
		{md: "城镇化率达到36.4 %。", want: 1, opts: none},
		{md: "全镇常住人口4850 人。", want: 1, opts: none},
		// Silent: Latin units, codes, section numbers, no unit.
		{md: "新建光伏电站120 MW，线路长5 km。"},
		{md: "G20 峰会期间，全区做好服务保障。"},
		{md: "3 人口与就业"},
		{md: "全区第3 人民医院建成开诊。"},
		{md: "全镇常住人口4850人，城镇化率36.4%。"},
		{md: "截至2020 年底，全区共有企业1200家。"},
	})
}

// Where the house style is unset, a paragraph that writes Chinese against
// figures is flagged where it also spaces them.
func TestCJKSpacingMixedStyle(t *testing.T) {
	runProseCases(t, "cjk-spacing", []proseCase{
		{md: "全年粮食产量 0.8万吨，比上年增长3%。", want: 1},
		{md: "全区新增就业 1200人，城镇登记失业率2.1%。", want: 1},
		// Silent: one style throughout, a signature and its date, a
		// declared style.
		{md: "全区生产总值比上年增长 3%，增速居全市第 2。"},
		{md: "全年粮食产量0.8万吨，比上年增长3%。"},
		{md: "青溪区人民政府办公室 2021年7月1日"},
		{md: "全区生产总值比上年增长 3%，增速居全市第 2。", opts: check.Options{Spacing: "none"}, want: 2},
	})
}
