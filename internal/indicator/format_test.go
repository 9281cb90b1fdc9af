package indicator

import "testing"

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		unit, format string
		of           int
		value        string
		want         string
		before, num  string
	}{
		{unit: "percent", value: "5.3", want: "5.3%", num: "5.3"},
		{unit: "percent", value: "16.10", want: "16.10%", num: "16.10"},
		{unit: "percent", value: "-2.5", want: "-2.5%", num: "-2.5"},
		{unit: "count", value: "730", want: "730", num: "730"},
		{unit: "count", value: "2600", want: "2,600", num: "2,600"},
		{unit: "count", value: "2600", format: "{value}余人次", want: "2,600余人次", num: "2,600"},
		{unit: "count", value: "12345", want: "1.23万", num: "1.23万"},
		{unit: "count", value: "20000", want: "2万", num: "2万"},
		{unit: "count", value: "135000000", want: "1.35亿", num: "1.35亿"},
		{unit: "count", value: "999999", want: "100万", num: "100万"},
		{unit: "rank", value: "88", want: "第88位", before: "第", num: "88"},
		{unit: "rank", of: 169, value: "88", want: "169家中第88位", before: "169家中第", num: "88"},
		{unit: "hour", value: "3", want: "3小时", num: "3"},
		{unit: "hour", value: "3", format: "{value}小时内", want: "3小时内", num: "3"},
		{unit: "hour", value: "0.5", want: "0.5小时", num: "0.5"},
		{unit: "star", value: "4", want: "四星级", num: "四"},
		{unit: "star", value: "3.5", want: "3.5星级", num: "3.5"},
		{unit: "yuan", value: "800", want: "800元", num: "800"},
		{unit: "yuan", value: "56000", want: "5.6万元", num: "5.6"},
		{unit: "yuan", value: "150000000", want: "1.5亿元", num: "1.5"},
		{unit: "yuan", value: "1234567", want: "123.46万元", num: "123.46"},
	} {
		v, ok := ParseValue(tc.value)
		if !ok {
			t.Fatalf("ParseValue(%q) failed", tc.value)
		}
		ind := &Indicator{Unit: tc.unit, Of: tc.of, Format: tc.format}
		if got := Format(ind, v); got != tc.want {
			t.Errorf("Format(%s %s %q) = %q, want %q", tc.unit, tc.value, tc.format, got, tc.want)
		}
		before, num, after := Parts(ind, v)
		if before != tc.before || num != tc.num || before+num+after != tc.want {
			t.Errorf("Parts(%s %s) = %q %q %q", tc.unit, tc.value, before, num, after)
		}
	}
}

func TestParseValue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		ok   bool
		num  float64
		dec  int
		text string
	}{
		{"5.3", true, 5.3, 1, "5.3"},
		{"2,600", true, 2600, 0, "2600"},
		{" 16.10 ", true, 16.1, 2, "16.10"},
		{"-1", true, -1, 0, "-1"},
		{"五", false, 0, 0, ""},
		{"NaN", false, 0, 0, ""},
		{"Inf", false, 0, 0, ""},
		{"1e3", false, 0, 0, ""},
		{"", false, 0, 0, ""},
		{"5.3%", false, 0, 0, ""},
	} {
		v, ok := ParseValue(tc.in)
		if ok != tc.ok || (ok && (v.Number != tc.num || v.Decimals != tc.dec || v.Raw() != tc.text)) {
			t.Errorf("ParseValue(%q) = %+v, %v", tc.in, v, ok)
		}
	}
}
