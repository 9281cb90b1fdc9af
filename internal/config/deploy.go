package config

import (
	"github.com/gobwas/glob"
	"github.com/goccy/go-yaml/ast"

	"folio/internal/diag"
	"folio/internal/frontmatter"
)

// DeployTarget is one item of deploy: where folio deploy stores the
// site, and which of its files. The URL is checked by folio deploy,
// which knows the storage; here only its presence.
type DeployTarget struct {
	Name             string
	URL              string
	Include, Exclude []string // glob patterns on the site's paths

	Pos    diag.Position // of the item
	URLPos diag.Position
}

func (d *DeployTarget) fields(namePos, includePos, excludePos *diag.Position) []frontmatter.Field {
	return []frontmatter.Field{
		{Key: "name", Target: &d.Name, Pos: namePos},
		{Key: "url", Target: &d.URL, Pos: &d.URLPos},
		{Key: "include", Target: &d.Include, Pos: includePos},
		{Key: "exclude", Target: &d.Exclude, Pos: excludePos},
	}
}

// DeployKeys are the keys an item of deploy: may hold.
func DeployKeys() []string { return frontmatter.Keys(new(DeployTarget).fields(nil, nil, nil)) }

// decodeDeploy reads deploy: as a list of targets, each with a name
// unique among them and a url, under rule.
func decodeDeploy(file string, n ast.Node, rule string, diags *diag.List) []DeployTarget {
	if n == nil {
		return nil
	}
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		diags.Errorf(frontmatter.NodePos(file, 1, n), "yaml-type", "deploy: expected a list of targets, each with name: and url:")
		return nil
	}
	var out []DeployTarget
	seen := map[string]diag.Position{}
	for _, item := range seq.Values {
		d := DeployTarget{Pos: frontmatter.NodePos(file, 1, item)}
		var namePos, includePos, excludePos diag.Position
		if !frontmatter.DecodeMapping(file, item, 1, d.fields(&namePos, &includePos, &excludePos), rule, diags) {
			continue
		}
		switch {
		case d.Name == "":
			diags.Errorf(d.Pos, rule, "a deploy target has no name: add \"name: …\", the name folio deploy --target takes")
			continue
		case d.URL == "":
			diags.Errorf(namePos, rule, "deploy target %q has no url: add \"url: s3://BUCKET?endpoint=…&region=…\"", d.Name)
			continue
		}
		if first, dup := seen[d.Name]; dup {
			diags.Errorf(namePos, rule, "deploy target %q is named twice: first at %s", d.Name, first)
			continue
		}
		seen[d.Name] = namePos
		bad := false
		for _, c := range []struct {
			patterns []string
			pos      diag.Position
		}{{d.Include, includePos}, {d.Exclude, excludePos}} {
			for _, p := range c.patterns {
				if _, err := glob.Compile(p, '/'); err != nil {
					diags.Errorf(c.pos, rule, "%q is not a pattern: write globs such as **.html or images/**", p)
					bad = true
				}
			}
		}
		if !bad {
			out = append(out, d)
		}
	}
	return out
}
