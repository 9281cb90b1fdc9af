package check_test

import "testing"

// A paragraph cut off in a paste is flagged; structure written as a plain
// paragraph (crossheads, bylines, datelines, captions, lead-ins) is not.
func TestUnfinishedParagraphCutOff(t *testing.T) {
	runProseCases(t, "unfinished-paragraph", []proseCase{
		{md: "今年以来，全镇新修农村公路56公里，改造危桥9座，其中", want: 1},
		{md: "经过三年的努力，全县农村自来水普及率达到", want: 1},
		{md: "镇里先后建起了老年食堂、日间照料中心、", want: 1},
		{md: "街道社区卫生服务中心新增床位80张，", want: 1},
		{md: "新建的文化广场每天都有不少居民来锻炼身体", want: 1},
		{md: "产业园区的建设正在", want: 1},
		{md: "这项工作得到了群众的", want: 1},
		{md: "去年全区粮食总产量增长到", want: 1},
		{md: "全镇森林覆盖率为", want: 1},
		{md: "全年新增城镇就业岗位超过", want: 1},
		{md: "全区第一条城市快速路预计于2022年12月31日", want: 1},
		// A crosshead or a caption that stops after a comma or on a word
		// that needs what follows was cut too.
		{md: "一、农业生产稳中有升，", want: 1},
		{md: "（二）工业投资持续增长，其中", want: 1},
		{md: "图为镇里新建的农产品冷链仓库，", want: 1},
		// A quotation long enough to be a paragraph.
		{md: "> 我们村这几年的变化，大家都看在眼里，路修好了，房子也翻新了，日子越过越有奔头", want: 1},
		// A long enumerated paragraph is prose.
		{md: "1、全区新建改造城乡供水管网186公里，新增日供水能力5万吨，农村居民喝上了和城里人一样的自来水", want: 1},
	})
}

func TestUnfinishedParagraphStructure(t *testing.T) {
	runProseCases(t, "unfinished-paragraph", []proseCase{
		// Crossheads typed as paragraphs.
		{md: "一、农业生产基本稳定"},
		{md: "二、坚持创新驱动，工业经济提质增效"},
		{md: "（三）服务业加快恢复"},
		{md: "(4) 社会事业全面进步"},
		{md: "1. 完善基层治理体系"},
		{md: "2．强化要素保障"},
		{md: "3、优化营商环境"},
		{md: "1.2 主要经济指标"},
		{md: "① 新建标准厂房12万平方米"},
		{md: "第三部分 民生保障"},
		{md: "第二章 发展历程"},
		{md: "二是强化要素保障"},
		{md: "● 村级集体经济全面发展"},
		// Bylines and datelines.
		{md: "记者 张三 李四"},
		{md: "本报记者 王小明 通讯员 李华"},
		{md: "记者张三李四"},
		{md: "通讯员：赵四"},
		{md: "新华社青溪7月1日电"},
		{md: "本报青溪6月30日讯"},
		{md: "2021年7月1日"},
		{md: "二〇二一年六月三十日"},
		{md: "青溪区人民政府办公室 2021年7月1日"},
		{md: "2021年7月1日（星期四）"},
		{md: "青溪区人民政府办公室\n2021年7月1日"},
		{md: "来源：青溪区融媒体中心"},
		{md: "责任编辑：王五"},
		{md: "文/刘洋 图/陈晨"},
		// Captions and picture credits.
		{md: "图为镇里新建的农产品冷链仓库，工人正在分拣当天收购的蔬菜"},
		{md: "图1：2016—2020年全区地区生产总值及增速"},
		{md: "左图：改造前的老街 右图：改造后的老街"},
		{md: "改造后的老街焕然一新 张三 摄"},
		{md: "青溪河两岸的滨河绿道 区委宣传部供图"},
		{md: "▲ 志愿者在社区广场为居民义诊"},
		// Lead-ins, subtitles, titles, slogans.
		{md: "全镇的主要做法如下："},
		{md: "具体安排是:"},
		{md: "——记青溪区优秀共产党员周建国"},
		{md: "守护一江清水 建设美丽青溪"},
		{md: "> 幸福都是奋斗出来的"},
		{md: "乐在其中"},
		{md: "青溪区2020年国民经济和社会发展统计公报"},
		{md: "关于进一步加强农村人居环境整治工作的实施意见"},
		{md: "一手抓疫情防控 一手抓经济发展"},
		// Never headings, list items, table cells.
		{md: "## 园区建设正在"},
		{md: "- 新建农村公路56公里"},
		{md: "- 全镇森林覆盖率达到"},
		{md: "| 指标 | 数值 |\n| --- | --- |\n| 新建公路 | 56公里 |"},
		// Finished sentences.
		{md: "他说：“这条路修到了我们心坎上。”"},
		{md: "村民们的日子越过越红火！"},
		{md: "这样的变化，谁能想到呢？"},
		{md: "<!-- folio:ignore unfinished-paragraph -->\n截至目前，全区已建成"},
	})
}

// The information line a news site prints with an article (date, time,
// source, author, views) is page structure wherever its fields sit; a
// line with anything else in it is not.
func TestUnfinishedParagraphInformationLine(t *testing.T) {
	runProseCases(t, "unfinished-paragraph", []proseCase{
		{md: "2018年12月11日 11:31:45 | 来源：青溪日报"},
		{md: "2018年12月11日 11:31:45"},
		{md: "2021-07-01 09:30 来源：青溪区融媒体中心 作者：张三"},
		{md: "发布时间：2021-07-01 09:30:12 浏览次数：1234"},
		{md: "浏览次数：1234 | 来源：青溪区人民政府办公室"},
		{md: "来源：青溪日报 | 2021年7月1日"},
		{md: "作者：张三 李四 | 编辑：王五 | 2021.07.01"},
		{md: "2021年07月01日 星期四 来源： 青溪区融媒体中心"},
		// Not an information line.
		{md: "2018年12月11日 11:31:45 | 来源：青溪日报 全区重点项目建设进展顺利", want: 1},
		{md: "2018年12月11日 11:31:45 全区新建的文化广场每天都有不少居民来锻炼身体", want: 1},
		{md: "地址：青溪区人民路88号 来源：青溪日报 经过三年的努力，全县农村自来水普及率达到", want: 1},
	})
}

// A caption paragraph ends in a photo credit, which needs no full stop.
func TestUnfinishedParagraphPhotoCredit(t *testing.T) {
	runProseCases(t, "unfinished-paragraph", []proseCase{
		{md: "青溪区第十届人民代表大会第五次会议开幕，区长作政府工作报告。青溪日报 王小明摄"},
		{md: "新落成的青溪大桥正式通车。青溪区融媒体中心供图"},
		{md: "村民在新建的文化礼堂里排练节目。 李华 摄影"},
		{md: "新落成的青溪大桥正式通车（王小明 摄）"},
		{md: "新落成的青溪大桥正式通车 青溪日报 王小明摄"},
		// Still unfinished: a sentence that ends on 拍摄, a long tail.
		{md: "镇里邀请专业团队对全镇山水风光进行了实地拍摄", want: 1},
		{md: "大会开幕。全区上下齐心协力推进重点项目建设工作并取得明显成效王小明摄", want: 1},
		{md: "大会开幕。镇里组织干部群众开展植树活动", want: 1},
	})
}

// TestUnfinishedParagraphSpeechDateline: the line under a speech's or a
// report's title that dates it and names its meeting is no paragraph.
func TestUnfinishedParagraphSpeechDateline(t *testing.T) {
	runProseCases(t, "unfinished-paragraph", []proseCase{
		{md: "2022年1月5日在柘川县第十七届人民代表大会第一次会议上", want: 0},
		{md: "——2023年2月8日在县委经济工作会议上的讲话", want: 0},
		{md: "（2021年12月20日在全县干部大会上）", want: 0},
		{md: "2022年1月5日县里召开了会议，会上", want: 1},
		{md: "各乡镇要把这项工作放在重要位置，在年底前召开的全县会议上", want: 1},
	})
}
