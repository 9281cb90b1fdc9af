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
	if e, w := l.Count(); e != 2 || w != 1 || !l.HasErrors() || l.Len() != 3 {
		t.Errorf("Count = %d, %d, Len = %d; want what is printed: 2, 1, 3", e, w, l.Len())
	}
}

// TestOverride: a publication's choice of severity applies to the
// diagnostics already collected and to those added later, and Off drops
// them; other rules keep their own.
func TestOverride(t *testing.T) {
	var l List
	l.Add(Diagnostic{Pos: Position{"a.md", 1, 1}, Severity: Warning, Rule: "repeated-word", Message: "before"})
	l.Add(Diagnostic{Pos: Position{"a.md", 2, 1}, Severity: Error, Rule: "conflicting-figure", Message: "before"})
	l.Add(Diagnostic{Pos: Position{"a.md", 3, 1}, Severity: Warning, Rule: "stray-latin", Message: "kept"})
	l.Override(map[string]Severity{"repeated-word": Error, "conflicting-figure": Off})
	l.Add(Diagnostic{Pos: Position{"a.md", 4, 1}, Severity: Warning, Rule: "repeated-word", Message: "after"})
	l.Add(Diagnostic{Pos: Position{"a.md", 5, 1}, Severity: Error, Rule: "conflicting-figure", Message: "after"})
	var got []string
	for _, d := range l.Items() {
		got = append(got, d.String())
	}
	want := []string{
		"a.md:1:1: error: before [repeated-word]",
		"a.md:3:1: warning: kept [stray-latin]",
		"a.md:4:1: error: after [repeated-word]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e, w := l.Count(); e != 2 || w != 1 {
		t.Errorf("Count = %d errors, %d warnings; want 2, 1", e, w)
	}
}
