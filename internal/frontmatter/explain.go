package frontmatter

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"folio/internal/cjk"
	"folio/internal/diag"
)

// When YAML does not parse, the parser's message is written for
// programmers ("mapping value is not allowed in this context") and often
// points at the line before the mistake. explain reads the text the way
// an editor wrote it instead, line by line, and names the mistakes editors
// make: a key out of line with the keys beside it, a tab, a colon and a
// space inside a value, a quotation mark or bracket never closed, a colon
// without its space, a list item among keys. Each is reported once, where
// the editor has to act, with the fix; what the scanner does not
// recognise keeps the parser's position, in plain words.

// mistake is what explain found.
type mistake int

const (
	mTab mistake = iota + 1
	mKeyIndent
	mItemIndent
	mColonInValue
	mColonInNextLine
	mQuoteThenText
	mBracketThenText
	mBraceThenText
	mUnclosedQuote
	mUnclosedBracket
	mUnclosedBrace
	mNoSpaceAfterColon
	mFullWidthColon
	mNoColon
	mDashBeforeKey
	mListAmongKeys
	mKeyAmongItems
	mReserved
	mNoSpaceAfterDash
	mDashValue
)

// finding is one mistake: where (line and column of the YAML text, the
// column in characters) and what the message needs.
type finding struct {
	what       mistake
	line, col  int
	have, want int    // indents, in spaces
	ref, ref2  int    // lines the message names
	key        string // the key whose value it is
	value      string // the value as written
	text       string // the quotation mark, or the character
}

// reportSyntax adds the one diagnostic for a YAML text (starting on line
// firstLine of file, each line indent spaces in) the parser rejected
// with err.
func reportSyntax(diags *diag.List, file string, firstLine, indent int, text []byte, err error) {
	var ye yaml.Error
	var tk *token.Token
	msg := err.Error()
	if errors.As(err, &ye) {
		tk, msg = ye.GetToken(), ye.GetMessage()
	}
	pos := TokenPos(file, firstLine, tk)
	if m := duplicateRE.FindStringSubmatch(msg); m != nil {
		first, _ := strconv.Atoi(m[2])
		diags.Errorf(pos, "yaml-syntax", "%s is given twice, here and on line %d: keep one of them", m[1], first+firstLine-1)
		return
	}
	f := explain(string(text))
	if f != nil {
		// Lines and indents the message names are the file's.
		for _, l := range []*int{&f.ref, &f.ref2} {
			if *l > 0 {
				*l += firstLine - 1
			}
		}
		switch f.what {
		case mKeyIndent, mItemIndent:
			f.have += indent
			f.want += indent
		case mTab:
			f.want += indent
		}
	}
	if f != nil && tk != nil && tk.Position != nil {
		// The parser stops at the mistake or soon after it (a token
		// spans lines when a plain value continues): a finding further
		// on is another problem, and the parser's is reported.
		last := tk.Position.Line + strings.Count(tk.Origin, "\n")
		if f.line > last+1 {
			f = nil
		}
	}
	if f == nil {
		diags.Errorf(pos, "yaml-syntax", "folio cannot read the YAML here (%s): check the indentation, colons and quotes of this line and the line above", msg)
		return
	}
	report(diags, diag.Position{File: file, Line: firstLine + f.line - 1, Col: f.col}, f)
}

var duplicateRE = regexp.MustCompile(`^mapping key "(.*)" already defined at \[(\d+):\d+\]`)

// report adds f's diagnostic at pos. Every message has its own format, so
// that each can be translated whole.
func report(diags *diag.List, pos diag.Position, f *finding) {
	const rule = "yaml-syntax"
	switch f.what {
	case mTab:
		if f.want == 0 {
			diags.Errorf(pos, rule, "this line is indented with a tab, which YAML does not allow: remove the tab")
		} else {
			diags.Errorf(pos, rule, "this line is indented with a tab, which YAML does not allow: indent it with spaces instead, %d of them", f.want)
		}
	case mKeyIndent:
		switch {
		case f.want == 0:
			diags.Errorf(pos, rule, "this key has a %d-space indent, but the keys beside it (line %d) have none: remove the spaces before it", f.have, f.ref)
		case f.have == 0:
			diags.Errorf(pos, rule, "this key has no indent, but the keys beside it (line %d) have a %d-space indent: give it a %[2]d-space indent", f.ref, f.want)
		default:
			diags.Errorf(pos, rule, "this key has a %d-space indent, but the keys beside it (line %d) have a %d-space indent: give it a %[3]d-space indent", f.have, f.ref, f.want)
		}
	case mItemIndent:
		switch {
		case f.want == 0:
			diags.Errorf(pos, rule, "this list item has a %d-space indent, but the items beside it (line %d) have none: remove the spaces before it", f.have, f.ref)
		case f.have == 0:
			diags.Errorf(pos, rule, "this list item has no indent, but the items beside it (line %d) have a %d-space indent: give it a %[2]d-space indent", f.ref, f.want)
		default:
			diags.Errorf(pos, rule, "this list item has a %d-space indent, but the items beside it (line %d) have a %d-space indent: give it a %[3]d-space indent", f.have, f.ref, f.want)
		}
	case mColonInValue:
		quoted := f.key + ": " + quoteYAML(f.value)
		if hasHan(f.value) {
			diags.Errorf(pos, rule, "a colon followed by a space in the value of %s makes YAML read a new key here: write the full-width colon ： as Chinese text does (%s) or put the whole value in quotes (%s)",
				f.key, f.key+": "+fullWidthColons(f.value), quoted)
		} else {
			diags.Errorf(pos, rule, "a colon followed by a space in the value of %s makes YAML read a new key here: put the whole value in quotes (%s)", f.key, quoted)
		}
	case mColonInNextLine:
		diags.Errorf(pos, rule, "a colon followed by a space in the value of %s makes YAML read a new key here: write the full-width colon ：, or put the whole value, from its first line on, in quotes", f.key)
	case mQuoteThenText:
		diags.Errorf(pos, rule, "this value starts with a quotation mark, so YAML ends it at the next one and cannot read the text after that: use Chinese quotation marks “ ” inside the text, or put the whole value in quotes of the other kind (%s)", suggestLine(f.key, f.value))
	case mBracketThenText:
		diags.Errorf(pos, rule, "a value that starts with [ is read as a list, so YAML cannot read the text after its ]: put the whole value in quotes (%s), or use the full-width brackets 【】", suggestLine(f.key, f.value))
	case mBraceThenText:
		diags.Errorf(pos, rule, "a value that starts with { is read as a mapping, so YAML cannot read the text after its }: put the whole value in quotes (%s)", suggestLine(f.key, f.value))
	case mUnclosedQuote:
		diags.Errorf(pos, rule, "the quotation mark %s that starts this value is never closed: end the value with %[1]s, or, for quotes inside Chinese text, use “ ”", f.text)
	case mUnclosedBracket:
		diags.Errorf(pos, rule, "the [ here starts a list that is never closed: end the list with ], or, if the brackets are part of the text, put the whole value in quotes or use the full-width brackets 【】")
	case mUnclosedBrace:
		diags.Errorf(pos, rule, "the { here starts a mapping that is never closed: end it with }, or, if the braces are part of the text, put the whole value in quotes")
	case mNoSpaceAfterColon:
		diags.Errorf(pos, rule, "the colon after %s needs a space after it: write %s", f.key, f.key+": "+f.value)
	case mFullWidthColon:
		diags.Errorf(pos, rule, "the key %s is followed by the full-width colon ：, which YAML does not read as a colon: write the half-width colon and a space (%s)", f.key, f.key+": "+f.value)
	case mNoColon:
		diags.Errorf(pos, rule, "this line is neither a key with a colon nor a list item, so YAML cannot read it: write it as key: value, or, if it continues the text above it, indent it further than that text's key")
	case mDashBeforeKey:
		diags.Errorf(pos, rule, "this key starts with \"- \", but the keys beside it (line %d) do not: remove the \"- \"", f.ref)
	case mListAmongKeys:
		diags.Errorf(pos, rule, "a list item (\"- \") cannot stand among keys: put the list under a key of its own, with its items indented below that key")
	case mKeyAmongItems:
		diags.Errorf(pos, rule, "this key stands among the items of a list (line %d), which start with \"- \": start it with \"- \" if it is one of them, or give it the indent of line %d", f.ref, f.ref2)
	case mNoSpaceAfterDash:
		diags.Errorf(pos, rule, "a list item needs a space after its \"-\": write %s", f.value)
	case mDashValue:
		diags.Errorf(pos, rule, "a value that starts with \"- \" is read as a list, which cannot follow a key on its line: put the whole value in quotes (%s)", suggestLine(f.key, f.value))
	case mReserved:
		diags.Errorf(pos, rule, "a value cannot start with %s in YAML: put the whole value in quotes (%s)", f.text, suggestLine(f.key, f.value))
	}
}

// notMapping reports a body that is not the key: value lines it should
// be: a list, or a line of text, which is often a key whose colon lacks
// its space or is full-width (title:改革篇 is text to YAML).
func notMapping(file string, firstLine int, body ast.Node, diags *diag.List) {
	pos := NodePos(file, firstLine, body)
	switch body.(type) {
	case *ast.SequenceNode:
		diags.Errorf(pos, "yaml-not-mapping", "these lines are a list, but folio expects keys with values here: write them as key: value lines, without the \"- \"")
		return
	case *ast.StringNode, *ast.LiteralNode:
		if tk := body.GetToken(); tk != nil {
			line, _, _ := strings.Cut(tk.Value, "\n")
			s := &scanner{lines: []string{line}}
			if f := s.keyTypo(1, line, segment{}); f != nil {
				pos.Col += f.col - 1
				report(diags, pos, f)
				return
			}
		}
	}
	diags.Errorf(pos, "yaml-not-mapping", "this is a line of text, but folio expects keys with values here: write key: value lines, such as title: 改革篇")
}

// suggestLine is key: value with the value quoted, or the quoted value
// alone for a list item.
func suggestLine(key, value string) string {
	if key == "" {
		return quoteYAML(value)
	}
	return key + ": " + quoteYAML(value)
}

// quoteYAML quotes s so that YAML reads it as written: in double quotes
// unless it holds one or a backslash, else in single quotes.
func quoteYAML(s string) string {
	if !strings.ContainsAny(s, "\"\\") {
		return "\"" + s + "\""
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// fullWidthColons writes each colon that YAML would read as a key's, one
// followed by a space or ending the value, as the full-width ：.
func fullWidthColons(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
			b.WriteString("：")
			for i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\t') {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func hasHan(s string) bool {
	for _, r := range s {
		if cjk.IsHan(r) {
			return true
		}
	}
	return false
}
