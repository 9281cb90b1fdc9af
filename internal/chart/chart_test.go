package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/svg"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.svg from the current output")

func pts(labels []string, vals []float64, disp []string) []Point {
	var ps []Point
	for i := range vals {
		ps = append(ps, Point{Label: labels[i], Value: vals[i], Display: disp[i]})
	}
	return ps
}

var years = []string{"2017年", "2018年", "2019年", "2020年"}

// Realistic specs, one per golden file.
func goldenSpecs() map[string]Spec {
	return map[string]Spec{
		"rank": {
			Kind: Rank, ID: "national-rank", Title: "全国高新区综合排名",
			Series: []Series{{Name: "全国高新区排名", Points: pts(years,
				[]float64{116, 107, 98, 88}, []string{"第116位", "第107位", "第98位", "第88位"})}},
			Of: 169, LowerIsBetter: true, Unit: "rank",
		},
		"line": {
			Kind: Line, ID: "gdp-growth", Title: "地区生产总值增速",
			Series: []Series{{Name: "地区生产总值增速", Points: pts(years,
				[]float64{7.9, 8.3, 7.1, 4.2}, []string{"7.9%", "8.3%", "7.1%", "4.2%"})}},
			Unit: "percent",
		},
		"line-multi": {
			Kind: Line, ID: "growth-compare", Title: "工业与投资增速",
			Series: []Series{
				{Name: "规模以上工业增加值增速", Points: pts(years,
					[]float64{9.2, 8.6, 7.4, 5.1}, []string{"9.2%", "8.6%", "7.4%", "5.1%"})},
				{Name: "固定资产投资增速", Points: pts(years,
					[]float64{12.5, 10.1, 6.3, -2.4}, []string{"12.5%", "10.1%", "6.3%", "-2.4%"})},
			},
			Unit: "percent",
		},
		"line-months": {
			Kind: Line, ID: "revenue-months", Title: "一般公共预算收入累计增速",
			Series: []Series{{Name: "一般公共预算收入增速", Points: pts(
				[]string{"2021年1—2月", "2021年1—3月", "2021年1—4月", "2021年1—5月", "2021年1—6月", "2021年1—7月", "2021年1—8月", "2021年1—9月"},
				[]float64{21.4, 19.8, 17.5, 16.1, 14.9, 13.2, 12.8, 11.6},
				[]string{"21.4%", "19.8%", "17.5%", "16.1%", "14.9%", "13.2%", "12.8%", "11.6%"})}},
			Unit: "percent",
		},
		"bar": {
			Kind: Bar, ID: "hightech-firms", Title: "高新技术企业数量",
			Series: []Series{{Name: "高新技术企业", Points: pts(years,
				[]float64{86, 124, 173, 236}, []string{"86家", "124家", "173家", "236家"})}},
			Unit: "count",
		},
		"bar-compare": {
			Kind: Bar, ID: "growth-2021", Title: "2021年1—5月主要指标增速",
			Series: []Series{
				{Name: "地区生产总值增速", Points: []Point{{Label: "2021年1—5月", Value: 5.3, Display: "5.3%"}}},
				{Name: "规模以上工业增加值增速", Points: []Point{{Label: "2021年1—5月", Value: 6.8, Display: "6.8%"}}},
				{Name: "一般公共预算收入增速", Points: []Point{{Label: "2021年1—5月", Value: 16.1, Display: "16.1%"}}},
			},
			Unit: "percent",
		},
		"sparkline": {
			Kind: Sparkline, ID: "rd-spark", Title: "研发投入强度",
			Series: []Series{{Name: "研发投入强度", Points: pts(years,
				[]float64{2.1, 2.4, 2.6, 3.0}, []string{"2.1%", "2.4%", "2.6%", "3.0%"})}},
			Unit: "percent",
		},
	}
}

// goldenNames lists the golden specs in a fixed order.
var goldenNames = []string{"rank", "line", "line-multi", "line-months", "bar", "bar-compare", "sparkline"}

func render(t testing.TB, s Spec) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, s); err != nil {
		t.Fatalf("Render(%s): %v", s.ID, err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	specs := goldenSpecs()
	if len(specs) != len(goldenNames) {
		t.Fatal("goldenNames out of step with goldenSpecs")
	}
	for _, name := range goldenNames {
		t.Run(name, func(t *testing.T) {
			got := render(t, specs[name])
			path := filepath.Join("testdata", "golden", name+".svg")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/chart -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run with -update if the change is intended)\ngot:\n%s", name, path, got)
			}
		})
	}
}

// checkXML parses b as one XML element and returns its id attributes and
// the ids aria-labelledby refers to.
func checkXML(t testing.TB, b []byte) (ids, refs []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
			for _, a := range el.Attr {
				switch a.Name.Local {
				case "id":
					ids = append(ids, a.Value)
				case "aria-labelledby", "aria-describedby":
					refs = append(refs, a.Name.Local+"="+a.Value)
				}
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(el)) > 0 {
				t.Fatalf("text outside the root element: %q", el)
			}
		}
	}
	if roots != 1 {
		t.Fatalf("%d root elements, want 1", roots)
	}
	return ids, refs
}

func TestWellFormedIDsDeterministic(t *testing.T) {
	for _, name := range goldenNames {
		s := goldenSpecs()[name]
		t.Run(name, func(t *testing.T) {
			a, b := render(t, s), render(t, s)
			if !bytes.Equal(a, b) {
				t.Fatal("two renders differ")
			}
			if !bytes.HasPrefix(a, []byte(`<svg class="chart chart-`)) || bytes.HasPrefix(a, []byte("<?xml")) {
				t.Fatalf("does not start with the svg root: %.60s", a)
			}
			if bytes.Contains(a, []byte("font-family")) {
				t.Error("sets font-family; it should inherit the page's")
			}
			ids, refs := checkXML(t, a)
			if len(ids) < 2 {
				t.Fatalf("ids = %v, want title and desc ids", ids)
			}
			for _, id := range ids {
				if !strings.HasPrefix(id, s.ID+"-") {
					t.Errorf("id %q not prefixed by %q", id, s.ID+"-")
				}
			}
			// The title names the chart and the description describes it:
			// labelling with both would make screen readers read the
			// description twice.
			want := []string{"aria-labelledby=" + s.ID + "-title", "aria-describedby=" + s.ID + "-desc"}
			if strings.Join(refs, " ") != strings.Join(want, " ") {
				t.Errorf("aria references = %v, want %v", refs, want)
			}
			for _, r := range refs {
				_, id, _ := strings.Cut(r, "=")
				if !bytes.Contains(a, []byte(`id="`+id+`"`)) {
					t.Errorf("%s refers to a missing id", r)
				}
			}
			for _, attr := range []string{`role="img"`, `xmlns="http://www.w3.org/2000/svg"`, "<title id=", "<desc id="} {
				if !bytes.Contains(a, []byte(attr)) {
					t.Errorf("missing %s", attr)
				}
			}
			var tb bytes.Buffer
			if err := Table(&tb, s); err != nil {
				t.Fatal(err)
			}
			checkXML(t, tb.Bytes())
		})
	}
}

func minifySVG(t testing.TB, b []byte) []byte {
	t.Helper()
	m := minify.New()
	m.AddFunc("image/svg+xml", svg.Minify)
	out, err := m.Bytes("image/svg+xml", b)
	if err != nil {
		t.Fatalf("minify: %v", err)
	}
	return out
}

func TestSize(t *testing.T) {
	for _, name := range goldenNames {
		raw := render(t, goldenSpecs()[name])
		min := minifySVG(t, raw)
		t.Logf("%-12s %5d bytes, %5d minified", name, len(raw), len(min))
		checkXML(t, min)
		if name == "rank" && len(min) >= 4096 {
			t.Errorf("4-point rank chart is %d bytes minified, want < 4096", len(min))
		}
	}
}

func TestEscaping(t *testing.T) {
	s := Spec{Kind: Line, ID: `x" onload="alert(1)`, Title: `<script>&"'`, Series: []Series{
		{Name: "<b>", Points: []Point{{Label: "a<b", Value: 1, Display: "1&2"}, {Label: "\x00\x1b]", Value: 2, Display: "\xff"}}},
		{Name: "乙", Points: []Point{{Label: "a<b", Value: 3}}},
	}}
	for _, k := range Kinds {
		s.Kind = k
		out := render(t, s)
		checkXML(t, out)
		if bytes.Contains(out, []byte("<script")) || bytes.Contains(out, []byte("<b>")) || bytes.Contains(out, []byte(`" onload`)) {
			t.Errorf("%s: unescaped editor text:\n%s", k, out)
		}
		var tb bytes.Buffer
		Table(&tb, s)
		checkXML(t, tb.Bytes())
		if bytes.Contains(tb.Bytes(), []byte("<b>")) {
			t.Errorf("table: unescaped editor text: %s", tb.Bytes())
		}
	}
}

func TestUnknownKind(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, Spec{Kind: "pie"}); err == nil || !strings.Contains(err.Error(), "pie") {
		t.Errorf("Render(pie) = %v, want an error naming the kind", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q for an unknown kind", b.String())
	}
}

// Edge cases: every kind must draw well-formed SVG whatever the data.
func TestRobust(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	long := strings.Repeat("很长的指标名称", 12)
	cases := map[string][]Series{
		"none":      nil,
		"empty":     {{Name: "空"}},
		"one":       {{Name: "一", Points: []Point{{Label: "2020年", Value: 5, Display: "5%"}}}},
		"equal":     {{Points: pts(years, []float64{3, 3, 3, 3}, []string{"", "", "", ""})}},
		"zeros":     {{Points: pts(years, []float64{0, 0, 0, 0}, []string{"", "", "", ""})}},
		"negative":  {{Points: pts(years, []float64{-5, -2.5, 3, -1}, []string{"", "", "", ""})}},
		"nan":       {{Points: pts(years, []float64{nan, 2, inf, -inf}, []string{"", "", "", ""})}},
		"all-nan":   {{Points: pts(years, []float64{nan, nan, nan, nan}, []string{"", "", "", ""})}},
		"huge":      {{Points: pts(years, []float64{1e300, -1e300, 1e-300, 0}, []string{"", "", "", ""})}},
		"tiny-span": {{Points: pts(years, []float64{1, 1 + 1e-12, 1, 1}, []string{"", "", "", ""})}},
		"long": {{Name: long, Points: pts([]string{long, long, "", long},
			[]float64{1, 2, 3, 4}, []string{long, long, long, long})}},
		"compare-neg": {
			{Name: "甲", Points: []Point{{Value: -3.2}}},
			{Name: long, Points: []Point{{Value: 7}}},
			{Name: "丙", Points: []Point{{Value: nan}}},
			{Name: "丁"},
		},
		"many": func() []Series {
			var ss []Series
			for i := range 7 {
				var ps []Point
				for j := range 30 {
					ps = append(ps, Point{Label: "2021年1—" + string(rune('0'+j%10)) + "月", Value: float64(i*j - 40)})
				}
				ss = append(ss, Series{Name: "系列", Points: ps})
			}
			return ss
		}(),
	}
	for name, ss := range cases {
		for _, k := range Kinds {
			for _, lower := range []bool{false, true} {
				s := Spec{Kind: k, ID: "c", Title: name, Series: ss, Of: 169, LowerIsBetter: lower, Unit: "percent"}
				out := render(t, s)
				checkXML(t, out)
				if strings.Contains(string(out), "NaN") || strings.Contains(string(out), "Inf") {
					t.Errorf("%s/%s: NaN or Inf in output", name, k)
				}
				if d := Describe(s); d == "" || strings.Contains(d, "NaN") {
					t.Errorf("%s/%s: Describe = %q", name, k, d)
				}
				var tb bytes.Buffer
				if err := Table(&tb, s); err != nil {
					t.Fatal(err)
				}
				checkXML(t, tb.Bytes())
			}
		}
	}
}

func TestDescribe(t *testing.T) {
	rank := func(vals []float64, lower bool, of int) Spec {
		var ps []Point
		for i, v := range vals {
			ps = append(ps, Point{Label: years[i], Value: v, Display: "第" + trimFloat(v, 0) + "位"})
		}
		return Spec{Kind: Rank, Series: []Series{{Name: "排名", Points: ps}}, LowerIsBetter: lower, Of: of, Unit: "rank"}
	}
	pct := func(name string, vals ...float64) Series {
		var ps []Point
		for i, v := range vals {
			ps = append(ps, Point{Label: years[i], Value: v, Display: trimFloat(v, 1) + "%"})
		}
		return Series{Name: name, Points: ps}
	}
	one := func(name string, v float64, d string) Series {
		return Series{Name: name, Points: []Point{{Label: "2021年1—5月", Value: v, Display: d}}}
	}
	tests := []struct {
		name string
		s    Spec
		want string
	}{
		{"rank up", rank([]float64{116, 107, 98, 88}, true, 169),
			"从2017年的第116位升至2020年的第88位，连续三次上升（共169家）。"},
		{"rank down", rank([]float64{88, 98, 107, 116}, true, 0),
			"从2017年的第88位降至2020年的第116位，连续三次下降。"},
		{"rank flat", rank([]float64{88, 88, 88, 88}, true, 169),
			"2017年至2020年均为第88位（共169家）。"},
		{"rank mixed", rank([]float64{116, 80, 98, 88}, true, 169),
			"从2017年的第116位升至2020年的第88位，其间两次上升、一次下降，最好为2018年的第80位（共169家）。"},
		{"rank back where it was", rank([]float64{100, 90, 100}, true, 0),
			"2017年和2019年均为第100位，其间一次上升、一次下降，最好为2018年的第90位。"},
		{"rank two points", rank([]float64{98, 88}, true, 169),
			"从2017年的第98位升至2018年的第88位（共169家）。"},
		{"percent rise", Spec{Kind: Line, Series: []Series{pct("增速", 2.1, 2.4, 2.6, 3)}},
			"从2017年的2.1%升至2020年的3%，连续三次上升。"},
		{"percent fall", Spec{Kind: Line, Series: []Series{pct("增速", 7.9, 8.3, 7.1, 4.2)}},
			"从2017年的7.9%降至2020年的4.2%，其间一次上升、两次下降，最高为2018年的8.3%。"},
		{"two series", Spec{Kind: Line, Series: []Series{pct("甲", 1, 2), pct("乙", 3, 2)}},
			"甲从2017年的1%升至2018年的2%；乙从2017年的3%降至2018年的2%。"},
		{"comparison", Spec{Kind: Bar, Series: []Series{
			one("地区生产总值增速", 5.3, "5.3%"), one("规模以上工业增加值增速", 6.8, "6.8%"), one("一般公共预算收入增速", 16.1, "16.1%")}},
			"2021年1—5月，地区生产总值增速5.3%，规模以上工业增加值增速6.8%，一般公共预算收入增速16.1%。"},
		{"comparison without period", Spec{Kind: Bar, Series: []Series{
			{Name: "甲", Points: []Point{{Value: 5.3, Display: "5.3%"}}}, {Name: "乙", Points: []Point{{Value: 1, Display: "1%"}}}}},
			"甲5.3%，乙1%。"},
		{"single point", Spec{Kind: Rank, Of: 169, LowerIsBetter: true, Series: []Series{
			{Points: []Point{{Label: "2020年", Value: 88, Display: "第88位"}}}}},
			"2020年为第88位（共169家）。"},
		{"no display", Spec{Kind: Line, Unit: "percent", Series: []Series{
			{Points: []Point{{Label: "2019年", Value: 1.25}, {Label: "2020年", Value: 2}}}}},
			"从2019年的1.25%升至2020年的2%。"},
		{"skips NaN", Spec{Kind: Line, Series: []Series{
			{Points: []Point{{Label: "2019年", Value: math.NaN(), Display: "—"}, {Label: "2020年", Value: 2, Display: "2"}}}}},
			"2020年为2。"},
		{"empty", Spec{Kind: Line}, "暂无数据。"},
	}
	for _, tt := range tests {
		if got := Describe(tt.s); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		lo, hi  float64
		integer bool
		want    []float64
	}{
		{88, 116, true, []float64{80, 90, 100, 110, 120}},
		{4.2, 8.3, false, []float64{4, 6, 8, 10}},
		{0, 16.1, false, []float64{0, 5, 10, 15, 20}},
		{0, 236, true, []float64{0, 100, 200, 300}},
		{-2.4, 12.5, false, []float64{-5, 0, 5, 10, 15}},
		{0.1, 0.3, false, []float64{0.1, 0.15, 0.2, 0.25, 0.3}},
		{3, 3, false, []float64{2.6, 2.8, 3, 3.2, 3.4}},
		{88, 88, true, []float64{87, 88, 89}},
		{0, 0, false, []float64{0, 0.5, 1}},
		{1, 3, true, []float64{1, 2, 3}},
	}
	for _, tt := range tests {
		got, _ := niceTicks(tt.lo, tt.hi, 4, tt.integer)
		if !floatsEqual(got, tt.want) {
			t.Errorf("niceTicks(%v, %v, integer %v) = %v, want %v", tt.lo, tt.hi, tt.integer, got, tt.want)
		}
	}
	for _, raw := range []float64{0.07, 0.3, 1, 1.5, 3, 7, 12, 45, 999} {
		st := niceStep(raw, false)
		m := st / math.Pow(10, math.Floor(math.Log10(st)))
		if st < raw || (math.Abs(m-1) > 1e-9 && math.Abs(m-2) > 1e-9 && math.Abs(m-5) > 1e-9) {
			t.Errorf("niceStep(%v) = %v, want the next 1, 2 or 5 × 10^n", raw, st)
		}
	}
	labels := []struct {
		v, step float64
		unit    string
		want    string
	}{
		{0.15, 0.05, "percent", "0.15%"},
		{5, 5, "percent", "5%"},
		{0, 10, "rank", "0"},
		{200000, 50000, "", "20万"},
		{3e8, 1e8, "yuan", "3亿"},
		{-2.5, 0.5, "", "-2.5"},
	}
	for _, l := range labels {
		if got := tickLabel(l.v, l.step, l.unit); got != l.want {
			t.Errorf("tickLabel(%v, %v, %q) = %q, want %q", l.v, l.step, l.unit, got, l.want)
		}
	}
}

func floatsEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			return false
		}
	}
	return true
}

func TestTextWidth(t *testing.T) {
	tests := []struct {
		s    string
		fs   float64
		want float64
	}{
		{"", 18, 0},
		{"年", 10, 10},
		{"地区生产总值增速", 10, 80},
		{"2021", 10, 23.2},
		{"第88位", 10, 31.6},
		{"5.3%", 10, 5.8 + 3 + 5.8 + 9},
		{"2021年1—5月", 10, 23.2 + 10 + 5.8 + 10 + 5.8 + 10},
		{"（共169家）", 10, 10 + 10 + 17.4 + 10 + 10},
		{"GDP", 10, 20.4},
	}
	for _, tt := range tests {
		if got := textWidth(tt.s, tt.fs); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("textWidth(%q, %v) = %v, want %v", tt.s, tt.fs, got, tt.want)
		}
	}
	if got := truncate("地区生产总值增速", 50, 10); got != "地区生产…" {
		t.Errorf("truncate = %q", got)
	}
	if got := truncate("短", 50, 10); got != "短" {
		t.Errorf("truncate short = %q", got)
	}
	if got := splitLabel("2021年1—5月"); strings.Join(got, "|") != "2021年|1—5月" {
		t.Errorf("splitLabel = %q", got)
	}
	if got := splitLabel("2020年"); len(got) != 1 {
		t.Errorf("splitLabel(2020年) = %q, want it whole", got)
	}
}

func TestTable(t *testing.T) {
	var b bytes.Buffer
	Table(&b, goldenSpecs()["rank"])
	want := `<table class="chart-table"><thead><tr><th scope="col">时间</th><th scope="col">全国高新区排名</th></tr></thead><tbody>` +
		`<tr><th scope="row">2017年</th><td>第116位</td></tr><tr><th scope="row">2018年</th><td>第107位</td></tr>` +
		`<tr><th scope="row">2019年</th><td>第98位</td></tr><tr><th scope="row">2020年</th><td>第88位</td></tr></tbody></table>`
	if b.String() != want {
		t.Errorf("rank table:\n got %s\nwant %s", b.String(), want)
	}
	b.Reset()
	Table(&b, goldenSpecs()["bar-compare"])
	want = `<table class="chart-table chart-table-compare"><thead><tr><th scope="col">指标</th><th scope="col">2021年1—5月</th></tr></thead><tbody>` +
		`<tr><th scope="row">地区生产总值增速</th><td>5.3%</td></tr><tr><th scope="row">规模以上工业增加值增速</th><td>6.8%</td></tr>` +
		`<tr><th scope="row">一般公共预算收入增速</th><td>16.1%</td></tr></tbody></table>`
	if b.String() != want {
		t.Errorf("comparison table:\n got %s\nwant %s", b.String(), want)
	}
	b.Reset()
	Table(&b, goldenSpecs()["line-multi"])
	if !strings.Contains(b.String(), `<th scope="col">规模以上工业增加值增速</th><th scope="col">固定资产投资增速</th>`) ||
		!strings.Contains(b.String(), `<tr><th scope="row">2020年</th><td>5.1%</td><td>-2.4%</td></tr>`) {
		t.Errorf("multi-series table: %s", b.String())
	}
}

func FuzzRender(f *testing.F) {
	f.Add(uint8(2), 116.0, 107.0, 88.0, "2017年", "全国排名", 169, true)
	f.Add(uint8(0), 7.9, -8.3, 0.0, "2021年1—5月", "地区生产总值增速", 0, false)
	f.Add(uint8(1), 5.3, 6.8, 16.1, "", "一般公共预算收入增速", 0, false)
	f.Add(uint8(3), math.NaN(), math.Inf(1), 1e300, "<&>\x00\xff", "\"'", -1, true)
	f.Add(uint8(1), 0.0, 0.0, 0.0, strings.Repeat("长", 80), "", 5, false)
	f.Fuzz(func(t *testing.T, kind uint8, a, b, c float64, label, name string, of int, lower bool) {
		k := Kinds[int(kind)%len(Kinds)]
		series := []Series{{Name: name, Points: []Point{
			{Label: label, Value: a}, {Label: label + "1", Value: b, Display: name}, {Label: "2020年", Value: c},
		}}}
		switch kind / 4 % 4 {
		case 1: // a comparison
			series = []Series{{Name: name, Points: []Point{{Label: label, Value: a}}}, {Name: label, Points: []Point{{Value: b, Display: name}}}}
		case 2: // two series over shared and unshared periods
			series = append(series, Series{Name: label, Points: []Point{{Label: label, Value: c}, {Label: "x", Value: a}}})
		case 3: // one point
			series = series[:1]
			series[0].Points = series[0].Points[:1]
		}
		s := Spec{Kind: k, ID: name, Title: label, Series: series, Of: of, LowerIsBetter: lower, Unit: "percent"}
		var out bytes.Buffer
		if err := Render(&out, s); err != nil {
			t.Fatal(err)
		}
		ids, _ := checkXML(t, out.Bytes())
		prefix := idPrefix(name) + "-"
		for _, id := range ids {
			if !strings.HasPrefix(id, prefix) {
				t.Errorf("id %q not prefixed by %q", id, prefix)
			}
		}
		var tb bytes.Buffer
		if err := Table(&tb, s); err != nil {
			t.Fatal(err)
		}
		checkXML(t, tb.Bytes())
		_ = Describe(s)
	})
}

// Ranks where lower is better run upwards: rank 88 above rank 116.
func TestRankUp(t *testing.T) {
	s := goldenSpecs()["rank"]
	for _, k := range []Kind{Rank, Sparkline, Line} {
		s.Kind = k
		out := string(render(t, s))
		i := strings.Index(out, `class="chart-path chart-series-1" d="M`)
		if i < 0 {
			t.Fatalf("%s: no series path", k)
		}
		var x0, y0, x1, y1 float64
		d := out[i+len(`class="chart-path chart-series-1" d="`):]
		d = d[:strings.Index(d, `"`)]
		segs := strings.Split(strings.TrimPrefix(d, "M"), "L")
		if _, err := fmt.Sscanf(segs[0], "%g %g", &x0, &y0); err != nil {
			t.Fatal(err)
		}
		if _, err := fmt.Sscanf(segs[len(segs)-1], "%g %g", &x1, &y1); err != nil {
			t.Fatal(err)
		}
		if !(x1 > x0 && y1 < y0) {
			t.Errorf("%s: path %s does not rise from 116 to 88", k, d)
		}
	}
}
