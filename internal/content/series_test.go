package content

import (
	"slices"
	"strings"
	"testing"
	"time"

	"folio/internal/diag"
)

// threeInstallments is a series of three districts' installments: one
// published, one with a weight that puts it first, one dated later.
var threeInstallments = map[string]string{
	"series.yaml":                           "title: 庆祝中国共产党成立100周年巡礼\nbase_url: https://example.org/xunli/\n",
	"installments/gaoxin/publication.yaml":  "title: 高新篇\npublished: 2021-06-20\n",
	"installments/gaoxin/index.md":          "高新区。\n",
	"installments/chengqu/publication.yaml": "title: 城区篇\npublished: 2021-06-25\nweight: -1\n",
	"installments/chengqu/index.md":         "城区。\n",
	"installments/kaifaqu/publication.yaml": "title: 开发区篇\npublished: 2021-07-01\n",
	"installments/kaifaqu/index.md":         "开发区。\n",
	"installments/README.txt":               "编辑说明，不是一篇。\n",
}

func slugsOf(ins []*Installment) []string {
	var out []string
	for _, in := range ins {
		out = append(out, in.Slug)
	}
	return out
}

func TestSeriesSchedulesItsInstallments(t *testing.T) {
	dir := writeFiles(t, threeInstallments)
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		name      string
		sched     Schedule
		published []string
	}{
		{"the day before the third", Schedule{Now: day("2021-06-30 23:59")}, []string{"chengqu", "gaoxin"}},
		{"the third's day, at midnight", Schedule{Now: day("2021-07-01 00:00")}, []string{"chengqu", "gaoxin", "kaifaqu"}},
		{"before any", Schedule{Now: day("2021-06-01 12:00")}, nil},
		{"future shown", Schedule{Now: day("2021-06-01 12:00"), Future: true}, []string{"chengqu", "gaoxin", "kaifaqu"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			s := LoadSeries(dir, "content", tc.sched, &diags)
			if diags.Len() != 0 {
				t.Fatalf("diagnostics: %v", diags.Items())
			}
			if got := slugsOf(s.Installments); !slices.Equal(got, []string{"chengqu", "gaoxin", "kaifaqu"}) {
				t.Errorf("order %v: the weighted one first, then by date", got)
			}
			if got := slugsOf(s.Published()); !slices.Equal(got, tc.published) {
				t.Errorf("published %v, want %v", got, tc.published)
			}
			if s.Config.Title != "庆祝中国共产党成立100周年巡礼" || s.Config.BaseURL != "https://example.org/xunli/" {
				t.Errorf("series settings %+v", s.Config)
			}
		})
	}
}

func TestSeriesHoldsDrafts(t *testing.T) {
	files := map[string]string{"series.yaml": "title: 巡礼\n"}
	files["installments/a/publication.yaml"] = "title: 甲篇\n"
	files["installments/b/publication.yaml"] = "title: 乙篇\ndraft: true\n"
	dir := writeFiles(t, files)
	var diags diag.List
	s := LoadSeries(dir, "content", Schedule{Now: time.Now()}, &diags)
	if got := slugsOf(s.Published()); !slices.Equal(got, []string{"a"}) || s.Installments[1].Held != HeldDraft {
		t.Errorf("published %v, b held %v", got, s.Installments[1].Held)
	}
	s = LoadSeries(dir, "content", Schedule{Now: time.Now(), Drafts: true}, &diags)
	if got := slugsOf(s.Published()); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("with drafts published %v", got)
	}
}

// Every mistake in a series' files is reported at its file, with a fix.
func TestSeriesDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"no series title", map[string]string{"series.yaml": "subtitle: 副题\n", "installments/a/publication.yaml": "title: 甲\n"},
			[]string{"content/series.yaml:1:1: error: the series has no title: add a line \"title: …\" [series-title]"}},
		{"unknown key", map[string]string{"series.yaml": "title: 巡礼\ntilte: 错\n", "installments/a/publication.yaml": "title: 甲\n"},
			[]string{"content/series.yaml:2:1: warning: unknown key \"tilte\"; did you mean \"title\"? [series-unknown-key]"}},
		{"no installment", map[string]string{"series.yaml": "title: 巡礼\n"},
			[]string{"content/installments: error: the series has no installment: create content/installments/<slug>/publication.yaml with the installment's title [series-empty]"}},
		{"installment without its file", map[string]string{"series.yaml": "title: 巡礼\n", "installments/a/index.md": "正文\n", "installments/b/publication.yaml": "title: 乙\n"},
			[]string{"content/installments/a/publication.yaml: error: publication.yaml not found: create it with at least a line \"title: …\" [publication-missing]"}},
		{"bad folder name", map[string]string{"series.yaml": "title: 巡礼\n", "installments/assets/publication.yaml": "title: 资\n", "installments/b/publication.yaml": "title: 乙\n"},
			[]string{"content/installments/assets: error: installment folder \"assets\" is reserved for folio's own output"}},
		{"bad base url", map[string]string{"series.yaml": "title: 巡礼\nbase_url: example.org\n", "installments/b/publication.yaml": "title: 乙\n"},
			[]string{"content/series.yaml:2:11: error: "}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFiles(t, tc.files)
			var diags diag.List
			LoadSeries(dir, "content", Schedule{Now: time.Now()}, &diags)
			var got []string
			for _, d := range diags.Items() {
				got = append(got, d.String())
			}
			if len(got) != len(tc.want) {
				t.Fatalf("diagnostics:\n%s\nwant %d", strings.Join(got, "\n"), len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("got  %s\nwant %s…", got[i], w)
				}
			}
		})
	}
}

func TestIsSeries(t *testing.T) {
	if IsSeries(writeFiles(t, map[string]string{"publication.yaml": "title: 篇\n"})) {
		t.Error("a publication taken for a series")
	}
	if !IsSeries(writeFiles(t, threeInstallments)) {
		t.Error("a series not recognised")
	}
}
