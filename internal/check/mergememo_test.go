package check

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"folio/internal/diag"
)

// TestMergeMemoAgreesWithBatch changes the figures pages state, round
// after round, and requires the dev server's memo of the merge to report
// exactly what merging afresh reports: pages kept as they were, pages
// stating the same figures again (a new result of equal statements),
// figures changed to agree or to conflict, statements moved in their
// file, pages added and removed.
func TestMergeMemoAgreesWithBatch(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 5))
	statement := func(page, line int) Statement {
		v := 5 + r.IntN(3) // three values: some agree, some conflict
		return Statement{Thing: "地区生产总值|growth|全区|percent", Year: 2020 + r.IntN(2), Written: fmt.Sprintf("%d%%", v),
			Value: float64(v), Tol: 0.5, Pos: diag.Position{File: fmt.Sprintf("p%02d.md", page), Line: line, Col: 1}}
	}
	newPage := func(page int) *FigureResult {
		f := &FigureResult{}
		for i := range r.IntN(3) {
			f.Statements = append(f.Statements, statement(page, 1+i))
		}
		return f
	}
	var pages []*FigureResult
	for i := range 40 {
		pages = append(pages, newPage(i))
	}
	report := func(memo *GlobalMemo) string {
		var diags diag.List
		if memo == nil {
			MergeStatements(pages, &diags)
		} else {
			memo.mergeStatements(slices.Clone(pages), &diags)
		}
		var lines []string
		for _, d := range diags.Items() {
			lines = append(lines, d.String())
		}
		slices.Sort(lines)
		return strings.Join(lines, "\n")
	}
	memo := &GlobalMemo{}
	conflicts := 0
	for round := range 80 {
		if round > 0 {
			i := r.IntN(len(pages))
			switch r.IntN(5) {
			case 0: // the same figures, converted again
				pages[i] = &FigureResult{Statements: slices.Clone(pages[i].Statements)}
			case 1: // new figures
				pages[i] = newPage(i)
			case 2: // moved down in the file
				moved := &FigureResult{Statements: slices.Clone(pages[i].Statements)}
				for k := range moved.Statements {
					moved.Statements[k].Pos.Line += 3
				}
				pages[i] = moved
			case 3: // a page added
				pages = slices.Insert(pages, i, newPage(100+round))
			case 4: // a page removed
				pages = slices.Delete(pages, i, i+1)
			}
		}
		want, got := report(nil), report(memo)
		if got != want {
			t.Fatalf("round %d: the memo's merge reports\n%s\nmerging afresh\n%s", round, got, want)
		}
		conflicts += strings.Count(want, "conflicting-figure")
	}
	if conflicts == 0 {
		t.Fatal("no round had a conflict: the test compares nothing")
	}
}
