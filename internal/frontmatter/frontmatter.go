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
	if len(bytes.TrimSpace(yamlText)) == 0 {
		return nil, true
	}
	f, err := parser.ParseBytes(yamlText, 0)
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) {
			diags.Errorf(TokenPos(file, firstLine, ye.GetToken()), "yaml-syntax", "invalid YAML: %s", ye.GetMessage())
		} else {
			diags.Errorf(TokenPos(file, firstLine, nil), "yaml-syntax", "invalid YAML: %v", err)
		}
		return nil, false
	}
	if len(f.Docs) == 0 || f.Docs[0] == nil || f.Docs[0].Body == nil {
		return nil, true
	}
	return f.Docs[0].Body, true
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
		diags.Errorf(pos(body), "yaml-not-mapping", "expected key: value lines, found %s", body.Type())
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
			msg := fmt.Sprintf("unknown key %q", key)
			if s := suggest.Nearest(key, known); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; known keys: " + strings.Join(known, ", ")
			}
			diags.Warnf(pos(kv.Key), unknownRule, "%s", msg)
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
