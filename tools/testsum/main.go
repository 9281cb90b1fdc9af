// Command testsum runs go test -json and prints what go test prints without
// -json (failures with their output, one line per package), then one
// line naming every test skipped for a missing tool (internal/testtools):
// make test ends with it, "none" included, so that a machine without
// Chromium or nginx cannot pass for one that ran everything.
//
//	go run ./tools/testsum [-skips FILE] go test -json [flags] ./...
//
// The skip line goes to FILE when given (make test prints it last, after
// the score tables), else to stdout. testsum exits with go test's status.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strings"

	"folio/internal/testtools"
)

func main() {
	skipsFile := flag.String("skips", "", "write the line of skipped tests to `file` rather than stdout")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: testsum [-skips FILE] go test -json [flags] [packages]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.Stdin, cmd.Stderr = os.Stdin, os.Stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		fatal(err)
	}
	if err := cmd.Start(); err != nil {
		fatal(err)
	}
	s := newSummary(os.Stdout, os.Stderr)
	s.read(pipe)
	werr := cmd.Wait()

	line := s.skipLine()
	if *skipsFile != "" {
		if err := os.WriteFile(*skipsFile, []byte(line+"\n"), 0o644); err != nil {
			fatal(err)
		}
	} else {
		fmt.Println(line)
	}
	switch code := cmd.ProcessState.ExitCode(); {
	case werr != nil && code > 0:
		os.Exit(code)
	case werr != nil:
		fatal(werr)
	case s.failed:
		os.Exit(1) // a failure go test did not report in its status
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "testsum:", err)
	os.Exit(1)
}

// event is one line of go test -json (cmd/test2json).
type event struct {
	Action     string
	Package    string
	Test       string
	Output     string
	ImportPath string // of build-output
}

// summary turns events back into go test's text.
type summary struct {
	out, errOut io.Writer
	// tests holds each running test's output, by package and name, until
	// it passes (dropped), fails (printed, or added to its parent's) or is
	// skipped (searched for a missing tool).
	tests map[[2]string]*testOutput
	// pkgs holds each package's lines until it ends: go test -json
	// interleaves the packages it runs at once.
	pkgs   map[string][]string
	skips  []string
	failed bool
}

type testOutput struct {
	lines []string // its output and its failed subtests' reports, in order
	sub   []bool   // which lines come from a subtest's report (indented already)
}

func newSummary(out, errOut io.Writer) *summary {
	return &summary{out: out, errOut: errOut, tests: map[[2]string]*testOutput{}, pkgs: map[string][]string{}}
}

func (s *summary) read(r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var e event
		if line := sc.Bytes(); len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			fmt.Fprintf(s.out, "%s\n", line)
			continue
		}
		s.event(e)
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(s.errOut, "testsum:", err)
		s.failed = true
	}
	for _, pkg := range slices.Sorted(maps.Keys(s.pkgs)) {
		s.unfinished(pkg)
		s.flush(pkg)
	}
	if s.failed {
		fmt.Fprintln(s.out, "FAIL")
	}
}

func (s *summary) event(e event) {
	switch e.Action {
	case "build-output":
		fmt.Fprint(s.errOut, e.Output)
		return
	case "build-fail":
		s.failed = true
		return
	}
	if e.Test == "" {
		// The package's own lines: go test drops the binary's PASS.
		if e.Action == "output" && strings.HasPrefix(e.Output, "FAIL\t") {
			s.unfinished(e.Package)
		}
		switch e.Action {
		case "output":
			if e.Output != "PASS\n" {
				s.print(e.Package, e.Output)
			}
		case "pass", "fail", "skip":
			if e.Action == "fail" {
				s.failed = true
			}
			s.flush(e.Package)
		}
		return
	}
	key := [2]string{e.Package, e.Test}
	t := s.tests[key]
	if t == nil {
		t = &testOutput{}
		s.tests[key] = t
	}
	switch e.Action {
	case "output":
		if !isFraming(e.Output) {
			t.lines, t.sub = append(t.lines, e.Output), append(t.sub, false)
		}
	case "skip":
		for _, line := range t.lines {
			if m := testtools.SkipRE.FindStringSubmatch(line); m != nil {
				s.skips = append(s.skips, fmt.Sprintf("%s (%s)", e.Test, m[1]))
				break
			}
		}
		delete(s.tests, key)
	case "pass":
		delete(s.tests, key)
	case "fail":
		block := t.report(strings.Count(e.Test, "/"))
		delete(s.tests, key)
		if i := strings.LastIndexByte(e.Test, '/'); i >= 0 {
			if p := s.tests[[2]string{e.Package, e.Test[:i]}]; p != nil {
				for _, line := range block {
					p.lines, p.sub = append(p.lines, line), append(p.sub, true)
				}
				return
			}
		}
		s.print(e.Package, block...)
	}
}

// print adds lines to the output of pkg.
func (s *summary) print(pkg string, lines ...string) {
	s.pkgs[pkg] = append(s.pkgs[pkg], lines...)
}

// flush prints the output of pkg, which has ended.
func (s *summary) flush(pkg string) {
	for _, line := range s.pkgs[pkg] {
		fmt.Fprint(s.out, line)
	}
	delete(s.pkgs, pkg)
}

// report is a failed test's report as go test prints it without -v: its
// --- FAIL line, then its output and its failed subtests' reports,
// indented by its depth.
func (t *testOutput) report(depth int) []string {
	lines, sub := t.lines, t.sub
	for i, line := range lines {
		if !sub[i] && strings.HasPrefix(line, "--- FAIL: ") {
			lines = slices.Concat(lines[i:i+1], lines[:i], lines[i+1:])
			sub = slices.Concat(sub[i:i+1], sub[:i], sub[i+1:])
			break
		}
	}
	indent := strings.Repeat("    ", depth)
	out := make([]string, len(lines))
	for i, line := range lines {
		if !sub[i] {
			line = indent + line
		}
		out[i] = line
	}
	return out
}

// unfinished prints the output of the tests of pkg that were running
// when its test binary failed (os.Exit, a crash, a timeout), which would
// otherwise be lost: they are reported neither failed nor passed.
func (s *summary) unfinished(pkg string) {
	var keys [][2]string
	for k := range s.tests {
		if k[0] == pkg {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return strings.Compare(a[1], b[1]) })
	for _, k := range keys {
		s.print(pkg, s.tests[k].report(strings.Count(k[1], "/"))...)
		delete(s.tests, k)
	}
}

// isFraming reports whether line is one of test2json's markers of which
// test is running, which go test prints only with -v.
func isFraming(line string) bool {
	for _, p := range []string{"=== RUN", "=== PAUSE", "=== CONT", "=== NAME"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

func (s *summary) skipLine() string {
	if len(s.skips) == 0 {
		return "skipped for missing tools: none"
	}
	return "skipped for missing tools: " + strings.Join(s.skips, ", ")
}
