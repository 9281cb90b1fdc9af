// Package frontmatter splits a Markdown file into its YAML front matter and
// body, and decodes YAML mappings into typed fields with positioned
// diagnostics: an unknown key is a warning naming the nearest known key, a
// value of the wrong type an error at the value.
package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"folio/internal/diag"
	"folio/internal/suggest"
)

// Split separates front matter delimited by "---" lines from the body. yamlLine
// is the 1-based file line the YAML starts on; bodyOffset the byte offset of
// the body. A file without an opening "---" line has no front matter. ok is
// false when the opening line has no closing one.
func Split(data []byte) (yamlText []byte, yamlLine int, body []byte, bodyOffset int, ok bool) {
	skipped := 0 // a BOM is not content, but offsets are into the original data
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		data, skipped = data[3:], 3
	}
	first, rest, found := bytes.Cut(data, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != "---" || !found {
		return nil, 0, data, skipped, true
	}
	offset := len(first) + 1
	for line := 2; ; line++ {
		l, next, more := bytes.Cut(rest, []byte("\n"))
		if t := string(bytes.TrimRight(l, " \t\r")); t == "---" || t == "..." {
			yamlText = data[len(first)+1 : offset]
			end := offset + len(l)
			if more {
				end++
			}
			return yamlText, 2, data[end:], end + skipped, true
		}
		if !more {
			return data[len(first)+1:], 2, nil, len(data), false
		}
		offset += len(l) + 1
		rest = next
	}
}

// Field is one known key of a mapping: where its value goes.
type Field struct {
	Key    string
	Target any // *string, *int, *bool, *[]string, *time.Time, or *ast.Node for the raw value
	// Set, when not nil, is set to true when the key is present.
	Set *bool
	// Pos, when not nil, receives the position of the value.
	Pos *diag.Position
}

// Keys returns the keys of fields, in order.
func Keys(fields []Field) []string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.Key
	}
	return keys
}

// Decode parses yamlText (starting on file line firstLine of file) as a
// mapping and fills fields. All problems are added to diags; it returns
// false when the YAML could not be parsed at all.
func Decode(file string, yamlText []byte, firstLine int, fields []Field, unknownRule string, diags *diag.List) bool {
	body, ok := Parse(file, yamlText, firstLine, diags)
	if !ok {
		return false
	}
	if body == nil {
		return true
	}
	return DecodeMapping(file, body, firstLine, fields, unknownRule, diags)
}

// Parse parses yamlText into its first document's body node; nil for an
// empty document. Syntax errors are added to diags at their position.
func Parse(file string, yamlText []byte, firstLine int, diags *diag.List) (ast.Node, bool) {
	return ParseIndented(file, yamlText, firstLine, 0, diags)
}

// ParseIndented is Parse for YAML whose every line stands indent spaces
// further in in the file, as a block's inside a Markdown list item: the
// indents messages give are the file's.
func ParseIndented(file string, yamlText []byte, firstLine, indent int, diags *diag.List) (ast.Node, bool) {
	if len(bytes.TrimSpace(yamlText)) == 0 {
		return nil, true
	}
	if len(yamlText) > MaxYAMLBytes {
		diags.Errorf(TokenPos(file, firstLine, nil), "yaml-too-large",
			"the YAML is %s; folio reads at most %s of it: split the data or move long text into the Markdown", sizeText(len(yamlText)), sizeText(MaxYAMLBytes))
		return nil, false
	}
	if off, what := tooDeep(yamlText); off >= 0 {
		line, col := lineCol(yamlText, off)
		diags.Errorf(diag.Position{File: file, Line: firstLine + line - 1, Col: col}, "yaml-too-deep",
			"the YAML nests %s here: front matter and data need a few levels; write the values out flatter", what)
		return nil, false
	}
	if bytes.IndexByte(yamlText, '\r') >= 0 {
		// The YAML parser miscounts lines with carriage returns: a lone
		// CR is a break to it and not to Source, and a CRLF ending a
		// comment counts twice (both found by FuzzSplitDecode). Only
		// lines and columns are taken from it, and neither changes when
		// each CRLF becomes LF and each lone CR too.
		yamlText = diag.LoneCRToLF(bytes.ReplaceAll(yamlText, []byte("\r\n"), []byte("\n")))
	}
	f, err := parser.ParseBytes(yamlText, 0)
	if err != nil {
		reportSyntax(diags, file, firstLine, indent, yamlText, err)
		return nil, false
	}
	if len(f.Docs) == 0 || f.Docs[0] == nil || f.Docs[0].Body == nil {
		return nil, true
	}
	// An alias repeats what its anchor holds; nested aliases grow
	// exponentially when decoded (the "billion laughs"). Nothing folio
	// reads needs them. An alias with no anchor at all is text an editor
	// began with an asterisk.
	if aliases := ast.Filter(ast.AliasType, f.Docs[0].Body); len(aliases) > 0 && len(ast.Filter(ast.AnchorType, f.Docs[0].Body)) == 0 {
		report(diags, NodePos(file, firstLine, aliases[0]), &finding{what: mReserved, text: "*", value: aliases[0].String()})
		return nil, false
	}
	for _, typ := range []ast.NodeType{ast.AnchorType, ast.AliasType} {
		if found := ast.Filter(typ, f.Docs[0].Body); len(found) > 0 {
			diags.Errorf(NodePos(file, firstLine, found[0]), "yaml-alias",
				"anchors and aliases (&name, *name) are not accepted: write the value out where it is used")
			return nil, false
		}
	}
	return f.Docs[0].Body, true
}

// MaxYAMLBytes bounds a front matter or data file: the YAML parser's time
// and memory grow faster than its input on hostile text.
const MaxYAMLBytes = 4 << 20

// Nesting limits, far beyond what front matter or indicator data need,
// checked before parsing because the parser slows down quadratically on
// deep nesting (100,000 brackets took half a minute).
const (
	maxFlowDepth   = 64  // [ and { inside each other
	maxBlockIndent = 256 // columns of indentation, sequence dashes included
)

// tooDeep returns the offset where yamlText nests beyond the limits and
// what it nests, or -1. It scans bytes, skipping quoted text and comments.
func tooDeep(yamlText []byte) (int, string) {
	depth, indent, lineStart := 0, 0, true
	var quote, prev byte // prev: the last byte on this line that is not a space
	prevOpened := false  // prev is a bracket that opened a collection
	for i := 0; i < len(yamlText); i++ {
		c := yamlText[i]
		if quote != 0 {
			switch {
			case c == '\\' && quote == '"':
				i++
			case c == quote:
				quote = 0
			}
			continue
		}
		if c == '\n' {
			indent, lineStart, prev, prevOpened = 0, true, 0, false
			continue
		}
		if lineStart {
			// Indentation, including "- " and "? " markers of nested
			// block collections on one line.
			if c == ' ' || c == '\t' || ((c == '-' || c == '?') && i+1 < len(yamlText) && (yamlText[i+1] == ' ' || yamlText[i+1] == '\t')) {
				if indent++; indent > maxBlockIndent {
					return i, fmt.Sprintf("deeper than %d columns of indentation", maxBlockIndent)
				}
				continue
			}
			lineStart = false
		}
		p, opened := prev, prevOpened
		if c != ' ' && c != '\t' {
			prev, prevOpened = c, false
		}
		// Where a value starts: after a colon, dash, comma, question mark
		// or an opening bracket that opened a collection, or first on the
		// line. Elsewhere a bracket or quote is text of a plain scalar.
		valueStart := p == 0 || strings.IndexByte(":-,?", p) >= 0 || (p == '[' || p == '{') && opened
		switch c {
		case '"', '\'':
			// A quote opens a quoted scalar only where a value starts
			// (an apostrophe inside plain text does not).
			if valueStart {
				quote = c
			}
		case '#':
			for i < len(yamlText) && yamlText[i] != '\n' {
				i++
			}
			i--
		case '[', '{':
			if !valueStart {
				break
			}
			prevOpened = true
			if depth++; depth > maxFlowDepth {
				return i, fmt.Sprintf("more than %d brackets deep", maxFlowDepth)
			}
		case ']', '}':
			depth = max(0, depth-1)
		}
	}
	return -1, ""
}

// lineCol converts a byte offset of text to a 1-based line and column in
// characters.
func lineCol(text []byte, off int) (line, col int) {
	line = 1 + bytes.Count(text[:off], []byte("\n"))
	lineStart := bytes.LastIndexByte(text[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(text[lineStart:off])
}

func sizeText(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

// TokenPos converts a YAML token's position to a file position, for YAML
// that starts on line firstLine of file.
func TokenPos(file string, firstLine int, tk *token.Token) diag.Position {
	if tk == nil || tk.Position == nil {
		return diag.Position{File: file, Line: firstLine, Col: 1}
	}
	return diag.Position{File: file, Line: tk.Position.Line + firstLine - 1, Col: tk.Position.Column}
}

// NodePos is the position where node n starts.
func NodePos(file string, firstLine int, n ast.Node) diag.Position {
	return TokenPos(file, firstLine, startToken(n))
}

// Pairs returns the key: value pairs of a mapping node, or false when n is
// not a mapping.
func Pairs(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch n := n.(type) {
	case *ast.MappingNode:
		return n.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}, true
	}
	return nil, false
}

// DecodeMapping fills fields from a mapping node.
func DecodeMapping(file string, body ast.Node, firstLine int, fields []Field, unknownRule string, diags *diag.List) bool {
	pos := func(n ast.Node) diag.Position { return NodePos(file, firstLine, n) }
	pairs, ok := Pairs(body)
	if !ok {
		notMapping(file, firstLine, body, diags)
		return false
	}
	known := make([]string, len(fields))
	for i, f := range fields {
		known[i] = f.Key
	}
	for _, kv := range pairs {
		key := kv.Key.String()
		var field *Field
		for i := range fields {
			if fields[i].Key == key {
				field = &fields[i]
			}
		}
		if field == nil {
			if s := suggest.Nearest(key, known); s != "" {
				diags.Warnf(pos(kv.Key), unknownRule, "unknown key %q; did you mean %q?", key, s)
			} else {
				diags.Warnf(pos(kv.Key), unknownRule, "unknown key %q; known keys: %s", key, strings.Join(known, ", "))
			}
			continue
		}
		vpos := pos(kv.Value)
		if field.Pos != nil {
			*field.Pos = vpos
		}
		if field.Set != nil {
			*field.Set = true
		}
		if err := decodeValue(kv.Value, field.Target); err != nil {
			diags.Errorf(vpos, "yaml-type", "%s: %v", key, err)
		}
	}
	return true
}

// startToken returns the first token of a node: for a mapping, its first
// key rather than the ":" goccy reports.
func startToken(n ast.Node) *token.Token {
	switch n := n.(type) {
	case *ast.MappingNode:
		if len(n.Values) > 0 {
			return n.Values[0].Key.GetToken()
		}
	case *ast.MappingValueNode:
		return n.Key.GetToken()
	}
	return n.GetToken()
}

// DecodeValue decodes one value node into target, one of the types Field
// takes; a null leaves it as it is.
func DecodeValue(n ast.Node, target any) error { return decodeValue(n, target) }

func decodeValue(n ast.Node, target any) error {
	if _, isNull := n.(*ast.NullNode); isNull {
		return nil
	}
	switch t := target.(type) {
	case *ast.Node:
		*t = n
	case *string:
		switch n.(type) {
		case *ast.MappingNode, *ast.MappingValueNode, *ast.SequenceNode:
			return errors.New("expected text, found a " + kindName(n))
		}
		var s string
		if err := yaml.NodeToValue(n, &s); err != nil {
			return errors.New("expected text")
		}
		*t = strings.TrimSpace(s)
	case *int:
		var v int
		if err := yaml.NodeToValue(n, &v); err != nil {
			return fmt.Errorf("expected a whole number, found %q", n.String())
		}
		*t = v
	case *bool:
		var v bool
		if err := yaml.NodeToValue(n, &v); err != nil {
			return fmt.Errorf("expected true or false, found %q", n.String())
		}
		*t = v
	case *[]int:
		var v []int
		if err := yaml.NodeToValue(n, &v); err != nil {
			return errors.New("expected a list of whole numbers, e.g. [480, 960, 1440]")
		}
		*t = v
	case *[]string:
		var v []string
		if err := yaml.NodeToValue(n, &v); err != nil {
			var one string
			if err := yaml.NodeToValue(n, &one); err != nil {
				return errors.New("expected a list of texts")
			}
			v = []string{one}
		}
		*t = v
	case *time.Time:
		var s string
		if err := yaml.NodeToValue(n, &s); err != nil {
			return errors.New("expected a date such as 2021-07-01")
		}
		d, err := ParseDate(s)
		if err != nil {
			return err
		}
		*t = d
	default:
		return fmt.Errorf("internal: unsupported target %T", target)
	}
	return nil
}

// ParseDate accepts the date forms editors write: 2021-07-01, optionally
// with a time (2021-07-01T08:00:00+08:00 or "2021-07-01 08:00").
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("expected a date such as 2021-07-01, found %q", s)
}

func kindName(n ast.Node) string {
	switch n.(type) {
	case *ast.SequenceNode:
		return "list"
	default:
		return "mapping"
	}
}
