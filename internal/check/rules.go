package check

import (
	"fmt"
	"slices"
	"strings"

	"folio/internal/diag"
)

// Rule is one editorial rule: what checks: in publication.yaml may name,
// what README's table and `folio check --help` say of it, and, for a rule
// of one page, the function that applies it. Each rule registers itself
// from the file that holds its function, so adding a rule is that file
// and its tests.
type Rule struct {
	ID      string
	Default diag.Severity
	What    string // what it flags; folio check --help shows it, so the message catalogue has it in Chinese
	Flags   string // an example it flags
	Leaves  string // an example it leaves alone
	// Split says how the default severity differs between its cases,
	// where it does.
	Split string
	// Order places the rule in README's table and in folio check --help:
	// the figures and duplicates first, then words, punctuation and
	// structure, then images and links.
	Order int
	// Stage is where the rule runs. A rule of one page (StagePage) has
	// Block, applied to each block of text in turn, or Page, applied to
	// the page's blocks together; the others are applied where their
	// stage says, and are listed here for checks: and the documentation.
	Stage Stage
	Block func(b *Block, runes []rune, opts *Options, diags *diag.List)
	Page  func(blocks []*Block, opts *Options, diags *diag.List)
}

// Stage is where in a build a rule runs.
type Stage int

const (
	StagePage        Stage = iota // CheckPage, one page at a time
	StagePublication              // Global, comparing pages with each other and with the data
	StageConversion               // while the build converts Markdown: links and images
)

// registry holds the rules by Order; blockRules and pageRules are the
// functions of the per-page ones in the same order, so that CheckPage
// loops over plain slices.
var (
	registry   []Rule
	blockRules []func(b *Block, runes []rune, opts *Options, diags *diag.List)
	pageRules  []func(blocks []*Block, opts *Options, diags *diag.List)
)

// register adds r to the rules. It is called from init functions, whose
// order between files is the file names': Order, not that, places r.
func register(r Rule) {
	switch {
	case r.ID == "" || r.What == "" || r.Order == 0:
		panic(fmt.Sprintf("check: rule %q needs an ID, What and Order", r.ID))
	case r.Stage == StagePage && (r.Block == nil) == (r.Page == nil):
		panic(fmt.Sprintf("check: per-page rule %q needs one of Block and Page", r.ID))
	case r.Stage != StagePage && (r.Block != nil || r.Page != nil):
		panic(fmt.Sprintf("check: rule %q runs elsewhere than CheckPage: it takes no Block or Page", r.ID))
	}
	for _, o := range registry {
		if o.ID == r.ID || o.Order == r.Order {
			panic(fmt.Sprintf("check: rules %q and %q have the same ID or Order", o.ID, r.ID))
		}
	}
	i, _ := slices.BinarySearchFunc(registry, r.Order, func(o Rule, order int) int { return o.Order - order })
	registry = slices.Insert(registry, i, r)
	blockRules, pageRules = blockRules[:0], pageRules[:0]
	for _, r := range registry {
		if r.Block != nil {
			blockRules = append(blockRules, r.Block)
		}
		if r.Page != nil {
			pageRules = append(pageRules, r.Page)
		}
	}
}

// Rules returns every rule, in Order. A rule whose Default is diag.Off
// reports nothing until checks: gives it a severity. Only what
// contradicts the data, unknown references, broken links and broken
// structure stop a build by default; a prose rule defaults to error only
// when its precision on the labelled corpora is at least 0.98 (see
// score_test.go).
func Rules() []Rule { return slices.Clone(registry) }

// LookupRule returns the rule with id.
func LookupRule(id string) (Rule, bool) {
	for _, r := range registry {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// RulesTable is README's table of the rules, in Markdown.
func RulesTable() string {
	var b strings.Builder
	b.WriteString("| rule | what it flags | flags | leaves alone | default |\n|---|---|---|---|---|\n")
	for _, r := range registry {
		def := r.Default.String()
		if r.Split != "" {
			def = r.Split
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", r.ID, r.What, r.Flags, r.Leaves, def)
	}
	return b.String()
}
