package check_test

import (
	"os"
	"strings"
	"testing"

	"folio/internal/check"
)

// TestReadmeListsTheRules: README's table of rules is the registry's, so
// what it says of each rule's default and examples stays true.
func TestReadmeListsTheRules(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if table := check.RulesTable(); !strings.Contains(string(readme), table) {
		t.Errorf("README.md does not hold the table of rules; put this in its place:\n%s", table)
	}
}
