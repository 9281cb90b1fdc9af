// Package xref is a goldmark extension that resolves the links and images an
// editor writes as file paths: a link to another chapter's Markdown file
// (04-livelihood.md#五个一) becomes the relative URL of that page, an image
// path becomes the relative URL of the copied image, and every target that
// does not exist is reported at its position.
package xref

import (
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"folio/internal/urls"
)

// Resolver knows the publication's pages and images. It is implemented by
// the site pipeline.
type Resolver interface {
	// PageURL returns the site path of the page read from a
	// content-relative Markdown path.
	PageURL(rel string) (string, bool)
	// Image resolves an image reference written in a file of content
	// folder fromDir to a content-relative path, or returns why it cannot.
	Image(fromDir, ref string) (rel string, problem string)
}

// Link is a resolved link to another page with a fragment, recorded so the
// fragment can be checked once every page's heading ids are known.
type Link struct {
	Offset   int    // byte offset in the document
	Target   string // content-relative path of the target page
	Fragment string // unescaped
}

// Problem is a target that could not be resolved.
type Problem struct {
	Offset  int
	Rule    string
	Message string
}

// Env is the per-document state: where the document is and what was found.
type Env struct {
	RelPath  string // content-relative path of the document
	URL      string // its site path
	Resolver Resolver

	Links    []Link
	Images   []string // content-relative paths of images used
	Problems []Problem
}

var envKey = parser.NewContextKey()

// WithEnv stores env in a parser context.
func WithEnv(pc parser.Context, env *Env) { pc.Set(envKey, env) }

type transformer struct{}

// Transform rewrites link and image destinations in place.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	env, _ := pc.Get(envKey).(*Env)
	if env == nil || env.Resolver == nil {
		return
	}
	source := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if dest, ok := env.link(n, string(n.Destination), source); ok {
				n.Destination = []byte(dest)
			}
		case *ast.Image:
			if dest, ok := env.image(n, string(n.Destination), source); ok {
				n.Destination = []byte(dest)
			}
		}
		return ast.WalkContinue, nil
	})
}

func isExternal(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	u, err := url.Parse(dest)
	return err == nil && u.Scheme != ""
}

func (env *Env) link(n ast.Node, dest string, source []byte) (string, bool) {
	if dest == "" || strings.HasPrefix(dest, "#") || isExternal(dest) {
		return "", false
	}
	file, fragment, _ := strings.Cut(dest, "#")
	if !strings.HasSuffix(strings.ToLower(file), ".md") {
		return "", false // a link to something else of the site's; left as written
	}
	file, err := url.PathUnescape(file)
	if err != nil {
		env.problem(n, source, "link-broken", "link target "+dest+" is not a valid path")
		return "", false
	}
	if frag, err := url.PathUnescape(fragment); err == nil {
		fragment = frag
	}
	target := path.Join(path.Dir(env.RelPath), file)
	if strings.HasPrefix(file, "/") {
		target = path.Clean(strings.TrimPrefix(file, "/"))
	}
	pageURL, ok := env.Resolver.PageURL(target)
	if !ok {
		env.problem(n, source, "link-broken", "link to "+file+": no such page in the publication (resolved to content/"+target+"); check the file name, or whether the page is a draft")
		return "", false
	}
	out := urls.Rel(env.URL, pageURL)
	if fragment != "" {
		env.Links = append(env.Links, Link{Offset: offsetOf(n, source), Target: target, Fragment: fragment})
		out += "#" + url.PathEscape(fragment)
	}
	return out, true
}

func (env *Env) image(n ast.Node, dest string, source []byte) (string, bool) {
	if dest == "" || isExternal(dest) {
		if dest == "" {
			env.problem(n, source, "image-missing", "image without a path: write ![description](images/photo.jpg)")
		}
		return "", false
	}
	ref, err := url.PathUnescape(dest)
	if err != nil {
		ref = dest
	}
	rel, why := env.Resolver.Image(path.Dir(env.RelPath), ref)
	if why != "" {
		env.problem(n, source, "image-missing", "image \""+ref+"\" "+why)
		return "", false
	}
	env.Images = append(env.Images, rel)
	return urls.Rel(env.URL, (&url.URL{Path: rel}).EscapedPath()), true
}

func (env *Env) problem(n ast.Node, source []byte, rule, msg string) {
	env.Problems = append(env.Problems, Problem{Offset: offsetOf(n, source), Rule: rule, Message: msg})
}

// offsetOf finds where an inline node starts in the source: inline nodes
// carry no position of their own, so take the first text inside it and step
// back over the opening bracket; failing that, the start of the enclosing
// block.
func offsetOf(n ast.Node, source []byte) int {
	var found = -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			found = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if found >= 0 {
		back := 1 // "["
		if n.Kind() == ast.KindImage {
			back = 2 // "!["
		}
		for i := 0; i < back && found > 0 && (source[found-1] == '[' || source[found-1] == '!'); i++ {
			found--
		}
		return found
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

type extension struct{}

// Extension resolves links and images; the Env comes with each Parse call's
// context (WithEnv).
var Extension goldmark.Extender = extension{}

func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 500)))
}
