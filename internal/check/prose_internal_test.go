package check

import "testing"

// metaLine accepts a line made only of dates, times and labelled fields,
// in any order, and nothing else.
func TestMetaLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"2018年12月11日 11:31:45 | 来源：青溪日报", true},
		{"来源：青溪日报｜2018-12-11", true},
		{"发布时间：2021-07-01 09:30:12 浏览次数：1234", true},
		{"作者：张三 李四 丨 编辑：王五", true},
		{"2021年7月1日 星期四 来源： 青溪区融媒体中心", true},
		{"来源: 青溪日报 2021/7/1 9:30", true},
		{"2018年12月11日 11:31:45", true},
		{"来源：", false},                           // a label with no value
		{"来源：青溪日报 全区重点项目建设进展顺利", false},          // a sentence after the field
		{"来源：青溪日报，记者张三", false},                  // a clause
		{"地点：青溪区会议中心 2021年7月1日", false},          // not a field of the information line
		{"2021年7月1日 全区召开重点项目推进会 来源：青溪日报", false}, // a headline in it
		{"全区召开推进会 11:30 来源：青溪日报", false},
	} {
		if got := metaLine(tc.line); got != tc.want {
			t.Errorf("metaLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
