// Package check holds folio's editorial rules for Chinese copy: duplicated
// paragraphs, figures that contradict the data or are typed by hand,
// doubled words, stray Latin words, unfinished paragraphs, half-width
// punctuation, spacing between Chinese and Latin text, skipped heading
// levels, placeholders left for the writer. `folio check`, `folio build` and the dev server run the same
// rules. Each rule can be silenced for the next paragraph with
// <!-- folio:ignore rule-id --> or for a whole file with
// <!-- folio:ignore-file rule-id -->.
package check

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"folio/internal/cjk"
	"folio/internal/diag"
	"folio/internal/indicator"
	"folio/internal/markdown/datablock"
	"folio/internal/markdown/dataref"
	"folio/internal/markdown/pictures"
	"folio/internal/par"
)

// Options are the publication's house rules.
type Options struct {
	Glossary []string // Latin terms allowed in Chinese text, besides the built-in ones
	// Spacing is the house style between Chinese and Latin letters or
	// digits: "none" (GDP增速), "space" (GDP 增速), or "" for no rule.
	Spacing string
	// Subject is the place the publication is about and its other names
	// (全区, 该区), the name first; when empty, the place the title names
	// (Title) is the subject. Year is the publication's, for 今年 and 目前
	// in pages that have no date of their own.
	Subject []string
	Title   string
	Year    int
	// Simplified: the publication is in simplified Chinese (zh-CN,
	// zh-Hans), where a traditional character is a slip. Allow lists the
	// names and words the prose rules leave as they are.
	Simplified bool
	Allow      []string
	// Places are the subjects of the publications read with this one,
	// the other installments of a series (see StatementContext).
	Places [][]string
}

// Page is one converted Markdown file.
type Page struct {
	Doc    ast.Node
	Source []byte                  // what Doc's segments point into
	Pos    func(int) diag.Position // converts an offset in Source
	Title  string                  // the page's title, which may name its place
	Year   int                     // the year of the page's date, 0 if it has none
}

// Kind is what a block of text is.
type Kind int

const (
	Prose   Kind = iota // a paragraph of running text
	Heading             // a heading
	Item                // a list item's paragraph
	Quote               // a paragraph in a block quote
	Cell                // a table cell
)

// Block is the plain text of one block with a map back to the source.
type Block struct {
	Kind Kind
	Text string
	// What the near-duplicate check compares, made once (prepared); nil
	// for a block too short to be compared.
	prepared bool
	dup      *dupPara
	chinese  bool    // mostly Han characters: the rules for Chinese copy apply
	offs     offsets // byte offset in Source of each byte of Text
	page     *Page
	ignore   map[string]bool
	Level    int // headings
}

// Placeholder stands in the text for an indicator reference, code or an
// image: something that is not prose but takes its place in a sentence.
const Placeholder = '\uFFFC'

// Pos is the position of byte i of the block's text.
func (b *Block) Pos(i int) diag.Position {
	if b.offs.len() == 0 {
		return b.page.Pos(0)
	}
	return b.page.Pos(b.offs.at(i))
}

// offsets maps each byte of a block's text to its byte in the source, as
// runs: a run of text bytes copied from consecutive source bytes, or of
// text standing for one source place (a placeholder, a line break). A
// slice of one offset per byte was the largest thing a build kept.
type offsets struct {
	runs []offsetRun
	n    int // bytes of text
}

type offsetRun struct {
	text, src int32 // where the run starts in the text and in the source
	step      bool  // the source advances with the text
}

func compressOffsets(offs []int) offsets {
	var runs []offsetRun
	for i := 0; i < len(offs); {
		r := offsetRun{text: int32(i), src: int32(offs[i])}
		j := i + 1
		if j < len(offs) && offs[j] == offs[i]+1 {
			r.step = true
			for j < len(offs) && offs[j] == offs[j-1]+1 {
				j++
			}
		} else {
			for j < len(offs) && offs[j] == offs[i] {
				j++
			}
		}
		runs = append(runs, r)
		i = j
	}
	return offsets{runs: slices.Clip(runs), n: len(offs)}
}

func (o offsets) len() int { return o.n }

// add appends n bytes of text copied from source offset src onwards
// (step), or all standing for src, merging with the last run where it
// continues it.
func (o *offsets) add(n, src int, step bool) {
	if n == 0 {
		return
	}
	if k := len(o.runs) - 1; k >= 0 {
		last := o.runs[k]
		if step && last.step && int(last.src)+o.n-int(last.text) == src || !step && !last.step && int(last.src) == src {
			o.n += n
			return
		}
	}
	o.runs = append(o.runs, offsetRun{text: int32(o.n), src: int32(src), step: step})
	o.n += n
}

// expand returns the source offset of every byte of text.
func (o offsets) expand() []int {
	out := make([]int, o.n)
	for i := range out {
		out[i] = o.at(i)
	}
	return out
}

// at returns the source offset of text byte i, i clamped to the text.
func (o offsets) at(i int) int {
	i = max(0, min(i, o.n-1))
	k := sort.Search(len(o.runs), func(k int) bool { return int(o.runs[k].text) > i }) - 1
	r := o.runs[k]
	if !r.step {
		return int(r.src)
	}
	return int(r.src) + i - int(r.text)
}

// Ignores says whether rule is silenced for this block.
func (b *Block) Ignores(rule string) bool { return b.ignore[rule] || b.ignore["all"] }

var ignoreRE = regexp.MustCompile(`<!--\s*folio:ignore(-file)?\s+([\w\s,-]+?)\s*-->`)

// Blocks extracts the text blocks of a page, in order. The blocks do not
// hold the syntax tree: they outlive it, in a build's publication-wide
// checks and between the dev server's rebuilds.
func Blocks(p *Page) []*Block {
	var blocks []*Block
	doc := p.Doc
	p = &Page{Source: p.Source, Pos: p.Pos}
	fileIgnore := map[string]bool{}
	next := map[string]bool{}
	var walk func(n ast.Node, kind Kind)
	walk = func(n ast.Node, kind Kind) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.HTMLBlock:
				var raw strings.Builder
				for i := range c.Lines().Len() {
					seg := c.Lines().At(i)
					raw.Write(seg.Value(p.Source))
				}
				for _, m := range ignoreRE.FindAllStringSubmatch(raw.String(), -1) {
					target := next
					if m[1] != "" {
						target = fileIgnore
					}
					for _, r := range strings.FieldsFunc(m[2], func(r rune) bool { return r == ',' || r == ' ' || r == '\n' }) {
						target[r] = true
					}
				}
				continue
			case *ast.Paragraph, *ast.TextBlock:
				blocks = append(blocks, p.block(c, kind, merge(fileIgnore, next)))
				clear(next) // merge copied it
			case *ast.Heading:
				b := p.block(c, Heading, merge(fileIgnore, next))
				b.Level = c.Level
				blocks = append(blocks, b)
				clear(next) // merge copied it
			case *ast.Blockquote:
				walk(c, Quote)
			case *ast.List, *ast.ListItem:
				walk(c, Item)
			case *east.Table, *east.TableHeader, *east.TableRow:
				walk(c, Cell)
			case *east.TableCell:
				blocks = append(blocks, p.block(c, Cell, merge(fileIgnore, next)))
			case *pictures.Figure, *datablock.Block, *ast.FencedCodeBlock, *ast.CodeBlock:
				clear(next) // merge copied it
			default:
				if c.Type() == ast.TypeBlock {
					walk(c, kind)
				}
			}
		}
	}
	walk(doc, Prose)
	// File-wide silences written anywhere in the file apply everywhere.
	for _, b := range blocks {
		for r := range fileIgnore {
			if b.ignore == nil {
				b.ignore = map[string]bool{}
			}
			b.ignore[r] = true
		}
	}
	return blocks
}

// merge returns the rules of a and b, nil when there are none (most
// blocks silence nothing).
func merge(a, b map[string]bool) map[string]bool {
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// block collects the inline text of n.
func (p *Page) block(n ast.Node, kind Kind, ignore map[string]bool) *Block {
	b := &Block{Kind: kind, page: p, ignore: ignore}
	var text strings.Builder
	var offs offsets
	add := func(s string, off int, step bool) {
		text.WriteString(s)
		offs.add(len(s), off, step)
	}
	var lastOff int
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			add(string(c.Segment.Value(p.Source)), c.Segment.Start, true)
			lastOff = c.Segment.Stop
			if c.SoftLineBreak() {
				add("\n", lastOff, false)
			}
		case *ast.String:
			add(string(c.Value), lastOff, false)
		case *ast.CodeSpan, *dataref.Ref, *pictures.Picture, *ast.Image, *ast.RawHTML, *ast.AutoLink:
			off := lastOff
			if t := firstText(c); t != nil {
				off = t.Segment.Start
			}
			if r, ok := c.(*dataref.Ref); ok {
				off = r.Offset
			}
			add(string(Placeholder), off, false)
			return ast.WalkSkipChildren, nil
		case *east.FootnoteLink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	b.Text = text.String()
	if strings.Contains(b.Text, "\n") {
		perByte := offs.expand()
		b.Text = joinSoftBreaks(b.Text, &perByte)
		offs = compressOffsets(perByte)
	}
	offs.runs = slices.Clip(offs.runs)
	b.offs = offs
	b.chinese = chinese(b.Text)
	return b
}

func firstText(n ast.Node) *ast.Text {
	var t *ast.Text
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if x, ok := c.(*ast.Text); ok && entering {
			t = x
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return t
}

// joinSoftBreaks removes line breaks between wide characters (as the page
// shows them joined) and turns the others into spaces.
func joinSoftBreaks(s string, offs *[]int) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var out strings.Builder
	var newOffs []int
	rs := []rune(s)
	bi := 0
	for i, r := range rs {
		size := len(string(r))
		if r == '\n' {
			prev, next := rune(0), rune(0)
			if i > 0 {
				prev = rs[i-1]
			}
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			if !(cjk.IsWide(prev) || cjk.IsWide(next)) {
				out.WriteByte(' ')
				newOffs = append(newOffs, (*offs)[bi])
			}
			bi += size
			continue
		}
		out.WriteString(string(r))
		newOffs = append(newOffs, (*offs)[bi:bi+size]...)
		bi += size
	}
	*offs = newOffs
	return out.String()
}

// Publication is what the rules run over.
type Publication struct {
	Pages   []*Page
	Data    *indicator.Set
	Options Options
}

// Run applies every rule and adds what it finds to diags.
func Run(pub *Publication, diags *diag.List) {
	// The rules of one page are independent of the others: pages are
	// checked in parallel, then the publication-wide rules run.
	results := make([]*PageResult, len(pub.Pages))
	par.Do(len(pub.Pages), func(i int) { results[i] = CheckPage(pub.Pages[i], pub.Options) })
	for _, r := range results {
		for _, d := range r.Diags {
			diags.Add(d)
		}
	}
	Global(results, pub.Data, nil, diags)
}

// PageResult is what the rules of one page found, kept so a rebuild that
// did not change the page need not check it again; it also keeps what the
// publication-wide rules need of the page.
type PageResult struct {
	Blocks []*Block
	Diags  []diag.Diagnostic
	paras  []*dupPara // of Blocks, what the near-duplicate check compares

	figures *FigureResult // against the data of figuresKey
	figKey  string
	context StatementContext // what the page's figures are stated for
	// compacted: Compact let the blocks go, so the figures stay as they
	// were checked.
	compacted bool
}

// CheckPage applies the rules that look at one page only (the StagePage
// rules of the registry).
func CheckPage(p *Page, opts Options) *PageResult {
	var diags diag.List
	blocks := Blocks(p)
	// Each block's text in runes, in turn, in one buffer made once: the
	// rules are called through the registry, so the buffer is on the
	// heap, and growing it would allocate again. A text has no more runes
	// than bytes; counting its runes would cost more than the space.
	longest := 0
	for _, b := range blocks {
		longest = max(longest, len(b.Text))
	}
	runes := make([]rune, 0, longest)
	for _, b := range blocks {
		runes = appendRunes(runes[:0], b.Text)
		for _, rule := range blockRules {
			rule(b, runes, &opts, &diags)
		}
	}
	for _, rule := range pageRules {
		rule(blocks, &opts, &diags)
	}
	return &PageResult{Blocks: blocks, Diags: diags.Items(), paras: dupParas(blocks), context: statementContext(p, opts)}
}

// statementContext is what the page's statements of figures are resolved
// against: the publication's subject, the page's place and year.
func statementContext(p *Page, opts Options) StatementContext {
	ctx := StatementContext{Subject: opts.Subject, Places: otherPlaces(opts.Places, opts.Subject), ChapterPlace: PlaceIn(p.Title), Year: p.Year}
	if p.Pos != nil {
		ctx.Page = p.Pos(0).File
	}
	if len(ctx.Subject) == 0 {
		if place := PlaceIn(opts.Title); place != "" {
			ctx.Subject = []string{place}
		}
	}
	if ctx.Year == 0 {
		ctx.Year = opts.Year
	}
	return ctx
}

// FigureData is what the figure checks use of the data: its terms, and a
// key that changes with the data. A build makes it once.
type FigureData struct {
	key   string
	terms []Term
}

// NewFigureData prepares data for the figure checks.
func NewFigureData(data *indicator.Set) *FigureData {
	return &FigureData{key: dataKey(data), terms: Terms(data)}
}

// figures checks the page's figures against fd unless they were already.
func (r *PageResult) figuresFor(fd *FigureData) {
	if r.figures == nil || r.figKey != fd.key {
		r.figures, r.figKey = PageFigures(r.Blocks, fd.terms, &r.context), fd.key
	}
}

// Compact checks the page's figures against fd, then lets go of the
// blocks: Global reads only the paragraphs the near-duplicate check
// compares. A one-shot build compacts each page's result as soon as it is
// checked, so that it holds neither every page's text nor its Markdown
// (which the blocks point into) until the publication-wide checks. Global
// finds the same in compacted results as long as the data is fd's; with
// other data it cannot check the figures again, and keeps what they gave
// against fd.
func (r *PageResult) Compact(fd *FigureData) {
	r.figuresFor(fd)
	r.Blocks, r.compacted = nil, true
}

// Global applies the rules that compare pages with each other and with
// the data. What a page's figures give against the same data is kept in
// its result, so an unchanged page is not scanned again.
func Global(pages []*PageResult, data *indicator.Set, memo *GlobalMemo, diags *diag.List) {
	var all []*dupPara
	for _, p := range pages {
		all = append(all, p.paras...)
	}
	duplicateParas(all, memo, diags)
	fd := NewFigureData(data)
	par.Do(len(pages), func(i int) {
		if p := pages[i]; !p.compacted {
			p.figuresFor(fd)
		}
	})
	figures := make([]*FigureResult, len(pages))
	for i, p := range pages {
		figures[i] = p.figures
		for _, d := range p.figures.Diags {
			diags.Add(d)
		}
	}
	memo.mergeStatements(figures, diags)
}

// mergeStatements is MergeStatements, done again only when the pages
// state other figures than at the last merge: at 10,000 chapters it is
// the largest part of a dev server's rebuild after an edit of prose.
// An unchanged page's result is the same value from build to build, and
// a page converted again that states the same figures at the same places
// merges the same.
func (m *GlobalMemo) mergeStatements(figures []*FigureResult, diags *diag.List) {
	if m == nil {
		MergeStatements(figures, diags)
		return
	}
	if !sameStatements(m.figures, figures) {
		var merged diag.List
		MergeStatements(figures, &merged)
		m.merged = merged.Items()
	}
	m.figures = figures
	for _, d := range m.merged {
		diags.Add(d)
	}
}

func sameStatements(a, b []*FigureResult) bool {
	if a == nil || len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !slices.Equal(a[i].Statements, b[i].Statements) {
			return false
		}
	}
	return true
}

func dataKey(data *indicator.Set) string {
	if data == nil {
		return ""
	}
	var b strings.Builder
	for _, ind := range data.Indicators {
		b.WriteString(ind.Fingerprint())
		b.WriteByte(0)
	}
	return b.String()
}
