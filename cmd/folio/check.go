package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/msg"
	"folio/internal/site"
)

var checkUsage = msg.New(`
Usage: folio check [flags]

Check the publication without building it: front matter, links and
anchors, images, indicator references, and the editorial rules for
Chinese copy (duplicate-paragraph, conflicting-figure, hand-typed-figure,
repeated-word, stray-latin, unfinished-paragraph, punctuation-width,
cjk-spacing, placeholder-text, heading-skip, missing-alt, broken-link;
missing-credit, off unless publication.yaml's checks: turns it on).
Pages marked draft: true are checked with --drafts. Silence a rule for
the next paragraph with <!-- folio:ignore rule-id --> or for a file with
<!-- folio:ignore-file rule-id -->.

Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage.

Flags:
`)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet(ctx, "check", checkUsage, stdout)
	var opts config.Options
	var format string
	fs.StringVar(&opts.Src, "src", ".", "the site `folder` holding content/")
	fs.StringVar(&format, "format", "text", "output `format`: text or json")
	fs.BoolVar(&opts.Drafts, "drafts", false, "check pages marked draft: true too")
	fs.BoolVar(&opts.Strict, "strict", false, "fail on warnings too")
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
