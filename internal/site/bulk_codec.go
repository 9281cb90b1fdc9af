package site

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"

	"folio/internal/check"
	"folio/internal/diag"
)

// A page's bulk is written by hand, field by field, not as a gob: each
// piece is read on its own, and a gob decoder made for each page spent
// more time reading the types than the page (1.4 s of a 10,000-chapter
// build). Only the figures, whose diagnostics hold their messages'
// arguments as interface values, are a gob, and only on pages that state
// figures.

// appendBulk appends the encoding of b to buf.
func appendBulk(buf []byte, b *pageBulk) ([]byte, error) {
	buf = appendString(buf, b.HTML)
	buf = binary.AppendUvarint(buf, uint64(len(b.Paras)))
	for _, p := range b.Paras {
		for _, band := range p.Bands {
			buf = binary.LittleEndian.AppendUint64(buf, band)
		}
		buf = append(buf, p.Bag[:]...)
		buf = appendString(buf, p.Norm)
		buf = binary.AppendUvarint(buf, uint64(p.N))
		buf = appendPos(buf, p.Pos)
		if p.Silenced {
			buf = append(buf, 1)
		} else {
			buf = append(buf, 0)
		}
	}
	if b.Figures == nil || len(b.Figures.Diags) == 0 && len(b.Figures.Statements) == 0 {
		return binary.AppendUvarint(buf, 0), nil
	}
	var figures bytes.Buffer
	if err := gob.NewEncoder(&figures).Encode(b.Figures); err != nil {
		return nil, err
	}
	return appendString(buf, figures.String()), nil
}

func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

func appendPos(buf []byte, p diag.Position) []byte {
	buf = appendString(buf, p.File)
	buf = binary.AppendUvarint(buf, uint64(p.Line))
	return binary.AppendUvarint(buf, uint64(p.Col))
}

// bulkReader reads what appendBulk wrote; the first malformed field
// stops it.
type bulkReader struct {
	data []byte
	err  error
}

var errBulkShort = errors.New("bulk: malformed")

func (r *bulkReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.err = errBulkShort
		return 0
	}
	r.data = r.data[n:]
	return v
}

func (r *bulkReader) bytes(n uint64) []byte {
	if r.err != nil || n > uint64(len(r.data)) {
		r.err = errBulkShort
		return nil
	}
	b := r.data[:n]
	r.data = r.data[n:]
	return b
}

func (r *bulkReader) string() string { return string(r.bytes(r.uvarint())) }

func (r *bulkReader) pos() diag.Position {
	return diag.Position{File: r.string(), Line: int(r.uvarint()), Col: int(r.uvarint())}
}

// decodeBulk reads a page's bulk.
func decodeBulk(data []byte) (*pageBulk, error) {
	r := &bulkReader{data: data}
	b := &pageBulk{HTML: r.string()}
	n := r.uvarint()
	if n > uint64(len(data)) {
		return nil, errBulkShort
	}
	b.Paras = make([]check.ParaRecord, n)
	for i := range b.Paras {
		p := &b.Paras[i]
		for j := range p.Bands {
			if b := r.bytes(8); b != nil {
				p.Bands[j] = binary.LittleEndian.Uint64(b)
			}
		}
		copy(p.Bag[:], r.bytes(uint64(len(p.Bag))))
		p.Norm = r.string()
		p.N = int(r.uvarint())
		p.Pos = r.pos()
		if b := r.bytes(1); b != nil {
			p.Silenced = b[0] != 0
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if figures := r.bytes(r.uvarint()); len(figures) > 0 {
		b.Figures = &check.FigureResult{}
		if err := gob.NewDecoder(bytes.NewReader(figures)).Decode(b.Figures); err != nil {
			return nil, err
		}
	}
	return b, r.err
}
