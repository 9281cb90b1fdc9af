package frontmatter

// The scanner behind explain: it reads YAML lines as the editor wrote
// them, to find the mistake the parser could only report in its own terms.

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The scanner's model of the text: each significant line is a run of
// nodes (list item markers "- ", then a key or a value); nested blocks are
// frames, each with the indent its members share.

type frameKind int

const (
	mapFrame  frameKind = iota // key: value lines
	seqFrame                   // "- " items
	textFrame                  // a value on lines of its own
)

type frame struct {
	indent      int
	kind        frameKind
	first, last int // lines of its first and latest members
	count       int
	parent      int // indent of the key or item that holds it; -1 at the top
	parentLine  int
	fixed       bool // its first member follows "- " on the same line
}

// opened is a line that ended in "key:" or "-": a block may follow.
type opened struct {
	indent int
	key    bool
	line   int
}

// inlineValue is a line that ended in a value: only a plain one may go on
// to the next line, indented further than its key.
type inlineValue struct {
	indent int
	key    string
	plain  bool
}

type scanner struct {
	lines  []string
	bom    bool // the first line began with a byte order mark, not shown in lines
	i      int
	frames []frame
	open   *opened
	value  *inlineValue
	step   int // the indent of a nested block beyond its key's, as the text does it
	// itemIndents holds the indents of the lines that start with "- ".
	itemIndents map[int]bool
	lost        bool // the text has what the scanner does not follow
}

// explain finds the first mistake in text, which the parser rejected, or
// returns nil.
func explain(text string) *finding {
	s := &scanner{lines: strings.Split(text, "\n")}
	if strings.HasPrefix(s.lines[0], "\uFEFF") {
		s.lines[0], s.bom = s.lines[0][len("\uFEFF"):], true
	}
	s.step = s.usualStep()
	s.itemIndents = map[int]bool{}
	for _, l := range s.lines {
		if ind := indentOf(l); significant(l) && segments(l, ind)[0].item {
			s.itemIndents[ind] = true
		}
	}
	for ; s.i < len(s.lines) && !s.lost; s.i++ {
		if f := s.next(); f != nil {
			return f
		}
	}
	return nil
}

// col converts a byte offset of line no to a column in characters.
func (s *scanner) col(no, off int) int {
	line := s.lines[no-1]
	off = min(max(off, 0), len(line))
	c := utf8.RuneCountInString(line[:off]) + 1
	if no == 1 && s.bom {
		c++
	}
	return c
}

func (s *scanner) top() *frame { return &s.frames[len(s.frames)-1] }

func (s *scanner) push(f frame) { s.frames = append(s.frames, f) }

func (s *scanner) pop() frame {
	f := s.frames[len(s.frames)-1]
	s.frames = s.frames[:len(s.frames)-1]
	return f
}

func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

// significant reports whether a line holds more than spaces and a comment.
func significant(line string) bool {
	rest := strings.TrimLeft(line, " \t")
	return rest != "" && rest[0] != '#'
}

// usualStep is the most common indent of a nested block beyond its key's
// (2 when the text has none).
func (s *scanner) usualStep() int {
	counts := map[int]int{}
	prev := -1
	for i, line := range s.lines {
		if !significant(line) {
			continue
		}
		if prev >= 0 && strings.HasSuffix(stripComment(s.lines[prev]), ":") {
			if d := indentOf(line) - indentOf(s.lines[prev]); d > 0 {
				counts[d]++
			}
		}
		prev = i
	}
	// One block says little: it may be the one out of line.
	step, best := 2, 1
	for d, n := range counts {
		if n > best || (n == best && n > 1 && d < step) {
			step, best = d, n
		}
	}
	return step
}

// expected is the indent a line would have at this point of the text.
func (s *scanner) expected() int {
	switch {
	case s.open != nil && s.open.key:
		return s.open.indent + s.step
	case s.open != nil:
		return s.open.indent + 2
	case len(s.frames) > 0:
		return s.top().indent
	}
	return 0
}

// segment is one node of a line: a "- " item marker, a key (with its value
// at value, or -1), or a value alone.
type segment struct {
	col   int // byte offset where it starts
	item  bool
	isKey bool
	key   string
	value int
}

func (g segment) kind() frameKind {
	switch {
	case g.item:
		return seqFrame
	case g.isKey:
		return mapFrame
	}
	return textFrame
}

func segments(line string, off int) []segment {
	var segs []segment
	for off < len(line) && line[off] == '-' && (off+1 == len(line) || line[off+1] == ' ' || line[off+1] == '\t') {
		segs = append(segs, segment{col: off, item: true, value: -1})
		off++
		for off < len(line) && (line[off] == ' ' || line[off] == '\t') {
			off++
		}
		if off >= len(line) || line[off] == '#' {
			return segs
		}
	}
	g := segment{col: off, value: off}
	if key, colon, ok := keyAt(line, off); ok {
		v := colon + 1
		for v < len(line) && (line[v] == ' ' || line[v] == '\t') {
			v++
		}
		if v >= len(line) || line[v] == '#' {
			v = -1
		}
		g.isKey, g.key, g.value = true, key, v
	}
	return append(segs, g)
}

// keyAt reads a key at offset off of line: a plain or quoted text followed
// by a colon and a space (or the line's end). colon is the colon's offset.
func keyAt(line string, off int) (key string, colon int, ok bool) {
	if off >= len(line) {
		return "", 0, false
	}
	switch c := line[off]; c {
	case '"', '\'':
		e := closeQuote(line, off+1, c)
		if e < 0 {
			return "", 0, false
		}
		j := e + 1
		for j < len(line) && line[j] == ' ' {
			j++
		}
		if j < len(line) && line[j] == ':' && colonEnds(line, j) {
			return line[off : e+1], j, true
		}
		return "", 0, false
	case '[', '{', '|', '>', '#', '&', '*', '!', '?':
		return "", 0, false
	}
	for j := off; j < len(line); j++ {
		switch line[j] {
		case '#':
			if j > off && (line[j-1] == ' ' || line[j-1] == '\t') {
				return "", 0, false
			}
		case ':':
			if colonEnds(line, j) {
				return strings.TrimRight(line[off:j], " \t"), j, true
			}
		}
	}
	return "", 0, false
}

// colonEnds reports whether the colon at j ends a key: a space, a tab or
// the line's end follows it.
func colonEnds(s string, j int) bool {
	return j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\t'
}

// closeQuote returns the offset of the quotation mark q that closes a
// quoted text going on at from, or -1.
func closeQuote(s string, from int, q byte) int {
	for j := from; j < len(s); j++ {
		switch {
		case q == '"' && s[j] == '\\':
			j++
		case s[j] == q && q == '\'' && j+1 < len(s) && s[j+1] == '\'':
			j++
		case s[j] == q:
			return j
		}
	}
	return -1
}

// stripComment drops a comment (" #…") and the spaces around what is left.
func stripComment(s string) string {
	for j := 0; j < len(s); j++ {
		if s[j] == '#' && (j == 0 || s[j-1] == ' ' || s[j-1] == '\t') {
			s = s[:j]
			break
		}
	}
	return strings.TrimSpace(s)
}

var (
	keyLikeRE = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*|[0-9][0-9A-Za-z.\-]*|"[^"]*"|'[^']*')$`)
	// A key whose colon has no space after it, as in weight:1.
	noSpaceRE = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*|[0-9][0-9A-Za-z.\-]*):(\S.*)$`)
)

// keyLike reports whether a key looks like one folio reads (title,
// base_url, 2021-Q1) rather than text with a colon in it.
func keyLike(key string) bool { return keyLikeRE.MatchString(key) }

// next reads line s.i.
func (s *scanner) next() *finding {
	no := s.i + 1
	line := s.lines[s.i]
	if !significant(line) {
		return nil
	}
	if line == "---" || strings.HasPrefix(line, "--- ") || line == "..." || strings.HasPrefix(line, "%") {
		// A document marker or directive: a new document.
		s.frames, s.open, s.value = nil, nil, nil
		return nil
	}
	indent := indentOf(line)
	if c := line[indent]; c == '?' && (indent+1 == len(line) || line[indent+1] == ' ') {
		// An explicit key ("? "), which nothing folio reads needs.
		s.lost = true
		return nil
	}
	if line[indent] == '\t' {
		return &finding{what: mTab, line: no, col: s.col(no, indent), want: s.expected()}
	}
	segs := segments(line, indent)
	first := segs[0]
	if c := line[indent]; c == '-' && indent+1 < len(line) && line[indent+1] != '-' && line[indent+1] != ' ' {
		// "-id: a" where the items beside it are "- id: a".
		if s.itemIndents[indent] {
			return &finding{what: mNoSpaceAfterDash, line: no, col: s.col(no, indent), value: "- " + stripComment(line[indent+1:])}
		}
	}

	if v := s.value; v != nil {
		s.value = nil
		if indent > v.indent {
			// Further in than the key of the value above: the value's
			// next line, or a key out of line.
			if first.isKey && keyLike(first.key) && len(s.frames) > 0 {
				a := s.top()
				if a.kind == textFrame && len(s.frames) > 1 {
					// After text on lines of its own: a key of the
					// mapping that holds the text.
					a = &s.frames[len(s.frames)-2]
				}
				return s.misaligned(a, no, indent, false)
			}
			if v.plain && !first.item {
				if first.isKey && v.key != "" {
					return &finding{what: mColonInNextLine, line: no, col: s.col(no, colonOf(line, first)), key: v.key}
				}
				s.value = v // the value goes on
			}
			return nil
		}
	}

	if op := s.open; op != nil {
		s.open = nil
		if indent > op.indent || (indent == op.indent && first.item && op.key) {
			s.push(frame{indent: indent, kind: first.kind(), first: no, last: no, count: 1, parent: op.indent, parentLine: op.line})
			if first.kind() == textFrame {
				if f := s.keyTypo(no, line, first); f != nil {
					return f
				}
				s.value = &inlineValue{indent: op.indent, plain: true}
				return nil
			}
			return s.rest(no, line, segs)
		}
	}

	var popped *frame
	for len(s.frames) > 0 && indent < s.top().indent {
		f := s.pop()
		popped = &f
	}
	// A list written at its key's indent ends where a key of that
	// mapping comes.
	for len(s.frames) > 1 && !first.item && s.top().kind == seqFrame && s.top().indent == indent &&
		s.frames[len(s.frames)-2].kind == mapFrame && s.frames[len(s.frames)-2].indent == indent {
		f := s.pop()
		popped = &f
	}
	if len(s.frames) == 0 {
		if popped != nil {
			return s.misaligned(popped, no, indent, first.item)
		}
		s.push(frame{indent: indent, kind: first.kind(), first: no, last: no, count: 1, parent: -1})
		if first.kind() == textFrame {
			if f := s.keyTypo(no, line, first); f != nil {
				return f
			}
		}
		return s.rest(no, line, segs)
	}
	top := s.top()
	if indent > top.indent {
		if popped == nil {
			return s.misaligned(top, no, indent, first.item)
		}
		// Between two levels: out of line with the nearer one.
		over, under := indent-top.indent, popped.indent-indent
		if over < under || (over == under && top.kind == first.kind() && popped.kind != first.kind()) {
			return s.misaligned(top, no, indent, first.item)
		}
		return s.misaligned(popped, no, indent, first.item)
	}
	switch {
	case top.kind == mapFrame && first.item:
		return s.itemAmongKeys(no, indent, segs)
	case top.kind == seqFrame && !first.item:
		if popped != nil && popped.kind == mapFrame {
			// Left of the keys of the item above it.
			return s.misaligned(popped, no, indent, false)
		}
		if top.parentLine > 0 {
			return &finding{what: mKeyAmongItems, line: no, col: s.col(no, indent), ref: top.last, ref2: top.parentLine}
		}
		return nil
	case top.kind == mapFrame && first.kind() == textFrame:
		if f := s.keyTypo(no, line, first); f != nil {
			return f
		}
		return &finding{what: mNoColon, line: no, col: s.col(no, indent)}
	case top.kind == textFrame && first.kind() == mapFrame:
		// Text where the keys of the lines after it stand.
		return &finding{what: mNoColon, line: top.first, col: s.col(top.first, top.indent)}
	}
	top.count++
	top.last = no
	return s.rest(no, line, segs)
}

// colonOf is the offset of a key segment's colon.
func colonOf(line string, g segment) int {
	_, colon, _ := keyAt(line, g.col)
	return colon
}

// rest opens a frame for each node after the line's first and reads the
// last one's value.
func (s *scanner) rest(no int, line string, segs []segment) *finding {
	for k := 1; k < len(segs); k++ {
		s.push(frame{indent: segs[k].col, kind: segs[k].kind(), first: no, last: no, count: 1, parent: segs[k-1].col, parentLine: no, fixed: true})
	}
	last := segs[len(segs)-1]
	switch {
	case last.item:
		s.open = &opened{indent: last.col, line: no}
		return nil
	case last.isKey && last.value < 0:
		s.open = &opened{indent: last.col, key: true, line: no}
		return nil
	}
	holder := last.col // the value's next lines go further in than this
	if !last.isKey && len(segs) > 1 {
		holder = segs[len(segs)-2].col
	}
	return s.valueAt(no, line, last, holder)
}

var blockIndicatorRE = regexp.MustCompile(`^[|>][-+0-9]*\s*(#.*)?$`)

// valueAt reads the value of segment g of line no.
func (s *scanner) valueAt(no int, line string, g segment, holder int) *finding {
	text := line[g.value:]
	// An anchor or tag alone before the value's block.
	if (text[0] == '&' || text[0] == '!') && !strings.ContainsAny(stripComment(text), " \t") {
		s.open = &opened{indent: holder, key: g.isKey, line: no}
		return nil
	}
	switch text[0] {
	case '|', '>':
		if blockIndicatorRE.MatchString(text) {
			for s.i+1 < len(s.lines) && (!significant(s.lines[s.i+1]) || indentOf(s.lines[s.i+1]) > holder) {
				s.i++
			}
			return nil
		}
	case '"', '\'':
		return s.quoted(no, line, g, holder)
	case '[', '{':
		return s.flow(no, line, g, holder)
	case '@', '`', '%':
		return &finding{what: mReserved, line: no, col: s.col(no, g.value), key: g.key, value: stripComment(text), text: text[:1]}
	case '-':
		if g.isKey && len(text) > 1 && (text[1] == ' ' || text[1] == '\t') {
			return &finding{what: mDashValue, line: no, col: s.col(no, g.value), key: g.key, value: stripComment(text)}
		}
	}
	plain := stripComment(text)
	for j := 0; j < len(plain); j++ {
		if plain[j] == ':' && colonEnds(plain, j) && g.key != "" {
			return &finding{what: mColonInValue, line: no, col: s.col(no, g.value+j), key: g.key, value: plain}
		}
	}
	s.value = &inlineValue{indent: holder, key: g.key, plain: true}
	return nil
}

// quoted reads a quoted value, which may go on over lines.
func (s *scanner) quoted(no int, line string, g segment, holder int) *finding {
	q := line[g.value]
	if e := closeQuote(line, g.value+1, q); e >= 0 {
		if after := stripComment(line[e+1:]); after != "" {
			return &finding{what: mQuoteThenText, line: no, col: s.col(no, g.value), key: g.key, value: stripComment(line[g.value:])}
		}
		s.value = &inlineValue{indent: holder, key: g.key}
		return nil
	}
	for j := s.i + 1; j < len(s.lines); j++ {
		l := s.lines[j]
		if e := closeQuote(l, 0, q); e >= 0 {
			if stripComment(l[e+1:]) != "" {
				// The mark that would close it opens another value.
				break
			}
			s.i = j
			s.value = &inlineValue{indent: holder, key: g.key}
			return nil
		}
	}
	return &finding{what: mUnclosedQuote, line: no, col: s.col(no, g.value), text: string(q)}
}

// bracket is an opening bracket of a flow collection.
type bracket struct {
	line, off int
	c         byte
}

// scanFlow follows the brackets of line no from offset from, with the
// brackets open before it; it returns the offset after the bracket that
// closes the outermost, or -1 and the brackets still open.
func scanFlow(line string, no, from int, open []bracket) (int, []bracket) {
	prev := byte('[') // a quotation mark opens a quoted text where a value starts
	if from > 0 {
		prev = line[from-1]
	}
	for j := from; j < len(line); j++ {
		c := line[j]
		switch {
		case c == '#' && (j == 0 || line[j-1] == ' ' || line[j-1] == '\t'):
			return -1, open
		case (c == '"' || c == '\'') && strings.IndexByte("[{,:", prev) >= 0:
			e := closeQuote(line, j+1, c)
			if e < 0 {
				return -1, open
			}
			j = e
		case c == '[' || c == '{':
			open = append(open, bracket{no, j, c})
		case (c == ']' || c == '}') && len(open) > 0:
			open = open[:len(open)-1]
			if len(open) == 0 {
				return j + 1, nil
			}
		}
		if c != ' ' && c != '\t' {
			prev = c
		}
	}
	return -1, open
}

// flow reads a value in brackets, which may go on over lines.
func (s *scanner) flow(no int, line string, g segment, holder int) *finding {
	thenText := func() *finding {
		what := mBracketThenText
		if line[g.value] == '{' {
			what = mBraceThenText
		}
		return &finding{what: what, line: no, col: s.col(no, g.value), key: g.key, value: stripComment(line[g.value:])}
	}
	end, open := scanFlow(line, no, g.value, nil)
	if end >= 0 {
		if stripComment(line[end:]) != "" {
			return thenText()
		}
		s.value = &inlineValue{indent: holder, key: g.key}
		return nil
	}
	for j := s.i + 1; j < len(s.lines); j++ {
		l := s.lines[j]
		if !significant(l) {
			continue
		}
		// A key or an item no further in than the value's key: the
		// bracket was never closed.
		if ind := indentOf(l); ind <= holder {
			if segs := segments(l, ind); segs[0].item || segs[0].isKey {
				break
			}
		}
		if end, open = scanFlow(l, j+1, 0, open); end >= 0 {
			if stripComment(l[end:]) != "" {
				return thenText()
			}
			s.i = j
			s.value = &inlineValue{indent: holder, key: g.key}
			return nil
		}
	}
	if len(open) == 0 {
		return nil
	}
	b := open[len(open)-1]
	what := mUnclosedBracket
	if b.c == '{' {
		what = mUnclosedBrace
	}
	return &finding{what: what, line: b.line, col: s.col(b.line, b.off)}
}

// keyTypo reads a line that stands where a key belongs but is none: a
// key whose colon has no space after it, or a full-width colon.
func (s *scanner) keyTypo(no int, line string, g segment) *finding {
	t := stripComment(line[g.col:])
	if m := noSpaceRE.FindStringSubmatch(t); m != nil {
		return &finding{what: mNoSpaceAfterColon, line: no, col: s.col(no, g.col+len(m[1])), key: m[1], value: m[2]}
	}
	if i := strings.Index(t, "："); i > 0 && keyLike(strings.TrimSpace(t[:i])) {
		return &finding{what: mFullWidthColon, line: no, col: s.col(no, g.col+i), key: strings.TrimSpace(t[:i]),
			value: strings.TrimLeft(t[i+len("："):], " \t\u3000")}
	}
	return nil
}

// itemAmongKeys reads a "- " item at the indent of a mapping's keys.
func (s *scanner) itemAmongKeys(no, indent int, segs []segment) *finding {
	for k := len(s.frames) - 2; k >= 0; k-- {
		if f := s.frames[k]; f.kind == seqFrame {
			return &finding{what: mItemIndent, line: no, col: s.col(no, indent), have: indent, want: f.indent, ref: f.last}
		}
	}
	if len(segs) > 1 && segs[1].isKey {
		return &finding{what: mDashBeforeKey, line: no, col: s.col(no, indent), ref: s.top().last}
	}
	return &finding{what: mListAmongKeys, line: no, col: s.col(no, indent)}
}

// misaligned reports a line no, indented by indent, out of line with the
// members of frame a: the line, unless a's indent is the odd one (its
// first member alone where the lines after it agree, or where the text's
// usual step says so).
func (s *scanner) misaligned(a *frame, no, indent int, item bool) *finding {
	lineRight := false
	if !a.fixed {
		expected := 0
		if a.parent >= 0 {
			expected = a.parent + s.step
		}
		switch {
		case a.indent == expected && indent != expected:
		case indent == expected && a.indent != expected:
			lineRight = true
		default:
			lineRight = s.run(indent) > a.count
		}
	}
	if indent == a.indent || a.kind == textFrame {
		return nil // not a key or item out of line: the parser's message stands
	}
	what := mKeyIndent
	if lineRight {
		if a.kind == seqFrame {
			what = mItemIndent
		}
		return &finding{what: what, line: a.first, col: s.col(a.first, a.indent), have: a.indent, want: indent, ref: no}
	}
	if item {
		what = mItemIndent
	}
	return &finding{what: what, line: no, col: s.col(no, indent), have: indent, want: a.indent, ref: a.last}
}

// run counts the lines from the current one on that have indent, up to
// the first with less.
func (s *scanner) run(indent int) int {
	n := 0
	for _, l := range s.lines[s.i:] {
		if !significant(l) {
			continue
		}
		switch ind := indentOf(l); {
		case ind < indent:
			return n
		case ind == indent:
			n++
		}
	}
	return n
}
