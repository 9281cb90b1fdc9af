package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/plural"
	"folio/internal/site"
)

const checkUsage = `
Usage: folio check [flags]

Check the publication without building it: front matter, links and
anchors, images, indicator references, and the editorial rules for
Chinese copy (duplicate-paragraph, conflicting-figure, hand-typed-figure,
repeated-word, stray-latin, unfinished-paragraph, punctuation-width,
cjk-spacing, heading-skip, missing-alt, broken-link). Silence a rule for
the next paragraph with <!-- folio:ignore rule-id --> or for a file with
<!-- folio:ignore-file rule-id -->.

Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage.

Flags:
`

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", checkUsage, stdout)
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
		return usageError{fmt.Sprintf("--format %q: use text or json", format)}
	}
	var diags diag.List
	if err := site.Check(ctx, site.Options{Options: opts}, &diags); err != nil {
		return err
	}
	if format == "json" {
		if err := writeJSON(stdout, diags.Items()); err != nil {
			return err
		}
	} else {
		printDiagnostics(stdout, &diags)
	}
	errs, warns := diags.Count()
	if errs > 0 || (opts.Strict && warns > 0) {
		return contentError{plural.Problems(errs, warns)}
	}
	if format == "text" && warns == 0 {
		fmt.Fprintln(stdout, "no problems found")
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

func writeJSON(w io.Writer, items []diag.Diagnostic) error {
	out := make([]jsonDiagnostic, 0, len(items))
	for _, d := range items {
		msg, fix := splitFix(d.Message)
		out = append(out, jsonDiagnostic{Path: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(), Rule: d.Rule, Message: msg, Fix: fix})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// splitFix separates a message's diagnosis from its fix: folio's messages
// put the fix after the first colon ("unknown key …; did you mean …" and
// "… : write {{id@period}}").
func splitFix(msg string) (string, string) {
	if i := strings.Index(msg, " (did you mean"); i >= 0 && strings.HasSuffix(msg, ")") {
		return msg[:i], strings.TrimSuffix(msg[i+2:], ")")
	}
	for _, sep := range []string{": ", "; "} {
		for i := 0; i+len(sep) <= len(msg); i++ {
			if msg[i:i+len(sep)] == sep {
				return msg[:i], msg[i+len(sep):]
			}
		}
	}
	return msg, ""
}

// printDiagnostics writes diagnostics one a line, coloured on a terminal
// unless NO_COLOR is set.
func printDiagnostics(w io.Writer, diags *diag.List) {
	colour := isTerminal(w) && os.Getenv("NO_COLOR") == ""
	for _, d := range diags.Items() {
		if !colour {
			fmt.Fprintln(w, d)
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
		fmt.Fprintf(w, "\x1b[1m%s\x1b[0m: %s: %s%s\n", d.Pos, sev, d.Message, rule)
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
