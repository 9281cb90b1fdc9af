package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"folio/internal/check"
	"folio/internal/cjk"
	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/msg"
	"folio/internal/site"
)

var checkUsage = msg.New(`
Usage: folio check [flags]

Check the publication without building it: front matter, links and
anchors, images, indicator references, and the editorial rules for
Chinese copy listed below. Pages marked draft: true are checked with
--drafts.

A rule reports at its default severity unless publication.yaml's checks:
sets another (error, warning or off). Silence a rule for the next
paragraph with <!-- folio:ignore rule-id --> or for a file with
<!-- folio:ignore-file rule-id -->.

Rules:

%s
Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage.

Flags:
`, ruleTable{})

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet(ctx, "check", checkUsage, stdout)
	var opts config.Options
	var format string
	fs.StringVar(&opts.Src, "src", ".", "the site `folder` holding content/")
	fs.StringVar(&format, "format", "text", "output `format`: text or json")
	fs.BoolVar(&opts.Drafts, "drafts", false, "check pages marked draft: true too")
	fs.BoolVar(&opts.Strict, "strict", false, "fail on warnings too")
	fs.BoolVar(&opts.NoCache, "no-cache", false, "check afresh, without the memo of the last build in SRC/.cache/folio")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if format != "text" && format != "json" {
		return usagef("--format %q: use text or json", format)
	}
	l := langOf(ctx)
	var diags diag.List
	if err := site.Check(ctx, site.Options{Options: opts}, &diags); err != nil {
		return err
	}
	if format == "json" {
		if err := writeJSON(stdout, l, diags.Items()); err != nil {
			return err
		}
	} else {
		printDiagnostics(stdout, l, &diags)
	}
	errs, warns := diags.Count()
	if errs > 0 || (opts.Strict && warns > 0) {
		return contentf("%s", msg.Problems(errs, warns))
	}
	if format == "text" && warns == 0 {
		l.Fprintf(stdout, "no problems found\n")
	}
	return nil
}

type jsonDiagnostic struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Fix      string `json:"fix,omitempty"`
}

// writeJSON writes the diagnostics as a JSON array; keys and rule ids
// are the same in every language, the message and fix are in l.
func writeJSON(w io.Writer, l msg.Lang, items []diag.Diagnostic) error {
	out := make([]jsonDiagnostic, 0, len(items))
	for _, d := range items {
		msg, fix := d.Split(l)
		out = append(out, jsonDiagnostic{Path: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(), Rule: d.Rule, Message: msg, Fix: fix})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// printDiagnostics writes diagnostics one a line, coloured on a terminal
// unless NO_COLOR is set.
func printDiagnostics(w io.Writer, l msg.Lang, diags *diag.List) {
	colour := isTerminal(w) && os.Getenv("NO_COLOR") == ""
	for _, d := range diags.Items() {
		if !colour {
			fmt.Fprintln(w, d.StringIn(l))
			continue
		}
		sev := "\x1b[1;31merror\x1b[0m"
		if d.Severity == diag.Warning {
			sev = "\x1b[1;33mwarning\x1b[0m"
		}
		rule := ""
		if d.Rule != "" {
			rule = " \x1b[2m[" + d.Rule + "]\x1b[0m"
		}
		fmt.Fprintf(w, "\x1b[1m%s\x1b[0m: %s: %s%s\n", d.Pos, sev, d.MessageIn(l), rule)
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// ruleTable is the list of editorial rules in folio check --help, made
// from the registry: each rule's id, its default severity (a word checks:
// takes, the same in every language) and what it flags.
type ruleTable struct{}

// helpWidth is the width folio check --help wraps the rules to.
const helpWidth = 80

func (ruleTable) In(l msg.Lang) string {
	rules := check.Rules()
	idWidth, sevWidth := 0, 0
	for _, r := range rules {
		idWidth, sevWidth = max(idWidth, len(r.ID)), max(sevWidth, len(r.Default.String()))
	}
	indent := 2 + idWidth + 2 + sevWidth + 2
	var b strings.Builder
	for _, r := range rules {
		for i, line := range wrapText(l.Tr(r.What), helpWidth-indent) {
			if i == 0 {
				fmt.Fprintf(&b, "  %-*s  %-*s  %s\n", idWidth, r.ID, sevWidth, r.Default, line)
			} else {
				fmt.Fprintf(&b, "%*s%s\n", indent, "", line)
			}
		}
	}
	return b.String()
}

func (t ruleTable) String() string { return t.In(msg.English) }

// wrapText breaks s into lines at most width columns wide, a wide
// character taking two: at spaces, and between Chinese characters except
// before punctuation that closes (，。）) or after punctuation that opens
// (（“).
func wrapText(s string, width int) []string {
	type piece struct {
		text  string
		width int
		space bool // a space comes before it
	}
	var pieces []piece
	var cur strings.Builder
	curWidth, space := 0, false
	flush := func() {
		if cur.Len() > 0 {
			pieces = append(pieces, piece{cur.String(), curWidth, space})
			cur.Reset()
			curWidth, space = 0, false
		}
	}
	joinNext, lastLatin := false, false
	for _, r := range s {
		if r == ' ' {
			flush()
			space, joinNext = true, false
			continue
		}
		wide := cjk.IsWide(r)
		if !(joinNext || strings.ContainsRune(closingMarks, r) || !wide && lastLatin) {
			flush()
		}
		cur.WriteRune(r)
		curWidth++
		if wide {
			curWidth++
		}
		joinNext, lastLatin = strings.ContainsRune(openingMarks, r), !wide
	}
	flush()
	var lines []string
	var line strings.Builder
	lineWidth := 0
	for _, p := range pieces {
		gap := 0
		if p.space && lineWidth > 0 {
			gap = 1
		}
		if lineWidth > 0 && lineWidth+gap+p.width > width {
			lines = append(lines, line.String())
			line.Reset()
			lineWidth, gap = 0, 0
		}
		if gap > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(p.text)
		lineWidth += gap + p.width
	}
	if lineWidth > 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// Punctuation a line does not start with, and punctuation it does not
// end with.
const (
	closingMarks = "，。、；：？！）》」』”’…,.;:?!)"
	openingMarks = "（《「『“‘("
)
