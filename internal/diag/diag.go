// Package diag holds the one Position and one Diagnostic type used for every
// problem folio reports to a user, and the List that collects all problems of
// a build so they can be reported together.
package diag

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"folio/internal/msg"
)

// Position is a place in a source file. Line and Col are 1-based; Col counts
// characters (runes), not bytes, because editors of Chinese text count
// characters. A zero Line means "the file as a whole".
type Position struct {
	File string // slash-separated, relative to the working folder where possible
	Line int
	Col  int
}

func (p Position) String() string {
	switch {
	case p.File == "":
		return "folio"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity says whether a diagnostic fails the build.
type Severity int

const (
	Warning Severity = iota
	Error
	// Off is not a severity a diagnostic is reported with: an override
	// to Off drops the rule's diagnostics.
	Off Severity = -1
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Off:
		return "off"
	}
	return "warning"
}

// Diagnostic is one problem, printed as
// `path:line:col: severity: message [rule-id]`.
type Diagnostic struct {
	Pos      Position
	Severity Severity
	Message  string // in English: says what is wrong and, where possible, how to fix it
	Rule     string // stable id, e.g. "frontmatter-unknown-key"
	// Text is the message before it was put into English, so that it
	// can be put into the reader's language; zero for a message that
	// exists only in English (one passed on from a library).
	Text msg.Text
}

// Same reports whether d and o are the same problem: the same place,
// severity, rule and message.
func (d Diagnostic) Same(o Diagnostic) bool {
	return d.Pos == o.Pos && d.Severity == o.Severity && d.Rule == o.Rule && d.Message == o.Message
}

// Make returns a diagnostic whose message is format with args, in
// English and, through the catalogue, in the reader's language.
func Make(pos Position, sev Severity, rule, format string, args ...any) Diagnostic {
	t := msg.New(format, args...)
	return Diagnostic{Pos: pos, Severity: sev, Rule: rule, Message: t.String(), Text: t} // untranslated: made from its Text
}

// MessageIn is the message in l.
func (d Diagnostic) MessageIn(l msg.Lang) string {
	if d.Text.Format == "" || l == msg.English {
		return d.Message
	}
	return d.Text.In(l)
}

// Split is the message in l as what is wrong and how to fix it (empty
// when it says no fix): `folio check --format json` gives them as
// message and fix. A message only in a library's words is whole.
func (d Diagnostic) Split(l msg.Lang) (problem, fix string) {
	if d.Text.Format == "" {
		return d.Message, ""
	}
	return d.Text.Split(l)
}

// Msg is the message as an argument for another diagnostic's "%s"
// (one moved to another place keeps its translation): the Text, or
// the English message where there is none.
func (d Diagnostic) Msg() any {
	if d.Text.Format == "" {
		return d.Message
	}
	return d.Text
}

func (d Diagnostic) String() string { return d.StringIn(msg.English) }

// StringIn is the diagnostic's line with its message in l. Severity
// words and rule ids stay as they are in every language: editors'
// tools match "path:line:col: error:" lines.
func (d Diagnostic) StringIn(l msg.Lang) string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(d.MessageIn(l))
	if d.Rule != "" {
		b.WriteString(" [")
		b.WriteString(d.Rule)
		b.WriteString("]")
	}
	return b.String()
}

// List collects diagnostics; it is safe for concurrent use.
type List struct {
	mu        sync.Mutex
	items     []Diagnostic
	overrides map[string]Severity
}

// Add appends d, with the severity an override gives its rule.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	if s, ok := l.overrides[d.Rule]; ok {
		d.Severity = s
	}
	if d.Severity != Off {
		l.items = append(l.items, d)
	}
	l.mu.Unlock()
}

// Override gives every diagnostic of the rules in severities, those
// already added and those to come, the severity named there; Off drops
// them. It is how a publication chooses which of its rules stop a build.
func (l *List) Override(severities map[string]Severity) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.overrides == nil {
		l.overrides = map[string]Severity{}
	}
	for rule, s := range severities {
		l.overrides[rule] = s
	}
	kept := l.items[:0]
	for _, d := range l.items {
		if s, ok := l.overrides[d.Rule]; ok {
			d.Severity = s
		}
		if d.Severity != Off {
			kept = append(kept, d)
		}
	}
	l.items = kept
}

// Errorf adds an error at pos.
func (l *List) Errorf(pos Position, rule, format string, args ...any) {
	l.Add(Make(pos, Error, rule, format, args...))
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Position, rule, format string, args ...any) {
	l.Add(Make(pos, Warning, rule, format, args...))
}

// Merge appends all diagnostics of other.
func (l *List) Merge(other *List) {
	if other == nil {
		return
	}
	for _, d := range other.Items() {
		l.Add(d)
	}
}

// Items returns the diagnostics sorted by file, line, column, then message,
// so that reports are stable whatever order the build found them in.
func (l *List) Items() []Diagnostic {
	l.mu.Lock()
	items := slices.Clone(l.items)
	l.mu.Unlock()
	slices.SortStableFunc(items, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.CompactFunc(items, Diagnostic.Same)
}

// Count returns the number of errors and warnings reported: a problem
// found twice (by two stages, or on two builds of a page) is printed
// once, and counted once.
func (l *List) Count() (errors, warnings int) {
	for _, d := range l.Items() {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any diagnostic is an error. Copies do not
// change the answer, so it needs no sorting: the build asks it often.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Len returns the number of diagnostics reported.
func (l *List) Len() int { return len(l.Items()) }

// Print writes every diagnostic, one a line, in English.
func (l *List) Print(w io.Writer) { l.PrintIn(w, msg.English) }

// PrintIn writes every diagnostic, one a line, in lang.
func (l *List) PrintIn(w io.Writer, lang msg.Lang) {
	for _, d := range l.Items() {
		fmt.Fprintln(w, d.StringIn(lang))
	}
}
