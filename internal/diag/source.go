package diag

import (
	"sort"
	"unicode/utf8"
)

// Source maps byte offsets in one file's contents to positions. Offsets are
// converted at the boundary, when a diagnostic is made, so parsers can keep
// working in bytes.
type Source struct {
	Name       string
	Data       []byte
	lineStarts []int
}

// NewSource indexes data's line starts.
func NewSource(name string, data []byte) *Source {
	s := &Source{Name: name, Data: data, lineStarts: []int{0}}
	for i, c := range data {
		if c == '\n' {
			s.lineStarts = append(s.lineStarts, i+1)
		}
	}
	return s
}

// Pos converts a byte offset into a Position. Offsets outside the data are
// clamped; a column counts runes from the line start, so a Chinese character
// is one column.
func (s *Source) Pos(offset int) Position {
	offset = max(0, min(offset, len(s.Data)))
	line := sort.Search(len(s.lineStarts), func(i int) bool { return s.lineStarts[i] > offset }) - 1
	start := s.lineStarts[line]
	return Position{File: s.Name, Line: line + 1, Col: utf8.RuneCount(s.Data[start:offset]) + 1}
}

// LinePos converts a 1-based line and 1-based byte column, as encoding/csv
// reports them, to a position with a rune column.
func (s *Source) LinePos(line, byteCol int) Position {
	if line < 1 || line > len(s.lineStarts) {
		return Position{File: s.Name, Line: line, Col: byteCol}
	}
	return s.Pos(s.lineStarts[line-1] + max(byteCol-1, 0))
}

// LoneCRToLF turns each carriage return not followed by a line feed (the
// line ending of classic Mac files) into a line feed, in place and byte
// for byte, so that offsets into data still hold and every parser and
// Source count the same lines. CRLF is left alone.
func LoneCRToLF(data []byte) []byte {
	for i, c := range data {
		if c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			data[i] = '\n'
		}
	}
	return data
}
