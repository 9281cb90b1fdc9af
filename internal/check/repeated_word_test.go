package check

import (
	"slices"
	"strings"
	"testing"
)

// repeatedWords runs the rules on one paragraph and returns the doubled
// text of each repeated-word diagnostic, as in its message (“企业” is
// written twice (企业企业)).
func repeatedWords(t *testing.T, md string) []string {
	t.Helper()
	var got []string
	for _, d := range runDiags(t, md, Options{}) {
		if d.Rule != "repeated-word" {
			continue
		}
		_, doubled, _ := strings.Cut(d.Message, "written twice (")
		doubled, _, _ = strings.Cut(doubled, ")")
		got = append(got, doubled)
	}
	return got
}

// flaggedCases are slips, each with the doubling it must report.
var flaggedCases = []struct{ md, want string }{
	// The issue's: a word or a particle written twice.
	{"全区企业企业都积极参与。", "企业企业"},
	{"区里出台政策为企业企业减免税费。", "企业企业"},
	{"这是我们的的目标。", "的的"},
	{"这家有限公司在在开发区新建了厂房。", "在在"},
	// A piece of a title left over: 委 and 部 are no words alone.
	{"市委委书记到村里调研。", "委委"},
	{"县委委书记主持召开会议。", "委委"},
	{"区委委书记张卫东带队下沉一线。", "委委"},
	{"村党支部部书记带领村民流转土地。", "部部"},
	{"镇党委委书记参加了座谈。", "委委"},
	{"他们们都来了。", "们们"},
	// Longer words.
	{"坚持全面深化全面深化改革。", "全面深化全面深化"},
	{"要加快企业企业改革。", "企业企业"},
	{"他是是一名老党员。", "是是"},
	// Slips of my own, in the register of a yearbook.
	{"我们圆满完成了了全年任务。", "了了"},
	{"广大党员和和群众积极参与。", "和和"},
	{"全体党员党员踊跃捐款。", "党员党员"},
	{"深入群众群众中间听取意见。", "群众群众"},
	{"我们要要坚持不懈。", "要要"},
	{"要把把群众的事办好。", "把把"},
	{"新馆将将于明年投入使用。", "将将"},
	{"全面推进进乡村振兴。", "进进"},
	{"坚持以人民为中心心的发展思想。", "心心"},
	{"县委委副书记主持会议。", "委委"},
	{"市委委常委会研究决定。", "委委"},
	{"这部书被县图书馆馆收藏。", "馆馆"},
	{"全区一是是抓项目，二是抓环境。", "是是"},
}

// silentCases are correct Chinese with a doubling in it.
var silentCases = []string{
	// Reduplications in the dictionary, and set phrases holding one.
	"全区经济节节攀升。",
	"大家常常说要看看，天天学习。",
	"五星红旗高高飘扬。",
	"久久为功，步步为营。",
	"这些都是实实在在的成绩。",
	"动动手指就能办成。",
	"中华文明生生不息。",
	"他们牢牢把握主动权。",
	"这里的年轻人个个都是好手。",
	"层层压实责任。",
	"账目记得清清楚楚。",
	"干部进村拉拉家常。",
	"家家户户挂起了灯笼。",
	"祝大家年年有余。",
	"医生帮老人量量血压。",
	"群众连连称赞。",
	"人人参与、人人共享。",
	"做到一一对应。",
	"实现了村村通、户户通。",
	"大幕徐徐展开。",
	"高高兴兴上班，实实在在干事。",
	"他的的确确来过。",
	// Measure words: 一X一X, 一XX, XX.
	"他们一户一户走访。",
	"荒地一片一片变成了良田。",
	"在一次次攻坚中成长。",
	"一笔笔资金落到实处。",
	"做到件件有着落、事事有回音。",
	"这些小事，件件关系群众冷暖。",
	"一本本书读下来，收获很多。",
	"一项项部署落到实处。",
	"年年丰收。",
	// A verb's ABAB.
	"领导只说‘研究研究’。",
	"大家再讨论讨论，休息休息。",
	// The copies in two words.
	"中国共产党党旗高高飘扬。",
	"共产党党旗。",
	"他是党委委员。",
	"她当选区委委员。",
	"他是市委委员。",
	"电商商户越来越多。",
	"党史学习教育教育引导党员坚定信念。",
	"搭建共建共享平台。",
	"税收收入稳步增长。",
	"经济发展展现出新活力。",
	"委员会会议议定了三件事。",
	"企业拥有有效专利。",
	"拓展企业业务。",
	"推进重点项目目标任务。",
	"党支部部署了三项工作。",
	"村党组织组织党员开展服务。",
	"区农业农村局局长陈静说。",
	"党员员工带头。",
	"组织部部长讲话。",
	"转变工作作风。",
	"学生生活区改造完成。",
	"卒中中心挂牌。",
	"到2020年年底全部完成。",
	"农村村民收入增长。",
	"全国国家高新区排名上升。",
	"物流集团南仓仓储基地开工。",
	// A free word after a word ending with it.
	"社会会更加和谐。",
	"我们现在在推进这项工作。",
	"实事求是是党的思想路线。",
	"人才才是第一资源。",
	// A place or organisation named before its suffix.
	"柳湾村村委会换届。",
	"青溪区区委召开全会。",
	"我们党党员队伍不断壮大。",
	"企业有有效专利三十件。",
	// More of my own, in the register of a yearbook.
	"各级党组织一件件抓落实，一项项抓推进。",
	"广大党员干部兢兢业业、勤勤恳恳，扎扎实实做好本职工作。",
	"方方面面的工作都要从点点滴滴抓起。",
	"祖祖辈辈生活在这里的村民子子孙孙受益。",
	"乡村振兴事业蒸蒸日上，产业发展欣欣向荣。",
	"活动开展得轰轰烈烈、热热闹闹。",
	"金灿灿的稻谷、沉甸甸的果实、绿油油的菜地，处处洋溢着丰收的喜悦。",
	"村民们喜洋洋地迎接新春，红彤彤的灯笼挂满了街巷。",
	"孩子们胖乎乎的小手，嫩乎乎的脸蛋。",
	"书记说，要多到群众家里走走、看看、问问、听听。",
	"大家坐下来聊聊、谈谈，说说心里话，找找差距。",
	"他们看看账本，对对数字。",
	"村里的路曲曲弯弯，沟沟岔岔都通了水泥路。",
	"他是县委常委、县纪委委员。",
	"区人大常委会会议审议通过了该项决定。",
	"县委常委会会议研究部署了三项重点工作。",
	"党组组长、局长主持会议。",
	"区工会会员代表大会胜利召开。",
	"市总商会会长在会上讲话。",
	"市公安局局长通报了案情。",
	"人事处处长、财务科科长参加会议。",
	"镇派出所所长介绍了情况。",
	"县人民医院院长、党校校长作了发言。",
	"该村村民人均收入突破两万元。",
	"东坪村村集体经济收入增长到八十六万元。",
	"南湖镇镇长向群众通报了项目进展。",
	"张庄乡乡长带队走访困难户。",
	"钢铁厂厂长、图书馆馆长、合作社社长共同签约。",
	"中国国家博物馆展出了一批珍贵文物。",
	"坚持人民民主专政。",
	"物业业主委员会成立。",
	"各项任务务必在年底前完成。",
	"土地利用用地指标下达。",
	"内部部门协作更加顺畅。",
	"各省份份额保持稳定。",
	"全市市民踊跃参与。",
	"惠民民生工程扎实推进。",
	"教育育人功能不断增强。",
	"街道道路改造完成。",
	"上海海关查获一批走私货物。",
	"陕西西安的城墙保存完好。",
	"各方面面临新的挑战。",
	"研究所所长介绍了科研成果。",
	"现有有关规定已经废止。",
	"统一一致的标准。",
	"他们一个个冲锋在前，一批批投入战斗。",
	"一座座新楼拔地而起，一条条道路通向远方。",
	"时时处处严格要求自己。",
	"一字一句地修改，一笔一画地书写。",
	"日复一日、年复一年地坚守。",
	"截至2020年年底，全区共有企业三千家。",
	"乡村振兴战略实施以来，农村村容村貌焕然一新。",
	"欢迎欢迎，热烈欢迎！好好好好！",
	"车轮嘎吱嘎吱地响。",
	// Not a doubling: 一是…二是… repeats at a distance.
	"一是将原有的企业整合；二是建立制度；三是完善体制。",
	// Written twice on purpose, and said so.
	"<!-- folio:ignore repeated-word -->\n我们的的目标。",
}

func TestRepeatedWordFlagged(t *testing.T) {
	for _, tc := range flaggedCases {
		if got := repeatedWords(t, tc.md); !slices.Equal(got, []string{tc.want}) {
			t.Errorf("%s: got %q, want [%s]", tc.md, got, tc.want)
		}
	}
}

func TestRepeatedWordSilent(t *testing.T) {
	for _, md := range silentCases {
		if got := repeatedWords(t, md); len(got) > 0 {
			t.Errorf("%s: flagged %q", md, got)
		}
	}
}

// Cases from a measurement on published local-government copy, rewritten
// in sentences of my own, by what decides them.
var measuredCases = []struct {
	why, md string
	want    string // the doubling reported, or "" for none
}{
	// A group, then its office: the second copy begins a title.
	{"title after 各", "各乡镇乡镇长参加会议。", ""},
	{"title after 各", "全县各乡镇乡镇长、村党支部书记参加培训。", ""},
	{"title after 各", "各乡镇乡镇书记作了表态发言。", ""},
	{"title after 每个", "每个社区社区主任都要到场。", ""},
	{"contraction of 乡长 and 镇长", "全县乡镇乡镇长集中培训。", ""},
	{"no 各, no contraction", "县委县委书记主持会议。", "县委县委"},
	{"after 各, no title", "各企业企业要加强管理。", "企业企业"},
	{"one character before a title, no 各", "镇党委委书记带队检查。", "委委"},
	// A given name beside a role word or in a byline.
	{"byline, role after", "（周荣荣 记者 孙蕾）全县春耕有序推进。", ""},
	{"role before", "记者王萍萍报道，全市新增就业八千人。", ""},
	{"role after", "张芳芳同志任县妇联主席。", ""},
	{"title before, saying after", "村主任李娟娟说，路修好了。", ""},
	{"byline's slash", "文/赵晶晶", ""},
	{"credit of a photograph", "（吴丹丹 摄）", ""},
	{"the surname and the copy make a word", "村主任任说，明年再修路。", "任任"},
	{"the copy ends a title", "李书记记说，要抓紧落实。", "记记"},
	{"the copy ends a longer word", "宣传部部说，稿子已经审过。", "部部"},
	{"a pronoun is no given name", "王局长和他他说了。", "他他"},
	{"a pronoun is no given name", "王局长向他他说明情况。", "他他"},
	// A verb's ABAB after an adverb of continuation or intensity.
	{"after 不断", "全县不断推进推进营商环境改革。", "推进推进"},
	{"after 进一步", "我们要进一步研究研究相关政策。", "研究研究"},
	{"after 大力", "大力发展发展乡村旅游。", "发展发展"},
	{"after 积极地", "各地积极地推进推进垃圾分类。", "推进推进"},
	{"tentative, in speech", "他笑着说：“这事我们再研究研究。”", ""},
	{"tentative, in speech", "“大家商量商量，明天给答复。”", ""},
	{"tentative, in speech", "“这事得好好商量商量。”", ""},
	{"tentative, in speech", "“回去好好学习学习文件。”", ""},
	{"tentative, in speech", "“咱们再讨论讨论。”", ""},
	{"tentative, in speech", "“让我考虑考虑。”", ""},
	{"tentative, in speech", "“坐久了，起来活动活动。”", ""},
	// A character doubled before a number.
	{"a rare word before a number", "全年发放低保金金860万元。", "金金"},
	{"full-width digits", "全年发放低保金金８６０万元。", "金金"},
	{"a rare word before a number", "发放救助金金12万元。", "金金"},
	{"the copy left alone", "奖励资金金50万元。", "金金"},
	{"an adverb of amount", "工期仅仅3天。", ""},
	{"an adverb of amount", "他们足足干了5个小时。", ""},
	{"a measure word's", "村里户户1台净水器。", ""},
	{"time", "图书馆天天8点开门。", ""},
	{"everyone", "资料人人1份。", ""},
	// A proper name of the dictionary, rare in its counts, that begins
	// with the character a word before it ends with.
	{"a word, then a name", "全镇党员干部深入学习习近平总书记重要讲话精神。", ""},
	{"a word, then a name", "学习习近平新时代中国特色社会主义思想。", ""},
	{"a word, then a name", "大家认真学习习近平同志的论述。", ""},
	{"tentative, in speech", "“回去好好学习学习讲话。”", ""},
	{"ABAB after 深入, before a name", "深入学习学习习近平总书记重要讲话。", "学习学习"},
	{"the name's end doubled", "认真学习习近平近平新时代思想。", "近平近平"},
	// A doubled given name after a title, or in a list of names.
	{"after 副县长", "副县长冯颖颖、周倜出席仪式。", ""},
	{"after 局长", "县农业农村局局长吴萍萍带队检查。", ""},
	{"after 镇长", "镇长张婷婷主持会议。", ""},
	{"after 委员", "县政协委员韩丽丽提交了提案。", ""},
	{"in a list", "参加座谈的有刘芳、冯颖颖、周倜。", ""},
	{"in a list, last", "获奖的有刘芳、冯颖颖。", ""},
	{"a word ends with the copy, in a list", "市委委、县委作了部署。", "委委"},
	{"after a title, a free word", "镇长他他说了算。", "他他"},
	// A name after a credit's label.
	{"credit", "责任编辑：康康", ""},
	{"credit, ASCII colon", "编辑: 康康", ""},
	{"credit, surname", "记者：王婷婷 通讯员：李萍萍", ""},
	{"credit, a longer value", "来源：市委委宣传部", "委委"},
	{"no label", "今天：康康来了吗", "康康"},
	{"colon, no label", "他说：企业企业都要参加", "企业企业"},
	// A place name before its suffix.
	{"before 镇", "柯柯镇党委书记在会上发言。", ""},
	{"before 村", "他来自塔塔村。", ""},
	{"before 街道", "拉拉街道办事处成立。", ""},
	{"a particle", "我们的的镇容镇貌焕然一新。", "的的"},
	{"a word ends with the copy", "以中心心村为重点。", "心心"},
	{"no suffix", "柯柯党委书记在会上发言。", "柯柯"},
}

func TestRepeatedWordMeasured(t *testing.T) {
	for _, tc := range measuredCases {
		var want []string
		if tc.want != "" {
			want = []string{tc.want}
		}
		if got := repeatedWords(t, tc.md); !slices.Equal(got, want) {
			t.Errorf("%s (%s): got %q, want %q", tc.md, tc.why, got, want)
		}
	}
}
