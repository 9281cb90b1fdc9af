package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/goccy/go-yaml/ast"

	"folio/internal/diag"
	"folio/internal/frontmatter"
)

// SeriesFileName is the series file's name inside content/: a content
// folder holding it is a series, whose installments are laid out each
// as a publication in content/installments/<slug>/.
const SeriesFileName = "series.yaml"

// Series is content/series.yaml: what the installments of a series share.
type Series struct {
	Title       string
	Subtitle    string
	Language    string
	BaseURL     string // absolute, or "" when not set or a path alone
	BasePath    string // base_url when it gives a path alone (see Publication)
	Publisher   string
	Description string
	Cover       string // path relative to content/
	CoverAlt    string
	// Deploy lists where folio deploy stores the site.
	Deploy []DeployTarget

	File       string        // the file it was read from, for diagnostics
	CoverPos   diag.Position // where cover was given
	BaseURLPos diag.Position // where base_url was given; zero when it was not
	// Unreadable is set when the file is not YAML folio can read.
	Unreadable bool
}

// LoadSeries reads contentDir/series.yaml; display is the path shown in
// diagnostics.
func LoadSeries(contentDir, display string, diags *diag.List) *Series {
	s := &Series{Language: "zh-CN", File: display}
	data, err := os.ReadFile(filepath.Join(contentDir, SeriesFileName))
	if errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(diag.Position{File: display}, "series-missing", "%s not found: create it with at least a line \"title: …\"", SeriesFileName)
		return s
	} else if err != nil {
		diags.Errorf(diag.Position{File: display}, "read-error", "%v", err)
		return s
	}
	data = diag.LoneCRToLF(data)
	var titlePos, basePos diag.Position
	var hasTitle, hasBase bool
	var deploy ast.Node
	fields := []frontmatter.Field{
		{Key: "title", Target: &s.Title, Set: &hasTitle, Pos: &titlePos},
		{Key: "subtitle", Target: &s.Subtitle},
		{Key: "language", Target: &s.Language},
		{Key: "base_url", Target: &s.BaseURL, Set: &hasBase, Pos: &basePos},
		{Key: "publisher", Target: &s.Publisher},
		{Key: "description", Target: &s.Description},
		{Key: "cover", Target: &s.Cover, Pos: &s.CoverPos},
		{Key: "cover_alt", Target: &s.CoverAlt},
		{Key: "deploy", Target: &deploy},
	}
	if !frontmatter.Decode(display, data, 1, fields, "series-unknown-key", diags) {
		s.Unreadable = true
		return s
	}
	if s.Title == "" {
		pos := diag.Position{File: display, Line: 1, Col: 1}
		if hasTitle {
			pos = titlePos
		}
		diags.Errorf(pos, "series-title", "the series has no title: add a line \"title: …\"")
	}
	s.Deploy = decodeDeploy(display, deploy, "series-deploy", diags)
	s.BaseURL, s.BasePath = checkBaseURL(s.BaseURL, basePos, "series-base-url", diags)
	if hasBase {
		s.BaseURLPos = basePos
	}
	if s.Language == "" {
		s.Language = "zh-CN"
	}
	return s
}
