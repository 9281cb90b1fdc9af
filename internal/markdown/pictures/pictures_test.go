package pictures

import "testing"

func TestSplitCredit(t *testing.T) {
	for title, want := range map[string][2]string{
		"插图：大门洞开，台阶向光而上":    {"插图：大门洞开，台阶向光而上", ""},
		"园区一角 摄影：张三":        {"园区一角", "摄影：张三"},
		"园区一角（摄影：张三）":       {"园区一角", "摄影：张三"},
		"园区一角，图片来源: 青溪区档案馆": {"园区一角", "图片来源：青溪区档案馆"},
		"摄影：张三":             {"", "摄影：张三"},
		"摄影：":               {"摄影：", ""},
		"":                  {"", ""},
	} {
		caption, credit := SplitCredit(title)
		if caption != want[0] || credit != want[1] {
			t.Errorf("%q: %q, %q; want %q, %q", title, caption, credit, want[0], want[1])
		}
	}
}
