package indicator

import (
	"strings"
	"testing"
)

func TestParsePeriod(t *testing.T) {
	for _, tc := range []struct {
		in, str, zh, err string
	}{
		{in: "2020", str: "2020", zh: "2020年"},
		{in: " 2021-Q1 ", str: "2021-Q1", zh: "2021年一季度"},
		{in: "2021-q4", str: "2021-Q4", zh: "2021年四季度"},
		{in: "2021-06", str: "2021-06", zh: "2021年6月"},
		{in: "2021-01..05", str: "2021-01..05", zh: "2021年1—5月"},
		{in: "21", err: "four digits"},
		{in: "二〇二〇", err: "four digits"},
		{in: "2021-Q5", err: "Q1 to Q4"},
		{in: "2021-Q", err: "Q1 to Q4"},
		{in: "2021-13", err: "01 to 12"},
		{in: "2021-6", err: "01 to 12"},
		{in: "2021-05..01", err: "runs forward"},
		{in: "2021-01..13", err: "01 to 12"},
		{in: "", err: "four digits"},
	} {
		p, err := ParsePeriod(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParsePeriod(%q) error = %v, want one mentioning %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", tc.in, err)
			continue
		}
		if p.String() != tc.str || p.Chinese() != tc.zh {
			t.Errorf("ParsePeriod(%q) = %s / %s, want %s / %s", tc.in, p, p.Chinese(), tc.str, tc.zh)
		}
	}
}

func TestPeriodOrder(t *testing.T) {
	order := []string{"2019", "2021-01..05", "2021-Q1", "2021-06", "2020"}
	var ps []Period
	for _, s := range order {
		p, _ := ParsePeriod(s)
		ps = append(ps, p)
	}
	less := func(a, b string) bool {
		pa, _ := ParsePeriod(a)
		pb, _ := ParsePeriod(b)
		return pa.Compare(pb) < 0
	}
	for _, tc := range [][2]string{
		{"2019", "2020"}, {"2020", "2021-Q1"}, {"2021-Q1", "2021-01..05"}, {"2021-01..05", "2021-06"}, {"2021-06", "2021"}, {"2021-06", "2021-01..06"},
	} {
		if !less(tc[0], tc[1]) {
			t.Errorf("%s should sort before %s", tc[0], tc[1])
		}
	}
}

// FuzzParsePeriod: no panic, and whatever parses prints back to a form
// that parses to the same period.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2020", "2021-Q1", "2021-06", "2021-01..05", "2021-..", "2021-Q", "9999-12..12", "-", "2021-01..0５"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		q, err := ParsePeriod(p.String())
		if err != nil || q != p {
			t.Errorf("%q → %s → %v, %v", s, p, q, err)
		}
		if p.From < 1 || p.To > 12 || p.From > p.To {
			t.Errorf("%q gives months %d..%d", s, p.From, p.To)
		}
	})
}
