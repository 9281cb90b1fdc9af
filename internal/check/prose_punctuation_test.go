package check_test

import "testing"

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
