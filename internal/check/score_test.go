package check_test

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"folio/internal/check"
	"folio/internal/config"
	"folio/internal/diag"
	"folio/internal/site"
	"folio/internal/testtools"
)

// A labelled corpus is a folio publication beside a labels.json that says
// which lines an editor would change (defects) and which correct lines a
// naive rule would flag (traps). The score tests run the checks on it the
// way `folio check` does and measure every rule against the labels:
//
//	go test -v -run Score ./internal/check
//
// prints each corpus's table, then every miss and every false alarm.

// Every rule a corpus scores must reach minRecall and minPrecision; a
// prose rule that stops a build by default, minErrorPrecision.
const (
	minRecall         = 0.9
	minPrecision      = 0.95
	minErrorPrecision = 0.98
)

// labelRef points at the text of one line of a chapter.
type labelRef struct {
	File string `json:"file"` // relative to the chapters folder
	Line int    `json:"line"` // 1-based, counting the front matter
	Text string `json:"text"` // occurs on that line
}

// label is a defect or a trap.
type label struct {
	labelRef
	Rule    string    `json:"rule"`
	Note    string    `json:"note"`
	Related *labelRef `json:"related,omitempty"` // the other occurrence of a duplicate or a conflicting figure
}

type labelFile struct {
	ChaptersDir string  `json:"chapters_dir"`
	Defects     []label `json:"defects"`
	Traps       []label `json:"traps"`
}

func readLabels(t *testing.T, dir string) *labelFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "labels.json"))
	if err != nil {
		t.Fatal(err)
	}
	var l labelFile
	if err := json.Unmarshal(data, &l); err != nil {
		t.Fatalf("%s: %v", filepath.Join(dir, "labels.json"), err)
	}
	if l.ChaptersDir == "" {
		l.ChaptersDir = "content/chapters"
	}
	return &l
}

// sharedCorpus returns the folder of a corpus kept beside the repository
// in shared/, skipping the test when it is not there (failing instead
// when FOLIO_REQUIRE_TOOLS=1, as in CI).
func sharedCorpus(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", name)
	if _, err := os.Stat(filepath.Join(dir, "labels.json")); err != nil {
		testtools.Missing(t, "shared/"+name, fmt.Sprintf("no labelled corpus at %s: clone shared/ beside the repository", dir))
	}
	return dir
}

func TestScoreCopyCorpus(t *testing.T) {
	scoreCorpus(t, sharedCorpus(t, "copy-corpus"))
}

func TestScoreCopyExtra(t *testing.T) {
	scoreCorpus(t, filepath.Join("testdata", "copy-extra"))
}

// TestScoreLabels: every label of the corpora points at a line holding its
// text (as the corpus's verify_labels.py checks), and no line is both a
// defect and a trap of one rule.
func TestScoreLabels(t *testing.T) {
	dirs := []string{filepath.Join("testdata", "copy-extra")}
	shared := filepath.Join("..", "..", "..", "shared", "copy-corpus")
	if _, err := os.Stat(filepath.Join(shared, "labels.json")); err == nil {
		dirs = append(dirs, shared)
	}
	for _, dir := range dirs {
		verifyLabels(t, dir)
	}
}

func verifyLabels(t *testing.T, dir string) {
	t.Helper()
	l := readLabels(t, dir)
	lines := map[string][]string{}
	check := func(kind string, i int, ref *labelRef) {
		ls, ok := lines[ref.File]
		if !ok {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(l.ChaptersDir), filepath.FromSlash(ref.File)))
			if err != nil {
				t.Errorf("%s: %s[%d]: %v", dir, kind, i, err)
				return
			}
			ls = strings.Split(string(data), "\n")
			lines[ref.File] = ls
		}
		if ref.Line < 1 || ref.Line > len(ls) {
			t.Errorf("%s: %s[%d] %s:%d: line out of range 1..%d", dir, kind, i, ref.File, ref.Line, len(ls))
			return
		}
		if ref.Text == "" || !strings.Contains(ls[ref.Line-1], ref.Text) {
			var where []int
			for k, line := range ls {
				if ref.Text != "" && strings.Contains(line, ref.Text) {
					where = append(where, k+1)
				}
			}
			t.Errorf("%s: %s[%d] %s:%d: %q is not on the line (found on lines %v)", dir, kind, i, ref.File, ref.Line, ref.Text, where)
		}
	}
	for kind, list := range map[string][]label{"defects": l.Defects, "traps": l.Traps} {
		for i := range list {
			if list[i].Rule == "" {
				t.Errorf("%s: %s[%d] has no rule", dir, kind, i)
			}
			check(kind, i, &list[i].labelRef)
			if list[i].Related != nil {
				check(kind+" related", i, list[i].Related)
			}
		}
	}
	defects := map[lineKey]bool{}
	for _, d := range l.Defects {
		defects[lineKey{d.Rule, d.File, d.Line}] = true
	}
	for _, tr := range l.Traps {
		if defects[lineKey{tr.Rule, tr.File, tr.Line}] {
			t.Errorf("%s: %s:%d is both a defect and a trap of %s", dir, tr.File, tr.Line, tr.Rule)
		}
	}
}

// lineKey is a rule on one line of a chapter.
type lineKey struct {
	rule, file string
	line       int
}

// ruleScore is how one rule did on a corpus.
type ruleScore struct {
	rule                    string
	defects, traps          int
	found, missed           int
	truePos, falseAlarms    int // distinct file:line
	misses, alarms          []string
	recall, precision       float64
	hasRecall, hasPrecision bool
}

// scoreCorpus checks the publication in dir as `folio check` would and
// scores every rule against dir/labels.json. Rules listed in enforce fail
// the test below minRecall or minPrecision; the others are reported.
func scoreCorpus(t *testing.T, dir string) map[string]*ruleScore {
	t.Helper()
	l := readLabels(t, dir)
	var diags diag.List
	if err := site.Check(context.Background(), site.Options{Options: config.Options{Src: dir}, CacheDir: t.TempDir()}, &diags); err != nil {
		t.Fatal(err)
	}
	scores := score(t, dir, l, diags.Items())
	report(t, dir, scores)
	for rule, s := range scores {
		if s.hasRecall && s.recall < minRecall {
			t.Errorf("%s: recall of %s is %.2f (%d of %d defects), below %.2f", dir, rule, s.recall, s.found, s.defects, minRecall)
		}
		if s.hasPrecision && s.precision < minPrecision {
			t.Errorf("%s: precision of %s is %.2f (%d false alarms), below %.2f", dir, rule, s.precision, s.falseAlarms, minPrecision)
		}
		// The figure rule stops a build only against the data, the link
		// rule is not about prose.
		if r, ok := check.LookupRule(rule); ok && r.Default == diag.Error && rule != "conflicting-figure" && rule != "broken-link" &&
			s.hasPrecision && s.precision < minErrorPrecision {
			t.Errorf("%s: %s stops a build by default, but its precision is %.2f, below %.2f: make it a warning", dir, rule, s.precision, minErrorPrecision)
		}
	}
	return scores
}

// score matches the diagnostics with the labels. A defect is found when
// its rule reports its line or its related line; a diagnostic that matches
// no defect of its rule is a false alarm. Diagnostics are counted once per
// rule and file:line, so a line reported twice by one rule is one true
// diagnostic or one false alarm.
func score(t *testing.T, dir string, l *labelFile, items []diag.Diagnostic) map[string]*ruleScore {
	t.Helper()
	chapters, err := filepath.Abs(filepath.Join(dir, filepath.FromSlash(l.ChaptersDir)))
	if err != nil {
		t.Fatal(err)
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The file of a diagnostic as the labels name it: relative to the
	// chapters folder, or to the corpus for files outside it.
	fileOf := func(p string) string {
		if p == "" {
			return p
		}
		abs, err := filepath.Abs(filepath.FromSlash(p))
		if err != nil {
			return p
		}
		if rel, err := filepath.Rel(chapters, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
		if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return "(corpus)/" + filepath.ToSlash(rel) // outside the chapters
		}
		return p
	}

	scores := map[string]*ruleScore{}
	get := func(rule string) *ruleScore {
		if scores[rule] == nil {
			scores[rule] = &ruleScore{rule: rule}
		}
		return scores[rule]
	}
	traps := map[lineKey][]string{} // the traps' texts on each line
	for _, tr := range l.Traps {
		get(tr.Rule).traps++
		k := lineKey{tr.Rule, tr.File, tr.Line}
		traps[k] = append(traps[k], tr.Text)
	}
	// Every line a defect may be reported on, and the defects it stands for.
	owners := map[lineKey][]int{}
	for i, d := range l.Defects {
		get(d.Rule).defects++
		owners[lineKey{d.Rule, d.File, d.Line}] = append(owners[lineKey{d.Rule, d.File, d.Line}], i)
		if r := d.Related; r != nil && (r.File != d.File || r.Line != d.Line) {
			owners[lineKey{d.Rule, r.File, r.Line}] = append(owners[lineKey{d.Rule, r.File, r.Line}], i)
		}
	}
	found := make([]bool, len(l.Defects))
	reported := map[lineKey][]diag.Diagnostic{} // per rule and line, in order
	var keys []lineKey
	for _, d := range items {
		rule := cmp.Or(d.Rule, "(no rule)")
		k := lineKey{rule, fileOf(d.Pos.File), d.Pos.Line}
		if _, ok := reported[k]; !ok {
			keys = append(keys, k)
		}
		reported[k] = append(reported[k], d)
	}
	for _, k := range keys {
		s := get(k.rule)
		if own := owners[k]; len(own) > 0 {
			s.truePos++
			for _, i := range own {
				found[i] = true
			}
			continue
		}
		s.falseAlarms++
		for _, d := range reported[k] {
			msg := fmt.Sprintf("%s:%d: %s", k.file, k.line, d.Message)
			if texts := traps[k]; len(texts) > 0 {
				msg += "  (a trap's line: " + strings.Join(texts, "; ") + ")"
			}
			s.alarms = append(s.alarms, msg)
		}
	}
	for i, d := range l.Defects {
		s := get(d.Rule)
		if found[i] {
			s.found++
			continue
		}
		s.missed++
		msg := fmt.Sprintf("%s:%d: %q", d.File, d.Line, d.Text)
		if d.Note != "" {
			msg += ": " + d.Note
		}
		s.misses = append(s.misses, msg)
	}
	for _, s := range scores {
		if s.defects > 0 {
			s.recall, s.hasRecall = float64(s.found)/float64(s.defects), true
		}
		if n := s.truePos + s.falseAlarms; n > 0 {
			s.precision, s.hasPrecision = float64(s.truePos)/float64(n), true
		}
	}
	return scores
}

// report logs the table, then the misses and false alarms of each rule.
func report(t *testing.T, dir string, scores map[string]*ruleScore) {
	t.Helper()
	rules := make([]string, 0, len(scores))
	for r := range scores {
		rules = append(rules, r)
	}
	slices.Sort(rules)
	ratio := func(v float64, ok bool) string {
		if !ok {
			return "-"
		}
		return fmt.Sprintf("%.2f", v)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "score of the rules on %s\n", dir)
	fmt.Fprintf(&b, "%-26s %7s %5s %5s %6s %6s %6s %9s\n", "rule", "defects", "traps", "found", "missed", "false", "recall", "precision")
	var tot ruleScore
	for _, r := range rules {
		s := scores[r]
		fmt.Fprintf(&b, "%-26s %7d %5d %5d %6d %6d %6s %9s\n", r, s.defects, s.traps, s.found, s.missed, s.falseAlarms, ratio(s.recall, s.hasRecall), ratio(s.precision, s.hasPrecision))
		tot.defects += s.defects
		tot.traps += s.traps
		tot.found += s.found
		tot.missed += s.missed
		tot.falseAlarms += s.falseAlarms
		tot.truePos += s.truePos
	}
	fmt.Fprintf(&b, "%-26s %7d %5d %5d %6d %6d %6s %9s\n", "all", tot.defects, tot.traps, tot.found, tot.missed, tot.falseAlarms,
		ratio(float64(tot.found)/float64(tot.defects), tot.defects > 0), ratio(float64(tot.truePos)/float64(tot.truePos+tot.falseAlarms), tot.truePos+tot.falseAlarms > 0))
	for _, r := range rules {
		s := scores[r]
		for _, m := range s.misses {
			fmt.Fprintf(&b, "missed [%s] %s\n", r, m)
		}
		for _, a := range s.alarms {
			if s.defects == 0 && s.traps == 0 {
				fmt.Fprintf(&b, "false alarm [%s, no labels in this corpus] %s\n", r, a)
			} else {
				fmt.Fprintf(&b, "false alarm [%s] %s\n", r, a)
			}
		}
	}
	t.Log("\n" + b.String())
}

// TestAnthologyBuilds: a publication of unrelated bulletins, each about
// another county or town and another year (testdata/anthology), checks
// without errors. Each article's figures agree with each other, and the
// figures of different places never conflict, however alike their
// metrics and clauses (…同比增长7.2%；…同比增长8.9%).
func TestAnthologyBuilds(t *testing.T) {
	dir := filepath.Join("testdata", "anthology")
	var diags diag.List
	if err := site.Check(context.Background(), site.Options{Options: config.Options{Src: dir}, CacheDir: t.TempDir()}, &diags); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	diags.Print(&out)
	errs, warnings := diags.Count()
	t.Logf("%s: %d errors, %d warnings\n%s", dir, errs, warnings, out.String())
	for _, d := range diags.Items() {
		if d.Rule == "conflicting-figure" {
			t.Errorf("a conflicting figure where every figure is right (each article is about one place and year): %s", d)
		} else if d.Severity == diag.Error {
			t.Errorf("error: %s", d)
		}
	}
}
