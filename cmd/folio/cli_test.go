package main

import (
	"bytes"
	"context"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"folio/internal/check"
	"folio/internal/cjk"
)

// TestUsageExitStatus: mistakes on the command line exit 2 with a
// one-line hint; the version flags exit 0 (testscript cannot tell exit
// statuses apart).
func TestUsageExitStatus(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"bild"}, exitUsage},
		{[]string{"frobnicate"}, exitUsage},
		{[]string{"build", "--strcit"}, exitUsage},
		{[]string{"serve", "--opne"}, exitUsage},
		{[]string{"--version"}, exitOK},
		{[]string{"-version"}, exitOK},
		{[]string{"-v"}, exitOK},
	} {
		var stdout, stderr bytes.Buffer
		if got := run(context.Background(), tc.args, &stdout, &stderr); got != tc.code {
			t.Errorf("folio %s: exit %d, want %d\n%s%s", strings.Join(tc.args, " "), got, tc.code, &stdout, &stderr)
		}
		if tc.code == exitUsage && (strings.Count(stderr.String(), "\n") != 2 || stdout.Len() > 0) {
			t.Errorf("folio %s: not an error and a hint:\n%s%s", strings.Join(tc.args, " "), &stdout, &stderr)
		}
	}
}

// TestOpenBrowserFails: a browser that cannot be started is an error
// naming it (folio serve prints it as a note and keeps serving).
func TestOpenBrowserFails(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the system's opener, tried after $BROWSER, would open a real browser")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("BROWSER", "folio-no-such-browser")
	err := openBrowser("http://127.0.0.1:1/")
	if err == nil || !strings.Contains(err.Error(), "folio-no-such-browser") {
		t.Errorf("err = %v", err)
	}
	t.Setenv("BROWSER", "false") // starts, and fails
	if err := openBrowser("http://127.0.0.1:1/"); err == nil {
		t.Error("a browser that exits 1 counts as opened")
	}
}

// TestCheckHelpListsEveryRule: folio check --help lists every editorial
// rule with its default severity, in either language, within the width
// of a terminal; a rule added to the registry is listed with no more
// work.
func TestCheckHelpListsEveryRule(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{"check", "--help", "--lang", lang}, &stdout, &stderr); code != exitOK {
			t.Fatalf("folio check --help --lang %s: exit %d\n%s", lang, code, &stderr)
		}
		help := stdout.String()
		for _, r := range check.Rules() {
			line := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(r.ID) + ` +` + r.Default.String() + `  +\S`)
			if !line.MatchString(help) {
				t.Errorf("--lang %s: no line for %s with its default %s in:\n%s", lang, r.ID, r.Default, help)
			}
		}
		ruleLine := regexp.MustCompile(`^(  [a-z]| {10,}\S)`) // a rule's, or its continuation
		for line := range strings.Lines(help) {
			if !ruleLine.MatchString(line) {
				continue
			}
			width := 0
			for _, r := range strings.TrimSuffix(line, "\n") {
				width++
				if cjk.IsWide(r) {
					width++
				}
			}
			if width > helpWidth {
				t.Errorf("--lang %s: a line %d columns wide: %q", lang, width, line)
			}
		}
	}
}
