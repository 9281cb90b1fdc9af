package indicator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/internal/diag"
)

func writeData(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, "data", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func load(t *testing.T, files map[string]string) (*Set, string) {
	t.Helper()
	var diags diag.List
	set := Load(writeData(t, files), "content", &diags)
	var out strings.Builder
	diags.Print(&out)
	return set, out.String()
}

func TestLoadSample(t *testing.T) {
	var diags diag.List
	set := Load("../../content", "content", &diags)
	if diags.Len() != 0 {
		t.Fatalf("the sample's data has problems: %v", diags.Items())
	}
	rank := set.Get("national-rank")
	if rank == nil || strings.Join(rank.Periods(), ",") != "2017,2018,2019,2020" {
		t.Fatalf("national-rank = %+v", rank)
	}
	if p, _ := rank.Latest(); Format(rank, p.Value) != "169家中第88位" {
		t.Errorf("latest rank formats as %q", Format(rank, p.Value))
	}
	if budget := set.Get("budget-revenue-growth"); budget == nil || Format(budget, budget.Series[0].Value) != "16.1%" {
		t.Errorf("budget revenue growth is not 16.1%%")
	}
	if len(set.Events) < 5 || set.Events[0].Date != "2013" {
		t.Errorf("timeline = %+v", set.Events)
	}
}

func TestLoadValidates(t *testing.T) {
	_, got := load(t, map[string]string{
		"indicators.yaml": `- id: gdp-growth
  label: 增速
  unit: percent
  source: 统计局
  series:
    2020: 5.3
    2021-Q5: 1
    2019: 五
- id: gdp-growth
  label: 重复
  unit: percent
- id: GDP_Growth
  unit: percent
- id: rank
  label: 排名
  unit: rnak
  source: x
- id: ranked
  label: 排名
  unit: rank
  of: 169
  source: x
  series:
    2020: 170
    2021: 0
- id: nosource
  label: 无来源
  unit: count
  colour: red
  format: 个
  series:
    2020: 1
`,
		"extra.csv": "id,period,value\ngdp-growth,2021,6.1\ngdp-grwth,2021,1\ngdp-growth,2020,5.4\nnosource,2022,x\n",
	})
	for _, want := range []string{
		`content/data/indicators.yaml:7:5: error: gdp-growth: malformed period "2021-Q5": a quarter is Q1 to Q4 (write 2020, 2021-Q1, 2021-06 or 2021-01..05) [indicator-period]`,
		`content/data/indicators.yaml:8:11: error: gdp-growth@2019: "五" is not a number: write digits only, e.g. 5.3 (the unit comes from unit:) [indicator-value]`,
		`content/data/indicators.yaml:9:7: error: duplicate indicator id "gdp-growth", first defined at content/data/indicators.yaml:1:7: give one of them another id [indicator-duplicate]`,
		`content/data/indicators.yaml:12:7: error: malformed id "GDP_Growth": use lower-case letters, digits and hyphens, e.g. gdp-growth [indicator-id]`,
		`content/data/indicators.yaml:16:9: error: indicator "rank": unknown unit "rnak" (did you mean "rank"?); known units: percent, count, rank, hour, star, yuan [indicator-unit]`,
		`content/data/indicators.yaml:24:11: error: ranked@2020: rank 170 is above of: 169 [indicator-rank]`,
		`content/data/indicators.yaml:25:11: error: ranked@2021: a rank is a whole number from 1, not 0 [indicator-rank]`,
		`content/data/indicators.yaml:26:7: warning: indicator "nosource" has no source: readers trust a figure they can trace; add "source: …" [indicator-source]`,
		`content/data/indicators.yaml:29:3: warning: unknown key "colour"; known keys:`,
		`content/data/indicators.yaml:30:11: error: format "个" must contain {value} where the number goes, e.g. "{value}余人次" [indicator-format]`,
		`content/data/extra.csv:3:1: error: unknown indicator "gdp-grwth" (did you mean "gdp-growth"?) [unknown-indicator]`,
		`content/data/extra.csv:4:12: error: gdp-growth@2020 is already given at content/data/indicators.yaml:6:11 [indicator-duplicate-period]`,
		`content/data/extra.csv:5:15: error: nosource@2022: "x" is not a number`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing diagnostic\n\t%s\ngot:\n%s", want, got)
		}
	}
}

func TestCSVExtendsSeries(t *testing.T) {
	set, diags := load(t, map[string]string{
		"indicators.yaml": "- id: a\n  label: 甲\n  unit: percent\n  source: s\n  series:\n    2020: 5.3\n",
		"a.csv":           "\uFEFFid,period,value\na,2019,4.10\na,2021-Q1,\"1,200\"\n",
	})
	if diags != "" {
		t.Fatalf("diagnostics: %s", diags)
	}
	a := set.Get("a")
	if got := strings.Join(a.Periods(), ","); got != "2019,2020,2021-Q1" {
		t.Errorf("periods = %s", got)
	}
	if got := Format(a, a.Series[0].Value); got != "4.10%" {
		t.Errorf("CSV value keeps its decimals: got %s", got)
	}
	if got := Format(a, a.Series[2].Value); got != "1,200%" {
		t.Errorf("thousands separators in CSV: got %s", got)
	}
}

func TestTimelineValidates(t *testing.T) {
	set, got := load(t, map[string]string{
		"timeline.yaml": "- date: 2018-10-23\n  title: 启动\n- date: 2018-13\n  title: 错\n- date: 2013\n- date: \"2013\"\n  title: 开始\n  when: x\n",
	})
	for _, want := range []string{
		`content/data/timeline.yaml:3:9: error: event date "2018-13": write 2018, 2018-10 or 2018-10-23 [timeline-date]`,
		`content/data/timeline.yaml:5:3: error: event of 2013 has no title: add "title: …" [timeline-title]`,
		`content/data/timeline.yaml:8:3: warning: unknown key "when"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing diagnostic\n\t%s\ngot:\n%s", want, got)
		}
	}
	if len(set.Events) != 2 || set.Events[0].Date != "2013" || set.Events[1].Chinese() != "2018年10月23日" {
		t.Errorf("events = %+v", set.Events)
	}
}

// TestDataErrorReportedOnce: a data file with an error is reported there,
// once; what it left out is not reported again, and the set says what
// may be missing, so references are not reported as unknown either.
func TestDataErrorReportedOnce(t *testing.T) {
	const good = "- id: a\n  label: 甲\n  unit: percent\n  source: s\n  series:\n    2020: 5.3\n- id: b\n  label: 乙\n  unit: count\n  source: s\n  series: {2018: 6}\n"
	for _, tc := range []struct {
		name                string
		files               map[string]string
		want                string
		ids, values, events bool // complete
	}{
		{"indicators.yaml does not parse", map[string]string{
			"indicators.yaml": strings.Replace(good, "  label: 乙", "   label: 乙", 1),
			"b.csv":           "id,period,value\nb,2020,7\nc,2020,1\n",
		}, "content/data/indicators.yaml:8:4: error: this key has a 3-space indent, but the keys beside it (line 7) have a 2-space indent: give it a 2-space indent [yaml-syntax]\n", false, false, true},
		{"an indicator without an id", map[string]string{
			"indicators.yaml": strings.Replace(good, "- id: b", "- label: 丙\n  unit: count\n- id: b", 1),
		}, "content/data/indicators.yaml:7:3: error: indicator without an id: add \"id: …\" in kebab-case, e.g. gdp-growth [indicator-id]\n", false, true, true},
		{"a CSV file stops at an error", map[string]string{
			"indicators.yaml": good,
			"b.csv":           "id,period,value\nb,2019,\"6\nb,2020,7\n",
		}, "content/data/b.csv:2:8: error: the quotation mark \" that starts this value is never closed: end the value with \", or, for quotes inside Chinese text, use “ ” [csv-syntax]\n", true, false, true},
		{"timeline.yaml does not parse", map[string]string{
			"timeline.yaml": "- date: 2018\n  title: 改革: 启动\n",
		}, "content/data/timeline.yaml:2:12: error: a colon followed by a space in the value of title makes YAML read a new key here: write the full-width colon ： as Chinese text does (title: 改革：启动) or put the whole value in quotes (title: \"改革: 启动\") [yaml-syntax]\n", true, true, false},
		{"all well", map[string]string{
			"indicators.yaml": good,
			"b.csv":           "id,period,value\nb,2020,7\n",
			"timeline.yaml":   "- date: 2018\n  title: 启动\n",
		}, "", true, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set, got := load(t, tc.files)
			if got != tc.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tc.want)
			}
			if set.IDsComplete() != tc.ids || set.EventsComplete() != tc.events {
				t.Errorf("ids complete %v, events complete %v; want %v, %v", set.IDsComplete(), set.EventsComplete(), tc.ids, tc.events)
			}
			if a := set.Get("a"); a != nil && set.ValuesComplete(a) != tc.values {
				t.Errorf("values complete %v, want %v", set.ValuesComplete(a), tc.values)
			}
			if set.Complete() != (tc.ids && tc.values && tc.events) {
				t.Errorf("complete = %v", set.Complete())
			}
		})
	}
	var none *Set
	if !none.IDsComplete() || !none.ValuesComplete(nil) || !none.EventsComplete() || !none.Complete() {
		t.Error("no data at all is complete data")
	}
}
