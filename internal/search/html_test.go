package search

import "testing"

// TestSectionsSeparateChartParts reads a chart as the renderer writes it:
// caption, drawing (left out), the 数据表 disclosure and its table, each a
// word of its own rather than run together.
func TestSectionsSeparateChartParts(t *testing.T) {
	html := `<h2 id="a">甲</h2><figure class="chart-figure"><figcaption><span class="chart-title">排名</span> <span class="chart-source">来源：科技部</span> <a class="chart-data-link" href="#">数据</a></figcaption>` +
		`<svg><title>排名</title><text>80</text></svg><details class="chart-data"><summary>数据表</summary><table><tr><th>2020年</th><td>第88位</td></tr></table></details></figure>`
	docs := Sections("篇", "p/", html)
	if len(docs) != 1 || docs[0].Section != "甲" {
		t.Fatalf("sections: %+v", docs)
	}
	if want := "排名 来源：科技部 数据 数据表 2020年 第88位"; docs[0].Text != want {
		t.Errorf("text %q, want %q", docs[0].Text, want)
	}
}
