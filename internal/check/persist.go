package check

import "folio/internal/diag"

// PageRecord is a compacted PageResult as a build keeps it for the next
// one, in another process: what the publication-wide checks read of the
// page, in exported fields an encoder can write.
type PageRecord struct {
	Diags   []diag.Diagnostic
	Paras   []ParaRecord
	Figures *FigureResult
	FigKey  string
	Context StatementContext
}

// ParaRecord is a paragraph as the near-duplicate check compares it.
type ParaRecord struct {
	Bands    [8]uint64
	Bag      [64]uint8
	Norm     string
	N        int
	Pos      diag.Position
	Silenced bool
}

// Record is r as a build keeps it for another process. A result that
// still holds its blocks (the dev server's) keeps them, its figures
// checked against fd first: the record holds what they give, as a
// compacted result does.
func (r *PageResult) Record(fd *FigureData) *PageRecord {
	if !r.compacted && fd != nil {
		r.figuresFor(fd)
	}
	rec := &PageRecord{Diags: r.Diags, Figures: r.figures, FigKey: r.figKey, Context: r.context}
	rec.Paras = make([]ParaRecord, len(r.paras))
	for i, p := range r.paras {
		rec.Paras[i] = ParaRecord{Bands: p.bands, Bag: p.bag, Norm: p.norm, N: p.n, Pos: p.pos, Silenced: p.silenced}
	}
	return rec
}

// Result is the compacted PageResult rec was made from.
func (rec *PageRecord) Result() *PageResult {
	r := &PageResult{Diags: rec.Diags, figures: rec.Figures, figKey: rec.FigKey, context: rec.Context, compacted: true}
	if r.figures == nil {
		r.figures = &FigureResult{}
	}
	r.paras = make([]*dupPara, len(rec.Paras))
	for i, p := range rec.Paras {
		r.paras[i] = &dupPara{bands: p.Bands, bag: p.Bag, norm: p.Norm, n: p.N, pos: p.Pos, silenced: p.Silenced}
	}
	return r
}

// CurrentFor reports whether the publication-wide checks find in r what
// they would find in the page checked again against fd's data: always
// for a result that holds its blocks (its figures are checked again),
// for a compacted one only when its figures were checked against the
// same data.
func (r *PageResult) CurrentFor(fd *FigureData) bool {
	return !r.compacted || r.figKey == fd.key
}
