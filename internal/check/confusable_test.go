package check

import (
	"strings"
	"testing"

	"folio/internal/diag"
)

// confusableCases are sentences each entry of words/confusable.txt flags
// (want: the wrong words, in order) and correct ones it leaves alone.
var confusableCases = []struct {
	md   string
	want []string
}{
	// 市场主题 → 市场主体, about firms and traders.
	{"今年全区新增市场主题1.2万户，总量突破10万户。", []string{"市场主题"}},
	{"持续优化营商环境，充分激发市场主题活力。", []string{"市场主题"}},
	{"围绕市场主题教育活动，组织企业代表座谈。", nil},
	{"本期节目的市场主题是年货消费。", nil},
	{"为用户提供市场主题分析。", nil},
	{"全区市场主题总量突破10万户。", []string{"市场主题"}},
	{"持续优化营商环境，充分激发市场主体活力。", nil},
	// 截止 → 截至 before a date or a time.
	{"截止2020年底，全区共有规上企业312家。", []string{"截止"}},
	{"截止目前，项目已完成投资5.6亿元。", []string{"截止"}},
	{"截止6月30日，累计办理业务1.2万件。", []string{"截止"}},
	{"报名截止日期为6月30日。", nil},
	{"申报工作于月底截止。", nil},
	{"报名截止3天后公布名单。", nil},
	{"截至2020年底，全区共有规上企业312家。", nil},
	// 截至 → 截止 before 日期.
	{"申报截至日期为5月10日。", []string{"截至"}},
	{"截至5月10日，共收到申报材料120份。", nil},
	// 做为 → 作为.
	{"做为一名共产党员，他始终冲在抗疫一线。", []string{"做为"}},
	{"坚决整治不做为、乱做为问题。", []string{"做为", "做为"}},
	{"把群众的事当做为自己的事来办。", nil},
	{"多做为民办实事的好事。", nil},
	{"这件事该怎样做为好？", nil},
	{"不要让基层做为难的事。", nil},
	{"作为一名共产党员，他始终冲在抗疫一线。", nil},
	// 既使 → 即使, in a concession.
	{"既使困难再大，我们也要按期完成任务。", []string{"既使"}},
	{"这项改革既使企业减轻了负担，又使群众得到了实惠。", nil},
	{"既使干部受到了教育，也使群众得到了实惠。", nil},
	{"即使困难再大，我们也要按期完成任务。", nil},
	// 既便 → 即便.
	{"既便任务再重，大家也不叫苦。", []string{"既便"}},
	{"新设的服务点既便民又利企。", nil},
	{"即便任务再重，大家也不叫苦。", nil},
	// 即然 → 既然.
	{"即然定下了目标，就要一抓到底。", []string{"即然"}},
	{"既然定下了目标，就要一抓到底。", nil},
	// 按装 → 安装.
	{"新设备已按装到位。", []string{"按装"}},
	{"按装调试工作全部完成。", []string{"按装"}},
	{"按装机容量计算，全区光伏发电规模居全市第一。", nil},
	{"工程按装修标准验收。", nil},
	{"货物按装入顺序编号。", nil},
	{"新设备已安装到位。", nil},
	// 布署 → 部署.
	{"对下半年工作作出全面布署。", []string{"布署"}},
	{"报社发布署名文章。", nil},
	{"对下半年工作作出全面部署。", nil},
	// 凑和 → 凑合.
	{"条件差一点也能凑和着用。", []string{"凑和"}},
	{"避免简单拼凑和堆砌材料。", nil},
	{"条件差一点也能凑合着用。", nil},
	// 度过 → 渡过 a hardship.
	{"帮助企业度过难关。", []string{"度过"}},
	{"全区经济平稳度过了危机。", []string{"度过"}},
	{"他在这里度过了难忘的童年。", nil},
	{"他们一起度过危机四伏的岁月。", nil},
	{"帮助企业渡过难关。", nil},
	// 渡过 → 度过 time.
	{"他在乡村渡过了难忘的童年。", []string{"渡过"}},
	{"孩子们渡过了一个愉快的暑假，又渡过美好的假期。", []string{"渡过"}},
	{"红军渡过乌江。", nil},
	{"帮助企业渡过一个个难关。", nil},
	// 排例 → 排列.
	{"全区规上工业增加值增速排例全省第三。", []string{"排例"}},
	{"三项指标排例第1位。", []string{"排例"}},
	{"全区规上工业增加值增速排列全省第三。", nil},
	{"每周一安排例会，通报工作进展。", nil},
	{"镇里安排例行检查。", nil},
	// 必竟 → 毕竟.
	{"必竟是第一次，难免有疏漏。", []string{"必竟"}},
	{"毕竟是第一次，难免有疏漏。", nil},
	{"锲而不舍，必竟其功。", nil},
	// 发韧 → 发轫.
	{"这项改革发韧于2013年。", []string{"发韧"}},
	{"焕发韧劲，迎难而上。", nil},
	{"这项改革发轫于2013年。", nil},
	// 松驰 → 松弛.
	{"纪律松驰的问题必须整改。", []string{"松驰"}},
	{"选手们轻松驰骋在赛道上。", nil},
	{"纪律松弛的问题必须整改。", nil},
	// 竟赛 → 竞赛.
	{"举办职工技能竟赛。", []string{"竟赛"}},
	{"他们竟赛出了全省最好成绩。", nil},
	{"举办职工技能竞赛。", nil},
	// 部份 → 部分.
	{"大部份企业已复工复产。", []string{"部份"}},
	{"股东之间可以转让内部份额。", nil},
	{"大部分企业已复工复产。", nil},
	// 幅射 → 辐射.
	{"发挥龙头企业的幅射带动作用。", []string{"幅射"}},
	{"发挥龙头企业的辐射带动作用。", nil},
	// 既往开来 → 继往开来.
	{"既往开来，再谱新篇。", []string{"既往开来"}},
	{"继往开来，再谱新篇。", nil},
	// 记录片 → 纪录片, unless 片 starts the next word.
	{"区融媒体中心拍摄的记录片在央视播出。", []string{"记录片"}},
	{"镇里组织党员观看红色记录片。", []string{"记录片"}},
	{"志愿者用镜头记录片刻的感动。", nil},
	{"网格员每天记录片区内的民情民意。", nil},
	{"档案馆保存着当年会议记录片段。", nil},
	{"区融媒体中心拍摄的纪录片在央视播出。", nil},
	// Idioms and words with one written form.
	{"希望大家再接再励，再创佳绩。", []string{"再接再励"}},
	{"希望大家再接再厉，再创佳绩。", nil},
	{"企业迫不急待地签下了入驻协议。", []string{"迫不急待"}},
	{"企业迫不及待地签下了入驻协议。", nil},
	{"面对资金缺口，他一度一愁莫展。", []string{"一愁莫展"}},
	{"面对资金缺口，他一度一筹莫展。", nil},
	{"老党员们谈笑风声，回忆往事。", []string{"谈笑风声"}},
	{"老党员们谈笑风生，回忆往事。", nil},
	{"高新区一如继往支持民营企业发展。", []string{"一如继往"}},
	{"高新区一如既往支持民营企业发展。", nil},
	{"好消息不径而走。", []string{"不径而走"}},
	{"好消息不胫而走。", nil},
	{"各项工作按步就班推进。", []string{"按步就班"}},
	{"各项工作按部就班推进。", nil},
	{"改革与发展相辅相承。", []string{"相辅相承"}},
	{"改革与发展相辅相成。", nil},
	{"治理污染迫在眉捷。", []string{"迫在眉捷"}},
	{"治理污染迫在眉睫。", nil},
	{"新建的展馆美仑美奂。", []string{"美仑美奂"}},
	{"新建的展馆美轮美奂。", nil},
	{"全区上下全力以付抓项目。", []string{"全力以付"}},
	{"全区上下全力以赴抓项目。", nil},
	{"企业一度走头无路。", []string{"走头无路"}},
	{"企业一度走投无路。", nil},
	{"不能默守成规。", []string{"默守成规"}},
	{"不能墨守成规。", nil},
	{"这一招出奇不意。", []string{"出奇不意"}},
	{"这一招出其不意。", nil},
	{"大家一股作气完成了任务。", []string{"一股作气"}},
	{"大家一鼓作气完成了任务。", nil},
	{"文章针贬时弊。", []string{"针贬时弊"}},
	{"文章针砭时弊。", nil},
	{"这首歌脍灸人口。", []string{"脍灸人口"}},
	{"这首歌脍炙人口。", nil},
	{"领导干部要以身作责。", []string{"以身作责"}},
	{"领导干部要以身作则。", nil},
	{"群众情不自尽地鼓起掌来。", []string{"情不自尽"}},
	{"群众情不自禁地鼓起掌来。", nil},
	{"办案人员不放过任何蛛丝蚂迹。", []string{"蛛丝蚂迹"}},
	{"办案人员不放过任何蛛丝马迹。", nil},
	{"演出场面十分震憾。", []string{"震憾"}},
	{"演出场面十分震撼。", nil},
	{"老屋已修茸一新。", []string{"修茸"}},
	{"老屋已修葺一新。", nil},
	{"工作中切忌急燥。", []string{"急燥"}},
	{"工作中切忌急躁。", nil},
	{"全区上下砥励前行，奋力谱写新篇章。", []string{"砥励"}},
	{"全区上下砥砺前行，奋力谱写新篇章。", nil},
	{"机关各部门励行节约，反对浪费。", []string{"励行节约"}},
	{"机关各部门厉行节约，反对浪费。", nil},
	{"完善激励行动方案。", nil},
	{"他在岗位上竞竞业业工作了三十年。", []string{"竞竞业业"}},
	{"他在岗位上兢兢业业工作了三十年。", nil},
	{"春耕生产如火如茶地展开。", []string{"如火如茶"}},
	{"春耕生产如火如荼地展开。", nil},
	{"座谈会上大家集思广议，献计献策。", []string{"集思广议"}},
	{"座谈会上大家集思广益，献计献策。", nil},
	{"老书记为群众鞠躬尽粹，死而后已。", []string{"鞠躬尽粹"}},
	{"老书记为群众鞠躬尽瘁，死而后已。", nil},
	{"这批青年人才出类拔粹。", []string{"出类拔粹"}},
	{"这批青年人才出类拔萃。", nil},
	{"面对群众求助，他不加思索地跳入河中。", []string{"不加思索"}},
	{"面对群众求助，他不假思索地跳入河中。", nil},
	{"节日期间，景区游客穿流不息。", []string{"穿流不息"}},
	{"节日期间，景区游客川流不息。", nil},
	{"全村今年有5名学子金榜提名。", []string{"金榜提名"}},
	{"全村今年有5名学子金榜题名。", nil},
	{"党员干部要明辩是非，站稳立场。", []string{"明辩是非"}},
	{"党员干部要明辨是非，站稳立场。", nil},
	// Everywhere text is: a heading, a list item, a table cell.
	{"## 截止2020年底的成绩", []string{"截止"}},
	{"- 再接再励", []string{"再接再励"}},
	{"| 项目 | 进度 |\n| --- | --- |\n| 设备 | 已按装 |", []string{"按装"}},
	// Silenced.
	{"<!-- folio:ignore confusable-word -->\n希望大家再接再励，再创佳绩。", nil},
}

func TestConfusableWord(t *testing.T) {
	for _, tc := range confusableCases {
		var diags diag.List
		for _, b := range scriptBlocks(t, tc.md, nil) {
			ConfusableWord(b, &diags)
		}
		var got []string
		for _, d := range diags.Items() {
			wrong, _, _ := strings.Cut(strings.TrimPrefix(d.Message, "“"), "”")
			got = append(got, wrong)
			if d.Rule != "confusable-word" || d.Severity != diag.Warning {
				t.Errorf("%q: %s %v", tc.md, d.Rule, d.Severity)
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q: flagged %q, want %q", tc.md, got, tc.want)
		}
	}
}

// TestConfusableList: the list reads, and every entry has a sentence it
// flags and a correct one it leaves alone.
func TestConfusableList(t *testing.T) {
	set, err := parseConfusables(confusableText)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.entries) < 20 {
		t.Errorf("only %d entries", len(set.entries))
	}
	seen := map[string]bool{}
	for _, e := range set.entries {
		if seen[e.wrong] {
			t.Errorf("line %d: %s twice", e.line, e.wrong)
		}
		seen[e.wrong] = true
		if e.why == "" {
			t.Errorf("line %d: %s has no reason", e.line, e.wrong)
		}
		var flagged, clean bool
		for _, tc := range confusableCases {
			for _, w := range tc.want {
				flagged = flagged || w == e.wrong
			}
			clean = clean || len(tc.want) == 0 && (strings.Contains(tc.md, e.wrong) || strings.Contains(tc.md, e.right))
		}
		if !flagged || !clean {
			t.Errorf("line %d: %s → %s has no test it flags (%v) or no correct sentence (%v)", e.line, e.wrong, e.right, flagged, clean)
		}
	}
	for _, bad := range []string{"甲 甲", "甲乙", "甲乙 丙丁 after=x", "甲乙 丙丁 !next=", "甲乙 丙丁 prev=x", "甲 乙"} {
		if _, err := parseConfusables(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// The message names the slip and its fix, and how to keep the word, at
// the word.
func TestConfusableWordMessage(t *testing.T) {
	var diags diag.List
	for _, b := range scriptBlocks(t, "前言\n\n今年新增市场主题1.2万户。\n", nil) {
		ConfusableWord(b, &diags)
	}
	items := diags.Items()
	if len(items) != 1 {
		t.Fatalf("%v", items)
	}
	want := "“市场主题” is likely a slip for “市场主体”: write 市场主体, or add <!-- folio:ignore confusable-word --> before the paragraph if “市场主题” is meant"
	if items[0].Message != want {
		t.Errorf("message %q\nwant %q", items[0].Message, want)
	}
	if got := items[0].Pos.String(); got != "t.md:3:5" {
		t.Errorf("at %s, want t.md:3:5", got)
	}
}

// BenchmarkConfusableWord100 is the rule over 100 generated chapters;
// ns/op divided by 100 is its cost a page.
func BenchmarkConfusableWord100(b *testing.B) {
	pages := scriptBenchBlocks(b)
	loadConfusables()
	var diags diag.List
	for b.Loop() {
		for _, blocks := range pages {
			for _, bl := range blocks {
				ConfusableWord(bl, &diags)
			}
		}
	}
	if diags.Len() != 0 {
		b.Errorf("diagnostics on generated chapters: %v", diags.Items()[:1])
	}
}
