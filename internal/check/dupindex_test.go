package check

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"folio/internal/diag"
)

// TestDupIndexAgreesWithBatch edits a publication's paragraphs at random,
// round after round, and requires the dev server's incremental check to
// report exactly what the batch check reports on the same paragraphs:
// exact copies, near copies, edits that make or break a copy, the first of
// a run edited away, overfull bands, paragraphs added and removed.
func TestDupIndexAgreesWithBatch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	parts := []string{"园区持续推进项目建设", "管委会认真落实营商环境优化", "服务中心扎实开展政务服务", "企业联络员积极探索一对一联系服务", "招商团队大力推动产业链招商", "取得了明显成效", "赢得了企业好评"}
	seq := 0
	newBlock := func(text string) *Block {
		seq++
		line := seq
		p := &Page{Pos: func(int) diag.Position { return diag.Position{File: "a.md", Line: line, Col: 1} }}
		return &Block{Kind: Prose, Text: text, page: p}
	}
	paragraph := func() string {
		var b strings.Builder
		for range 2 + r.IntN(2) {
			b.WriteString(parts[r.IntN(len(parts))])
			b.WriteString("，")
		}
		fmt.Fprintf(&b, "第%d批。", r.IntN(3))
		return b.String()
	}
	var blocks []*Block
	for range 300 {
		blocks = append(blocks, newBlock(paragraph()))
	}
	report := func(memo *GlobalMemo) string {
		var diags diag.List
		duplicateParas(dupParas(blocks), memo, &diags)
		var lines []string
		for _, d := range diags.Items() {
			lines = append(lines, d.String())
		}
		slices.Sort(lines)
		return strings.Join(lines, "\n")
	}
	memo := &GlobalMemo{}
	copies := 0
	for round := range 60 {
		switch {
		case round%15 == 14: // paragraphs added and removed: indexed anew
			blocks = append(blocks[:10], blocks[12:]...)
			blocks = append(blocks, newBlock(paragraph()))
		case round > 0:
			for range 1 + r.IntN(4) {
				i := r.IntN(len(blocks))
				switch r.IntN(3) {
				case 0: // new text
					blocks[i] = newBlock(paragraph())
				case 1: // an exact copy of another paragraph
					blocks[i] = newBlock(blocks[r.IntN(len(blocks))].Text)
				case 2: // a near copy: one character changed
					rs := []rune(blocks[r.IntN(len(blocks))].Text)
					rs[r.IntN(len(rs))] = '新'
					blocks[i] = newBlock(string(rs))
				}
			}
		}
		batch, incremental := report(nil), report(memo)
		if batch != incremental {
			t.Fatalf("round %d: the incremental check differs from the batch check:\nbatch:\n%s\nincremental:\n%s", round, batch, incremental)
		}
		copies += strings.Count(batch, "duplicate-paragraph")
	}
	if copies < 60 {
		t.Errorf("only %d duplicate reports over the rounds: the test exercises too little", copies)
	}
}

// TestDupIndexCopiesDoNotFillBands: exact copies are joined with their
// first and take no place in a band, so a near copy after forty exact
// ones is still compared, in both checks.
func TestDupIndexCopiesDoNotFillBands(t *testing.T) {
	text := "园区持续推进项目建设，管委会认真落实营商环境优化，服务中心扎实开展政务服务，取得了明显成效。"
	var blocks []*Block
	for i := range 42 {
		line := i + 1
		p := &Page{Pos: func(int) diag.Position { return diag.Position{File: "a.md", Line: line, Col: 1} }}
		tx := text
		if i == 41 {
			tx = strings.Replace(text, "明显", "显著", 1)
		}
		blocks = append(blocks, &Block{Kind: Prose, Text: tx, page: p})
	}
	for _, memo := range []*GlobalMemo{nil, {}} {
		var diags diag.List
		duplicateParas(dupParas(blocks), memo, &diags)
		if got := diags.Len(); got != 1 || !strings.Contains(diags.Items()[0].Message, "appears 42 times") {
			t.Errorf("memo %v: %v", memo != nil, diags.Items())
		}
	}
}
