package upload

import (
	"github.com/gobwas/glob"

	"folio/internal/msg"
)

// Filter is a deploy target's include and exclude patterns, compiled.
type Filter struct {
	include, exclude []glob.Glob
}

// NewFilter compiles glob patterns on keys: * stays within a folder, **
// spans folders, {a,b} is either, as in hugo deploy's include and
// exclude.
func NewFilter(include, exclude []string) (Filter, error) {
	var f Filter
	for _, c := range []struct {
		patterns []string
		into     *[]glob.Glob
	}{{include, &f.include}, {exclude, &f.exclude}} {
		for _, p := range c.patterns {
			g, err := glob.Compile(p, '/')
			if err != nil {
				return Filter{}, msg.Errorf("%q is not a pattern folio can read: %v", p, err)
			}
			*c.into = append(*c.into, g)
		}
	}
	return f, nil
}

// Match reports whether key is deployed.
func (f Filter) Match(key string) bool {
	if key == ManifestKey {
		return false
	}
	if len(f.include) > 0 && !matchAny(f.include, key) {
		return false
	}
	return !matchAny(f.exclude, key)
}

func matchAny(globs []glob.Glob, key string) bool {
	for _, g := range globs {
		if g.Match(key) {
			return true
		}
	}
	return false
}
