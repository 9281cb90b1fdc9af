package indicator

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"folio/internal/diag"
	"folio/internal/frontmatter"
	"folio/internal/msg"
	"folio/internal/suggest"
)

// The data files inside content/.
const (
	DataDir        = "data"
	IndicatorsFile = "indicators.yaml"
	TimelineFile   = "timeline.yaml"
)

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads content/data/: indicators.yaml, every *.csv (long form:
// id,period,value) and timeline.yaml. display names the content folder in
// diagnostics. A publication without data has an empty Set.
func Load(contentDir, display string, diags *diag.List) *Set {
	set := &Set{byID: map[string]*Indicator{}}
	dir := filepath.Join(contentDir, DataDir)
	shown := func(name string) string { return path.Join(display, DataDir, name) }

	if data, ok, err := readData(dir, IndicatorsFile, shown, diags); ok {
		loadIndicators(set, shown(IndicatorsFile), data, diags)
	} else if err {
		set.idsMissing = true
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Type().IsRegular() && strings.EqualFold(path.Ext(e.Name()), ".csv") {
			if data, ok, err := readData(dir, e.Name(), shown, diags); ok {
				loadCSV(set, shown(e.Name()), data, diags)
			} else if err {
				set.valuesMissing = true
			}
		}
	}
	if data, ok, err := readData(dir, TimelineFile, shown, diags); ok {
		loadTimeline(set, shown(TimelineFile), data, diags)
	} else if err {
		set.eventsMissing = true
	}
	set.sortSeries()
	for _, ind := range set.Indicators {
		if len(ind.Series) == 0 && set.ValuesComplete(ind) {
			diags.Warnf(ind.Pos, "indicator-empty", "indicator %q has no values: add a series, e.g. series: {2020: 5.3}", ind.ID)
		}
	}
	return set
}

// readData reads a data file; failed reports an error reading one that
// exists.
func readData(dir, name string, shown func(string) string, diags *diag.List) (data []byte, ok, failed bool) {
	p := filepath.Join(dir, name)
	fi, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, false
	}
	if err == nil && !fi.Mode().IsRegular() {
		diags.Errorf(diag.Position{File: shown(name)}, "data-read", "%s is not a regular file (folio reads nothing through links)", name)
		return nil, false, true
	}
	data, err = os.ReadFile(p)
	if err != nil {
		diags.Errorf(diag.Position{File: shown(name)}, "data-read", "%v", err)
		return nil, false, true
	}
	return diag.LoneCRToLF(data), true, false
}

func loadIndicators(set *Set, file string, data []byte, diags *diag.List) {
	body, ok := frontmatter.Parse(file, data, 1, diags)
	if !ok {
		set.idsMissing = true
		return
	}
	if body == nil {
		return
	}
	seq, isSeq := body.(*ast.SequenceNode)
	if !isSeq {
		diags.Errorf(frontmatter.NodePos(file, 1, body), "indicator-syntax", "%s must be a list of indicators, each starting with \"- id: …\"", IndicatorsFile)
		set.idsMissing = true
		return
	}
	first := map[string]diag.Position{}
	for _, item := range seq.Values {
		ind := &Indicator{Pos: frontmatter.NodePos(file, 1, item)}
		var l indicatorLoad
		if !frontmatter.DecodeMapping(file, item, 1, ind.fields(&l), "indicator-unknown-key", diags) {
			set.idsMissing = true
			continue
		}
		idPos, unitPos, ofPos, formatPos, betterPos, series := l.idPos, l.unitPos, l.ofPos, l.formatPos, l.betterPos, l.series
		switch {
		case ind.ID == "":
			diags.Errorf(ind.Pos, "indicator-id", "indicator without an id: add \"id: …\" in kebab-case, e.g. gdp-growth")
			set.idsMissing = true
			continue
		case !idRE.MatchString(ind.ID):
			diags.Errorf(idPos, "indicator-id", "malformed id %q: use lower-case letters, digits and hyphens, e.g. gdp-growth", ind.ID)
			continue
		}
		if p, dup := first[ind.ID]; dup {
			diags.Errorf(idPos, "indicator-duplicate", "duplicate indicator id %q, first defined at %s: give one of them another id", ind.ID, p)
			continue
		}
		first[ind.ID] = idPos
		if ind.Label == "" {
			diags.Errorf(idPos, "indicator-label", "indicator %q has no label: add \"label: …\", the name prose uses for it", ind.ID)
		}
		if !slices.Contains(Units, ind.Unit) {
			known := strings.Join(Units, ", ")
			switch s := suggest.Nearest(ind.Unit, Units); {
			case ind.Unit == "":
				diags.Errorf(idPos, "indicator-unit", "indicator %q has no unit; known units: %s", ind.ID, known)
			case s != "":
				diags.Errorf(unitPos, "indicator-unit", "indicator %q: unknown unit %q (did you mean %q?); known units: %s", ind.ID, ind.Unit, s, known)
			default:
				diags.Errorf(unitPos, "indicator-unit", "indicator %q: unknown unit %q; known units: %s", ind.ID, ind.Unit, known)
			}
		}
		if ind.Source == "" {
			diags.Warnf(idPos, "indicator-source", "indicator %q has no source: readers trust a figure they can trace; add \"source: …\"", ind.ID)
		}
		if ind.Better != "" && ind.Better != "higher" && ind.Better != "lower" {
			diags.Errorf(betterPos, "indicator-better", "better must be higher or lower, not %q", ind.Better)
		}
		if ind.Unit == "rank" && ind.Better == "" {
			ind.Better = "lower"
		}
		if ind.Of < 0 || (ind.Of > 0 && ind.Unit != "rank") {
			diags.Errorf(ofPos, "indicator-of", "of is the number ranked, for unit rank only")
		}
		if ind.Format != "" && !strings.Contains(ind.Format, "{value}") {
			diags.Errorf(formatPos, "indicator-format", "format %q must contain {value} where the number goes, e.g. \"{value}余人次\"", ind.Format)
			ind.Format = ""
		}
		set.Indicators = append(set.Indicators, ind)
		set.byID[ind.ID] = ind
		if series != nil && !loadSeries(ind, file, series, diags) {
			set.lacksValues(ind)
		}
	}
}

// indicatorLoad is what loadIndicators reads of an indicator besides its
// fields: where values were given, and the series as written.
type indicatorLoad struct {
	idPos, unitPos, ofPos, formatPos, betterPos diag.Position
	series                                      ast.Node
}

// fields are an indicator's keys and where each value goes.
func (ind *Indicator) fields(l *indicatorLoad) []frontmatter.Field {
	return []frontmatter.Field{
		{Key: "id", Target: &ind.ID, Pos: &l.idPos},
		{Key: "label", Target: &ind.Label},
		{Key: "aliases", Target: &ind.Aliases},
		{Key: "unit", Target: &ind.Unit, Pos: &l.unitPos},
		{Key: "scope", Target: &ind.Scope},
		{Key: "source", Target: &ind.Source},
		{Key: "note", Target: &ind.Note},
		{Key: "better", Target: &ind.Better, Pos: &l.betterPos},
		{Key: "of", Target: &ind.Of, Pos: &l.ofPos},
		{Key: "format", Target: &ind.Format, Pos: &l.formatPos},
		{Key: "series", Target: &l.series},
	}
}

// IndicatorKeys are the keys an indicator in indicators.yaml may hold.
func IndicatorKeys() []string { return frontmatter.Keys(new(Indicator).fields(new(indicatorLoad))) }

// loadSeries reads the series of ind; it reports whether every value of
// it could be read.
func loadSeries(ind *Indicator, file string, series ast.Node, diags *diag.List) bool {
	pairs, ok := frontmatter.Pairs(series)
	if !ok {
		diags.Errorf(frontmatter.NodePos(file, 1, series), "indicator-series", "series of %q must be period: value lines, e.g. 2020: 5.3", ind.ID)
		return false
	}
	all := true
	for _, kv := range pairs {
		pos := frontmatter.NodePos(file, 1, kv.Key)
		all = addPoint(ind, strings.Trim(kv.Key.String(), `"'`), kv.Value.String(), pos, frontmatter.NodePos(file, 1, kv.Value), diags) && all
	}
	return all
}

func (s *Set) lacksValues(ind *Indicator) {
	if s.valuesMissingOf == nil {
		s.valuesMissingOf = map[*Indicator]bool{}
	}
	s.valuesMissingOf[ind] = true
}

// addPoint validates one value and adds it to the series; it reports
// whether the value was added (or was there already, from a duplicate).
func addPoint(ind *Indicator, period, value string, periodPos, valuePos diag.Position, diags *diag.List) bool {
	p, err := ParsePeriod(period)
	if err != nil {
		diags.Errorf(periodPos, "indicator-period", "%s: %v", ind.ID, err)
		return false
	}
	v, ok := ParseValue(strings.Trim(value, `"'`))
	if !ok {
		diags.Errorf(valuePos, "indicator-value", "%s@%s: %q is not a number: write digits only, e.g. 5.3 (the unit comes from unit:)", ind.ID, period, value)
		return false
	}
	if ind.Unit == "rank" {
		switch {
		case v.Number < 1 || v.Number != float64(int(v.Number)):
			diags.Errorf(valuePos, "indicator-rank", "%s@%s: a rank is a whole number from 1, not %s", ind.ID, period, value)
			return false
		case ind.Of > 0 && int(v.Number) > ind.Of:
			diags.Errorf(valuePos, "indicator-rank", "%s@%s: rank %s is above of: %d", ind.ID, period, value, ind.Of)
			return false
		}
	}
	for _, pt := range ind.Series {
		if pt.Period == p {
			diags.Errorf(periodPos, "indicator-duplicate-period", "%s@%s is already given at %s", ind.ID, p, pt.Pos)
			return true
		}
	}
	ind.Series = append(ind.Series, Point{Period: p, Value: v, Pos: valuePos})
	return true
}

// loadCSV reads long-form rows id,period,value; a first row naming the
// columns is skipped.
func loadCSV(set *Set, file string, data []byte, diags *diag.List) {
	src := diag.NewSource(file, data)
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\uFEFF")))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	bom := len(data) - len(strings.TrimPrefix(string(data), "\uFEFF"))
	fieldPos := func(field int) diag.Position {
		line, col := r.FieldPos(field)
		return src.LinePos(line, col+bomShift(line, bom))
	}
	for row := 0; ; row++ {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			var pe *csv.ParseError
			switch {
			case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote):
				diags.Errorf(src.LinePos(pe.Line, pe.Column), "csv-syntax", "a quotation mark inside a value that does not start with one: put the whole value in quotes and write the mark twice (\"\"), or use Chinese quotation marks “ ”")
			case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote):
				if line, col, ok := unclosedQuote(data, pe.StartLine); ok {
					diags.Errorf(src.LinePos(line, col), "csv-syntax", "the quotation mark %s that starts this value is never closed: end the value with %[1]s, or, for quotes inside Chinese text, use “ ”", `"`)
				} else {
					diags.Errorf(src.LinePos(pe.Line, pe.Column), "csv-syntax", "a quotation mark in the middle of a quoted value: write it twice (\"\"), or use Chinese quotation marks “ ”")
				}
			case errors.As(err, &pe):
				diags.Errorf(src.LinePos(pe.Line, pe.Column), "csv-syntax", "%v", pe.Err)
			default:
				diags.Errorf(diag.Position{File: file}, "csv-syntax", "%v", err)
			}
			// The rest of the file is not read: any indicator's values
			// may be in it.
			set.valuesMissing = true
			return
		}
		if row == 0 && len(rec) > 0 && strings.EqualFold(strings.TrimSpace(rec[0]), "id") {
			continue
		}
		if len(rec) != 3 {
			diags.Errorf(fieldPos(0), "csv-columns", "expected 3 columns id,period,value, found %d", len(rec))
			set.valuesMissing = true
			continue
		}
		id := strings.TrimSpace(rec[0])
		ind := set.Get(id)
		if ind == nil {
			// With indicators.yaml in error the id may be one of
			// those it failed to define: its error is enough.
			if set.IDsComplete() {
				diags.Errorf(fieldPos(0), "unknown-indicator", "%s", UnknownMessage(id, set.IDs()))
			}
			continue
		}
		if !addPoint(ind, strings.TrimSpace(rec[1]), rec[2], fieldPos(1), fieldPos(2), diags) {
			set.lacksValues(ind)
		}
	}
}

// unclosedQuote finds, from line start on, a field that opens a quoted
// value never closed; it returns its line and byte column.
func unclosedQuote(data []byte, start int) (line, col int, ok bool) {
	lines := strings.Split(string(data), "\n")
	if start < 1 || start > len(lines) {
		return 0, 0, false
	}
	quoted, openLine, openCol := false, 0, 0
	for i := start - 1; i < len(lines); i++ {
		l := lines[i]
		for j := 0; j < len(l); j++ {
			switch {
			case quoted && l[j] == '"' && j+1 < len(l) && l[j+1] == '"':
				j++
			case quoted && l[j] == '"':
				quoted = false
			case !quoted && l[j] == '"' && (strings.TrimLeft(l[:j], " ") == "" || strings.HasSuffix(strings.TrimRight(l[:j], " "), ",")):
				quoted, openLine, openCol = true, i+1, j+1
			}
		}
		if !quoted { // the record ends on this line
			return 0, 0, false
		}
	}
	return openLine, openCol, quoted
}

func bomShift(line, bom int) int {
	if line == 1 {
		return bom
	}
	return 0
}

// UnknownMessage says an id is unknown and names the nearest known one.
func UnknownMessage(id string, known []string) msg.Text {
	if s := suggest.Nearest(id, known); s != "" {
		return msg.New("unknown indicator %q (did you mean %q?)", id, s)
	}
	if len(known) == 0 {
		return msg.New("unknown indicator %q (content/data/indicators.yaml defines none)", id)
	}
	return msg.New("unknown indicator %q (see content/data/indicators.yaml)", id)
}

var dateRE = regexp.MustCompile(`^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

func loadTimeline(set *Set, file string, data []byte, diags *diag.List) {
	body, ok := frontmatter.Parse(file, data, 1, diags)
	if !ok {
		set.eventsMissing = true
		return
	}
	if body == nil {
		return
	}
	seq, isSeq := body.(*ast.SequenceNode)
	if !isSeq {
		diags.Errorf(frontmatter.NodePos(file, 1, body), "timeline-syntax", "%s must be a list of events, each starting with \"- date: …\"", TimelineFile)
		set.eventsMissing = true
		return
	}
	for _, item := range seq.Values {
		var e Event
		var datePos diag.Position
		e.Pos = frontmatter.NodePos(file, 1, item)
		var dateNode ast.Node
		if !frontmatter.DecodeMapping(file, item, 1, e.fields(&dateNode, &datePos), "timeline-unknown-key", diags) {
			set.eventsMissing = true
			continue
		}
		if dateNode != nil {
			e.Date = strings.Trim(dateNode.String(), `"'`)
		}
		m := dateRE.FindStringSubmatch(e.Date)
		if m == nil {
			if datePos.Line == 0 {
				datePos = e.Pos
			}
			diags.Errorf(datePos, "timeline-date", "event date %q: write 2018, 2018-10 or 2018-10-23", e.Date)
			set.eventsMissing = true
			continue
		}
		fmt.Sscan(m[1], &e.Year)
		if e.Title == "" {
			diags.Errorf(e.Pos, "timeline-title", "event of %s has no title: add \"title: …\"", e.Date)
			set.eventsMissing = true
			continue
		}
		set.Events = append(set.Events, e)
	}
}

// fields are an event's keys and where each value goes; the date is read
// as written.
func (e *Event) fields(date *ast.Node, datePos *diag.Position) []frontmatter.Field {
	return []frontmatter.Field{
		{Key: "date", Target: date, Pos: datePos},
		{Key: "title", Target: &e.Title},
		{Key: "detail", Target: &e.Detail},
	}
}

// EventKeys are the keys an event in timeline.yaml may hold.
func EventKeys() []string {
	return frontmatter.Keys(new(Event).fields(new(ast.Node), new(diag.Position)))
}
