package diag

import (
	"strings"
	"testing"
)

func TestSourcePosCountsCharacters(t *testing.T) {
	src := NewSource("a.md", []byte("第一行\ntitle: 改革篇\n\nx"))
	for _, tc := range []struct {
		offset    int
		line, col int
	}{
		{0, 1, 1},
		{3, 1, 2},                          // after one Chinese character (3 bytes)
		{len("第一行"), 1, 4},                 // the newline itself
		{len("第一行\n"), 2, 1},               // start of line 2
		{len("第一行\ntitle: "), 2, 8},        // a column counts runes
		{len("第一行\ntitle: 改革"), 2, 10},     // …also after Chinese
		{len("第一行\ntitle: 改革篇\n\n"), 4, 1}, // after an empty line
		{-5, 1, 1},                         // clamped
		{1000, 4, 2},                       // clamped to the end
	} {
		p := src.Pos(tc.offset)
		if p.Line != tc.line || p.Col != tc.col || p.File != "a.md" {
			t.Errorf("Pos(%d) = %v, want a.md:%d:%d", tc.offset, p, tc.line, tc.col)
		}
	}
}

func TestDiagnosticString(t *testing.T) {
	for _, tc := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: Position{"a.md", 3, 7}, Severity: Error, Message: "bad", Rule: "r"}, "a.md:3:7: error: bad [r]"},
		{Diagnostic{Pos: Position{"a.md", 3, 0}, Severity: Warning, Message: "meh"}, "a.md:3: warning: meh"},
		{Diagnostic{Pos: Position{File: "a.md"}, Severity: Warning, Message: "file", Rule: "x"}, "a.md: warning: file [x]"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestListSortsAndCounts(t *testing.T) {
	var l List
	l.Warnf(Position{"b.md", 1, 1}, "w", "second file")
	l.Errorf(Position{"a.md", 9, 1}, "e", "later line")
	l.Errorf(Position{"a.md", 2, 5}, "e", "earlier line")
	l.Errorf(Position{"a.md", 2, 5}, "e", "earlier line") // reported twice, printed once
	var out strings.Builder
	l.Print(&out)
	want := "a.md:2:5: error: earlier line [e]\na.md:9:1: error: later line [e]\nb.md:1:1: warning: second file [w]\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	if e, w := l.Count(); e != 3 || w != 1 || !l.HasErrors() {
		t.Errorf("Count = %d, %d", e, w)
	}
}
