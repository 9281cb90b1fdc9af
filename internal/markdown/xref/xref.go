// Package xref is a goldmark extension that resolves the links an editor
// writes as file paths: a link to another chapter's Markdown file
// (04-livelihood.md#五个一) becomes the relative URL of that page, and every
// target that does not exist is reported at its position. (Images are
// resolved by the pictures extension.)
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

	"folio/internal/markdown/mdenv"
	"folio/internal/msg"
	"folio/internal/urls"
)

type transformer struct{}

// Transform rewrites link and image destinations in place.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	env := mdenv.From(pc)
	if env == nil || env.Resolver == nil {
		return
	}
	source := reader.Source()
	var unlink []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			dest, ok, held := link(env, n, string(n.Destination), source)
			if ok {
				n.Destination = []byte(dest)
			} else if held {
				unlink = append(unlink, n)
			}
		}
		return ast.WalkContinue, nil
	})
	// A link to a page not published yet is its text alone.
	for _, n := range unlink {
		parent := n.Parent()
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// A HeldResolver also knows the pages a build leaves out for now: those
// of an installment of a series that is scheduled or a draft.
type HeldResolver interface {
	// Held reports why the page read from a content-relative path is
	// not published by this build.
	Held(rel string) (why msg.Text, held bool)
}

func isExternal(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	u, err := url.Parse(dest)
	return err == nil && u.Scheme != ""
}

func link(env *mdenv.Env, n ast.Node, dest string, source []byte) (out string, ok, held bool) {
	if dest == "" || strings.HasPrefix(dest, "#") || isExternal(dest) {
		return "", false, false
	}
	file, fragment, _ := strings.Cut(dest, "#")
	if !strings.HasSuffix(strings.ToLower(file), ".md") {
		return "", false, false // a link to something else of the site's; left as written
	}
	file, err := url.PathUnescape(file)
	if err != nil {
		env.Errorf(OffsetOf(n, source), "broken-link", "link target %s is not a valid path", dest)
		return "", false, false
	}
	if frag, err := url.PathUnescape(fragment); err == nil {
		fragment = frag
	}
	target := path.Join(path.Dir(env.RelPath), file)
	if strings.HasPrefix(file, "/") {
		target = path.Clean(strings.TrimPrefix(file, "/"))
	}
	env.LinkTo(target)
	pageURL, ok := env.Resolver.PageURL(target)
	if !ok {
		if h, ok := env.Resolver.(HeldResolver); ok {
			if why, held := h.Held(target); held {
				env.Warnf(OffsetOf(n, source), "link-held", "link to %s: %s; it shows as plain text until a build publishes it", file, why)
				return "", false, true
			}
		}
		env.Errorf(OffsetOf(n, source), "broken-link", "link to %s: no such page in the publication (resolved to content/%s); check the file name, or whether the page is a draft", file, target)
		return "", false, false
	}
	out = urls.Rel(env.URL, pageURL)
	if fragment != "" {
		env.Links = append(env.Links, mdenv.Link{Offset: OffsetOf(n, source), Target: target, Fragment: fragment})
		out += "#" + url.PathEscape(fragment)
	}
	return out, true, false
}

// OffsetOf finds where an inline node starts in the source: inline nodes
// carry no position of their own, so take the first text inside it and step
// back over the opening bracket; failing that, the start of the enclosing
// block.
func OffsetOf(n ast.Node, source []byte) int {
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

// Extension resolves links; the mdenv.Env comes with each Parse call's
// context.
var Extension goldmark.Extender = extension{}

func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 500)))
}
