package indicator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"folio/internal/diag"
)

// Value is one number as written in the data, keeping how many decimals
// it was written with (5.30 is shown as 5.30).
type Value struct {
	Number   float64
	Decimals int
}

// ParseValue reads a number as written in a data file: 5.3, 2600, 2,600.
func ParseValue(s string) (Value, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || strings.ContainsAny(s, "eEiInN") {
		return Value{}, false
	}
	dec := 0
	if _, frac, ok := strings.Cut(s, "."); ok {
		dec = len(frac)
	}
	return Value{Number: n, Decimals: dec}, true
}

// Raw is the value as a plain number, for data attributes and downloads.
func (v Value) Raw() string { return strconv.FormatFloat(v.Number, 'f', v.Decimals, 64) }

// Point is one period's value.
type Point struct {
	Period Period
	Value  Value
	Pos    diag.Position
}

// Indicator is one figure of the publication and its series.
type Indicator struct {
	ID      string
	Label   string
	Aliases []string
	Unit    string
	Scope   string
	Source  string
	Note    string
	Better  string // higher, lower or ""
	Of      int    // for ranks: out of how many
	Format  string // e.g. "{value}余人次"
	Series  []Point
	Pos     diag.Position // where the indicator is defined
	// Home is where the indicator's data page is, relative to the root
	// of the publication citing it: "" for its own, "../" for the
	// series', "../<slug>/" for another installment's (see Adopt).
	Home string
}

// Latest returns the most recent point; ok is false for an empty series.
func (ind *Indicator) Latest() (Point, bool) {
	if len(ind.Series) == 0 {
		return Point{}, false
	}
	return ind.Series[len(ind.Series)-1], true
}

// At returns the point of period p.
func (ind *Indicator) At(p Period) (Point, bool) {
	for _, pt := range ind.Series {
		if pt.Period == p {
			return pt, true
		}
	}
	return Point{}, false
}

// Periods lists the periods of the series, in order, as written.
func (ind *Indicator) Periods() []string {
	out := make([]string, len(ind.Series))
	for i, pt := range ind.Series {
		out[i] = pt.Period.String()
	}
	return out
}

// Event is one dated event of the timeline.
type Event struct {
	Date   string // 2018, 2018-10 or 2018-10-23, as written
	Year   int
	Title  string
	Detail string
	Pos    diag.Position
	// Part is the installment of a series the event is from, on the
	// series' timeline ("" on a publication's own).
	Part string
}

// Chinese returns the date as running text writes it: 2018年10月23日.
func (e Event) Chinese() string {
	parts := strings.Split(e.Date, "-")
	units := []string{"年", "月", "日"}
	var b strings.Builder
	for i, p := range parts {
		n, _ := strconv.Atoi(p)
		b.WriteString(strconv.Itoa(n))
		b.WriteString(units[i])
	}
	return b.String()
}

// Set is all the data of a publication.
type Set struct {
	Indicators []*Indicator // in file order
	Events     []Event      // by date
	byID       map[string]*Indicator

	fingerprints     map[string]string // by id, made once: every page's rebuild key asks
	fingerprintsOnce sync.Once

	// What a mistake in the data left out: indicators (indicators.yaml
	// did not parse, or an entry had no usable id), values (a CSV file
	// stopped at an error too) and events (timeline.yaml). The mistake
	// is reported where it is; references that what it left out might
	// have answered are not reported too: one mistake, one error.
	idsMissing, valuesMissing, eventsMissing bool
	adopted                                  []string // ids Adopt added, in order
	valuesMissingOf                          map[*Indicator]bool
}

// IDsComplete reports whether every indicator of the data could be read;
// when not, an id the set lacks may be one the data meant to define, and
// a reference to it is not reported: the data's error is. A nil set (no
// data at all) is complete.
func (s *Set) IDsComplete() bool { return s == nil || !s.idsMissing }

// ValuesComplete reports whether every value the data gives ind could be
// read, so that a period ind lacks is really missing.
func (s *Set) ValuesComplete(ind *Indicator) bool {
	return s == nil || !(s.valuesMissing || s.valuesMissingOf[ind])
}

// EventsComplete reports whether timeline.yaml could be read whole.
func (s *Set) EventsComplete() bool { return s == nil || !s.eventsMissing }

// Complete reports whether nothing of the data was left out by a mistake.
func (s *Set) Complete() bool {
	return s == nil || !(s.idsMissing || s.valuesMissing || s.eventsMissing || len(s.valuesMissingOf) > 0)
}

// FingerprintOf returns Get(id).Fingerprint(), or "" for an unknown id,
// computed once for the set. It is safe for concurrent use.
func (s *Set) FingerprintOf(id string) string {
	s.fingerprintsOnce.Do(func() {
		s.fingerprints = make(map[string]string, len(s.byID))
		for id, ind := range s.byID { // adopted ones too
			s.fingerprints[id] = ind.Fingerprint()
		}
	})
	return s.fingerprints[id]
}

// Get returns the indicator with id.
func (s *Set) Get(id string) *Indicator { return s.byID[id] }

// IDs lists every indicator id, in file order.
func (s *Set) IDs() []string {
	ids := make([]string, len(s.Indicators))
	for i, ind := range s.Indicators {
		ids[i] = ind.ID
	}
	return ids
}

// AddEvents adds the events of an installment of a series (part names
// it) to the series' timeline, in order of date.
func (s *Set) AddEvents(events []Event, part string) {
	for _, e := range events {
		e.Part = part
		s.Events = append(s.Events, e)
	}
	slices.SortStableFunc(s.Events, func(a, b Event) int { return strings.Compare(a.Date, b.Date) })
}

// CitableIDs lists every id a reference may name: the set's own, then
// those it adopted (a series' and its other installments').
func (s *Set) CitableIDs() []string {
	return append(s.IDs(), s.adopted...)
}

func (s *Set) sortSeries() {
	for _, ind := range s.Indicators {
		slices.SortStableFunc(ind.Series, func(a, b Point) int { return a.Period.Compare(b.Period) })
	}
	slices.SortStableFunc(s.Events, func(a, b Event) int { return strings.Compare(a.Date, b.Date) })
}

// Fingerprint identifies everything a reader sees of an indicator, so a
// rebuild can tell which pages an edit of the data reaches. Positions are
// left out: an edit above an indicator moves it without changing it.
func (ind *Indicator) Fingerprint() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %q %q %q %q %q %q %q %d %q %q", ind.ID, ind.Label, ind.Aliases, ind.Unit, ind.Scope, ind.Source, ind.Note, ind.Better, ind.Of, ind.Format, ind.Home)
	for _, pt := range ind.Series {
		fmt.Fprintf(&b, " %s=%s", pt.Period, pt.Value.Raw())
	}
	return b.String()
}

// EventsFingerprint identifies the timeline's events.
func (s *Set) EventsFingerprint() string {
	var b strings.Builder
	for _, e := range s.Events {
		fmt.Fprintf(&b, "%q %q %q %q\n", e.Date, e.Title, e.Detail, e.Part)
	}
	return b.String()
}

// Adopt makes the indicators of another set citable from this set's
// publication as prefix+id, without listing them among its own (their
// data page is elsewhere, at home): a series' indicators with prefix ""
// in each installment, and another installment's as "slug:". An id that
// this set defines too is an error naming both definitions: a reference
// must not depend on which of two figures wins.
func (s *Set) Adopt(other *Set, prefix, home string, diags *diag.List) {
	if other == nil {
		return
	}
	for _, ind := range other.Indicators {
		id := prefix + ind.ID
		if own := s.byID[id]; own != nil {
			diags.Errorf(own.Pos, "indicator-duplicate", "indicator %q is defined here and for the whole series at %s: give one of them another id", id, ind.Pos)
			continue
		}
		adopted := *ind
		adopted.Home = home
		s.byID[id] = &adopted
		s.adopted = append(s.adopted, id)
	}
	if prefix == "" && !other.Complete() {
		// A reference the series' data might have answered is not
		// reported while that data has an error.
		s.idsMissing = s.idsMissing || other.idsMissing
		s.valuesMissing = s.valuesMissing || other.valuesMissing || len(other.valuesMissingOf) > 0
	}
	s.fingerprintsOnce = sync.Once{}
}
