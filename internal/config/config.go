// Package config reads publication.yaml, the publication's metadata, and
// holds the options a build is run with.
package config

import (
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"folio/internal/diag"
	"folio/internal/frontmatter"
)

// Publication is the content of content/publication.yaml.
type Publication struct {
	Title    string
	Subtitle string
	Series   string
	Dek      string
	Language string
	BaseURL  string // absolute, or "" when not set or a path alone
	// BasePath is base_url when it gives only the path the site will be
	// served at (/ or /gaoxin/), the host not being known yet: 404.html
	// links to it, and nothing absolute is written.
	BasePath    string
	Published   time.Time
	Publisher   string
	Description string
	Cover       string // path relative to content/
	CoverAlt    string
	AllowHTML   bool // raw HTML in Markdown passes through instead of being dropped
	// ImageWidths and ImageQuality configure the responsive variants of
	// every raster image (zero values: the defaults).
	ImageWidths  []int
	ImageQuality int
	// Glossary lists Latin terms and names the Chinese text may use;
	// CJKSpacing is the house style between Chinese and Latin letters or
	// digits: none, space, or "" for no rule.
	Glossary   []string
	CJKSpacing string
	// Subject is the place the publication is about, with the names its
	// prose gives it; Checks the publisher's severities for the rules,
	// and CheckAllow the names and words no prose rule flags.
	Subject    Subject
	Checks     []CheckSetting
	CheckAllow []string
	// Weight and Draft place an installment of a series: its order among
	// the others (lower first), and whether it is held back unless
	// drafts are built.
	Weight int
	Draft  bool
	// Deploy lists where folio deploy stores the site.
	Deploy []DeployTarget

	File       string        // the file it was read from, for diagnostics
	CoverPos   diag.Position // where cover was given
	BaseURLPos diag.Position // where base_url was given; zero when it was not
	// Unreadable is set when the file is not YAML folio can read: its
	// error is reported, and the settings are the defaults, so nothing
	// that depends on them (the editorial rules, base_url) is reported
	// until it is fixed.
	Unreadable bool
}

// FileName is the publication file's name inside content/.
const FileName = "publication.yaml"

// Load reads contentDir/publication.yaml. display is the path shown in
// diagnostics. A missing file is an error: every publication has a title.
func Load(contentDir, display string, diags *diag.List) *Publication {
	p := &Publication{Language: "zh-CN", File: display}
	data, err := os.ReadFile(filepath.Join(contentDir, FileName))
	data = diag.LoneCRToLF(data)
	if errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(diag.Position{File: display}, "publication-missing",
			"%s not found: create it with at least a line \"title: …\"", FileName)
		return p
	} else if err != nil {
		diags.Errorf(diag.Position{File: display}, "read-error", "%v", err)
		return p
	}
	var l loaded
	fields := p.fields(&l)
	if !frontmatter.Decode(display, data, 1, fields, "publication-unknown-key", diags) {
		p.Unreadable = true
		return p
	}
	p.Subject = decodeSubject(display, l.subject, diags)
	p.Checks, p.CheckAllow = decodeChecks(display, l.checks, diags)
	p.Deploy = decodeDeploy(display, l.deploy, "publication-deploy", diags)
	if p.Title == "" {
		pos := diag.Position{File: display, Line: 1, Col: 1}
		if l.hasTitle {
			pos = l.titlePos
		}
		diags.Errorf(pos, "publication-title", "the publication has no title: add a line \"title: …\"")
	}
	p.BaseURL, p.BasePath = checkBaseURL(p.BaseURL, l.basePos, "publication-base-url", diags)
	if l.hasBase {
		p.BaseURLPos = l.basePos
	}
	if p.Language == "" {
		p.Language = "zh-CN"
	}
	for _, w := range p.ImageWidths {
		if w < 16 || w > 8192 {
			diags.Errorf(l.widthsPos, "publication-image-widths", "image_widths: %d is not a sensible image width (16 to 8192 pixels)", w)
			p.ImageWidths = nil
			break
		}
	}
	if p.CJKSpacing != "" && p.CJKSpacing != "none" && p.CJKSpacing != "space" {
		diags.Errorf(l.spacingPos, "publication-cjk-spacing", "cjk_spacing must be none (GDP增长) or space (GDP 增长), not %q", p.CJKSpacing)
		p.CJKSpacing = ""
	}
	if p.ImageQuality < 0 || p.ImageQuality > 100 {
		diags.Errorf(l.qualityPos, "publication-image-quality", "image_quality must be between 1 and 100")
		p.ImageQuality = 0
	}
	return p
}

// checkBaseURL returns base_url as given at pos when it is an absolute
// http(s) URL, or the path it gives alone (/ or /gaoxin/: the host is
// not known yet); what is wrong with it is reported under rule.
func checkBaseURL(raw string, pos diag.Position, rule string, diags *diag.List) (baseURL, basePath string) {
	if base := strings.TrimSpace(raw); strings.HasPrefix(base, "/") && !strings.HasPrefix(base, "//") {
		if u, err := url.Parse(base); err != nil || u.RawQuery != "" || u.Fragment != "" {
			diags.Errorf(pos, rule, "base_url %q: a path alone, such as / or /gaoxin/, has no query or fragment", base)
			return "", ""
		}
		return "", BasePath(base)
	}
	if raw != "" {
		if _, err := NormalizeBaseURL(raw); err != nil {
			diags.Errorf(pos, rule, "%v", err)
			return "", ""
		}
	}
	return raw, ""
}

// loaded is what Load reads of publication.yaml besides the
// Publication's own fields: where values were given, and the mappings
// decoded after the rest.
type loaded struct {
	titlePos, basePos, widthsPos, qualityPos, spacingPos diag.Position
	hasTitle, hasBase                                    bool
	subject, checks, deploy                              ast.Node
}

// fields are publication.yaml's keys and where each value goes.
func (p *Publication) fields(l *loaded) []frontmatter.Field {
	return []frontmatter.Field{
		{Key: "title", Target: &p.Title, Set: &l.hasTitle, Pos: &l.titlePos},
		{Key: "subtitle", Target: &p.Subtitle},
		{Key: "series", Target: &p.Series},
		{Key: "dek", Target: &p.Dek},
		{Key: "language", Target: &p.Language},
		{Key: "base_url", Target: &p.BaseURL, Set: &l.hasBase, Pos: &l.basePos},
		{Key: "published", Target: &p.Published},
		{Key: "publisher", Target: &p.Publisher},
		{Key: "description", Target: &p.Description},
		{Key: "cover", Target: &p.Cover, Pos: &p.CoverPos},
		{Key: "cover_alt", Target: &p.CoverAlt},
		{Key: "allow_html", Target: &p.AllowHTML},
		{Key: "image_widths", Target: &p.ImageWidths, Pos: &l.widthsPos},
		{Key: "image_quality", Target: &p.ImageQuality, Pos: &l.qualityPos},
		{Key: "glossary", Target: &p.Glossary},
		{Key: "cjk_spacing", Target: &p.CJKSpacing, Pos: &l.spacingPos},
		{Key: "subject", Target: &l.subject},
		{Key: "checks", Target: &l.checks},
		{Key: "weight", Target: &p.Weight},
		{Key: "draft", Target: &p.Draft},
		{Key: "deploy", Target: &l.deploy},
	}
}

// Keys are the keys publication.yaml may hold.
func Keys() []string { return frontmatter.Keys(new(Publication).fields(new(loaded))) }

// NormalizeBaseURL checks that s is an absolute http(s) URL and returns it
// with a trailing slash, so page paths can be appended to it.
func NormalizeBaseURL(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errors.New("base_url must be an absolute http or https URL such as https://example.org/gaoxin/")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", errors.New("base_url must not have a query or fragment")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	return u.String(), nil
}

// BasePath is the path part of a normalized base URL ("/gaoxin/"), or "/".
func BasePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil {
		return "/"
	}
	p := path.Clean("/" + u.Path)
	if p != "/" {
		p += "/"
	}
	return p
}

// Options are what a build is run with, from the command line.
type Options struct {
	Src     string // the site folder: content/, and optionally layouts/ and assets/
	Out     string // the output folder; default Src/public
	BaseURL string // overrides publication.yaml's base_url
	Drafts  bool   // include pages marked draft
	Strict  bool   // warnings fail the build
	NoCache bool   // process every image and bundle afresh, without .cache/folio
}
