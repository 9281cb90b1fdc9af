package cjk

import "testing"

func TestKeepTail(t *testing.T) {
	for _, c := range []struct{ in, head, tail string }{
		{"国家高新区综合评价排名", "国家高新区综合评价", "排名"},
		{"规模以上工业增加值增速", "规模以上工业增加值", "增速"},
		{"余人次", "余", "人次"},
		{"改革篇", "改", "革篇"},
		// Two units or fewer: nothing to keep together.
		{"序言", "序言", ""},
		{"篇", "篇", ""},
		{"", "", ""},
		// Closing marks go with the character before them, opening marks
		// with the one after.
		{"党旗飘起来。", "党旗飘", "起来。"},
		{"国家高新区综合评价排名“三连升”", "国家高新区综合评价排名“三", "连升”"},
		{"《纲要》版", "《纲", "要》版"},
		{"办理（全程代办）", "办理（全程", "代办）"},
		{"来源：科技部", "来源：科", "技部"},
		{"企业开办“一天办”", "企业开办“一", "天办”"},
		{"走进“五个一”", "走进“五", "个一”"},
		{"平顶山（高新区）", "平顶山（高", "新区）"},
		// A run of Latin letters or digits is one unit.
		{"169家中第88位", "169家中第", "88位"},
		{"2020年GDP", "2020", "年GDP"},
		{"地区生产总值增速5.3%", "地区生产总值增", "速5.3%"},
		{"党建+服务企业", "党建+服务", "企业"},
		// The line may break at a space: text after the last space keeps
		// to itself, and a short last part is left alone.
		{"破除体制藩篱 激活一池春水", "破除体制藩篱 激活一池", "春水"},
		{"辉煌百年路 奋", "辉煌百年路 奋", ""},
		{"The Reform Chapter", "The Reform Chapter", ""},
		{"五个一 服务", "五个一 ", "服务"},
		// Japanese and Korean break between characters too.
		{"かいかくへん", "かいかく", "へん"},
		{"개혁편입니다", "개혁편입", "니다"},
	} {
		head, tail := KeepTail(c.in)
		if head != c.head || tail != c.tail {
			t.Errorf("KeepTail(%q) = %q, %q; want %q, %q", c.in, head, tail, c.head, c.tail)
		}
		if head+tail != c.in {
			t.Errorf("KeepTail(%q) lost text: %q + %q", c.in, head, tail)
		}
	}
}
