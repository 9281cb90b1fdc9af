// Package markdown converts a page's Markdown to HTML with goldmark: GFM,
// footnotes, CJK line breaks, attributes, heading ids that keep Chinese, and
// folio's own extensions. It also extracts what layouts need from the
// document: the section outline, plain text for reading time and a summary.
package markdown

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"folio/internal/markdown/datablock"
	"folio/internal/markdown/dataref"
	"folio/internal/markdown/headingid"
	"folio/internal/markdown/mdenv"
	"folio/internal/markdown/pictures"
	"folio/internal/markdown/tablescroll"
	"folio/internal/markdown/xref"
)

// Options configure a Converter.
type Options struct {
	AllowHTML bool // pass raw HTML through; otherwise it is left out
}

// Converter turns Markdown documents into HTML. It is safe for concurrent
// use; build one per build and reuse it for every page.
type Converter struct {
	md goldmark.Markdown
}

// New returns a Converter.
func New(opts Options) *Converter {
	htmlOpts := []renderer.Option{}
	if opts.AllowHTML {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignStyle)),
			extension.Strikethrough,
			extension.Linkify,
			extension.TaskList,
			extension.NewFootnote(
				extension.WithFootnoteBacklinkTitle("返回正文"),
				extension.WithFootnoteLinkTitle("查看注释"),
			),
			// Soft line breaks between Chinese characters add no space:
			// editors wrap long Chinese lines and expect them joined.
			extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft), extension.WithEscapedSpace()),
			tablescroll.Extension,
			xref.Extension,
			pictures.Extension,
			dataref.Extension,
			datablock.Extension,
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		goldmark.WithRendererOptions(append(htmlOpts, renderer.WithNodeRenderers(
			util.Prioritized(commentRenderer{unsafe: opts.AllowHTML}, 100),
			util.Prioritized(newHeadingTail(), 100),
		))...),
	)
	return &Converter{md: md}
}

// Heading is one entry of a page's outline.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Result is a converted document.
type Result struct {
	HTML      string          // a string: pages, search and editions share it without copies
	Headings  []Heading       // every heading, in order
	IDs       map[string]bool // every element id the document defines
	FirstPara string          // plain text of the first paragraph
	Minutes   int             // ReadingMinutes of the document's plain text
	// Doc is the parsed document, after folio's transformers, for the
	// editorial checks; Source is what its segments point into.
	Doc    ast.Node
	Source []byte
}

// renderBuf is what a page is rendered into. goldmark buffers its
// writes through a bufio.Writer of its own, made for every page, unless
// the writer is one already.
type renderBuf struct {
	html bytes.Buffer
	w    *bufio.Writer // over html
}

var bufPool = sync.Pool{New: func() any {
	b := new(renderBuf)
	b.w = bufio.NewWriter(&b.html)
	return b
}}

// Convert renders source. env receives resolved links and images and
// reports problems; nil or a nil Resolver leaves links as written.
func (c *Converter) Convert(source []byte, env *mdenv.Env) (res *Result, err error) {
	// goldmark's CJK line-break rendering indexes before the start of a
	// text that begins with a stray UTF-8 continuation byte (found by
	// FuzzConvert): refuse invalid text, and turn any other panic of the
	// renderer into an error rather than a crashed build.
	if !utf8.Valid(source) {
		return nil, errors.New("the text is not valid UTF-8")
	}
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("the Markdown renderer failed: %v", r)
		}
	}()
	ids := headingid.New()
	pc := parser.NewContext(parser.WithIDs(ids))
	if env != nil {
		mdenv.With(pc, env)
	}
	doc := c.md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))
	buf := bufPool.Get().(*renderBuf)
	defer bufPool.Put(buf)
	buf.html.Reset()
	buf.w.Reset(&buf.html)
	if err := c.md.Renderer().Render(buf.w, source, doc); err != nil {
		return nil, err
	}
	if err := buf.w.Flush(); err != nil {
		return nil, err
	}
	res = &Result{HTML: buf.html.String(), IDs: map[string]bool{}, Doc: doc, Source: source}
	var reading readingTime
	var text []byte // each paragraph's, in turn
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				res.IDs[string(b)] = true
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			res.Headings = append(res.Headings, Heading{Level: n.Level, ID: string(idb), Text: PlainText(n, source)})
		case *ast.Paragraph:
			text = appendPlainText(text[:0], n, source)
			if res.FirstPara == "" && n.Parent() == doc {
				res.FirstPara = JoinLines(string(text))
			}
			reading = reading.addLines(text)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// Footnote ids are made by the renderer, not the parser: record them so
	// links to #fn:1 can be checked too.
	for i := 1; i <= countFootnotes(doc); i++ {
		res.IDs["fn:"+strconv.Itoa(i)] = true
		res.IDs["fnref:"+strconv.Itoa(i)] = true
	}
	// The paragraphs are counted one by one, not joined: only the
	// reading time was read from their text.
	res.Minutes = reading.minutes()
	return res, nil
}

func countFootnotes(doc ast.Node) int {
	n := 0
	_ = ast.Walk(doc, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Kind() == east.KindFootnote {
			n++
		}
		return ast.WalkContinue, nil
	})
	return n
}

// PlainText returns the text content of n, with soft line breaks inside
// Chinese text joined without a space.
func PlainText(n ast.Node, source []byte) string {
	return JoinLines(string(appendPlainText(nil, n, source)))
}

// appendPlainText appends the text content of n to b, soft line breaks
// as they are.
func appendPlainText(b []byte, n ast.Node, source []byte) []byte {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b = append(b, c.Segment.Value(source)...)
			if c.SoftLineBreak() {
				b = append(b, '\n')
			}
		case *ast.String:
			b = append(b, c.Value...)
		case *ast.CodeSpan:
			for ch := c.FirstChild(); ch != nil; ch = ch.NextSibling() {
				if t, ok := ch.(*ast.Text); ok {
					b = append(b, t.Segment.Value(source)...)
				}
			}
			return ast.WalkSkipChildren, nil
		case *east.FootnoteLink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b
}

// commentRenderer drops HTML comments (such as <!-- folio:ignore … -->)
// instead of marking them as omitted raw HTML: they are notes to editors
// and to folio, never content.
type commentRenderer struct{ unsafe bool }

func (c commentRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*ast.HTMLBlock)
		if n.HTMLBlockType == ast.HTMLBlockType2 {
			return ast.WalkSkipChildren, nil // <!-- … -->
		}
		// Otherwise as goldmark's own renderer does.
		if !c.unsafe {
			if entering || n.HasClosure() {
				_, _ = w.WriteString("<!-- raw HTML omitted -->\n")
			}
			return ast.WalkContinue, nil
		}
		if entering {
			for i := range n.Lines().Len() {
				line := n.Lines().At(i)
				_, _ = w.Write(line.Value(source))
			}
		} else if n.HasClosure() {
			_, _ = w.Write(n.ClosureLine.Value(source))
		}
		return ast.WalkContinue, nil
	})
}
