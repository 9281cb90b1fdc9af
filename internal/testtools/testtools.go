// Package testtools is how tests that need an outside tool (nginx,
// Chromium, epubcheck, the npm validators, the labelled corpora) handle
// its absence: they skip, naming the tool in a form that make test's
// summary (tools/testsum) lists at the end, or, when FOLIO_REQUIRE_TOOLS
// is set (as in CI), fail.
package testtools

import (
	"fmt"
	"os"
	"regexp"
	"testing"
)

// Missing skips the test because tool is not installed (or fails it under
// FOLIO_REQUIRE_TOOLS); install says how to get it.
func Missing(t testing.TB, tool, install string) {
	t.Helper()
	if os.Getenv("FOLIO_REQUIRE_TOOLS") != "" {
		t.Fatalf("FOLIO_REQUIRE_TOOLS is set but %s", Message(tool, install))
	}
	t.Skip(Message(tool, install))
}

// Message is the skip message naming tool; SkipRE finds the name again.
func Message(tool, install string) string {
	return fmt.Sprintf("missing tool %q (%s)", tool, install)
}

// SkipRE matches Message in a test's output; its group is the tool.
var SkipRE = regexp.MustCompile(`missing tool "([^"]+)"`)
