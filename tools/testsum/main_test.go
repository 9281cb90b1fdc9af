package main

import (
	"os"
	"strings"
	"testing"
)

// TestSummary reads go test -json of three packages (testdata/events.jsonl):
// demo/a with a passing test, a failing one with nested failing subtests
// and a test skipped for a missing tool; demo/b passing, with a parallel
// subtest skipped for a missing tool; demo/e, whose test calls os.Exit.
func TestSummary(t *testing.T) {
	f, err := os.Open("testdata/events.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out, errOut strings.Builder
	s := newSummary(&out, &errOut)
	s.read(f)
	want := `--- FAIL: TestFail (0.00s)
    a_test.go:5: before
    --- FAIL: TestFail/sub2 (0.00s)
        a_test.go:7: boom
        --- FAIL: TestFail/sub2/deep (0.00s)
            a_test.go:7: deeper
printed to stdout
    a_test.go:9: after
FAIL
FAIL	demo/a	0.01s
ok  	demo/b	0.01s
    e_test.go:3: exiting
FAIL	demo/e	0.01s
FAIL
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
	if errOut.Len() > 0 {
		t.Errorf("stderr: %s", errOut.String())
	}
	if !s.failed {
		t.Error("the failures went unnoticed")
	}
	if got, want := s.skipLine(), "skipped for missing tools: TestSkip (nginx), TestParallel/x (chromium)"; got != want {
		t.Errorf("skip line %q, want %q", got, want)
	}
}

func TestSkipLineNone(t *testing.T) {
	s := newSummary(&strings.Builder{}, &strings.Builder{})
	s.read(strings.NewReader(`{"Action":"run","Package":"p","Test":"TestX"}
{"Action":"output","Package":"p","Test":"TestX","Output":"    x_test.go:1: not run here\n"}
{"Action":"skip","Package":"p","Test":"TestX"}
{"Action":"output","Package":"p","Output":"ok  \tp\t0.01s\n"}
{"Action":"pass","Package":"p"}
`))
	if got, want := s.skipLine(), "skipped for missing tools: none"; got != want || s.failed {
		t.Errorf("skip line %q (failed %v), want %q", got, s.failed, want)
	}
}
