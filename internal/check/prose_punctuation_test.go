package check_test

import (
	"strings"
	"testing"

	"folio/internal/check"
)

// Half-width marks that punctuate Chinese are flagged; marks inside
// figures, times, addresses and Latin text are not.
func TestPunctuationWidthHalfWidthMarks(t *testing.T) {
	runProseCases(t, "punctuation-width", []proseCase{
		{md: "老支书说:“这条路我们盼了二十年。”", want: 1},
		{md: "村民们齐声喊道：“把家乡建设得更美!”", want: 1},
		{md: "全年重点实施的民生项目主要包括:", want: 1},
		{md: "群众的需求怎样才能及时回应?镇里的办法是上门问需。", want: 1},
		{md: "全镇建成示范村5个,新增绿地12公顷。", want: 1},
		{md: "规上工业增加值增长8.1%,增速居全市第二。", want: 1},
		{md: "全面推行“一窗受理”,办事时间大大缩短。", want: 1},
		{md: "推进企业智能化改造;建设数字化车间。", want: 1},
		{md: "这里的山水很美.游客一年比一年多。", want: 1},
		{md: "这件事就这样定下来了.", want: 1},
		{md: "难道不该为他们点个赞吗?!", want: 1},
		{md: "目标能不能实现?2021年的答卷给出了回答。", want: 1},
		{md: "改革,发展,稳定要统筹兼顾。", want: 2},
		{md: "- 新建村级综合服务中心:12个", want: 1},
		{md: "## 主要做法:", want: 1},
		{md: "全镇新建村级综合服务中心12个,2个正在建设。", want: 1},
		{md: "项目联系人:张三,联系电话:0571-1234567。", want: 3},
	})
}

func TestPunctuationWidthLeavesFiguresAndLatin(t *testing.T) {
	runProseCases(t, "punctuation-width", []proseCase{
		{md: "全区地区生产总值同比增长5.3%。"},
		{md: "三次产业结构调整为3.8:41.5:54.7。"},
		{md: "便民服务中心工作日8:30—17:00对外办公。"},
		{md: "全镇共投入资金1,200万元。"},
		{md: "1．加强组织领导。"},
		{md: "细颗粒物（PM2.5）平均浓度继续下降。"},
		{md: "比赛最终以3:2结束。"},
		{md: "欢迎访问区政府网站www.example.gov.cn查询。"},
		{md: "他在发言中引用了一句英文“Hello, world.”作为开场。"},
		{md: "软件升级到v2.1.3版本后运行更稳定。"},
		{md: "在浏览器中打开index.html?id=3页面即可。"},
		{md: "他说：“我们一定把这件事办好。”"},
		{md: "Thanks, everyone. See you next time!"},
	})
}

// An ASCII hyphen between Chinese characters is never Chinese
// punctuation; beside digits and Latin letters it is.
func TestPunctuationWidthHyphens(t *testing.T) {
	runProseCases(t, "punctuation-width", []proseCase{
		{md: "全镇党员观看了纪录片《生死关头-中国共产党的道路抉择》。", want: 1},
		{md: "全镇党员观看了纪录片《生死关头--中国共产党的道路抉择》。", want: 1},
		{md: "青溪-金华城际公交正式开通。", want: 1},
		{md: "青溪 - 金华城际公交正式开通。", want: 1},
		{md: "## 青溪-金华城际公交正式开通", want: 1},
		{md: "| 线路 | 状态 |\n| --- | --- |\n| 青溪-金华 | 已开通 |", want: 1},
		// Figures, dates, codes, names in Latin letters.
		{md: "1-8月，全区规上工业增加值增长9.1%。"},
		{md: "2021-2025年，全区将新建学校12所。"},
		{md: "新冠肺炎（COVID-19）疫情发生后，全区迅速行动。"},
		{md: "项目位于A-1地块，总投资3亿元。"},
		{md: "咨询电话：0571-1234567。"},
		{md: "全区新建5G基站320个，实现城区全覆盖。"},
		{md: "青溪——金华城际公交正式开通。"},
		{md: "青溪—金华城际公交正式开通。"},
		{md: "<!-- folio:ignore punctuation-width -->\n青溪-金华城际公交正式开通。"},
	})
}

// The year of a document number (文号) is written in 〔 〕.
func TestPunctuationWidthDocumentNumbers(t *testing.T) {
	runProseCases(t, "punctuation-width", []proseCase{
		{md: "区政府办公室印发了《实施意见》（青政办发[2021]18号）。", want: 1},
		{md: "根据《青溪区人民政府关于加快发展的意见》（青政发【2020】5号）精神，制定本方案。", want: 1},
		{md: "按照青政办函［2019］102号文件要求，全面开展自查。", want: 1},
		{md: "按照青政办函（2019）102号文件要求，全面开展自查。", want: 1},
		{md: "按照青政办函(2019)第102号文件要求，全面开展自查。", want: 1},
		{md: "按照青政办函 [2019] 102号文件要求，全面开展自查。", want: 1},
		{md: "| 文件 | 文号 |\n| --- | --- |\n| 实施意见 | 青政办发[2021]18号 |", want: 1},
		// Written right, or not a document number.
		{md: "区政府办公室印发了《实施意见》（青政办发〔2021〕18号）。"},
		{md: "全区地区生产总值（2021年）同比增长8.1%。"},
		{md: "案号为（2021）青0102民初18号的案件已审结。"},
		{md: "该项目（2021）共投入资金1.2亿元。"},
		{md: "本次讲座安排在综合楼[2021]室，共18号座位。"},
	})
}

// A quotation mark that closes nothing, or one left open when the next
// opens, is flagged once a paragraph; a quotation of several paragraphs
// opens each and closes only the last.
func TestPunctuationWidthUnbalancedQuotes(t *testing.T) {
	runProseCases(t, "punctuation-width", []proseCase{
		{md: "全面推行一窗受理”改革，办事时间大大缩短。", want: 1},
		{md: "全面推行”一窗受理“改革，办事时间大大缩短。", want: 1},
		{md: "他说：“我们要牢记“两山”理念，守护好青溪的山山水水。”", want: 1},
		{md: "全面推行“一窗受理改革，深化“最多跑一次”改革。", want: 1},
		{md: "全面推行“一窗受理”改革”，办事时间大大缩短。", want: 1},
		{md: "“放管服”改革”和“一件事”改革”同步推进。", want: 1},
		{md: "## 牢记嘱托”奋力前行", want: 1},
		// Balanced, nested right, or opening a quotation that goes on.
		{md: "全面推行“一窗受理”改革，办事时间大大缩短。"},
		{md: "他说：“我们要牢记‘两山’理念，守护好青溪的山山水水。”"},
		{md: "“这几年村里的变化，大家都看在眼里。路修好了，房子也翻新了。\n\n“日子越过越有奔头，我们心里踏实。”"},
		{md: "老支书感慨地说：“这几年村里的变化，大家都看在眼里。"},
		{md: "| 品名 | 产地 |\n| --- | --- |\n| 茶叶 | 青溪镇 |\n| 竹笋 | ” |"},
		{md: "全区位于东经119°21′36”至120°02′15”之间，总面积1560平方公里。"},
		{md: "<!-- folio:ignore punctuation-width -->\n全面推行一窗受理”改革，办事时间大大缩短。"},
	})
}

// Each new diagnostic points at the mark and says what to write.
func TestPunctuationWidthMarkMessages(t *testing.T) {
	for _, tc := range []struct{ md, pos, says string }{
		{"纪录片《生死关头-中国共产党的道路抉择》。", "t.md:1:9", "write ——"},
		{"印发了实施意见（青政办发[2021]18号）。", "t.md:1:13", "write 〔2021〕"},
		{"全面推行一窗受理”改革，办事时间大大缩短。", "t.md:1:9", "no “ opens"},
		{"他说：“我们要牢记“两山”理念。”", "t.md:1:4", "not closed"},
	} {
		got := ruleDiags(t, tc.md, check.Options{}, "punctuation-width")
		if len(got) != 1 || got[0].Pos.String() != tc.pos || !strings.Contains(got[0].Message, tc.says) {
			t.Errorf("%q: %v, want one at %s that says %q", tc.md, got, tc.pos, tc.says)
		}
	}
}

// A middle dot or a full-width stop between digits, two points in a row
// and a ratio with two kinds of colon are no way to write a number.
func TestPunctuationWidthNumberPoints(t *testing.T) {
	runProseCases(t, "punctuation-width", []proseCase{
		{md: "居民消费价格比上年上涨1·8%，涨幅回落。", want: 1},
		{md: "全年完成固定资产投资1·85亿元。", want: 1},
		{md: "全年实现税收收入12·6亿元，增长9．2%。", want: 2},
		{md: "规上工业增加值比上年下降14..3%。", want: 1},
		{md: "三次产业结构调整为5.5:50.6∶43.9。", want: 1},
		{md: "三次产业结构调整为5.5：50.6∶43.9。", want: 1},
		// Silent: a day's name, a section number, one kind of colon.
		{md: "深入学习“7·1”重要讲话精神。"},
		{md: "5·12汶川地震发生后，镇里组织了捐款。"},
		{md: "每年12·4国家宪法日都要开展普法宣传。"},
		{md: "三次产业结构调整为5.5∶50.6∶43.9。"},
		{md: "三次产业结构调整为5.5:50.6:43.9。"},
		{md: "居民消费价格比上年上涨1.8%，涨幅回落。"},
		{md: "1．2 主要经济指标"},
		{md: "会议于上午9:30开始，历时两个小时。"},
		{md: "敬请期待……全区新建项目达到12个。"},
	})
}
