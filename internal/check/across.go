package check

import "folio/internal/diag"

// Across runs the checks that compare the pages of several publications
// read as one work, the installments of a series: a figure of one thing
// stated differently in two of them, and a paragraph repeated in two.
// parts holds each installment's page results, after Global ran on them
// (their figures are read). Only what arises between installments is
// reported: what one installment finds within itself its own build
// reports already.
func Across(parts [][]*PageResult, diags *diag.List) {
	var whole diag.List
	var figures []*FigureResult
	var paras []*dupPara
	own := map[string]bool{}
	for _, part := range parts {
		var alone diag.List
		var partFigures []*FigureResult
		var partParas []*dupPara
		for _, p := range part {
			if p == nil {
				continue
			}
			if p.figures != nil {
				partFigures = append(partFigures, p.figures)
			}
			partParas = append(partParas, p.paras...)
		}
		MergeStatements(partFigures, &alone)
		duplicateParas(partParas, nil, &alone)
		for _, d := range alone.Items() {
			own[acrossKey(d)] = true
		}
		figures = append(figures, partFigures...)
		paras = append(paras, partParas...)
	}
	MergeStatements(figures, &whole)
	duplicateParas(paras, nil, &whole)
	for _, d := range whole.Items() {
		if !own[acrossKey(d)] {
			diags.Add(d)
		}
	}
}

func acrossKey(d diag.Diagnostic) string {
	return d.Pos.String() + "\x00" + d.Rule + "\x00" + d.Message
}
