package config

import (
	"strings"

	"github.com/goccy/go-yaml/ast"

	"folio/internal/diag"
	"folio/internal/frontmatter"
)

// Subject is the place (or organisation) a publication is about, and the
// other names its prose gives it: figures stated for 青溪区, 全区 and 该区
// are figures of one subject.
type Subject struct {
	Name    string
	Aliases []string
}

// Names are the subject's name and aliases, the name first.
func (s Subject) Names() []string {
	if s.Name == "" {
		return s.Aliases
	}
	return append([]string{s.Name}, s.Aliases...)
}

// CheckSetting is one line of checks: in publication.yaml, a rule id and
// the severity the publisher chose for it, as written; the rules'
// registry (internal/check) validates both.
type CheckSetting struct {
	Rule, Level string
	Pos         diag.Position // of the rule id
	LevelPos    diag.Position
}

func (s *Subject) fields() []frontmatter.Field {
	return []frontmatter.Field{
		{Key: "name", Target: &s.Name},
		{Key: "aliases", Target: &s.Aliases},
	}
}

// SubjectKeys are the keys subject: may hold when it is a mapping.
func SubjectKeys() []string { return frontmatter.Keys(new(Subject).fields()) }

// decodeSubject reads subject: as a name (subject: 青溪区), a list whose
// first item is the name, or a mapping {name, aliases}.
func decodeSubject(file string, n ast.Node, diags *diag.List) Subject {
	var s Subject
	if n == nil {
		return s
	}
	if _, ok := n.(*ast.SequenceNode); ok {
		var names []string
		if err := frontmatter.DecodeValue(n, &names); err != nil || len(names) == 0 {
			diags.Errorf(frontmatter.NodePos(file, 1, n), "yaml-type", "subject: expected a name, or name: and aliases:")
			return s
		}
		return Subject{Name: names[0], Aliases: names[1:]}
	}
	if _, ok := frontmatter.Pairs(n); ok {
		frontmatter.DecodeMapping(file, n, 1, s.fields(), "publication-unknown-key", diags)
		return s
	}
	if err := frontmatter.DecodeValue(n, &s.Name); err != nil {
		diags.Errorf(frontmatter.NodePos(file, 1, n), "yaml-type", "subject: expected a name, or name: and aliases:")
	}
	return s
}

// decodeChecks reads checks: as rule: level lines, and allow: with the
// names and words no prose rule flags.
func decodeChecks(file string, n ast.Node, diags *diag.List) (settings []CheckSetting, allow []string) {
	if n == nil {
		return nil, nil
	}
	pairs, ok := frontmatter.Pairs(n)
	if !ok {
		diags.Errorf(frontmatter.NodePos(file, 1, n), "yaml-type", "checks: expected rule: error|warning|off lines, such as repeated-word: off")
		return nil, nil
	}
	for _, kv := range pairs {
		key := kv.Key.String()
		if key == "allow" {
			if err := frontmatter.DecodeValue(kv.Value, &allow); err != nil {
				diags.Errorf(frontmatter.NodePos(file, 1, kv.Value), "yaml-type", "checks: allow: expected a list of names, such as [乾隆, 蔡元培]")
			}
			continue
		}
		var level string
		if err := frontmatter.DecodeValue(kv.Value, &level); err != nil {
			level = "" // reported by the registry as a level that is not one
		}
		settings = append(settings, CheckSetting{
			Rule: key, Level: strings.TrimSpace(level),
			Pos:      frontmatter.NodePos(file, 1, kv.Key),
			LevelPos: frontmatter.NodePos(file, 1, kv.Value),
		})
	}
	return settings, allow
}
