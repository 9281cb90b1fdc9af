// Package indicator holds the publication's figures: every indicator with
// its unit, scope, source and series of values by period, loaded from
// content/data/ and validated with positions; it formats values the zh-CN
// way and answers references to them.
package indicator

import (
	"cmp"
	"fmt"
	"folio/internal/msg"
	"strconv"
	"strings"
)

// PeriodKind is the granularity of a period.
type PeriodKind int

const (
	Year       PeriodKind = iota // 2020
	Quarter                      // 2021-Q1
	Month                        // 2021-06
	MonthRange                   // 2021-01..05
)

// Period is the time a value belongs to.
type Period struct {
	Kind PeriodKind
	Year int
	From int // first month, 1–12 (for a year 1, for a quarter its first month)
	To   int // last month
}

// ParsePeriod reads the forms editors write: 2020, 2021-Q1, 2021-06,
// 2021-01..05.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	bad := func(why msg.Text) (Period, error) {
		return Period{}, msg.Errorf("malformed period %q: %s (write 2020, 2021-Q1, 2021-06 or 2021-01..05)", s, why)
	}
	yearPart, rest, hasRest := strings.Cut(s, "-")
	if len(yearPart) != 4 {
		return bad(msg.New("the year must have four digits"))
	}
	year, err := strconv.Atoi(yearPart)
	if err != nil || year < 1000 {
		return bad(msg.New("the year must have four digits"))
	}
	if !hasRest {
		return Period{Kind: Year, Year: year, From: 1, To: 12}, nil
	}
	if q, ok := strings.CutPrefix(strings.ToUpper(rest), "Q"); ok {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1 || n > 4 || len(q) != 1 {
			return bad(msg.New("a quarter is Q1 to Q4"))
		}
		return Period{Kind: Quarter, Year: year, From: 3*n - 2, To: 3 * n}, nil
	}
	month := func(m string) (int, bool) {
		n, err := strconv.Atoi(m)
		return n, err == nil && len(m) == 2 && n >= 1 && n <= 12
	}
	if from, to, isRange := strings.Cut(rest, ".."); isRange {
		f, ok1 := month(from)
		t, ok2 := month(to)
		if !ok1 || !ok2 {
			return bad(msg.New("months are two digits, 01 to 12"))
		}
		if f >= t {
			return bad(msg.New("a month range runs forward, e.g. 01..05"))
		}
		return Period{Kind: MonthRange, Year: year, From: f, To: t}, nil
	}
	m, ok := month(rest)
	if !ok {
		return bad(msg.New("months are two digits, 01 to 12"))
	}
	return Period{Kind: Month, Year: year, From: m, To: m}, nil
}

var quarterNames = []string{"", "一", "二", "三", "四"}

// String returns the period in the form it is written in data files.
func (p Period) String() string {
	switch p.Kind {
	case Quarter:
		return fmt.Sprintf("%d-Q%d", p.Year, (p.From+2)/3)
	case Month:
		return fmt.Sprintf("%d-%02d", p.Year, p.From)
	case MonthRange:
		return fmt.Sprintf("%d-%02d..%02d", p.Year, p.From, p.To)
	}
	return strconv.Itoa(p.Year)
}

// Chinese returns the period as running text writes it: 2020年,
// 2021年一季度, 2021年6月, 2021年1—5月.
func (p Period) Chinese() string {
	switch p.Kind {
	case Quarter:
		return fmt.Sprintf("%d年%s季度", p.Year, quarterNames[(p.From+2)/3])
	case Month:
		return fmt.Sprintf("%d年%d月", p.Year, p.From)
	case MonthRange:
		return fmt.Sprintf("%d年%d—%d月", p.Year, p.From, p.To)
	}
	return fmt.Sprintf("%d年", p.Year)
}

// Compare orders periods by when they end, then by length (shorter first).
func (p Period) Compare(q Period) int {
	return cmp.Or(
		cmp.Compare(p.Year, q.Year),
		cmp.Compare(p.To, q.To),
		cmp.Compare(q.From, p.From),
	)
}
